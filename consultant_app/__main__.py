"""`python -m consultant_app`: the headless command line (no Qt needed)."""

import sys

from consultant_app.cli.main import main

sys.exit(main())
