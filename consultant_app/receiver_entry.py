"""`consultant-app-receiver`: SIRI's receiving service, installed with the `[receiver]` extra.

A desktop install has no web server; started there, the command says what to install instead of
failing with an import error. This module imports nothing heavy, so that check is instant.
"""

import importlib.util
import sys

from consultant_app.i18n import Text

MISSING = Text(
    da="Modtageren er ikke installeret her (den hører til SIRI's server, ikke til konsulentens "
    "bærbare). Installér den med: pip install 'consultant-app[receiver]'",
    en="The receiver is not installed here (it belongs on SIRI's server, not on a consultant's "
    "laptop). Install it with: pip install 'consultant-app[receiver]'",
)
SERVER_MODULES = ("fastapi", "uvicorn", "psycopg")


def missing_modules() -> list[str]:
    return [name for name in SERVER_MODULES if importlib.util.find_spec(name) is None]


def main(argv: list[str] | None = None) -> int:
    if missing_modules():
        print(MISSING.render(), file=sys.stderr)
        return 2
    from consultant_app.receiver.cli import main as receiver_main

    return receiver_main(argv)


if __name__ == "__main__":
    sys.exit(main())
