"""The command line answers `--help` and usage errors without loading the heavy core, and every
command's handler, named as a string, really exists."""

import argparse
import json
import subprocess
import sys

import pytest

from consultant_app.cli.main import build_parser
from consultant_app.cli.parsers.options import resolve

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "httpx", "sqlcipher3", "pydantic", "PySide6")

# Runs the CLI in a fresh interpreter and reports which heavy packages it imported.
_PROBE = """
import json, sys
from consultant_app.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(%r)))
print(json.dumps({"code": code, "heavy": heavy}), file=sys.__stderr__)
"""


def probe(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE % json.dumps(HEAVY), *argv],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("stats", "monthly", "--help"),
        ("import", "inquiries", "--help"),
        ("survey", "smtp", "--help"),
        ("init", "--team", "nowhere"),  # a usage error
    ],
)
def test_help_and_usage_errors_leave_the_core_unloaded(argv):
    result = probe(*argv)
    assert result["heavy"] == []
    assert result["code"] in (0, 2)


def test_a_command_that_runs_does_load_its_core(tmp_path):
    """The probe can see an import: a command that opens nothing still pulls its handler's module."""
    result = probe("export", "inquiries", str(tmp_path / "x.csv"), "--vault", str(tmp_path / "none.db"))
    assert "sqlalchemy" in result["heavy"]


def test_python_m_consultant_app_cli_prints_the_help():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "consultant_app.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "usage: consultant-app" in done.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    assert not imported & set(HEAVY)


def _handlers(parser: argparse.ArgumentParser, path=()):
    if parser.get_default("handler") is not None:
        yield path, parser.get_default("handler")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _handlers(sub, (*path, name))


def test_every_command_names_a_handler_that_exists():
    handlers = dict(_handlers(build_parser()))
    assert len(handlers) >= 29  # every command of docs/cli.md
    for path, name in handlers.items():
        assert isinstance(name, str), path
        assert callable(resolve(name)), (path, name)


def test_the_parser_modules_repeat_the_cores_constants_faithfully():
    from consultant_app.cli.parsers import demo, stats
    from consultant_app.counts import files
    from consultant_app.demo import fill

    assert (demo.DEFAULT_INQUIRIES, demo.MAX_INQUIRIES) == (fill.DEFAULT_INQUIRIES, fill.MAX_INQUIRIES)
    assert stats.FORMATS == files.FORMATS
