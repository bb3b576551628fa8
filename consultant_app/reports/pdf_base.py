"""What every printout shares, in the named steps of pretix's invoice renderer:

1. fonts: an embedded TrueType font (Bitstream Vera, shipped inside ReportLab) so æ, ø and å
   print on every machine, whatever fonts it has;
2. one stylesheet;
3. a page template whose callback marks every page: the confidentiality marking in the
   header, who printed it and when in the footer;
4. the story, built by the report from plain data (dataclasses), never from a session;
5. "Side x af y" by a numbered canvas, which holds the pages until the count is known.

A report subclasses `ReportDocument`, gives `title()` and `story(styles)`, and calls `render()`.
"""

import io
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, partial
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text, current_language

FONT = "ConsultantSans"
FONT_BOLD = "ConsultantSans-Bold"
FONT_ITALIC = "ConsultantSans-Italic"
FONT_BOLD_ITALIC = "ConsultantSans-BoldItalic"
_FONT_FILES = {
    FONT: "Vera.ttf",
    FONT_BOLD: "VeraBd.ttf",
    FONT_ITALIC: "VeraIt.ttf",
    FONT_BOLD_ITALIC: "VeraBI.ttf",
}

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 30 * mm  # room for the header
MARGIN_BOTTOM = 22 * mm  # room for the footer
MARKING_RED = colors.HexColor("#A4161A")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")

MARKING = Text(da="FORTROLIGT", en="CONFIDENTIAL")
MARKING_NOTE = Text(
    da="Indeholder fortrolige oplysninger. Må kun gives til dem, der har brug for dem i sagen.",
    en="Contains confidential information. Give it only to those who need it in the case.",
)
PRINTED = Text(da="Udskrevet {date} af {name}", en="Printed {date} by {name}")
PAGE_OF = Text(da="Side {page} af {pages}", en="Page {page} of {pages}")
_DATE_FORMAT = {"da": "%d.%m.%Y kl. %H.%M", "en": "%Y-%m-%d %H:%M"}


class ReportFontError(ConsultantAppError):
    text = Text(
        da="Skrifttypen til udskrifter mangler ({file}); installationen er ufuldstændig.",
        en="The font for printouts is missing ({file}); the installation is incomplete.",
    )


@dataclass(frozen=True)
class PrintInfo:
    """Who prints and when: shown in every page's footer. The language of the fixed texts."""

    printed_by: str
    printed_at: datetime
    language: str = field(default_factory=current_language)


# --- 1. fonts ---------------------------------------------------------------------------


def font_file(name: str) -> Path:
    # ReportLab ships Vera beside its code; the PyInstaller recipe must collect reportlab/fonts.
    return Path(reportlab.__file__).resolve().parent / "fonts" / _FONT_FILES[name]


@cache
def register_fonts() -> None:
    """Register the embedded font family once per process (a failure is retried next time)."""
    for name in _FONT_FILES:
        path = font_file(name)
        if not path.is_file():
            raise ReportFontError(file=path.name)
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


# --- 2. the stylesheet ------------------------------------------------------------------


def stylesheet() -> StyleSheet1:
    register_fonts()
    styles = StyleSheet1()
    styles.add(ParagraphStyle("Normal", fontName=FONT, fontSize=9.5, leading=13))
    styles.add(
        ParagraphStyle(
            "Title", parent=styles["Normal"], fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4 * mm
        )
    )
    styles.add(
        ParagraphStyle(
            "Heading",
            parent=styles["Normal"],
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
            keepWithNext=1,
        )
    )
    styles.add(ParagraphStyle("Small", parent=styles["Normal"], fontSize=8, leading=10, textColor=GREY))
    styles.add(ParagraphStyle("Cell", parent=styles["Normal"], fontSize=9, leading=11.5))
    styles.add(ParagraphStyle("CellBold", parent=styles["Cell"], fontName=FONT_BOLD))
    styles.add(ParagraphStyle("CellNumber", parent=styles["Cell"], alignment=TA_RIGHT))
    styles.add(ParagraphStyle("CellNumberBold", parent=styles["CellNumber"], fontName=FONT_BOLD))
    return styles


# --- 5. page x of y ---------------------------------------------------------------------


class NumberedCanvas(Canvas):
    """Keeps every page's drawing state until `save`, when the page count is known, then
    stamps "Side x af y" on each page and writes them all."""

    # ReportLab's own members this recipe relies on; types-reportlab leaves the private ones out.
    _pagesize: tuple[float, float]
    _startPage: Callable[[], None]

    def __init__(self, *args, language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._language = language
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(GREY)
        label = PAGE_OF.render(self._language, page=self.getPageNumber(), pages=total)
        self.drawRightString(self._pagesize[0] - MARGIN_X, 12 * mm, label)
        self.restoreState()


# --- 3 and 4: the document ----------------------------------------------------------------


class ReportDocument(ABC):
    """One printout. Subclasses take their plain data in `__init__` and build the story."""

    def __init__(self, printed: PrintInfo) -> None:
        self.printed = printed

    @abstractmethod
    def title(self) -> str:
        """Shown in every page's header and as the PDF's title."""

    @abstractmethod
    def story(self, styles: StyleSheet1) -> list[Flowable]:
        """The content, from the report's plain data only."""

    def render(self) -> bytes:
        register_fonts()
        styles = stylesheet()
        buffer = io.BytesIO()
        document = self._document(buffer)
        document.build(
            self.story(styles), canvasmaker=partial(NumberedCanvas, language=self.printed.language)
        )
        return buffer.getvalue()

    def text(self, text: Text, **params: object) -> str:
        """A fixed text in the language of this printout."""
        return text.render(self.printed.language, **params)

    def _document(self, buffer: io.BytesIO) -> BaseDocTemplate:
        width, height = PAGE_SIZE
        document = BaseDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=self.title(),
            author=self.printed.printed_by,
            creator="consultant-app",
            producer="consultant-app",
            subject=self.text(MARKING),
            # Else every page starts in Helvetica, a font the PDF would name but not embed.
            initialFontName=FONT,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_X,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])
        return document

    def _on_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        self._draw_header(canvas)
        self._draw_footer(canvas)
        canvas.restoreState()

    def _draw_header(self, canvas: Canvas) -> None:
        width, height = PAGE_SIZE
        baseline = height - 14 * mm
        marking = self.text(MARKING)
        # The marking as a framed stamp, so it is seen at a glance on a photocopy too.
        stamp_width = pdfmetrics.stringWidth(marking, FONT_BOLD, 11) + 4 * mm
        canvas.setStrokeColor(MARKING_RED)
        canvas.setLineWidth(1.2)
        canvas.rect(MARGIN_X, baseline - 2 * mm, stamp_width, 7 * mm, stroke=1, fill=0)
        canvas.setFillColor(MARKING_RED)
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawString(MARGIN_X + 2 * mm, baseline, marking)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN_X, baseline - 6.5 * mm, self.text(MARKING_NOTE))
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT, 9)
        title_room = width - 2 * MARGIN_X - stamp_width - 10 * mm
        canvas.drawRightString(width - MARGIN_X, baseline, fit(self.title(), FONT, 9, title_room))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, baseline - 9 * mm, width - MARGIN_X, baseline - 9 * mm)

    def _draw_footer(self, canvas: Canvas) -> None:
        width, _height = PAGE_SIZE
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 16 * mm, width - MARGIN_X, 16 * mm)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 8)
        stamp = self.printed.printed_at.strftime(_DATE_FORMAT.get(self.printed.language, _DATE_FORMAT["da"]))
        printed = self.text(PRINTED, date=stamp, name=self.printed.printed_by)
        # The right third is the page number's (drawn by the canvas at the end).
        canvas.drawString(MARGIN_X, 12 * mm, fit(printed, FONT, 8, (width - 2 * MARGIN_X) * 2 / 3))


def fit(text: str, font: str, size: float, max_width: float) -> str:
    """The text, shortened with an ellipsis if it would be wider than `max_width`."""
    if pdfmetrics.stringWidth(text, font, size) <= max_width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"
