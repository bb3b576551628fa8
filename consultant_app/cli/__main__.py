"""`python -m consultant_app.cli`: the headless command line (the same as `python -m consultant_app`)."""

import sys

from consultant_app.cli.main import main

sys.exit(main())
