"""``python -m neslis_desktop`` runs the command line."""

import sys

from neslis_desktop.cli import main

sys.exit(main())
