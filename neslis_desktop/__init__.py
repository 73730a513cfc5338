"""NESLIS Desktop: edit a Local Industrial Strategy offline and generate decks and drafts."""

import os

__version__ = "0.1.0"

# The app uses no pydantic plugins, and looking for them reads the metadata of every installed
# package when the first model is built (~5 ms of every start). A user's own setting is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
