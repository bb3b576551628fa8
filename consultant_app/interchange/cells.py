"""Parsing one cell of an interchange file into the typed value of its column.

An empty cell (or one of spaces only) is "not given" and parses to None. Anything else either
parses or raises `CellError` naming the offending part, so the message can quote it.
"""

import re
from datetime import date

from consultant_app.codes import CodeList, Codes
from consultant_app.i18n import Text
from consultant_app.interchange.columns import LIST_SEPARATOR, Column, Kind
from consultant_app.services.inquiry_rules import UNKNOWN_CODE, UNKNOWN_MUNICIPALITY

NOT_A_DATE = Text(
    da="ikke en gyldig dato; brug ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller DD.MM.ÅÅÅÅ",
    en="not a valid date; use YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY",
)

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Day first, as Danish spreadsheets write it; the same separator on both sides.
_DANISH_DATE = re.compile(r"(\d{1,2})([-.])(\d{1,2})\2(\d{4})")


class CellError(Exception):
    """A cell that cannot be read; `value` is the offending text (one item of a list)."""

    def __init__(self, text: Text, value: str, params: tuple[tuple[str, object], ...] = ()) -> None:
        super().__init__(text.render("en", **dict(params)))
        self.text = text
        self.value = value
        self.params = params


def parse_cell(column: Column, raw: str, codes: Codes) -> object:
    """The typed value of a cell, or None when it is empty."""
    if not raw.strip():
        return None
    match column.kind:
        case Kind.TEXT:
            return raw
        case Kind.DATE:
            return parse_date(raw)
        case Kind.CODE:
            return parse_code(raw, _code_list(column, codes))
        case Kind.CODES:
            return parse_codes(raw, _code_list(column, codes))
        case Kind.MUNICIPALITY:
            return parse_municipality(raw, codes)
    raise AssertionError(f"unhandled column kind {column.kind}")


def _code_list(column: Column, codes: Codes) -> CodeList:
    if column.code_list is None:  # a defect in COLUMNS, not in the file
        raise ValueError(f"column {column.name} has no code list")
    return codes[column.code_list]


def parse_date(raw: str) -> date:
    text = raw.strip()
    try:
        if m := _ISO_DATE.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DANISH_DATE.fullmatch(text):
            return date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:  # 2024-02-30
        pass
    raise CellError(NOT_A_DATE, raw)


def parse_code(raw: str, code_list: CodeList) -> str:
    code = code_list.resolve(raw)
    if code is None:
        raise CellError(UNKNOWN_CODE, raw, (("allowed", ", ".join(code_list.values())),))
    return code


def parse_codes(raw: str, code_list: CodeList) -> tuple[str, ...]:
    """A `|`-separated list; empty items (a trailing `|`) are ignored, repeats kept once."""
    items = [item for item in raw.split(LIST_SEPARATOR) if item.strip()]
    return tuple(dict.fromkeys(parse_code(item, code_list) for item in items))


def parse_municipality(raw: str, codes: Codes) -> str:
    """The 3-digit code; the municipality's name is accepted as an alias."""
    municipality = codes.municipality(raw)
    if municipality is None:
        raise CellError(UNKNOWN_MUNICIPALITY, raw)
    return municipality.code


def format_cell(column: Column, value: object, codes: Codes) -> str:
    """The text export writes: codes as codes, lists in code-list order, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    match column.kind:
        case Kind.DATE:
            if not isinstance(value, date):
                raise TypeError(f"column {column.name} holds a date, not {type(value).__name__}")
            return value.isoformat()
        case Kind.CODES:
            if not isinstance(value, tuple | list):
                raise TypeError(f"column {column.name} holds a list of codes, not {type(value).__name__}")
            order = _code_list(column, codes).values()
            return LIST_SEPARATOR.join(sorted(value, key=order.index))
    return str(value)
