"""The desktop editor (PySide6): edit a strategy project offline and generate packs.

Nothing outside this package imports it; it sits on top of model, store and render.
"""
