"""NESLIS Desktop: edit a Local Industrial Strategy offline and generate decks and drafts."""

__version__ = "0.1.0"
