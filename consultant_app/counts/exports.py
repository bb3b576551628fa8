"""CSV and XLSX files of a statistics publication (tables.py): the same tables in both.

CSV: semicolon-separated, UTF-8 with a byte-order mark (what Danish Excel opens correctly);
each table is a title line, a header line and its rows, with a blank line between tables.
XLSX: an "about" sheet, then one sheet per table with Danish headers, the totals in bold, the
title and header rows and the label column frozen, and a native Excel chart of the inquiries.
Protected figures are the texts "<5" and "x" in both.
Names and titles may be a person's typing (a consultant named `=HYPERLINK(...)`): no cell of
either file runs as a formula (consultant_app.spreadsheet_safety).
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from consultant_app.counts.small_cells import PRIMARY_LABEL, SECONDARY_LABEL
from consultant_app.counts.tables import Publication, Table
from consultant_app.i18n import Text
from consultant_app.spreadsheet_safety import csv_row, no_formulas, xlsx_text

ABOUT_SHEET = Text(da="Om tallene", en="About")
PROTECTED_NOTE = Text(
    da="Småtal er beskyttet: tal fra 1 til 4 vises som '{primary}', og så mange andre tal er skjult "
    "('{secondary}'), at de skjulte ikke kan regnes ud fra totalerne.",
    en="Small cells are protected: figures from 1 to 4 are shown as '{primary}', and enough other "
    "figures are hidden ('{secondary}') that the hidden ones cannot be worked out from the totals.",
)
EXACT_NOTE = Text(
    da="Alle tal er eksakte (ingen småtalsbeskyttelse). Del ikke filen uden for teamet.",
    en="All figures are exact (no small-cell protection). Do not share the file outside the team.",
)
CHART_TITLE = Text(da="Nye henvendelser pr. måned", en="New inquiries per month")
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
BOLD = Font(bold=True)


@dataclass(frozen=True)
class Listing:
    """A plain list to add as its own sheet / section (e.g. the packages a report used)."""

    sheet: str
    title: str
    header: list[str]
    rows: Sequence[Sequence[object]]
    # Shown instead of `rows` when small cells are protected (survey_links.py); None: `rows`.
    protected_rows: Sequence[Sequence[object]] | None = None

    def shown_rows(self, publication: Publication) -> Sequence[Sequence[object]]:
        if publication.protection is not None and self.protected_rows is not None:
            return self.protected_rows
        return self.rows


def protection_note(publication: Publication, language: str | None = None) -> str:
    if publication.protection is None:
        return EXACT_NOTE.render(language)
    return PROTECTED_NOTE.render(language, primary=PRIMARY_LABEL, secondary=SECONDARY_LABEL)


def write_csv(
    publication: Publication,
    about: Sequence[tuple[str, str]],
    listings: Sequence[Listing] = (),
    language: str | None = None,
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for label, value in about:
        writer.writerow(csv_row([label, value]))  # the source may be a consultant's name
    writer.writerow([protection_note(publication, language)])
    for table in publication.tables:
        writer.writerow([])
        writer.writerow(csv_row([table.title]))
        writer.writerow(csv_row([table.corner, *table.columns]))
        for label, row in zip(table.rows, publication.cells(table), strict=True):
            writer.writerow(csv_row([label, *row]))
    for listing in listings:
        writer.writerow([])
        writer.writerow([listing.title])
        writer.writerow(csv_row(listing.header))
        writer.writerows(csv_row(row) for row in listing.shown_rows(publication))  # never a formula
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(
    publication: Publication,
    about: Sequence[tuple[str, str]],
    listings: Sequence[Listing] = (),
    language: str | None = None,
) -> bytes:
    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # a new workbook starts with one worksheet
        raise AssertionError("a new workbook has no active worksheet")
    sheet.title = ABOUT_SHEET.render(language)
    for label, value in about:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = BOLD
    sheet.append([])
    sheet.append([protection_note(publication, language)])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60

    for index, table in enumerate(publication.tables):
        ws = book.create_sheet(_unique(book, table.sheet))
        _write_table(ws, table, publication.cells(table))
        if index == 0:
            _add_chart(ws, table, language)
    for listing in listings:
        ws = book.create_sheet(_unique(book, listing.sheet))
        ws.append([listing.title])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append(listing.header)
        for cell in ws[2]:
            cell.font, cell.fill = BOLD, HEADER_FILL
        for row in listing.shown_rows(publication):  # user text is a string cell, never a formula
            line = ws.max_row + 1
            for column, item in enumerate(row, start=1):
                if isinstance(item, str):
                    xlsx_text(ws.cell(line, column), item)
                else:
                    ws.cell(line, column, item)
        ws.freeze_panes = "A3"
        for column in range(1, len(listing.header) + 1):
            ws.column_dimensions[get_column_letter(column)].width = 36 if column == 1 else 14
    buffer = io.BytesIO()
    no_formulas(book).save(buffer)
    return buffer.getvalue()


def _write_table(ws, table: Table, cells: list[list[int | str]]) -> None:
    """Row 1 the title, row 2 the header, then the rows; totals (last row/column) in bold."""
    ws.append([table.title])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([table.corner, *table.columns])
    for cell in ws[2]:
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for label, row in zip(table.rows, cells, strict=True):
        ws.append([label, *row])
    last_row, last_col = ws.max_row, len(table.columns) + 1
    for row in ws.iter_rows(min_row=3, max_row=last_row, min_col=2, max_col=last_col):
        for cell in row:
            cell.number_format = "#,##0"
            cell.alignment = Alignment(horizontal="right")
    if table.grid.col_total:
        for cell in ws[last_row]:
            cell.font = BOLD
    if table.grid.row_total:
        for (cell,) in ws.iter_rows(min_row=2, max_row=last_row, min_col=last_col, max_col=last_col):
            cell.font = BOLD
    ws.freeze_panes = "B3"
    ws.column_dimensions["A"].width = max(
        12, min(48, max(len(str(r)) for r in [table.corner, *table.rows]) + 2)
    )
    for column in range(2, last_col + 1):
        ws.column_dimensions[get_column_letter(column)].width = 14


def _add_chart(ws, table: Table, language: str | None) -> None:
    """A stacked column chart of the month rows by region (the totals row and column left out)."""
    months = len(table.rows) - (1 if table.grid.col_total else 0)
    series = len(table.columns) - (1 if table.grid.row_total else 0)
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title = CHART_TITLE.render(language)
    chart.height, chart.width = 9, 18
    data = Reference(ws, min_col=2, max_col=1 + series, min_row=2, max_row=2 + months)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=3, max_row=2 + months))
    ws.add_chart(chart, f"{get_column_letter(len(table.columns) + 3)}2")


def _unique(book: Workbook, name: str) -> str:
    name = name[:31]
    taken = set(book.sheetnames)
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name[:28]} {n}"
        n += 1
    return candidate
