"""The deck's XML layer: everything the deck does below python-pptx's public API.

Modelled on python-pptx's own ``pptx/oxml``: the rest of ``render/deck`` draws with
python-pptx's objects and calls small named functions here where it needs the XML under
them, so python-pptx's private attributes (``_spTree``, ``_element``, ``_txBody``,
``_sldIdLst`` ...) are touched only in this package, and an upgrade of python-pptx that moves
them breaks one place. ``tests/render/deck/test_oxml_boundary.py`` keeps it that way.

What lives where:

- :mod:`.ns`: the one namespace map (``NS``) and :func:`~.ns.qn`.
- :mod:`.shapes`: the XML behind a python-pptx object (:func:`~.shapes.element`), a slide's
  shape tree (:func:`~.shapes.sp_tree`), shape ids, alt text, and the shapes and connectors
  the writer draws, built directly with lxml (the fast path, same XML as python-pptx).
- :mod:`.text`: a frame's ``txBody``, paragraphs with levels, bullets and spacing, runs, and
  the language of every run.
- :mod:`.tables`: the cells of a native table, filled in one pass.
- :mod:`.slides`: adding a slide (part, relationship, slide id) without python-pptx's
  searches, cloning a layout's footer placeholders, removing a template's own slides.
- :mod:`.placeholders`: where a layout's placeholders are and the title and body areas they
  give slides; a shape's placeholder type; the list levels a layout bullets itself.
- :mod:`.parts`: new parts named by counting rather than by walking the package for each
  chart, and a chart taken off a slide again (the draft draws its charts on a scratch slide).
- :mod:`.theme`: the template's theme colours (resolved through the master's colour map) and
  fonts.
"""
