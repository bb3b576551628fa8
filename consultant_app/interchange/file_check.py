"""Checking a table against the interchange columns: the header, every cell, repeated references.

This is the part of the check that needs no vault. The rules between fields (municipality in
region, dates in order, ...) are `validate_inquiry`'s, applied by `row_problems` once the stored
inquiry a row updates is known.
"""

from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from consultant_app.codes import Codes
from consultant_app.errors import Problem
from consultant_app.i18n import Text
from consultant_app.interchange.cells import CellError, parse_cell
from consultant_app.interchange.columns import BY_NAME, COLUMN_OF_FIELD, COLUMNS, ERRORS_COLUMN, Column, Kind
from consultant_app.interchange.table_reader import FormulaWithoutValue, Table
from consultant_app.services.inquiries import InquiryDraft, received_at_for
from consultant_app.services.inquiry_rules import PROFESSIONAL_FIELDS, validate_inquiry

UNKNOWN_COLUMN = Text(
    da="ukendt kolonne; gyldige kolonner: {allowed}", en="unknown column; valid columns: {allowed}"
)
MISSING_COLUMN = Text(da="påkrævet kolonne mangler", en="required column is missing")
REPEATED_COLUMN = Text(da="kolonnen står der flere gange", en="the column appears more than once")
STRAY_CELL = Text(
    da="cellen står uden for de navngivne kolonner", en="the cell lies outside the named columns"
)
REPEATED_REF = Text(
    da="samme external_ref står også på linje {lines}", en="the same external_ref is also on line {lines}"
)
FORMULA_WITHOUT_VALUE = Text(
    da="formel uden gemt værdi — gem filen i Excel igen",
    en="formula without a stored value — save the file in Excel again",
)
_COLUMN_ORDER = {c.name: position for position, c in enumerate(COLUMNS)}
# Long values (notes) are cut in messages: the line and column say where the rest is.
_ECHO_LIMIT = 80


@dataclass
class CheckedRow:
    line: int
    cells: list[str]  # as read, for the rejects file
    values: dict[str, object]  # draft field -> typed value, for the columns the file has
    problems: list[Problem] = field(default_factory=list)

    def raw(self, column: str, header_index: dict[str, int]) -> str:
        index = header_index.get(column)
        return self.cells[index] if index is not None and index < len(self.cells) else ""


@dataclass
class CheckedFile:
    header: list[str]
    header_problems: list[Problem]
    rows: list[CheckedRow]
    index: dict[str, int]  # known column name -> position in the file

    @property
    def present_fields(self) -> frozenset[str]:
        return frozenset(BY_NAME[name].field for name in self.index)

    @property
    def has_professional_columns(self) -> bool:
        return not self.present_fields.isdisjoint(PROFESSIONAL_FIELDS)


def echo(value: object) -> str:
    text = str(value)
    return text if len(text) <= _ECHO_LIMIT else text[: _ECHO_LIMIT - 1] + "…"


def check_table(table: Table, codes: Codes) -> CheckedFile:
    """A whole table in memory, checked (the importer streams with `RowChecker` instead)."""
    checker = RowChecker(table.header, codes)
    rows = [row for line, cells in table.rows if (row := checker.check(line, cells)) is not None]
    _flag_repeated_refs(rows)
    return CheckedFile(table.header, checker.header_problems, rows, checker.index)


class RowChecker:
    """Checks one row at a time against the file's header: what a streamed import needs."""

    def __init__(self, header: list[str], codes: Codes) -> None:
        self.header = header
        self.header_problems, self.index = _check_header(header)
        self._columns = [(position, BY_NAME[name]) for name, position in self.index.items()]
        self._parse = _memo_parser(codes)

    @property
    def present_fields(self) -> frozenset[str]:
        return frozenset(BY_NAME[name].field for name in self.index)

    @property
    def has_professional_columns(self) -> bool:
        return not self.present_fields.isdisjoint(PROFESSIONAL_FIELDS)

    def check(self, line: int, cells: list[str]) -> CheckedRow | None:
        """The checked row, or None for a blank line (it carries nothing to import)."""
        if not any(_has_content(cell) for cell in cells):
            return None
        return _check_row(line, cells, self.header, self._columns, self._parse)

    def is_blank(self, cells: list[str]) -> bool:
        return not any(_has_content(cell) for cell in cells)

    def ref(self, cells: list[str]) -> str | None:
        """The row's external_ref as the planner keys it (stripped), without checking the row."""
        position = self.index.get("external_ref")
        if position is None or position >= len(cells):
            return None
        return cells[position].strip() or None


class RefIndex:
    """Every external_ref of a file and the lines of those given more than once, gathered in a
    first pass so each row can be judged when it streams past in the next.

    Kept small, since a file may hold 200 000 references: their hashes in a sorted array of
    8-byte integers (a collision costs at most an extra look, never a wrong answer about a
    repeat, which `add_line` settles on the exact text), and the exact lines only of
    references that may be given twice."""

    def __init__(self) -> None:
        self.rows = 0  # rows that are not blank
        self._hashes = array("q")
        self._twice: set[int] = set()
        self.repeated: dict[str, list[int]] = {}

    def add(self, ref: str | None) -> None:
        self.rows += 1
        if ref is not None:
            self._hashes.append(hash(ref))

    def seal(self) -> None:
        """After the first pass: sorted for lookups, and the hashes seen twice noted."""
        self._hashes = array("q", sorted(self._hashes))
        hashes = self._hashes
        self._twice = {hashes[i] for i in range(1, len(hashes)) if hashes[i] == hashes[i - 1]}

    @property
    def maybe_repeated(self) -> bool:
        """Whether a second pass must find the lines of references that may repeat."""
        return bool(self._twice)

    def add_line(self, ref: str | None, line: int) -> None:
        if ref is not None and hash(ref) in self._twice:
            self.repeated.setdefault(ref, []).append(line)

    def settle(self) -> None:
        """After the `add_line` pass: only references truly given twice stay repeated."""
        self.repeated = {ref: lines for ref, lines in self.repeated.items() if len(lines) > 1}
        self._twice = set()

    def __contains__(self, ref: object) -> bool:
        """Whether the file gives `ref` (a hash match: may rarely say yes wrongly, which only
        refuses an own reference that could have been used)."""
        if not isinstance(ref, str):
            return False
        key = hash(ref)
        at = bisect_left(self._hashes, key)
        return at < len(self._hashes) and self._hashes[at] == key

    def flag(self, row: CheckedRow) -> None:
        """Every line of a repeated reference is flagged: which one is meant cannot be guessed."""
        ref = row.values.get("external_ref")
        ref = ref.strip() if isinstance(ref, str) else None
        if ref not in self.repeated:
            return
        others = ", ".join(str(line) for line in self.repeated[ref] if line != row.line)
        row.problems.append(Problem("external_ref", echo(ref), REPEATED_REF, (("lines", others),), row.line))


def _has_content(cell: str) -> bool:
    return bool(cell.strip()) or isinstance(cell, FormulaWithoutValue)


def _check_header(header: list[str]) -> tuple[list[Problem], dict[str, int]]:
    problems: list[Problem] = []
    index: dict[str, int] = {}
    seen: set[str] = set()
    allowed = (("allowed", ", ".join(c.name for c in COLUMNS)),)
    for position, raw_name in enumerate(header):
        name = raw_name.lower()
        if not name or name == ERRORS_COLUMN:
            continue
        if name in seen:
            problems.append(Problem(name, raw_name, REPEATED_COLUMN, line=1))
        elif name not in BY_NAME:
            problems.append(Problem(raw_name, raw_name, UNKNOWN_COLUMN, allowed, line=1))
        else:
            index[name] = position
        seen.add(name)
    for column in COLUMNS:
        if column.required and column.name not in index:
            problems.append(Problem(column.name, "", MISSING_COLUMN, line=1))
    return problems, index


def _memo_parser(codes: Codes) -> Callable[[Column, str], object]:
    """`parse_cell` remembered per column and text: a file repeats the same few codes and dates
    on every line, and this halves the time a large file takes to check."""
    known: dict[tuple[str, str], object] = {}
    failed: dict[tuple[str, str], CellError] = {}

    def parse(column: Column, raw: str) -> object:
        if column.kind is Kind.TEXT:
            return parse_cell(column, raw, codes)
        key = (column.name, raw)
        if key in known:
            return known[key]
        if key in failed:
            exc = failed[key]  # a fresh error: a re-raised one would grow its traceback each time
            raise CellError(exc.text, exc.value, exc.params)
        try:
            known[key] = parse_cell(column, raw, codes)
        except CellError as exc:
            failed[key] = exc
            raise
        return known[key]

    return parse


def _check_row(
    line: int,
    cells: list[str],
    header: list[str],
    columns: list[tuple[int, Column]],
    parse: Callable[[Column, str], object],
) -> CheckedRow:
    row = CheckedRow(line, cells, {})
    for position, column in columns:
        raw = cells[position] if position < len(cells) else ""
        if isinstance(raw, FormulaWithoutValue):
            row.problems.append(Problem(column.name, "", FORMULA_WITHOUT_VALUE, line=line))
            continue
        try:
            row.values[column.field] = parse(column, raw)
        except CellError as exc:
            row.problems.append(Problem(column.name, echo(exc.value), exc.text, exc.params, line))
    for position, cell in enumerate(cells):
        # A value under no (or an ignored) column would be silently lost.
        unnamed = position >= len(header) or not header[position].strip()
        if unnamed and isinstance(cell, FormulaWithoutValue):
            row.problems.append(Problem(f"#{position + 1}", "", FORMULA_WITHOUT_VALUE, line=line))
        elif unnamed and cell.strip():
            row.problems.append(Problem(f"#{position + 1}", echo(cell), STRAY_CELL, line=line))
    return row


def _flag_repeated_refs(rows: list[CheckedRow]) -> None:
    """Every line of a repeated reference is flagged: which one is meant cannot be guessed."""
    lines_by_ref: dict[str, list[CheckedRow]] = {}
    for row in rows:
        ref = row.values.get("external_ref")
        if isinstance(ref, str) and ref.strip():
            lines_by_ref.setdefault(ref.strip(), []).append(row)
    for ref, same in lines_by_ref.items():
        if len(same) < 2:
            continue
        for row in same:
            others = ", ".join(str(r.line) for r in same if r is not row)
            row.problems.append(
                Problem("external_ref", echo(ref), REPEATED_REF, (("lines", others),), row.line)
            )


def draft_for(row: CheckedRow, base: InquiryDraft) -> InquiryDraft:
    """The draft a row describes: its own columns over `base` (defaults, or the stored inquiry
    it updates, so a column the file does not have leaves that field as it is)."""
    values = dict(row.values)
    if "received_at" in values:
        received = values["received_at"]
        values["received_at"] = (
            received_at_for(received, base.received_at) if isinstance(received, date) else None
        )
    for name in ("reasons", "advice_types"):
        if name in values and values[name] is None:
            values[name] = ()
    draft = InquiryDraft(**(vars(base) | values)).normalised()
    if draft.closed_on is None and draft.closing_reason is not None:
        draft = replace(draft, closing_reason=None)  # reopened: the old closing reason no longer holds
    return draft


def row_problems(
    row: CheckedRow, draft: InquiryDraft, codes: Codes, today: date, index: dict[str, int]
) -> list[Problem]:
    """The row's cell problems and the rules between fields, each located at its column. A field
    whose cell could not be read is not reported a second time as missing or inconsistent."""
    unreadable = {p.field for p in row.problems}
    problems = list(row.problems)
    for problem in validate_inquiry(draft, codes, today, check_phone=False):  # see validate_inquiry
        column = COLUMN_OF_FIELD.get(problem.field, problem.field)
        if column in unreadable or (column in BY_NAME and BY_NAME[column].required and column not in index):
            continue  # said once already: on the cell, or on line 1 as a missing column
        value = row.raw(column, index) if column in index else problem.value
        problems.append(replace(problem, field=column, value=echo(value), line=row.line))
    return sorted(problems, key=lambda p: _COLUMN_ORDER.get(p.field, len(_COLUMN_ORDER)))
