"""`consultant-app SUBCOMMAND`: argument parsing, dispatch, and the one-line error contract.

Exit status 0 on success; on failure one clear line on stderr and a non-zero status, with no
traceback unless --debug. Expected errors exit 1, usage errors 2, anything unexpected 70.

The parser is built from the light modules of `consultant_app.cli.parsers`; a command's own
module (and SQLAlchemy, openpyxl, ReportLab, httpx with it) is imported only when it runs.
"""

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from consultant_app import __version__
from consultant_app.cli import parsers
from consultant_app.cli.parsers.options import resolve
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import LANGUAGES, Text, set_language

LANGUAGE_ENV = "CONSULTANT_APP_LANG"

_UNEXPECTED = Text(
    da="Uventet fejl ({kind}). Kør igen med --debug for detaljer.",
    en="Unexpected error ({kind}). Run again with --debug for details.",
)
_INTERRUPTED = Text(da="Afbrudt; intet er gemt halvt.", en="Interrupted; nothing was half saved.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consultant-app",
        description="The security consultants' app. With no subcommand it opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    parsers.register_all(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    language = os.environ.get(LANGUAGE_ENV, "da")
    set_language(language if language in LANGUAGES else "da")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        # The command's module, and with it the core it needs, is imported only now.
        return resolve(args.handler)(args) or 0
    except ConsultantAppError as exc:
        if args.debug:
            raise
        print(str(exc), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped early (`... | head`): nothing is wrong, and there is nobody to tell.
        with contextlib.suppress(OSError, ValueError):  # so the exit's flush does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print(_INTERRUPTED.render(), file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(_UNEXPECTED.render(kind=type(exc).__name__), file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
