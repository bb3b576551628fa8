"""Building blocks of a story: escaped paragraphs and the two table shapes reports use
(label/value pairs, and a header row over data rows that repeats on every page)."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from consultant_app.reports.pdf_base import FONT, MARGIN_X, PAGE_SIZE, RULE

BODY_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
HEADER_FILL = colors.HexColor("#E8E8E8")


def paragraph(text: object, style) -> Paragraph:
    """Plain text as a paragraph: escaped, so '<', '&' or a newline in a note prints as typed
    (ReportLab would otherwise read them as markup)."""
    return Paragraph(escape("" if text is None else str(text)).replace("\n", "<br/>"), style)


def number(value: int, language: str) -> str:
    """A whole number with the language's thousands separator (100.000 / 100,000), never
    the process locale's."""
    return f"{value:,}".replace(",", "." if language == "da" else ",")


def key_value_table(
    rows: Sequence[tuple[str, object]], styles: StyleSheet1, label_width: float = 55 * mm
) -> Table:
    """Label in bold on the left, value on the right; long values wrap."""
    data = [[paragraph(label, styles["CellBold"]), paragraph(value, styles["Cell"])] for label, value in rows]
    table = Table(data, colWidths=[label_width, BODY_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the table's own default is Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    styles: StyleSheet1,
    col_widths: Sequence[float] | None = None,
    numeric: Sequence[int] = (),
) -> Table:
    """A header row over data rows; the header repeats when the table breaks across pages.
    Columns listed in `numeric` are right-aligned."""

    def cell(value: object, column: int, bold: bool = False) -> Paragraph:
        style = ("CellNumber" if column in numeric else "Cell") + ("Bold" if bold else "")
        return paragraph(value, styles[style])

    data = [[cell(h, i, bold=True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    widths = list(col_widths) if col_widths else [BODY_WIDTH / len(header)] * len(header)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the table's own default is Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table
