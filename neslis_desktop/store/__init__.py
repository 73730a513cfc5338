"""Reading and writing project folders: safe YAML, atomic saves, schema migrations.

Depends on :mod:`neslis_desktop.model` only.
"""

from neslis_desktop.store.atomic import atomic_write, atomic_write_bytes
from neslis_desktop.store.project_files import (
    PROJECT_FILE,
    SECTIONS_DIR,
    dump_section,
    load_project,
    save_project,
)

__all__ = [
    "PROJECT_FILE",
    "SECTIONS_DIR",
    "atomic_write",
    "atomic_write_bytes",
    "dump_section",
    "load_project",
    "save_project",
]
