"""``python -m neslis_desktop`` runs the command line (see :func:`neslis_desktop.cli.run`)."""

from neslis_desktop.cli import run

run()
