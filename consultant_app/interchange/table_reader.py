"""Reading an interchange file into a plain table of text cells: CSV or XLSX.

Line numbers are the rows a spreadsheet shows (the header is line 1), so a message points at
the same place whether the user opens the file in Excel or LibreOffice. A quoted cell with a
line break inside is still one line.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.interchange.columns import BY_NAME, ERRORS_COLUMN
from consultant_app.spreadsheet_safety import csv_uncell

# Notes can be long; the csv module's default cap (128 KiB a cell) would refuse our own export.
_MAX_CELL = 16 * 1024 * 1024
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class InterchangeFileError(ConsultantAppError):
    text = Text(da="Filen kunne ikke læses: {path}", en="The file could not be read: {path}")


NOT_FOUND = Text(da="Filen findes ikke: {path}", en="The file does not exist: {path}")
NOT_UTF8 = Text(
    da="Filen er ikke UTF-8 ({path}). Gem den i Excel som 'CSV UTF-8 (kommasepareret)'.",
    en="The file is not UTF-8 ({path}). Save it in Excel as 'CSV UTF-8 (comma delimited)'.",
)
OLD_EXCEL = Text(
    da="Det gamle Excel-format (.xls) læses ikke ({path}). Gem filen som .xlsx eller CSV UTF-8.",
    en="The old Excel format (.xls) is not read ({path}). Save the file as .xlsx or CSV UTF-8.",
)
BAD_XLSX = Text(
    da="Filen er ikke en gyldig .xlsx-fil: {path}", en="The file is not a valid .xlsx file: {path}"
)
BAD_CSV = Text(
    da="Linje {line} kan ikke læses som CSV: {path}", en="Line {line} cannot be read as CSV: {path}"
)
EMPTY = Text(
    da="Filen er tom; den skal have en overskriftslinje: {path}",
    en="The file is empty; it needs a header row: {path}",
)


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, cells); the header is line 1


def read_table(path: Path) -> Table:
    path = Path(path)
    try:
        with path.open("rb") as f:
            start = f.read(4)
    except FileNotFoundError:
        raise InterchangeFileError(NOT_FOUND, path=path) from None
    except OSError:
        raise InterchangeFileError(path=path) from None
    if start == _OLE_MAGIC:
        raise InterchangeFileError(OLD_EXCEL, path=path)
    records = _xlsx_records(path) if start == _XLSX_MAGIC else _csv_records(path)
    if not records or not any(cell.strip() for cell in records[0]):
        raise InterchangeFileError(EMPTY, path=path)
    header = [cell.strip() for cell in records[0]]
    while header and not header[-1]:  # spreadsheets often carry empty columns at the right
        header.pop()
    return Table(header, [(number, cells) for number, cells in enumerate(records[1:], start=2)])


def _csv_records(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterchangeFileError(NOT_UTF8, path=path) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[list[str]] = []
    limit = csv.field_size_limit()
    csv.field_size_limit(_MAX_CELL)
    try:
        for record in reader:
            records.append([csv_uncell(cell) for cell in record])  # the export's formula guard
    except csv.Error:
        raise InterchangeFileError(BAD_CSV, line=len(records) + 1, path=path) from None
    finally:
        csv.field_size_limit(limit)
    return records


def _delimiter(text: str) -> str:
    """`;` or `,`: whichever splits the header into more known column names (`;` on a tie)."""
    first_line = text.split("\n", 1)[0]

    def known(delimiter: str) -> int:
        names = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(1 for name in names if name.strip() in BY_NAME or name.strip() == ERRORS_COLUMN)

    return "," if known(",") > known(";") else ";"


def _xlsx_records(path: Path) -> list[list[str]]:
    # Imported lazily: openpyxl is only needed for spreadsheets.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InterchangeFileError(BAD_XLSX, path=path) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_xlsx_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _xlsx_text(value: object) -> str:
    """A typed spreadsheet value as the text a CSV of the same sheet would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a municipality code or a phone number typed as a number
    if isinstance(value, str):
        return csv_uncell(value)  # our CSV opened and saved as .xlsx keeps the guard's apostrophe
    return str(value)
