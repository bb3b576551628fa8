"""What the parser modules share: the common options, argument types and the handler's name.

Nothing here (nor in any parser module) may import the heavy core: building the parser must
stay cheap enough that `--help` and usage errors answer at once.
"""

import argparse
import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from consultant_app.i18n import Text
from consultant_app.storage.paths import default_vault_path

PASSPHRASE_ENV = "CONSULTANT_APP_PASSPHRASE"  # noqa: S105 (a variable name)
NEW_PASSPHRASE_ENV = "CONSULTANT_APP_NEW_PASSPHRASE"  # noqa: S105

_BAD_MONTH = Text(da="ikke en måned ÅÅÅÅ-MM: {value!r}", en="not a month YYYY-MM: {value!r}")
_BAD_DATE = Text(da="Ugyldig dato '{value}'; brug ÅÅÅÅ-MM-DD.", en="Invalid date '{value}'; use YYYY-MM-DD.")


def command(parser: argparse.ArgumentParser, handler: str) -> argparse.ArgumentParser:
    """Name the function that runs the command, "package.module:function", imported when it runs."""
    module, _, function = handler.partition(":")
    if not module or not function:
        raise ValueError(f"a handler is named 'module:function', not {handler!r}")
    parser.set_defaults(handler=handler)
    return parser


def resolve(handler: str | Callable) -> Callable:
    """The handler's function; the import of its module (and its heavy dependencies) happens here."""
    if callable(handler):
        return handler
    module, _, function = handler.partition(":")
    return getattr(importlib.import_module(module), function)


def add_vault_option(parser: argparse.ArgumentParser) -> None:
    action = parser.add_argument(
        "--vault",
        type=Path,
        default=None,
        help="the encrypted vault file (default: %(default_vault)s)",  # one text to translate
    )
    vars(action)["default_vault"] = str(default_vault_path())  # argparse fills %(...)s from vars(action)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_BAD_DATE.render(value=value)) from None


def month(text: str) -> str:
    """A month YYYY-MM. The check lives in the counts core, imported only when a command gets a month
    (the command then needs that core anyway)."""
    from consultant_app.counts.months import parse_month

    try:
        return parse_month(text)
    except Exception:
        raise argparse.ArgumentTypeError(_BAD_MONTH.render(value=text)) from None
