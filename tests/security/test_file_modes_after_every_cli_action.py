"""Attack: another user of the laptop reads what the app wrote (a backup's sidecar, a PDF, an
export, a calendar). Every CLI action is run under a permissive umask (022, the usual default,
so a file written the ordinary way would be 0644); then every file and folder the app wrote is
scanned: none may be readable, writable or enterable by group or others."""

import json
import os
import stat
from pathlib import Path

import pytest

from consultant_app.cli.main import main
from tests.support import PASSPHRASE

NEW = "en helt anden sætning om grønne cykler i regnvejr"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def permissive_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def run(capsys, *args) -> str:
    code = main([str(a) for a in args])
    out = capsys.readouterr().out
    assert code == 0, (args, out)
    return out


def import_file(folder: Path) -> Path:
    path = folder / "in.csv"
    path.write_text(
        "received_on;region;inquirer_type;channel;citizen_age_group;trip_concern;notes\r\n"
        "2025-03-05;midtjylland;politi;telefon;voksen;ingen;=1+1\r\n"
        "2025-03-06;atlantis;politi;telefon;voksen;ingen;afvist\r\n",
        encoding="utf-8-sig",
    )
    return path


def test_no_file_the_cli_writes_is_readable_by_group_or_others(
    tmp_path, monkeypatch, capsys, permissive_umask
):
    inputs, work = tmp_path / "inputs", tmp_path / "work"
    inputs.mkdir()
    work.mkdir(mode=0o755)
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CONSULTANT_APP_LOCK_DIR", str(work / "locks"))
    own, vault = work / "egen" / "vault.db", work / "demo" / "vault.db"

    run(capsys, "init", "--vault", own, "--name", "Aya Jensen", "--team", "aarhus")
    run(capsys, "demo", "--vault", vault, "--inquiries", "40", "--seed", "3")
    run(
        capsys,
        "import",
        "inquiries",
        import_file(inputs),
        "--vault",
        vault,
        "--skip-invalid",
        "--rejects",
        work / "afviste.csv",
    )
    run(capsys, "export", "inquiries", work / "eksport.csv", "--vault", vault)
    run(capsys, "backup", work / "kopi.bak", "--vault", vault)
    monkeypatch.setenv("CONSULTANT_APP_NEW_PASSPHRASE", NEW)
    run(capsys, "change-passphrase", "--vault", vault)
    run(capsys, "restore", work / "kopi.bak", "--vault", vault, "--force")  # the backup's passphrase
    for fmt in ("json", "csv", "xlsx", "pdf"):
        run(
            capsys,
            "stats",
            "monthly",
            "--vault",
            vault,
            "--from",
            "2024-01",
            "--to",
            "2025-12",
            "--format",
            fmt,
            "-o",
            work / "statistik" / f"stats.{fmt}",
        )
    month = json.loads(
        run(capsys, "stats", "monthly", "--vault", vault, "--from", "2020-01", "--to", "2026-12", "--json")
    )["months"][-1]["month"]
    run(capsys, "package", "--vault", vault, "--month", month, "-o", work / "pakke.json")
    run(
        capsys,
        "team-report",
        work / "pakke.json",
        "--from",
        month,
        "--to",
        month,
        "--format",
        "xlsx",
        "-o",
        work / "team.xlsx",
    )
    assessments = json.loads(run(capsys, "risk", "list", "--vault", vault, "--json"))
    rows = assessments["assessments"] if isinstance(assessments, dict) else assessments
    if rows:
        run(capsys, "risk", "pdf", rows[0]["id"], "--vault", vault, "-o", work / "risiko.pdf")
    run(capsys, "followups", "ics", "--vault", vault, "-o", work / "kalender.ics")
    campaign = run(
        capsys,
        "survey",
        "new",
        "--vault",
        vault,
        "--name",
        "Tilfredshed",
        "--link",
        "https://survey.example.dk/x",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
    ).strip()
    for fmt in ("json", "csv", "xlsx"):
        run(
            capsys,
            "survey",
            "report",
            campaign,
            "--vault",
            vault,
            "--format",
            fmt,
            "-o",
            work / f"survey.{fmt}",
        )
    run(capsys, "selftest")

    written = sorted(p.relative_to(work) for p in work.rglob("*"))
    names = {p.name for p in written}
    for expected in (
        "vault.db.last-backup",
        "vault.db.salt",
        "kopi.bak",
        "eksport.csv",
        "afviste.csv",
        "stats.pdf",
        "team.xlsx",
        "kalender.ics",
        "survey.xlsx",
        "pakke.json",
    ):
        assert expected in names, expected
    assert any(n.endswith(".replaced-" + n.split(".replaced-")[-1]) for n in names if ".replaced-" in n)
    readable = [
        f"{p} {stat.filemode((work / p).stat().st_mode)}"
        for p in written
        if (work / p).stat().st_mode & 0o077
    ]
    assert not readable, readable


def test_the_desktops_risk_pdf_and_statistics_files_are_owner_only(tmp_path, permissive_umask):
    """The desktop's own writers (issue: the risk PDF was saved with default permissions)."""
    from consultant_app.services.stats_export import write_export
    from ui.risk.printing import write_file

    write_file(str(tmp_path / "risiko.pdf"), b"%PDF-1.7 test")
    write_export(tmp_path / "ny-mappe" / "statistik.xlsx", b"PK test")
    for path in (tmp_path / "risiko.pdf", tmp_path / "ny-mappe", tmp_path / "ny-mappe" / "statistik.xlsx"):
        assert path.stat().st_mode & 0o077 == 0, (path, stat.filemode(path.stat().st_mode))
