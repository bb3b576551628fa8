"""Spreadsheet formula injection (OWASP "CSV injection"): user text never becomes a formula.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and some read a tab
or a carriage return as the start of one). Text a person typed — a name, a note, a campaign
title — must never run when a team lead opens a file the app wrote.

- XLSX: user text is always written as a string cell (`xlsx_text`), never as a formula, so
  nothing needs escaping and the value is exact.
- CSV: a cell whose text starts with one of the trigger characters gets one leading
  apostrophe (`csv_cell`), which spreadsheet programs show as text. Text that already starts
  with apostrophes followed by a trigger also gets one more, so that `csv_uncell` — used by
  the interchange importer — removes exactly the apostrophe that was added and an export →
  import → export round trip is lossless.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = frozenset("=+-@\t\r")
APOSTROPHE = "'"


def _needs_escape(text: str) -> bool:
    rest = text.lstrip(APOSTROPHE)
    return bool(rest) and rest[0] in TRIGGERS


def csv_cell(value: Any) -> Any:
    """The CSV form of one cell: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and _needs_escape(value):
        return APOSTROPHE + value
    return value


def csv_uncell(text: str) -> str:
    """Undo `csv_cell` on text read back from a CSV file the app wrote."""
    if text.startswith(APOSTROPHE) and _needs_escape(text):
        return text[1:]
    return text


def csv_row(values: Any) -> list[Any]:
    return [csv_cell(v) for v in values]


def no_formulas(book: Any) -> Any:
    """Make every cell of a finished (non-streaming) openpyxl workbook a plain value.

    The app never writes a formula on purpose (its charts read values), so any cell openpyxl
    took for one came from text starting with "=": it becomes that text, as a string cell.
    Called last by every XLSX writer, so no code path can forget a cell."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    return book


def xlsx_text(cell: Any, value: str | None) -> Any:
    """Put `value` into an openpyxl cell as a string cell, whatever it starts with."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl makes text starting with "=" a formula otherwise
    return cell
