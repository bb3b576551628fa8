"""CSV and XLSX: the numbers of the statistics, Danish headers, totals, a frozen header, a
native chart; protected files show no figure from 1 to 4."""

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from consultant_app.counts.exports import write_csv, write_xlsx
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.tables import publish
from tests.consultant_app.counts.records import Record, add_records

ABOUT = [("Periode", "2025-01 – 2025-03"), ("Kilde", "Test")]


@pytest.fixture
def stats(vault):
    rows = []
    for day in range(1, 28):
        rows.append(Record(datetime(2025, 1, day, 10), "hovedstaden", age="barn", reasons=("pres",)))
        rows.append(Record(datetime(2025, 2, day, 10), "midtjylland", kind="forloeb"))
    rows.append(Record(datetime(2025, 3, 3, 10), "nordjylland", channel="mail"))
    with vault.session() as session:
        add_records(session, rows)
    with vault.session() as session:
        return monthly_stats(session, "2025-01", "2025-03")


def test_xlsx_reopened_holds_the_numbers(stats):
    book = load_workbook(io.BytesIO(write_xlsx(publish(stats), ABOUT)))
    assert book.sheetnames[0] == "Om tallene"
    assert len(book.sheetnames) == 1 + 1 + 7 * 2 + 1
    ws = book["Henvendelser"]
    assert ws["A1"].value == "Nye henvendelser pr. måned og region"
    assert [c.value for c in ws[2]] == [
        "Måned",
        "Hovedstaden",
        "Sjælland",
        "Syddanmark",
        "Midtjylland",
        "Nordjylland",
        "I alt",
    ]
    assert [c.value for c in ws[3]] == ["2025-01", 27, 0, 0, 0, 0, 27]
    assert [c.value for c in ws[5]] == ["2025-03", 0, 0, 0, 0, 1, 1]
    assert [c.value for c in ws[6]] == ["I alt", 27, 0, 0, 27, 1, 55]
    assert ws[6][1].font.bold
    assert ws.freeze_panes == "B3"
    assert len(ws._charts) == 1
    age = book["Alder – regioner"]
    assert [c.value for c in age[3]][:2] == ["Barn (0-17 år)", 27]
    active = book["Aktive forløb"]
    assert [c.value for c in active[4]] == ["2025-02", 0, 0, 0, 27, 0, 27]
    for ws in book.worksheets[1:]:
        assert ws.freeze_panes == "B3"


def test_csv_is_semicolon_separated_utf8_with_bom(stats):
    data = write_csv(publish(stats), ABOUT)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Periode", "2025-01 – 2025-03"]
    start = rows.index(["Nye henvendelser pr. måned og region"])
    assert rows[start + 1][0] == "Måned"
    assert rows[start + 2] == ["2025-01", "27", "0", "0", "0", "0", "27"]
    assert ["I alt", "27", "0", "0", "27", "1", "55"] in rows


def test_protected_files_show_no_small_figure(stats):
    publication = publish(stats, protect_small_cells=True)
    book = load_workbook(io.BytesIO(write_xlsx(publication, ABOUT)))
    shown = [c.value for ws in book.worksheets[1:] for row in ws.iter_rows(min_row=3, min_col=2) for c in row]
    assert "<5" in shown  # the single March inquiry
    assert not any(isinstance(v, int) and 1 <= v <= 4 for v in shown)
    text = write_csv(publication, ABOUT).decode("utf-8-sig")
    figures = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row[1:]]
    assert not any(f.isdigit() and 1 <= int(f) <= 4 for f in figures)
    assert "Småtal er beskyttet" in text
