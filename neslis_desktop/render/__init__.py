"""Turning a project into Office files: the deck (python-pptx) and the draft (python-docx).

Depends on :mod:`neslis_desktop.model` and :mod:`neslis_desktop.store`; never on Qt.
:func:`neslis_desktop.render.pack.build_pack` is the entry point the CLI and the app share.
"""
