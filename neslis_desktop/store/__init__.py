"""Reading and writing project folders: safe YAML, atomic saves, schema migrations.

Depends on :mod:`neslis_desktop.model` only.

- :func:`load_project` reads a whole project or raises
  :class:`~neslis_desktop.errors.ContentError` listing every problem.
- :func:`load_project_partial` (folder, *, read_only=False) -> :class:`LoadResult` never
  raises for bad content: ``.project`` holds every section that could be read (``None`` when
  ``project.yaml`` itself cannot be), ``.problems`` and ``.broken_files()`` (a list of
  ``(file, message)``) say what could not, ``.notes`` what was done or noticed (an
  interrupted save completed, a section file not listed), and ``.unloaded`` is passed back
  to :func:`save_project` (``keep=``) so that saving never drops or touches a broken file.
  This is how the app opens a project with one broken file.
- ``read_only=True`` (``neslis check``) writes, moves and removes nothing: an interrupted
  save is only reported (see :mod:`neslis_desktop.store.journal` for when one is trusted).
- :func:`save_project` saves atomically for the whole project.
"""

from neslis_desktop.store.atomic import atomic_write, atomic_write_bytes
from neslis_desktop.store.loading import LoadResult, load_project, load_project_partial
from neslis_desktop.store.paths import PROJECT_FILE, SECTIONS_DIR
from neslis_desktop.store.project_files import dump_section, save_project

__all__ = [
    "PROJECT_FILE",
    "SECTIONS_DIR",
    "LoadResult",
    "atomic_write",
    "atomic_write_bytes",
    "dump_section",
    "load_project",
    "load_project_partial",
    "save_project",
]
