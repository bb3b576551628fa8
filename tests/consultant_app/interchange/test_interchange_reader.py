"""Reading CSV (BOM or not, `;` or `,`) and XLSX into rows numbered as a spreadsheet shows them."""

from datetime import datetime

import openpyxl
import pytest

from consultant_app.interchange.table_reader import InterchangeFileError, read_table


def test_csv_with_bom_and_semicolons(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeffregion;notes\r\nnordjylland;æ;ø\r\n".encode())
    table = read_table(path)
    assert table.header == ["region", "notes"]
    assert table.rows == [(2, ["nordjylland", "æ", "ø"])]


def test_csv_with_commas_is_detected(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('region,notes\nnordjylland,"a; b, c"\n', encoding="utf-8")
    assert read_table(path).rows == [(2, ["nordjylland", "a; b, c"])]


def test_semicolons_win_when_the_header_says_so_even_with_commas_in_cells(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("region;notes\nnordjylland;a, b, c, d\n", encoding="utf-8")
    assert read_table(path).rows == [(2, ["nordjylland", "a, b, c, d"])]


def test_a_line_break_inside_a_quoted_cell_keeps_the_spreadsheet_row_numbers(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('notes;region\n"to\nlinjer";x\n\nfoo;y\n', encoding="utf-8")
    table = read_table(path)
    assert [(line, cells[-1] if cells else None) for line, cells in table.rows] == [
        (2, "x"),
        (3, None),
        (4, "y"),
    ]


def test_a_file_that_is_not_utf8_is_refused_with_advice(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("region;notes\nsjælland;x\n".encode("cp1252"))
    with pytest.raises(InterchangeFileError) as caught:
        read_table(path)
    assert "CSV UTF-8" in str(caught.value)


def test_old_excel_files_are_refused(tmp_path):
    path = tmp_path / "a.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    with pytest.raises(InterchangeFileError) as caught:
        read_table(path)
    assert ".xls" in str(caught.value)


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(InterchangeFileError):
        read_table(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InterchangeFileError) as caught:
        read_table(tmp_path / "findes-ikke.csv")
    assert "findes-ikke.csv" in str(caught.value)


def test_xlsx_first_sheet_with_typed_cells(tmp_path):
    path = tmp_path / "a.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["received_on", "municipality_code", "professional_phone", "notes", None])
    sheet.append([datetime(2024, 3, 5), 751, 87130000.0, "æøå\nlinje", None])
    sheet.append([None, None, None, None, None])
    sheet.append(["05.03.2024", "0751", None, None, None])
    workbook.create_sheet("Andet ark").append(["ignored"])
    workbook.save(path)
    table = read_table(path)
    assert table.header == ["received_on", "municipality_code", "professional_phone", "notes"]
    assert table.rows[0] == (2, ["2024-03-05", "751", "87130000", "æøå\nlinje", ""])
    assert table.rows[2] == (4, ["05.03.2024", "0751", "", "", ""])


def test_a_broken_xlsx_is_refused(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InterchangeFileError):
        read_table(path)
