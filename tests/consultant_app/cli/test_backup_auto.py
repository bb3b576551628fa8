"""`backup --auto` as a scheduled task runs it: real processes, the remembered folder, rotation,
verification, and a restore that gives the same data back. `backup FILE` is unchanged."""

import json
import os
import stat

import pytest

from consultant_app.cli.main import main as cli_main
from consultant_app.domain import Profile
from consultant_app.storage import auto_backup
from consultant_app.storage.vault import Vault
from tests.consultant_app.cli.test_vault_commands import run
from tests.support import PASSPHRASE


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "v.db"
    Vault.create(path, PASSPHRASE, name="Aya Jensen", team="odense").lock()
    return path


def rename(path, name):
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as session:
        session.get(Profile, 1).name = name


def profile_name(path):
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as session:
        return session.get(Profile, 1).name


def test_without_a_folder_it_says_how_to_choose_one_and_exits_non_zero(made):
    result = run("backup", "--auto", "--vault", made)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "consultant-app backup --auto --folder MAPPE" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_folder_is_refused_in_danish(made, tmp_path):
    result = run("backup", "--auto", "--vault", made, "--folder", tmp_path / "ikke-her")
    assert result.returncode == 1
    assert "findes ikke eller kan ikke nås" in result.stderr


def test_runs_rotate_verify_and_the_newest_restores_with_the_same_data(made, tmp_path):
    folder = tmp_path / "kopier"
    folder.mkdir()
    first = run("backup", "--auto", "--vault", made, "--folder", folder, "--keep", "2", "--json")
    assert first.returncode == 0, first.stderr
    written = [json.loads(first.stdout)]
    for n in range(3):
        rename(made, f"Navn {n}")
        # The folder and the count are remembered: the scheduled task needs no arguments.
        result = run("backup", "--auto", "--vault", made, "--json")
        assert result.returncode == 0, result.stderr
        written.append(json.loads(result.stdout))
    assert all(w["verified"] for w in written)
    assert written[-1]["keep"] == 2
    newest = [w["backup"] for w in reversed(written[-2:])]
    assert [str(p) for p in auto_backup.auto_backups(folder, made.name)] == newest
    assert written[-1]["kept"] == newest
    assert sorted(os.listdir(folder)) == sorted(os.path.basename(p) for p in newest)
    for name in os.listdir(folder):
        if os.name != "nt":
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600

    rename(made, "Ændret efter kopien")
    target = tmp_path / "gendannet.db"
    restored = run("restore", "--vault", target, newest[0])
    assert restored.returncode == 0, restored.stderr
    assert profile_name(target) == "Navn 2"


def test_a_backup_that_fails_verification_exits_1_and_keeps_the_older_ones(
    made, tmp_path, monkeypatch, capsys
):
    folder = tmp_path / "kopier"
    folder.mkdir()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    assert cli_main(["backup", "--auto", "--vault", str(made), "--folder", str(folder), "--keep", "1"]) == 0
    good = auto_backup.auto_backups(folder, made.name)
    assert len(good) == 1

    def flip(path):
        data = bytearray(path.read_bytes())
        data[len(data) // 2 + 100] ^= 0x20
        path.write_bytes(bytes(data))

    monkeypatch.setattr(auto_backup, "_after_write", flip)
    capsys.readouterr()
    assert cli_main(["backup", "--auto", "--vault", str(made)]) == 1
    assert "kunne ikke åbnes og kontrolleres" in capsys.readouterr().err
    assert auto_backup.auto_backups(folder, made.name) == good


def test_backup_file_still_works_and_refuses_to_overwrite(made, tmp_path):
    target = tmp_path / "kopi.bak"
    assert run("backup", "--vault", made, target).returncode == 0
    again = run("backup", "--vault", made, target)
    assert again.returncode == 1 and "overskrives ikke" in again.stderr


@pytest.mark.parametrize(
    "args",
    [(), ("--folder", "x"), ("--auto", "kopi.bak"), ("--auto", "--force"), ("--keep", "3", "kopi.bak")],
    ids=["nothing", "folder-without-auto", "auto-and-file", "auto-and-force", "keep-without-auto"],
)
def test_usage_errors_exit_2(made, args, capsys):
    with pytest.raises(SystemExit) as caught:
        cli_main(["backup", "--vault", str(made), *args])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "consultant-app backup" in err and err.strip().splitlines()[-1].startswith(
        "consultant-app backup: "
    )
