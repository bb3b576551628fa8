"""The command line's parser, declared in light modules: one per command group.

A parser module only declares arguments and names its handler as a "module:function" string,
so `consultant-app --help` (and every usage error) answers without importing SQLAlchemy,
Alembic, openpyxl, ReportLab or httpx; the handler's module is imported when the command runs.

To add a command group: write `consultant_app/cli/parsers/<group>.py` with a
`register(subparsers)` function (see `options.command` for naming the handler) and add its name
to `COMMAND_MODULES` below. A test checks that building the parser stays light.
"""

import argparse
import importlib

# The order is the order of `--help`.
COMMAND_MODULES = (
    "vault",
    "interchange",
    "demo",
    "risk",
    "followups",
    "survey",
    "stats",
    "sync",
    "selftest",
)


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
