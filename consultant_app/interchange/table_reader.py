"""Reading an interchange file into plain rows of text cells: CSV or XLSX, streamed.

`open_table` reads the header and remembers the file; each `rows()` reads the rows again, one
at a time, so an import's two passes over a file of 200 000 rows hold one row, not the file.
`read_table` is the whole table at once, for small files and tests.

Line numbers are the rows a spreadsheet shows (the header is line 1), so a message points at
the same place whether the user opens the file in Excel or LibreOffice. A quoted cell with a
line break inside is still one line.
"""

import csv
import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.interchange.columns import BY_NAME, ERRORS_COLUMN
from consultant_app.spreadsheet_safety import csv_uncell

if TYPE_CHECKING:  # openpyxl is imported lazily, when a spreadsheet is read
    from openpyxl.worksheet._reader import WorkSheetParser

# The largest cell a file may hold, in characters (docs/interchange.md). Notes can be long;
# the csv module's default cap (128 KiB a cell) would refuse our own export.
CELL_LIMIT = 1_000_000
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
CELL_TOO_LARGE = Text(
    da="Linje {line} har en celle over grænsen på {limit} tegn: {path}",
    en="Line {line} has a cell over the limit of {limit} characters: {path}",
)
CHANGED = Text(
    da="Filen blev ændret, mens den blev importeret; intet er importeret: {path}",
    en="The file changed while it was being imported; nothing was imported: {path}",
)


class FormulaWithoutValue(str):
    """An XLSX cell holding a formula but no value computed by a spreadsheet (a file written by
    a program, never opened in Excel): it reads as "", and the check makes it an error."""

    __slots__ = ()


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, cells); the header is line 1


def read_table(path: Path) -> Table:
    """The whole table in memory: for small files and tests (the importer streams)."""
    table = open_table(path)
    return Table(table.header, list(table.rows()))


class StreamedTable:
    """A file's header, and its rows read again at each `rows()`."""

    def __init__(self, path: Path, xlsx: bool) -> None:
        self.path = path
        self._xlsx = xlsx
        self.fingerprint = _fingerprint(path)
        first = next(self._records(), None)
        if first is None or not any(cell.strip() for cell in first[1]):
            raise InterchangeFileError(EMPTY, path=path)
        header = [cell.strip() for cell in first[1]]
        while header and not header[-1]:  # spreadsheets often carry empty columns at the right
            header.pop()
        self.header = header

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) of every row after the header."""
        records = self._records()
        next(records, None)
        yield from records

    def require_unchanged(self) -> None:
        """Raise unless the file is still the one whose rows were checked."""
        if _fingerprint(self.path) != self.fingerprint:
            raise InterchangeFileError(CHANGED, path=self.path)

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        return _xlsx_records(self.path) if self._xlsx else self._csv_records()

    def _csv_records(self) -> Iterator[tuple[int, list[str]]]:
        path = self.path
        line = 0
        limit = csv.field_size_limit()  # module-wide: ours only while a row is being read
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                delimiter = _delimiter(f.readline())
            with path.open(encoding="utf-8-sig", newline="") as f:
                csv.field_size_limit(CELL_LIMIT)
                for record in csv.reader(f, delimiter=delimiter):
                    line += 1
                    csv.field_size_limit(limit)
                    yield line, [csv_uncell(cell) for cell in record]  # the export's formula guard
                    csv.field_size_limit(CELL_LIMIT)
        except UnicodeDecodeError:
            raise InterchangeFileError(NOT_UTF8, path=path) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                size = f"{CELL_LIMIT:,}".replace(",", ".")  # 1.000.000, as Danish writes it
                raise InterchangeFileError(CELL_TOO_LARGE, line=line + 1, limit=size, path=path) from None
            raise InterchangeFileError(BAD_CSV, line=line + 1, path=path) from None
        except OSError:
            raise InterchangeFileError(path=path) from None
        finally:
            csv.field_size_limit(limit)


def open_table(path: Path) -> StreamedTable:
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
    return StreamedTable(path, xlsx=start == _XLSX_MAGIC)


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        raise InterchangeFileError(path=path) from None
    return digest.hexdigest()


def _delimiter(first_line: str) -> str:
    """`;` or `,`: whichever splits the header into more known column names (`;` on a tie)."""

    def known(delimiter: str) -> int:
        names = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(1 for name in names if name.strip() in BY_NAME or name.strip() == ERRORS_COLUMN)

    return "," if known(",") > known(";") else ";"


def _xlsx_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows, numbered as the sheet numbers them, each as wide as the sheet."""
    # Imported lazily: openpyxl is only needed for spreadsheets.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InterchangeFileError(BAD_XLSX, path=path) from None
    try:
        sheet = workbook.worksheets[0]
        if not isinstance(sheet, ReadOnlyWorksheet):  # what read_only=True opens; a chart sheet is not
            raise InterchangeFileError(BAD_XLSX, path=path)
        width = sheet.max_column or 0
        expected = 1
        # Read-only sheets offer no parser hook: use their own parts. The typeshed stubs leave
        # openpyxl's private members out, hence the ignores.
        with sheet._get_source() as source:  # type: ignore[attr-defined]  # private, unstubbed
            parser = _parser_class()(
                source,
                sheet._shared_strings,  # type: ignore[attr-defined]  # private, unstubbed
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,  # type: ignore[attr-defined]  # private, unstubbed
                timedelta_formats=workbook._timedelta_formats,  # type: ignore[attr-defined]  # private, unstubbed
            )
            for number, cells in parser.parse():
                while expected < number:  # rows the sheet leaves out are empty rows
                    yield expected, [""] * width
                    expected += 1
                row = [""] * max(width, max((c["column"] for c in cells), default=0))
                for cell in cells:
                    row[cell["column"] - 1] = _xlsx_text(cell["value"])
                yield number, row
                expected = number + 1
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        raise InterchangeFileError(BAD_XLSX, path=path) from None
    finally:
        workbook.close()


def _parser_class() -> "type[WorkSheetParser]":
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        """openpyxl's own sheet parser, marking a formula cell that has no stored value (with
        data_only, openpyxl alone would read it as an empty cell)."""

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = FormulaWithoutValue()
            return cell

    return Parser


def _xlsx_text(value: object) -> str:
    """A typed spreadsheet value as the text a CSV of the same sheet would hold."""
    if value is None:
        return ""
    if isinstance(value, FormulaWithoutValue):
        return value
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
