"""One language on the command line: argparse's words, the help texts and the messages."""

import os
import subprocess
import sys

import pytest

from consultant_app.cli import catalogue
from consultant_app.cli.language import cli_language
from consultant_app.cli.main import main
from tests.support import PASSPHRASE


def run(*argv: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("CONSULTANT_APP_LANG", "LC_ALL", "LC_MESSAGES")}
    clean["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "consultant_app.cli", *argv],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_danish_by_default_help_and_argparse_words():
    done = run("init", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("brug: consultant-app init")
    assert "tilvalg:" in done.stdout
    assert "vis denne hjælp og afslut" in done.stdout
    assert "konsulentens navn" in done.stdout
    assert "usage" not in done.stdout and "options" not in done.stdout


def test_danish_usage_errors():
    done = run("init", "--team", "x")
    assert done.returncode == 2
    assert "fejl: argumentet --team: ugyldigt valg: 'x'" in done.stderr
    assert "disse argumenter mangler" in run("init").stderr


@pytest.mark.parametrize(
    "env", [{"CONSULTANT_APP_LANG": "en"}, {"LANG": "en_GB.UTF-8"}, {"LC_ALL": "en_US.UTF-8"}]
)
def test_english_when_asked_or_when_the_locale_is_english(env):
    done = run("init", "--help", **env)
    assert done.stdout.startswith("usage: consultant-app init")
    assert "the consultant's name" in done.stdout
    assert "brug" not in done.stdout
    bad = run("demo", "--inquiries", "x", **env)
    assert "error: argument --inquiries: not a whole number: 'x'" in bad.stderr


def test_the_variable_wins_over_the_locale():
    assert cli_language({"CONSULTANT_APP_LANG": "da", "LANG": "en_GB.UTF-8"}) == "da"
    assert cli_language({"LANG": "en_GB.UTF-8", "LC_ALL": "da_DK.UTF-8"}) == "da"  # LC_ALL first
    assert cli_language({}) == "da"


def test_every_string_has_its_danish_and_the_catalogue_is_built(capsys):
    assert catalogue.main([]) == 0, capsys.readouterr().err


def test_the_compiled_catalogue_is_what_gettext_reads(tmp_path):
    import gettext

    mo = tmp_path / "x.mo"
    mo.write_bytes(
        catalogue.compile_mo({"": "Content-Type: text/plain; charset=UTF-8\n", "a\0as": "e\0er", "b": "c"})
    )
    with mo.open("rb") as f:
        t = gettext.GNUTranslations(f)
    assert (t.gettext("b"), t.ngettext("a", "as", 1), t.ngettext("a", "as", 2)) == ("c", "e", "er")


def test_an_unexpected_error_names_no_exception_class(monkeypatch, capsys, tmp_path):
    from consultant_app.cli import vault_commands

    def fails(_args):
        raise ZeroDivisionError("x")

    monkeypatch.setattr(vault_commands, "init", fails)
    assert main(["init", "--vault", str(tmp_path / "v.db"), "--name", "T", "--team", "odense"]) == 70
    err = capsys.readouterr().err
    assert err == "Uventet fejl. Kør igen med --debug for detaljer.\n"


def closed_pipe_run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the program writes a word
    try:
        return subprocess.run(
            [sys.executable, "-m", *argv], stdout=write, stderr=subprocess.PIPE, env=env, timeout=120
        )
    finally:
        os.close(write)


def test_a_closed_pipe_ends_the_command_line_quietly(tmp_path):
    env = {**os.environ, "CONSULTANT_APP_PASSPHRASE": PASSPHRASE}
    done = closed_pipe_run(
        "consultant_app.cli", "demo", "--inquiries", "1", "--vault", str(tmp_path / "v.db"), env=env
    )
    assert (done.returncode, done.stderr) == (141, b"")
    help_only = closed_pipe_run("consultant_app.cli", "--help")
    assert help_only.stderr == b""


def test_a_closed_pipe_ends_the_receiver_quietly(tmp_path):
    done = closed_pipe_run(
        "consultant_app.receiver.cli",
        "add-token",
        "--tokens",
        str(tmp_path / "t.json"),
        "--submitter-name",
        "L7",
    )
    assert (done.returncode, done.stderr) == (141, b"")
