"""`consultant-app survey ...` in-process through the real parser, as scripts call it."""

import json
from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook

from consultant_app.cli.main import main
from consultant_app.domain import Contact, Professional
from consultant_app.storage.vault import Vault
from consultant_app.survey import smtp_settings
from tests.support import PASSPHRASE


def run(*argv) -> int:
    return main([str(a) for a in argv])


@pytest.fixture
def made(vault_path, monkeypatch):
    """A vault with three professionals: two called in March, one only met."""
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CONSULTANT_APP_LANG", raising=False)
    monkeypatch.delenv("CONSULTANT_APP_SMTP_PASSWORD", raising=False)
    with (
        Vault.create(vault_path, PASSPHRASE, name="Karen Konsulent", team="aarhus") as vault,
        vault.session() as s,
    ):
        people = [
            Professional(name="Åse Østergaard", email="aase@aarhus.dk", municipality_code="101"),
            Professional(name="Bo Berg", email="bo@odense.dk", municipality_code="461"),
            Professional(name="Kun Møde", email="moede@odense.dk"),
        ]
        s.add_all(people)
        s.flush()
        for p, channel in zip(people, ("telefon", "mail", "moede"), strict=True):
            for day in (3, 4, 5, 6, 7):  # five contacts each
                s.add(
                    Contact(
                        professional_id=p.id,
                        occurred_at=datetime.combine(date(2025, 3, day), time(10)),
                        channel=channel,
                    )
                )
        ids = [p.id for p in people]
    return vault_path, ids


def new_campaign(path, capsys) -> int:
    code = run("survey", "new", "--vault", path, "--name", "Forår 2025", "--link", "https://survey.example.dk/a",
               "--from", "2025-03-01", "--to", "2025-04-15", "--code", "SIRI-25")  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "SIRI-25" in out.err
    return int(out.out.strip())


def test_the_whole_round(made, capsys, tmp_path):
    path, (aase, bo, _met) = made
    campaign = new_campaign(path, capsys)

    assert run("survey", "eligible", campaign, "--vault", path, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["professional_id"], r["contacts"], r["region"]) for r in rows] == [
        (bo, 5, "syddanmark"),  # Danish order: Å after B
        (aase, 5, "hovedstaden"),
    ]

    assert run("survey", "mark-sent", campaign, aase, bo, "--vault", path, "--channel", "telefon") == 0
    assert capsys.readouterr().out.strip() == "2 registreret."

    assert run("survey", "mark-sent", campaign, aase, "--vault", path) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith(f"Fagperson {aase} har allerede fået linket i kampagnen SIRI-25")

    assert run("survey", "eligible", campaign, "--vault", path) == 0
    assert capsys.readouterr().out.strip() == "Ingen mangler at få linket."

    assert run("survey", "responses", campaign, "--vault", path, "--region", "hovedstaden", "--count", 1) == 0
    capsys.readouterr()
    assert run("survey", "report", campaign, "--vault", path) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["campaign"] == "SIRI-25"
    assert report["regions"]["hovedstaden"] == {"links_sent": 1, "responses": 1, "response_rate": 1.0}
    assert report["regions"]["syddanmark"] == {"links_sent": 1, "responses": 0, "response_rate": None}
    assert report["total"] == {"links_sent": 2, "responses": 1, "response_rate": 0.5}

    xlsx = tmp_path / "svar.xlsx"
    assert run("survey", "report", campaign, "--vault", path, "--format", "xlsx", "-o", xlsx) == 0
    assert load_workbook(xlsx).active["B2"].value == "SIRI-25"
    csv_file = tmp_path / "svar.csv"
    assert run("survey", "report", campaign, "--vault", path, "--format", "csv", "-o", csv_file) == 0
    assert csv_file.read_bytes().startswith("\ufeffRegion;Links sendt".encode())


def test_meeting_only_is_refused_and_not_relevant_is_recorded(made, capsys):
    path, (aase, _bo, met) = made
    campaign = new_campaign(path, capsys)
    assert run("survey", "mark-sent", campaign, met, "--vault", path) == 1
    assert "ingen kontakt pr. telefon eller mail" in capsys.readouterr().err
    assert run("survey", "not-relevant", campaign, aase, "--vault", path, "--json") == 0
    assert json.loads(capsys.readouterr().out)["recorded"][0]["professional_id"] == aase


def test_usage_errors_are_one_clear_line(made, capsys):
    path, _ = made
    campaign = new_campaign(path, capsys)
    assert run("survey", "report", campaign, "--vault", path, "--format", "csv") == 1
    assert capsys.readouterr().err.strip() == "--format csv kræver -o FIL."
    assert run("survey", "report", 99, "--vault", path) == 1
    assert capsys.readouterr().err.strip() == "Kampagnen findes ikke (id 99)."
    code = run("survey", "new", "--vault", path, "--name", "X", "--link", "ftp://x", "--from", "2025-03-01",
               "--to", "2025-02-01")  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.startswith("2 fejl: link = 'ftp://x': ikke et gyldigt link")
    with pytest.raises(SystemExit):
        run("survey", "responses", campaign, "--vault", path, "--region", "fyn", "--count", 3)


def test_list_and_duplicates(made, capsys):
    path, _ = made
    campaign = new_campaign(path, capsys)
    assert run("survey", "list", "--vault", path, "--json") == 0
    assert json.loads(capsys.readouterr().out)[0] == {
        "id": campaign, "code": "SIRI-25", "name": "Forår 2025", "from": "2025-03-01", "to": "2025-04-15",
        "links_sent": 0, "not_relevant": 0,
    }  # fmt: skip
    assert run("survey", "duplicates", campaign, "--vault", path) == 0
    assert capsys.readouterr().out.strip() == "Ingen sandsynlige dubletter."


def test_smtp_settings_never_take_the_password_as_an_argument(made, capsys, monkeypatch):
    path, _ = made
    monkeypatch.setenv("CONSULTANT_APP_SMTP_PASSWORD", "hemmelig æøå")
    assert run("survey", "smtp", "--vault", path, "--host", "127.0.0.1", "--security", "starttls",
               "--user", "karen", "--from", "karen@aarhus.dk") == 0  # fmt: skip
    assert "hemmelig" not in capsys.readouterr().out
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as s:
        view = smtp_settings(s)
    assert (view.port, view.security, view.has_password) == (587, "starttls", True)
    with pytest.raises(SystemExit):
        run("survey", "smtp", "--vault", path, "--host", "h", "--security", "none", "--from", "a@b.dk")


def test_list_says_so_when_there_are_no_campaigns(made, capsys):
    path, _ = made
    assert run("survey", "list", "--vault", path) == 0
    assert capsys.readouterr().out == "Ingen kampagner endnu.\n"
    assert run("survey", "list", "--vault", path, "--json") == 0
    assert capsys.readouterr().out.strip() == "[]"
