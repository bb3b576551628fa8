"""`consultant-app followups ...` in-process through the real parser and error contract."""

import json
from datetime import date, timedelta

import pytest

from consultant_app.cli import main as cli


@pytest.fixture(autouse=True)
def _wired(monkeypatch, passphrase):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", passphrase)
    monkeypatch.delenv("CONSULTANT_APP_LANG", raising=False)


def run(*argv) -> int:
    return cli.main([str(a) for a in argv])


@pytest.fixture
def case(make_case, vault):
    """A case in a vault that is closed again, so the command line can open it."""
    inquiry = make_case(pseudonym="KANARIE-navn")
    vault.lock()
    return inquiry


def test_add_list_done_snooze_and_ics(vault_path, case, capsys, tmp_path):
    today = date.today()
    assert (
        run(
            "followups",
            "add",
            case,
            "--type",
            "opkald",
            "--due",
            today - timedelta(days=2),
            "--vault",
            vault_path,
        )
        == 0
    )
    assert (
        run("followups", "add", case, "--type", "moede", "--due", today, "--vault", vault_path, "--json") == 0
    )
    assert (
        run(
            "followups",
            "add",
            case,
            "--type",
            "andet",
            "--due",
            today + timedelta(days=3),
            "--vault",
            vault_path,
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Opfølgning 1 oprettet på sag ")

    assert run("followups", "list", "--vault", vault_path, "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [[r["id"] for r in listed[k]] for k in ("overdue", "due_today", "upcoming", "snoozed")] == [
        [1],
        [2],
        [3],
        [],
    ]

    assert run("followups", "done", 2, "--vault", vault_path) == 0
    assert run("followups", "snooze", 1, "--until", today + timedelta(days=1), "--vault", vault_path) == 0
    capsys.readouterr()
    assert run("followups", "list", "--vault", vault_path) == 0
    text = capsys.readouterr().out
    assert text.startswith("Kommende:\n  3\t")
    assert "Andet" in text and "KANARIE" not in text

    calendar = tmp_path / "f.ics"
    assert run("followups", "ics", "-o", calendar, "--vault", vault_path) == 0
    assert "2 opfølgninger skrevet" in capsys.readouterr().out
    raw = calendar.read_bytes().decode("utf-8")
    assert raw.count("BEGIN:VEVENT") == 2 and "KANARIE" not in raw

    assert run("followups", "ics", "-o", calendar, "--vault", vault_path) == 1
    assert "overskrives ikke" in capsys.readouterr().err


def test_a_bad_snooze_is_one_clear_line(vault_path, case, capsys):
    assert (
        run("followups", "add", case, "--type", "opkald", "--due", "2025-03-01", "--vault", vault_path) == 0
    )
    capsys.readouterr()
    assert run("followups", "snooze", 1, "--until", "2000-01-01", "--vault", vault_path) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "efter i dag" in err
