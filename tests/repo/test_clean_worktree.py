"""A demo vault kept inside a clone, backed up, re-keyed and exported, leaves `git status` empty:
`.gitignore` covers everything the app writes beside a vault and every format it exports."""

import shutil
import subprocess
from pathlib import Path

import pytest

from consultant_app.cli.main import main as cli
from consultant_app.handover.envelope import FILE_SUFFIX as HANDOVER_SUFFIX
from consultant_app.storage.file_check import SALT_SUFFIX
from consultant_app.storage.paths import sibling
from consultant_app.storage.recovery import SIDECAR_SUFFIX
from tests.support import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSPHRASE = "et andet langt kodeord til boksen 2025"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, timeout=30
    ).stdout


@pytest.fixture
def clone(tmp_path):
    """A repository with this project's .gitignore, committed, as a clone's root would be."""
    repo = tmp_path / "clone"
    repo.mkdir()
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q")
    git(repo, "add", ".gitignore")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "init")
    return repo


def test_a_demo_vault_used_inside_a_clone_leaves_git_status_empty(clone, monkeypatch):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CONSULTANT_APP_LANG", raising=False)
    vault = str(clone / "demo.db")

    def run(*argv: str) -> None:
        assert cli([*argv, "--vault", vault]) == 0, argv

    run("demo", "--inquiries", "30")
    run("backup", str(clone / "demo-backup.db"))
    run("export", "inquiries", str(clone / "henvendelser.csv"))
    run("stats", "monthly", "--from", "2020-01", "--to", "2030-12", "-o", str(clone / "stats.xlsx"))
    run("stats", "monthly", "--from", "2020-01", "--to", "2030-12", "-o", str(clone / "stats.pdf"))
    run("stats", "monthly", "--from", "2020-01", "--to", "2030-12", "-o", str(clone / "stats.json"))
    run("followups", "ics", "-o", str(clone / "opfoelgninger.ics"))
    monkeypatch.setenv("CONSULTANT_APP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    run("change-passphrase")
    written = {p.name for p in clone.iterdir()} - {".git", ".gitignore"}
    assert {"demo.db", "demo-backup.db", "henvendelser.csv", "stats.pdf", "opfoelgninger.ics"} <= written

    # What a crash or a running app leaves beside them: every suffix the storage layer uses.
    for suffix in ("lock", SIDECAR_SUFFIX, SALT_SUFFIX, "new", "partial", "rekey", "restore"):
        sibling(clone / "demo.db", suffix).write_bytes(b"x")
    (clone / ".henvendelser.csv.1a2b3c4d.partial").write_bytes(b"x")  # files.py's staging name
    (clone / "demo.db.before-0004-20250101-120000.bak").write_bytes(b"x")
    (clone / f"2025-00001{HANDOVER_SUFFIX}").write_bytes(b"x")  # a case handed to a colleague

    assert git(clone, "status", "--porcelain", "--untracked-files=all") == ""


def test_the_shipped_data_files_are_not_ignored():
    """The wide patterns (*.csv, *.json) must not hide the code lists or the instruments."""
    tracked = git(ROOT, "ls-files", "resources").split()
    assert any(name.endswith(".csv") for name in tracked)
    assert git(ROOT, "ls-files", "--ignored", "--exclude-standard", "--cached") == ""
