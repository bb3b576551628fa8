"""The shared PDF pieces: embedded font with æøå, the marking and page x of y on every page,
escaped text, and header rows that repeat when a table breaks across pages."""

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from consultant_app.reports import pdf_base
from consultant_app.reports.pdf_base import FONT, PrintInfo, ReportDocument, ReportFontError, fit
from consultant_app.reports.pdf_blocks import data_table, key_value_table, number, paragraph

PRINTED_AT = datetime(2025, 11, 22, 14, 3)
DANISH = "Rødgrød med fløde på Ærø, Åse og Øjvind"


class LongReport(ReportDocument):
    """A story long enough for several pages: paragraphs, then a table that breaks."""

    def __init__(self, printed: PrintInfo, paragraphs: int = 60, rows: int = 90) -> None:
        super().__init__(printed)
        self.paragraphs, self.rows = paragraphs, rows

    def title(self) -> str:
        return "Prøverapport"

    def story(self, styles):
        story = [paragraph(self.title(), styles["Title"])]
        story += [
            paragraph(f"Afsnit {i}: {DANISH}. <b>ikke fed</b> & A<B", styles["Normal"])
            for i in range(self.paragraphs)
        ]
        story.append(key_value_table([("Note", "første linje\nanden linje")], styles))
        rows = [(f"Række {i}", f"{i * 1000:,}") for i in range(self.rows)]
        story.append(data_table(["Kolonneoverskrift", "Antal"], rows, styles, numeric=(1,)))
        return story


def pages_text(document: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(document)).pages]


@pytest.fixture(scope="module")
def danish_pdf() -> bytes:
    return LongReport(PrintInfo("Åse Ærø", PRINTED_AT, language="da")).render()


def test_every_page_has_the_marking_the_printer_and_page_x_of_y(danish_pdf):
    texts = pages_text(danish_pdf)
    assert len(texts) >= 3
    for number_, text in enumerate(texts, start=1):
        assert "FORTROLIGT" in text
        assert f"Side {number_} af {len(texts)}" in text
        assert "Udskrevet 22.11.2025 kl. 14.03 af Åse Ærø" in text
        assert "Prøverapport" in text


def test_danish_letters_survive_and_text_is_printed_as_typed(danish_pdf):
    text = "\n".join(pages_text(danish_pdf))
    assert DANISH in text
    assert {"æ", "ø", "å", "Æ", "Ø", "Å"} <= set(text)
    assert "<b>ikke fed</b> & A<B" in text
    assert "første linje\nanden linje" in text


def test_the_table_header_repeats_on_every_page_it_runs_onto(danish_pdf):
    texts = pages_text(danish_pdf)
    with_rows = [t for t in texts if "Række " in t]
    assert len(with_rows) >= 2
    assert all("Kolonneoverskrift" in t for t in with_rows)


def test_only_the_embedded_font_is_used(danish_pdf):
    fonts = set()
    for page in PdfReader(io.BytesIO(danish_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType program is in the file
    assert fonts and all(name.split("+")[-1].startswith("BitstreamVeraSans") for name in fonts)
    assert b"Helvetica" not in danish_pdf


def test_english_printout():
    document = LongReport(PrintInfo("Ann Lee", PRINTED_AT, language="en"), paragraphs=2, rows=2).render()
    (text,) = pages_text(document)
    assert "CONFIDENTIAL" in text and "FORTROLIGT" not in text
    assert "Page 1 of 1" in text
    assert "Printed 2025-11-22 14:03 by Ann Lee" in text


def test_fit_shortens_only_what_is_too_wide():
    assert fit("kort", FONT, 9, 100) == "kort"
    long = "Risikovurdering for en meget lang sag " * 5
    short = fit(long, FONT, 9, 120)
    assert short.endswith("…") and pdfmetrics.stringWidth(short, FONT, 9) <= 120


def test_numbers_use_the_languages_thousands_separator():
    assert number(1234567, "da") == "1.234.567"
    assert number(1234567, "en") == "1,234,567"
    assert number(12, "da") == "12"


def test_a_missing_font_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_base, "font_file", lambda name: tmp_path / "Vera.ttf")
    pdf_base.register_fonts.cache_clear()
    try:
        with pytest.raises(ReportFontError) as raised:
            pdf_base.register_fonts()
        assert "Vera.ttf" in str(raised.value) and "ufuldstændig" in str(raised.value)
    finally:
        monkeypatch.undo()
        pdf_base.register_fonts.cache_clear()
        pdf_base.register_fonts()
