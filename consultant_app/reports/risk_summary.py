"""The printable summary of one risk assessment, from plain data (consultant_app/risk/summary.py)
and always in the wording of the instrument version it was made with.

The story, in named steps: heading and key facts; sources and missing information; the
factor grid; protective factors; scenarios; summary judgement; changes since the previous
assessment; safety measures; next review; shared with. The page template (pdf_base) marks
every page as confidential and prints who printed it and "Side x af y". The citizen's name
appears once, on the first page, and only when the caller asked for it.
"""

from datetime import UTC, date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import FONT, MARKING_RED, RULE, PrintInfo, ReportDocument
from consultant_app.reports.pdf_blocks import BODY_WIDTH, HEADER_FILL, data_table, key_value_table, paragraph
from consultant_app.risk import texts as T
from consultant_app.risk.instruments import CHECKLIST, PROTECTIVE, Group, InstrumentLibrary
from consultant_app.risk.summary import RiskSummary, load_risk_summary
from consultant_app.storage import audit

# Keyed by (group kind, rating); an unrated item (None) has no entry and so no fill.
_TINT: dict[
    tuple[str, str | None], colors.Color
] = {  # a light fill behind a rating, so the grid can be scanned; the word carries the meaning
    ("risk", "ja"): colors.HexColor("#F2D4D4"),
    ("risk", "delvist"): colors.HexColor("#F8E9C8"),
    ("protective", "ja"): colors.HexColor("#D8EBD3"),
    ("protective", "delvist"): colors.HexColor("#EAF3E3"),
}
_GROUP_FILL = colors.HexColor("#F3F3F3")


class RiskSummaryReport(ReportDocument):
    def __init__(self, summary: RiskSummary, printed: PrintInfo) -> None:
        super().__init__(printed)
        a = summary.assessment
        if summary.instrument.key != (a.instrument_id, a.instrument_version):
            raise ValueError("a summary prints with the instrument version its assessment was made with")
        self.summary = summary
        self.a = summary.assessment
        self.content = summary.assessment.content
        self.instrument = summary.instrument
        self.language = printed.language
        self.codes = load_codes()

    def title(self) -> str:
        text = T.TITLE_DRAFT if not self.a.is_finalised else T.TITLE
        return self.text(text, case=self.a.case_code)

    def story(self, styles: StyleSheet1) -> list[Flowable]:
        _add_styles(styles)
        story: list[Flowable] = []
        for step in (
            self.heading,
            self.sources,
            self.factor_grid,
            self.protective_factors,
            self.scenarios,
            self.judgement,
            self.changes,
            self.measures,
            self.next_review,
            self.shared_with,
        ):
            story += step(styles)
        return story

    # --- the steps -----------------------------------------------------------------------

    def heading(self, styles: StyleSheet1) -> list[Flowable]:
        a, c = self.a, self.content
        name = self.instrument.name.text(self.language)
        rows: list[tuple[str, object]] = [(self.text(T.CASE), a.case_code)]
        if self.summary.citizen_name:
            rows.append((self.text(T.CITIZEN), self.summary.citizen_name))
        rows += [
            (self.text(T.ASSESSOR), c.assessor),
            (self.text(T.ASSESSED_ON), self.day(c.assessed_on)),
            (
                self.text(T.INSTRUMENT),
                self.text(T.INSTRUMENT_VALUE, name=name, id=a.instrument_id, version=a.instrument_version),
            ),
            (self.text(T.STATUS), self._status()),
        ]
        if a.previous_id is not None:
            on = self.day(self.summary.previous_assessed_on)
            rows.append((self.text(T.PREVIOUS), self.text(T.PREVIOUS_VALUE, id=a.previous_id, date=on)))
        story: list[Flowable] = [paragraph(self.text(T.HEADING), styles["Title"])]
        if not a.is_finalised:
            story += [self.boxed(self.text(T.DRAFT_WARNING), styles), Spacer(0, 4 * mm)]
        story += [key_value_table(rows, styles), Spacer(0, 2 * mm)]
        story.append(paragraph(self.instrument.description.text(self.language), styles["Small"]))
        return story

    def sources(self, styles: StyleSheet1) -> list[Flowable]:
        return self.section(T.SOURCES, self.content.sources, styles) + self.section(
            T.MISSING, self.content.missing_information, styles
        )

    def factor_grid(self, styles: StyleSheet1) -> list[Flowable]:
        groups = [g for g in self.instrument.groups if g.kind != PROTECTIVE]
        checklist = self.instrument.kind == CHECKLIST
        story: list[Flowable] = [
            paragraph(self.text(T.QUESTIONS if checklist else T.FACTORS), styles["Heading"])
        ]
        story.append(
            paragraph(self.text(T.CHECKLIST_LEGEND if checklist else T.FACTORS_LEGEND), styles["Small"])
        )
        story += [Spacer(0, 2 * mm), self.grid(groups, styles, with_earlier=not checklist)]
        return story

    def protective_factors(self, styles: StyleSheet1) -> list[Flowable]:
        groups = [g for g in self.instrument.groups if g.kind == PROTECTIVE]
        if not groups and not self.content.protective_factors:
            return []
        story: list[Flowable] = [paragraph(self.text(T.PROTECTIVE), styles["Heading"])]
        if groups:
            story += [self.grid(groups, styles, with_earlier=False), Spacer(0, 2 * mm)]
        if self.content.protective_factors or not groups:
            label = self.text(T.PROTECTIVE_OTHER) if groups else None
            story += self.body(self.content.protective_factors, styles, label)
        return story

    def scenarios(self, styles: StyleSheet1) -> list[Flowable]:
        return self.section(T.SCENARIOS, self.content.scenarios, styles)

    def judgement(self, styles: StyleSheet1) -> list[Flowable]:
        c, s = self.content, self.a.screening
        if s is None:
            rows = [
                (self.text(T.SERIOUS_VIOLENCE), self.level(c.serious_violence)),
                (self.text(T.IMMINENT_RISK), self.level(c.imminent_risk)),
            ]
        else:
            low, high = (self.instrument.band_range(s.band) if s.band else None) or (0, 0)
            rows = [
                (self.text(T.YES_COUNT), self.text(T.YES_COUNT_VALUE, yes=s.yes_count, items=s.items)),
                (self.text(T.BAND), self.text(T.BAND_VALUE, level=self.level(s.band), low=low, high=high)),
            ]
            if s.override:
                rows += [
                    (self.text(T.OVERRIDE), self.level(s.override)),
                    (self.text(T.OVERRIDE_REASON), s.override_reason or self.text(T.NOT_GIVEN)),
                ]
            rows.append((self.text(T.RESULT), self.level(s.level)))
        return [paragraph(self.text(T.JUDGEMENT), styles["Heading"]), key_value_table(rows, styles, 70 * mm)]

    def changes(self, styles: StyleSheet1) -> list[Flowable]:
        changes = self.summary.changes
        if changes is None:
            return []
        story: list[Flowable] = [
            paragraph(
                self.text(T.CHANGES, date=self.day(self.summary.previous_assessed_on)), styles["Heading"]
            )
        ]
        lines = [
            self.text(
                T.JUDGEMENT_MOVED,
                name=self.text(T.JUDGEMENT_NAMES[j.name]),
                before=self.level(j.before),
                after=self.level(j.after),
                direction=self.text(T.DIRECTIONS[j.direction]),
            )
            for j in changes.judgements
        ]
        lines += [
            self.text(
                T.FACTOR_MOVED,
                item=f.item_id,
                label=f.label.render(self.language) if f.label else "",
                before=self.rating(f.before, T.UNRATED),
                after=self.rating(f.after, T.UNRATED),
                direction=self.text(T.DIRECTIONS[f.direction]),
            )
            for f in changes.factors
        ]
        lines += [self.text(T.MEASURE_ADDED, action=m) for m in changes.measures_added]
        lines += [self.text(T.MEASURE_DROPPED, action=m) for m in changes.measures_dropped]
        if changes.instrument_version_before != changes.instrument_version_after:
            lines.append(self.text(T.NEW_VERSION, before=changes.instrument_version_before))
        story += [paragraph(f"• {line}", styles["Normal"]) for line in lines or [self.text(T.NO_CHANGES)]]
        return story

    def measures(self, styles: StyleSheet1) -> list[Flowable]:
        story = [paragraph(self.text(T.MEASURES), styles["Heading"])]
        if not self.content.measures:
            return [*story, paragraph(self.text(T.NONE), styles["Normal"])]
        header = [self.text(T.ACTION), self.text(T.RESPONSIBLE), self.text(T.DEADLINE)]
        rows = [(m.action, m.responsible, self.day(m.deadline)) for m in self.content.measures]
        widths = [BODY_WIDTH * 0.55, BODY_WIDTH * 0.30, BODY_WIDTH * 0.15]
        return [*story, data_table(header, rows, styles, col_widths=widths)]

    def next_review(self, styles: StyleSheet1) -> list[Flowable]:
        on = self.content.next_review_on
        return self.section(T.NEXT_REVIEW, self.day(on) if on else self.text(T.NOT_SET), styles)

    def shared_with(self, styles: StyleSheet1) -> list[Flowable]:
        rows = [
            (self.text(T.SHARED_WHO), self.content.shared_with or self.text(T.NOT_SHARED)),
            (self.text(T.SHARED_BASIS), self.content.shared_basis or "–"),
        ]
        return [paragraph(self.text(T.SHARED), styles["Heading"]), key_value_table(rows, styles)]

    # --- pieces ------------------------------------------------------------------------------

    def grid(self, groups: list[Group], styles: StyleSheet1, *, with_earlier: bool) -> Table:
        protective = all(g.kind == PROTECTIVE for g in groups)
        checklist = self.instrument.kind == CHECKLIST
        item_heading = T.ITEM_QUESTION if checklist else T.ITEM_PROTECTIVE if protective else T.ITEM
        header = [self.text(T.NUMBER), self.text(item_heading)]
        header += [self.text(T.ANSWER if checklist else T.PRESENT if protective else T.NOW)]
        header += [self.text(T.EARLIER)] if with_earlier else []
        header.append(self.text(T.NOTE))
        widths = [11 * mm, 0.0, 21 * mm] + ([23 * mm] if with_earlier else []) + [52 * mm]
        widths[1] = BODY_WIDTH - sum(widths)
        data: list[list[Flowable | str]] = [[paragraph(h, styles["CellBold"]) for h in header]]
        commands: list[tuple] = []
        for group in groups:
            if len(groups) > 1:  # a single group's title is the section's heading
                data.append(
                    [
                        paragraph(group.title.text(self.language), styles["CellBold"]),
                        *[""] * (len(header) - 1),
                    ]
                )
                row = len(data) - 1
                commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), _GROUP_FILL)]
            for item in group.items:
                rating = self.content.rating(item.id)
                cells = [rating.now] + ([rating.earlier] if with_earlier else [])
                row = len(data)
                data.append(
                    [
                        paragraph(item.id, styles["Cell"]),
                        paragraph(item.label.text(self.language), styles["Cell"]),
                        *[
                            paragraph(self.rating(v), styles["CellBold" if v == "ja" else "Cell"])
                            for v in cells
                        ],
                        paragraph(rating.note or "", styles["CellNote"]),
                    ]
                )
                for n, value in enumerate(cells):
                    tint = _TINT.get((group.kind, value))
                    if tint is not None:
                        commands.append(("BACKGROUND", (2 + n, row), (2 + n, row), tint))
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        table.setStyle(TableStyle(style + commands))
        return table

    def boxed(self, text: str, styles: StyleSheet1) -> Table:
        """A framed line across the body: what must not be missed (a draft)."""
        box = Table([[paragraph(text, styles["Draft"])]], colWidths=[BODY_WIDTH], hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, MARKING_RED),
                    ("BACKGROUND", (0, 0), (-1, -1), _TINT[("risk", "ja")]),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return box

    def section(self, title: Text, value: str | None, styles: StyleSheet1) -> list[Flowable]:
        return [paragraph(self.text(title), styles["Heading"]), *self.body(value, styles)]

    def body(self, value: str | None, styles: StyleSheet1, label: str | None = None) -> list[Paragraph]:
        story = [paragraph(label, styles["CellBold"])] if label else []
        return [*story, paragraph(value or self.text(T.NOT_GIVEN), styles["Normal"])]

    def rating(self, code: str | None, missing: Text | None = None) -> str:
        if code:
            return self.codes["risk_rating"].label(code, self.language)
        return self.text(missing) if missing else "–"

    def level(self, code: str | None) -> str:
        return self.codes["risk_level"].label(code, self.language) if code else self.text(T.NOT_MADE)

    def day(self, value: date | None) -> str:
        if value is None:
            return "–"
        return value.strftime("%d.%m.%Y" if self.language == "da" else "%Y-%m-%d")

    def _status(self) -> str:
        if not self.a.is_finalised or self.a.finalised_at is None:
            return self.text(T.STATUS_DRAFT)
        local = self.a.finalised_at.replace(tzinfo=UTC).astimezone()  # stored as UTC
        return self.text(T.STATUS_FINALISED, date=self.day(local.date()))


def _add_styles(styles: StyleSheet1) -> None:
    if "CellNote" not in styles:
        styles.add(ParagraphStyle("CellNote", parent=styles["Cell"], fontSize=8.5, leading=10.5))
    if "Draft" not in styles:
        styles.add(ParagraphStyle("Draft", parent=styles["CellBold"], textColor=MARKING_RED))


def render_risk_summary(summary: RiskSummary, printed: PrintInfo) -> bytes:
    return RiskSummaryReport(summary, printed).render()


def print_risk_summary(
    session: Session,
    assessment_id: int,
    printed: PrintInfo,
    *,
    with_name: bool = False,
    library: InstrumentLibrary | None = None,
) -> bytes:
    """Load, render and record the print in the audit trail (in the caller's transaction, so
    the audit line and the printout stand or fall together)."""
    summary = load_risk_summary(session, assessment_id, with_name=with_name, library=library)
    document = render_risk_summary(summary, printed)
    detail = f"{summary.instrument.id}/{summary.instrument.version}" + (" with_name" if with_name else "")
    audit.record(session, "print", "risk_assessment", assessment_id, detail)
    return document
