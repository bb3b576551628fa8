"""stats monthly, package and team-report from the command line: formats, the warning that a
file leaves the vault unencrypted, the audit line, and the team lead's merge."""

import json
import os
import stat
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import select

from consultant_app.cli.main import main as cli_main
from consultant_app.domain import AuditEvent
from consultant_app.storage.vault import Vault
from tests.consultant_app.counts.records import Record, add_records
from tests.support import PASSPHRASE


@pytest.fixture
def env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("CONSULTANT_APP_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)


def make_vault(path, records, name="Aya Jensen"):
    with Vault.create(path, PASSPHRASE, name=name, team="aarhus") as vault, vault.session() as session:
        add_records(session, records)
    return path


@pytest.fixture
def filled(tmp_path, env):
    records = [Record(datetime(2025, 1, d, 10), "hovedstaden", age="barn") for d in range(1, 21)]
    records += [Record(datetime(2025, 2, 3, 10), "nordjylland", kind="forloeb")]
    return make_vault(tmp_path / "v.db", records)


def exports(path) -> list[str]:
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as session:
        return list(session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")))


def test_json_to_stdout_in_the_shape_of_counts_md(filled, capsys):
    assert (
        cli_main(
            ["stats", "monthly", "--vault", str(filled), "--from", "2025-01", "--to", "2025-02", "--json"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["from", "to", "months", "totals", "regions"]
    assert data["totals"]["inquiries"] == 21
    assert data["months"][0]["regions"]["hovedstaden"]["age_group"]["barn"] == 20
    assert data["totals"]["active_courses_end"] == 1
    assert exports(filled) == ["stats monthly 2025-01..2025-02 json stdout"]


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "csv", "json"])
def test_a_file_is_written_owner_only_with_a_plain_warning_and_an_audit_line(filled, tmp_path, capsys, fmt):
    out = tmp_path / f"stats.{fmt}"
    args = [
        "stats",
        "monthly",
        "--vault",
        str(filled),
        "--from",
        "2025-01",
        "--to",
        "2025-02",
        "-o",
        str(out),
    ]
    assert cli_main(args) == 0
    err = capsys.readouterr().err
    assert "IKKE krypteret" in err
    assert out.stat().st_size > 0
    if os.name != "nt":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert exports(filled) == [f"stats monthly 2025-01..2025-02 {fmt} file"]


def test_protected_csv_shows_no_small_figure(filled, tmp_path, capsys):
    out = tmp_path / "s.csv"
    args = ["stats", "monthly", "--vault", str(filled), "--from", "2025-01", "--to", "2025-02"]
    assert cli_main([*args, "-o", str(out), "--protect-small-cells"]) == 0
    cells = [c for line in out.read_text(encoding="utf-8-sig").splitlines() for c in line.split(";")[1:]]
    assert "<5" in cells
    assert not any(c.isdigit() and 1 <= int(c) <= 4 for c in cells)
    assert exports(filled) == ["stats monthly 2025-01..2025-02 csv protected file"]


def test_a_pdf_needs_a_file_and_the_vault_is_never_overwritten(filled, capsys):
    args = ["stats", "monthly", "--vault", str(filled), "--from", "2025-01", "--to", "2025-02"]
    assert cli_main([*args, "--format", "pdf"]) == 1
    assert "-o" in capsys.readouterr().err
    before = filled.read_bytes()
    assert cli_main([*args, "--format", "csv", "-o", str(filled)]) == 1
    assert "selve boksen" in capsys.readouterr().err
    assert filled.read_bytes() == before


def test_a_reversed_period_is_one_clear_line(filled, capsys):
    assert cli_main(["stats", "monthly", "--vault", str(filled), "--from", "2025-03", "--to", "2025-01"]) == 1
    assert capsys.readouterr().err.strip().startswith("Perioden slutter")


def test_package_and_team_report(filled, tmp_path, capsys):
    other = make_vault(tmp_path / "o.db", [Record(datetime(2025, 1, 5, 9), "sjaelland")] * 3, name="Bo")
    files = []
    for vault, month in [(filled, "2025-01"), (filled, "2025-02"), (other, "2025-01")]:
        out = tmp_path / f"{vault.stem}-{month}.json"
        assert cli_main(["package", "--vault", str(vault), "--month", month, "-o", str(out)]) == 0
        files.append(out)
    assert "IKKE krypteret" in capsys.readouterr().err
    assert exports(filled) == ["package 2025-01 v1", "package 2025-02 v1"]
    # An older version of the other consultant's January, which the newer one replaces.
    january = json.loads(files[2].read_text())
    files[2].write_text(json.dumps({**january, "version": 2}))
    older = tmp_path / "old.json"
    older.write_text(json.dumps({**january, "regions": json.loads(files[0].read_text())["regions"]}))
    report = tmp_path / "team.json"
    args = [
        "team-report",
        *map(str, [*files, older]),
        "--from",
        "2025-01",
        "--to",
        "2025-02",
        "-o",
        str(report),
    ]
    assert cli_main(args) == 0
    err = capsys.readouterr().err
    assert "Ikke talt med" in err and "version 1" in err
    data = json.loads(report.read_text())
    assert sorted((p["month"], p["version"]) for p in data["packages"]) == [
        ("2025-01", 1),
        ("2025-01", 2),
        ("2025-02", 1),
    ]
    assert data["totals"]["inquiries"] == 21 + 3
    assert data["regions"]["sjaelland"]["inquiries"] == 3
    pdf = tmp_path / "team.pdf"
    assert cli_main([*args[:-2], "-o", str(pdf), "--protect-small-cells"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_broken_package_file_is_named(tmp_path, env, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": 1, "notes": "Fatima"}')
    assert cli_main(["team-report", str(bad), "--from", "2025-01", "--to", "2025-01"]) == 1
    assert "bad.json" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["stats", "monthly"], ["package"], ["team-report"]])
def test_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli_main([*command, "-h"])
    assert done.value.code == 0
    assert "--" in capsys.readouterr().out


def test_end_to_end_in_a_real_process(filled):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTANT_APP_")}
    environment["CONSULTANT_APP_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run(
        [sys.executable, "-m", "consultant_app", "stats", "monthly", "--vault", str(filled), "--from", "2025-01", "--to", "2025-01", "--json"],
        env=environment, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["inquiries"] == 20
