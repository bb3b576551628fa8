"""The statistics report as a PDF, laid out like the agency's half-year note: the development
year by year, the regions in the period, the share of children against a year earlier, and
citizens abroad and concerns in Denmark by year. Built from plain data (counts.note.StatsNote)
and never from a session, like every report (pdf_base)."""

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from consultant_app.counts.blocks import regions
from consultant_app.counts.note import TRIPS, StatsNote, note_grids, protect_note
from consultant_app.counts.small_cells import PRIMARY_LABEL, SECONDARY_LABEL, Grid, Protection
from consultant_app.counts.tables import region_label
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import FONT, FONT_BOLD, PrintInfo, ReportDocument
from consultant_app.reports.pdf_blocks import BODY_WIDTH, data_table, number, paragraph

TITLE = Text(da="Henvendelser til sikkerhedskonsulenterne", en="Inquiries to the security consultants")
PERIOD = Text(da="Periode: {period}", en="Period: {period}")
INTRO = Text(
    da="Notatet bygger alene på optællinger af henvendelser; det indeholder ingen oplysninger om personer. "
    "Kilde: {subject}.",
    en="The note is built from counts of inquiries only; it holds nothing about any person. Source: {subject}.",
)
PROTECTED = Text(
    da="Småtal er beskyttet: tal fra 1 til 4 vises som '{primary}', og enkelte andre tal er skjult ('{secondary}'), "
    "så de skjulte tal ikke kan regnes ud fra totalerne.",
    en="Small cells are protected: figures from 1 to 4 are shown as '{primary}', and some other figures are "
    "hidden ('{secondary}') so that hidden figures cannot be worked out from the totals.",
)
EXACT = Text(
    da="Alle tal er eksakte (ingen småtalsbeskyttelse): del ikke notatet uden for teamet.",
    en="All figures are exact (no small-cell protection): do not share the note outside the team.",
)
H_YEARS = Text(da="1. Udviklingen år for år", en="1. Development year by year")
YEARS_TEXT = Text(
    da="Nye henvendelser pr. kalenderår siden de første data ({first}). Det løbende år tæller til og med {last}.",
    en="New inquiries per calendar year since the first data ({first}). The running year counts up to {last}.",
)
H_REGIONS = Text(da="2. Fordeling på regioner, {period}", en="2. Distribution over regions, {period}")
H_CHILDREN = Text(da="3. Andel børn", en="3. Share of children")
CHILDREN_TEXT = Text(
    da="Henvendelser, der vedrører et barn (0–17 år), i perioden og i samme periode året før.",
    en="Inquiries concerning a child (0–17), in the period and in the same period a year earlier.",
)
NO_PREVIOUS = Text(
    da="Der er ingen data for samme periode året før.",
    en="There is no data for the same period a year earlier.",
)
H_ABROAD = Text(
    da="4. Borgeren er i udlandet (genopdragelsesrejse eller ufrivilligt udlandsophold)",
    en="4. Citizen abroad (re-education trip or involuntary stay)",
)
H_CONCERN = Text(
    da="5. Borgeren er i Danmark, bekymring for eller trussel om rejse",
    en="5. Citizen in Denmark, concern about or threat of a trip",
)
TRIP_TEXT = Text(da="Nye henvendelser pr. år og region.", en="New inquiries per year and region.")
DEFINITIONS = Text(
    da="Henvendelser tælles efter modtagelsesdato. Aktive forløb: rådgivningsforløb modtaget senest "
    "periodens sidste dag og ikke afsluttet på det tidspunkt. Andele er beregnet af de viste tal.",
    en="Inquiries are counted by received date. Active courses: advisory courses received by the last "
    "day of the period and not closed by then. Shares are computed from the figures shown.",
)
YEAR = Text(da="År", en="Year")
REGION = Text(da="Region", en="Region")
TOTAL = Text(da="I\u00a0alt", en="Total")  # no break between "I" and "alt"
INQUIRIES = Text(da="Henvendelser", en="Inquiries")
SHARE_ALL = Text(da="Andel af alle", en="Share of all")
CHILDREN = Text(da="Børn", en="Children")
SHARE_CHILDREN = Text(da="Andel børn", en="Share children")
ABROAD = Text(da="Udlandet", en="Abroad")
CONCERN = Text(da="Trussel DK", en="Threat DK")
ACTIVE = Text(da="Aktive forløb", en="Active courses")
CHANGE = Text(da="Ændring", en="Change")
POINTS = Text(da="{value} pct.-point", en="{value} pp")
PARTIAL = Text(da="{year} ({first}–{last})", en="{year} ({first}–{last})")
MONTHS = {
    "da": ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
BAR = colors.HexColor("#3B6E8F")


def month_name(month: str, language: str) -> str:
    return f"{MONTHS.get(language, MONTHS['da'])[int(month[5:7]) - 1]} {month[:4]}"


def period_name(first: str, last: str, language: str) -> str:
    if first == last:
        return month_name(first, language)
    return f"{month_name(first, language)} – {month_name(last, language)}"


class StatsReport(ReportDocument):
    def __init__(
        self, note: StatsNote, printed: PrintInfo, *, protect_small_cells: bool = False, listings=()
    ) -> None:
        super().__init__(printed)
        self.note = note
        self.listings = list(listings)  # counts.exports.Listing, already as published
        self.grids = note_grids(note)
        self.protection: Protection | None = protect_note(note) if protect_small_cells else None

    def title(self) -> str:
        return self.text(TITLE)

    # --- figures as shown ------------------------------------------------------------------

    def shown(self, grid: Grid, i: int, j: int) -> int | str:
        value = grid.values[i][j]
        return value if self.protection is None else self.protection.label(grid.keys[i][j], value)

    def cell(self, grid: Grid, i: int, j: int) -> str:
        value = self.shown(grid, i, j)
        return number(value, self.printed.language) if isinstance(value, int) else value

    def share(self, part: int | str, whole: int | str) -> str:
        """A percentage of two shown figures; '–' when either is hidden or the whole is 0."""
        if not isinstance(part, int) or not isinstance(whole, int) or whole == 0:
            return "–"
        return self.percent(100 * part / whole)

    def percent(self, value: float) -> str:
        text = f"{value:.1f}"
        return (text.replace(".", ",") if self.printed.language == "da" else text) + " %"

    def year_label(self, first: str, last: str) -> str:
        year, language = first[:4], self.printed.language
        if first[5:] == "01" and last[5:] == "12":
            return year
        names = MONTHS.get(language, MONTHS["da"])
        return self.text(PARTIAL, year=year, first=names[int(first[5:]) - 1], last=names[int(last[5:]) - 1])

    # --- the story -------------------------------------------------------------------------

    def story(self, styles: StyleSheet1) -> list[Flowable]:
        note, lang = self.note, self.printed.language
        story: list[Flowable] = [
            paragraph(self.title(), styles["Title"]),
            paragraph(self.text(PERIOD, period=period_name(note.first, note.last, lang)), styles["Heading"]),
            paragraph(self.text(INTRO, subject=note.subject), styles["Normal"]),
            Spacer(0, 2 * mm),
            paragraph(self._protection_text(), styles["Small"]),
        ]
        story += self._years(styles)
        story += self._regions(styles)
        story += self._children(styles)
        for heading, trip in zip((H_ABROAD, H_CONCERN), TRIPS, strict=True):
            story += self._trip(styles, heading, trip)
        for listing in self.listings:
            story += self._listing(styles, listing)
        story += [Spacer(0, 4 * mm), paragraph(self.text(DEFINITIONS), styles["Small"])]
        return story

    def _listing(self, styles, listing) -> list[Flowable]:
        # A listing may carry its protected form (counts.survey_links): shown when protecting.
        protected = self.protection is not None and getattr(listing, "protected_rows", None) is not None
        shown = listing.protected_rows if protected else listing.rows
        rows = [[v if isinstance(v, str) else number(v, self.printed.language) for v in r] for r in shown]
        header = list(listing.header)
        table = data_table(
            header, rows, styles, col_widths=fitted_widths(header, rows), numeric=range(1, len(header))
        )
        return [KeepTogether([paragraph(listing.title, styles["Heading"]), table])]

    def _protection_text(self) -> str:
        if self.protection is None:
            return self.text(EXACT)
        return self.text(PROTECTED, primary=PRIMARY_LABEL, secondary=SECONDARY_LABEL)

    def _years(self, styles) -> list[Flowable]:
        grid, note = self.grids["years"], self.note
        header = [self.text(YEAR), self.text(INQUIRIES), self.text(CHILDREN), self.text(SHARE_CHILDREN)]
        header += [self.text(ABROAD), self.text(CONCERN), self.text(ACTIVE)]
        rows = []
        for i, span in enumerate(note.years):
            inquiries, children = self.shown(grid, i, 0), self.shown(grid, i, 1)
            rows.append(
                [
                    self.year_label(span.first, span.last),
                    self.cell(grid, i, 0),
                    self.cell(grid, i, 1),
                    self.share(children, inquiries),
                    self.cell(grid, i, 2),
                    self.cell(grid, i, 3),
                    self.cell(grid, i, 4),
                ]
            )
        intro = self.text(
            YEARS_TEXT,
            first=month_name(note.years[0].first, self.printed.language),
            last=month_name(note.last, self.printed.language),
        )
        return [
            paragraph(self.text(H_YEARS), styles["Heading"]),
            paragraph(intro, styles["Normal"]),
            Spacer(0, 2 * mm),
            self._chart(
                [rows[i][0] for i in range(len(rows))], [self.shown(grid, i, 0) for i in range(len(rows))]
            ),
            Spacer(0, 3 * mm),
            data_table(header, rows, styles, col_widths=fitted_widths(header, rows), numeric=range(1, 7)),
        ]

    def _chart(self, labels: list[str], values: list[int | str]) -> Drawing:
        """Bars of the yearly inquiries; a hidden figure gets no bar and its label instead."""
        height = 55 * mm
        drawing = Drawing(BODY_WIDTH, height)
        chart = VerticalBarChart()
        # types-reportlab declares PlotArea's geometry as int (from its defaults); ReportLab itself
        # validates it as isNumber, so points in float are what it expects.
        chart.x, chart.y, chart.width, chart.height = 14 * mm, 12 * mm, BODY_WIDTH - 18 * mm, height - 16 * mm  # type: ignore[assignment]
        chart.data = [[v if isinstance(v, int) else 0 for v in values]]
        chart.bars[0].fillColor = BAR
        chart.bars.strokeColor = None
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = axis_max = _nice_ceiling(
            max([v for v in values if isinstance(v, int)] + [1]) * 1.15
        )
        chart.valueAxis.labels.fontName = chart.categoryAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = chart.categoryAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = lambda v: number(int(v), self.printed.language)
        chart.categoryAxis.categoryNames = [label.split(" ")[0] for label in labels]
        chart.barLabels.fontName, chart.barLabels.fontSize = FONT, 7
        chart.barLabelFormat = lambda v: ""
        drawing.add(chart)
        step = chart.width / max(1, len(values))
        for index, value in enumerate(values):
            text = number(value, self.printed.language) if isinstance(value, int) else value
            top = chart.y + (chart.height * value / axis_max if isinstance(value, int) else 0)
            drawing.add(
                String(
                    chart.x + step * (index + 0.5),
                    top + 2,
                    text,
                    fontName=FONT,
                    fontSize=7,
                    textAnchor="middle",
                )
            )
        return drawing

    def _regions(self, styles) -> list[Flowable]:
        grid, lang = self.grids["regions"], self.printed.language
        labels = [region_label(r, lang) for r in regions()] + [self.text(TOTAL)]
        total_row = len(labels) - 1
        header = [self.text(REGION), self.text(INQUIRIES), self.text(SHARE_ALL), self.text(CHILDREN)]
        header += [self.text(SHARE_CHILDREN), self.text(ABROAD), self.text(CONCERN), self.text(ACTIVE)]
        rows = []
        for i, label in enumerate(labels):
            inquiries, children = self.shown(grid, i, 0), self.shown(grid, i, 1)
            rows.append(
                [
                    label,
                    self.cell(grid, i, 0),
                    self.share(inquiries, self.shown(grid, total_row, 0)),
                    self.cell(grid, i, 1),
                    self.share(children, inquiries),
                    self.cell(grid, i, 2),
                    self.cell(grid, i, 3),
                    self.cell(grid, i, 4),
                ]
            )
        heading = self.text(H_REGIONS, period=period_name(self.note.first, self.note.last, lang))
        table = data_table(header, rows, styles, col_widths=fitted_widths(header, rows), numeric=range(1, 8))
        return [KeepTogether([paragraph(heading, styles["Heading"]), table])]

    def _children(self, styles) -> list[Flowable]:
        grid, note, lang = self.grids["children"], self.note, self.printed.language
        spans = [s for s in (note.previous, note.period) if s is not None]
        header = [self.text(PERIOD, period="").rstrip(": "), self.text(INQUIRIES), self.text(CHILDREN)]
        header += [self.text(SHARE_CHILDREN), self.text(CHANGE)]
        rows: list[list[str]] = []
        shares: list[float | None] = []
        for i, span in enumerate(spans):
            inquiries, children = self.shown(grid, i, 0), self.shown(grid, i, 1)
            if isinstance(inquiries, int) and isinstance(children, int) and inquiries > 0:
                shares.append(100 * children / inquiries)
            else:  # a hidden or zero figure has no share
                shares.append(None)
            change = ""
            if i == 1 and shares[0] is not None and shares[1] is not None:
                change = self.text(POINTS, value=self.percent(shares[1] - shares[0]).removesuffix(" %"))
            rows.append(
                [
                    period_name(span.first, span.last, lang),
                    self.cell(grid, i, 0),
                    self.cell(grid, i, 1),
                    self.share(children, inquiries),
                    change,
                ]
            )
        flow: list[Flowable] = [
            paragraph(self.text(H_CHILDREN), styles["Heading"]),
            paragraph(self.text(CHILDREN_TEXT), styles["Normal"]),
            Spacer(0, 2 * mm),
            data_table(header, rows, styles, col_widths=fitted_widths(header, rows), numeric=range(1, 5)),
        ]
        if note.previous is None:
            flow.append(paragraph(self.text(NO_PREVIOUS), styles["Small"]))
        return [KeepTogether(flow)]

    def _trip(self, styles, heading: Text, trip: str) -> list[Flowable]:
        grid, lang = self.grids[trip], self.printed.language
        header = [self.text(YEAR)] + [region_label(r, lang) for r in regions()] + [self.text(TOTAL)]
        rows = [
            [self.year_label(span.first, span.last)] + [self.cell(grid, i, j) for j in range(len(header) - 1)]
            for i, span in enumerate(self.note.years)
        ]
        return [
            paragraph(self.text(heading), styles["Heading"]),
            paragraph(self.text(TRIP_TEXT), styles["Normal"]),
            Spacer(0, 2 * mm),
            data_table(
                header, rows, styles, col_widths=fitted_widths(header, rows), numeric=range(1, len(header))
            ),
        ]


def fitted_widths(header: list[str], rows: list[list[str]]) -> list[float]:
    """Column widths from the content: each column gets room for its longest header word (bold)
    and its widest cell, plus padding; the label column takes what is left of the page."""
    padding = 12  # the table's left and right cell padding, in points
    need = []
    for j, title in enumerate(header):
        words = max(stringWidth(w, FONT_BOLD, 9) for w in title.split(" "))
        cells = max([stringWidth(str(row[j]), FONT, 9) for row in rows] or [0])
        need.append(max(words, cells) + padding + 1)
    spare = BODY_WIDTH - sum(need)
    if spare >= 0:
        return [need[0] + spare, *need[1:]]
    return [w * BODY_WIDTH / sum(need) for w in need]


def _nice_ceiling(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least `value` (an axis maximum)."""
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power >= value:
                return step * power
        power *= 10


def render_stats_report(
    note: StatsNote, printed: PrintInfo, *, protect_small_cells: bool = False, listings=()
) -> bytes:
    return StatsReport(note, printed, protect_small_cells=protect_small_cells, listings=listings).render()
