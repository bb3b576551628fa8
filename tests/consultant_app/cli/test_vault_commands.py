"""The command line end to end, as scripts call it: a real process, exit codes, stderr."""

import os
import subprocess
import sys

import pytest

from consultant_app.cli.main import main as cli_main
from tests.support import PASSPHRASE


def run(*args, passphrase=PASSPHRASE, new_passphrase=None, lang=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTANT_APP_")}
    env["CONSULTANT_APP_PASSPHRASE"] = passphrase
    if new_passphrase is not None:
        env["CONSULTANT_APP_NEW_PASSPHRASE"] = new_passphrase
    if lang:
        env["CONSULTANT_APP_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "consultant_app", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "v.db"
    result = run("init", "--vault", path, "--name", "Aya Jensen", "--team", "odense")
    assert result.returncode == 0, result.stderr
    return path


def test_init_creates_and_refuses_to_overwrite(made):
    again = run("init", "--vault", made, "--name", "X", "--team", "odense")
    assert again.returncode == 1
    assert again.stderr.strip().count("\n") == 0
    assert "overskrives ikke" in again.stderr


def test_wrong_passphrase_one_line_no_traceback_file_unchanged(made):
    before = made.read_bytes()
    result = run("backup", "--vault", made, made.parent / "b.vault", passphrase="helt forkert kodeord")
    assert result.returncode == 1
    assert result.stderr.strip() == "Forkert adgangskode, eller filen er ikke en boks fra dette program."
    assert "Traceback" not in result.stderr
    assert made.read_bytes() == before
    assert not (made.parent / "b.vault").exists()


def test_english_messages_on_request(made):
    result = run("backup", "--vault", made, made.parent / "b", passphrase="helt forkert kodeord", lang="en")
    assert result.stderr.strip().startswith("Wrong passphrase")


def test_missing_vault(tmp_path):
    result = run("backup", "--vault", tmp_path / "nope.db", tmp_path / "b")
    assert result.returncode == 1
    assert "findes ikke" in result.stderr


def test_no_passphrase_and_no_terminal_is_a_clear_error(made):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTANT_APP_")}
    result = subprocess.run(
        [sys.executable, "-m", "consultant_app", "backup", "--vault", str(made), "x"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert "CONSULTANT_APP_PASSPHRASE" in result.stderr


def test_change_passphrase_backup_and_restore(made, tmp_path):
    new = "en anden lang sætning med ø"
    assert run("change-passphrase", "--vault", made, new_passphrase=new).returncode == 0
    assert run("backup", "--vault", made, tmp_path / "b.vault").returncode == 1  # old passphrase
    backup = run("backup", "--vault", made, tmp_path / "b.vault", "--json", passphrase=new)
    assert backup.returncode == 0, backup.stderr
    assert '"backup"' in backup.stdout

    refused = run("restore", "--vault", made, tmp_path / "b.vault", passphrase=new)
    assert refused.returncode == 1
    restored = run("restore", "--vault", made, tmp_path / "b.vault", "--force", passphrase=new)
    assert restored.returncode == 0, restored.stderr
    assert "flyttet" in restored.stdout  # the replaced vault was kept
    assert run("backup", "--vault", made, tmp_path / "c.vault", passphrase=new).returncode == 0


@pytest.mark.parametrize("command", ["init", "backup", "restore", "change-passphrase"])
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli_main([command, "-h"])
    assert done.value.code == 0
    assert "--vault" in capsys.readouterr().out


def test_a_reader_that_stops_early_is_no_error(monkeypatch, capsys, tmp_path):
    from consultant_app.cli import vault_commands

    def write_into_a_closed_pipe(_args):
        raise BrokenPipeError

    monkeypatch.setattr(vault_commands, "init", write_into_a_closed_pipe)
    assert cli_main(["init", "--vault", str(tmp_path / "v.db"), "--name", "T", "--team", "odense"]) == 141
    assert capsys.readouterr().err == ""


def test_backup_over_the_vault_itself_and_a_same_passphrase_rekey_are_refused(made):
    before = made.read_bytes()
    onto_itself = run("backup", "--vault", made, made, "--force")
    assert onto_itself.returncode == 1 and "overskrives ikke" in onto_itself.stderr
    same = run("change-passphrase", "--vault", made, new_passphrase=PASSPHRASE)
    assert same.returncode == 1 and "den samme som den nuværende" in same.stderr
    assert made.read_bytes() == before
