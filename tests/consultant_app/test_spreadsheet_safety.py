"""Formula injection: user text never runs in a spreadsheet, and the CSV escape is lossless."""

import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from consultant_app.spreadsheet_safety import csv_cell, csv_uncell, xlsx_text

HOSTILE = ['=HYPERLINK("http://evil.example","klik")', "+45 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_every_trigger_gets_one_apostrophe():
    for text in HOSTILE:
        assert csv_cell(text) == "'" + text


def test_harmless_text_and_non_text_are_unchanged():
    for value in ["Aya", "", "1-2", "'quoted'", 42, None]:
        assert csv_cell(value) == value


def test_an_apostrophe_before_a_trigger_survives_the_round_trip():
    assert csv_cell("'=x") == "''=x"
    assert csv_uncell("''=x") == "'=x"
    assert csv_uncell("'=x") == "=x"
    assert csv_uncell("'plain") == "'plain"


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab ")))
def test_round_trip_is_lossless(text):
    assert csv_uncell(csv_cell(text)) == text


@given(st.text())
def test_an_escaped_cell_never_starts_with_a_trigger(text):
    escaped = csv_cell(text)
    assert escaped[:1] not in {"=", "+", "-", "@", "\t", "\r"}


def test_xlsx_text_is_a_string_cell_in_both_workbook_modes():
    normal = Workbook()
    xlsx_text(normal.active.cell(1, 1), HOSTILE[0])
    streaming = Workbook(write_only=True)
    sheet = streaming.create_sheet()
    cell = WriteOnlyCell(sheet)
    xlsx_text(cell, HOSTILE[0])
    sheet.append([cell])
    for workbook in (normal, streaming):
        buffer = io.BytesIO()
        workbook.save(buffer)
        reread = load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0].cell(1, 1)
        assert reread.data_type == "s"
        assert reread.value == HOSTILE[0]
