"""The statistics PDF, laid out like the agency's half-year note: its text shows the sections,
the figures and, when asked, the small-cell protection."""

import io
from datetime import datetime

from pypdf import PdfReader

from consultant_app.counts.blocks import CountBlock, regions
from consultant_app.counts.months import months_between
from consultant_app.counts.note import build_note
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.stats_report import render_stats_report
from tests.consultant_app.counts.records import block

PRINTED = PrintInfo("Aya Jensen", datetime(2025, 7, 3, 10, 0), "da")


def history(per_month: int) -> dict:
    """2023-03 to 2025-06: `per_month` inquiries a month in each region, a third about children."""
    months = {}
    for month in months_between("2023-03", "2025-06"):
        children = per_month // 3
        b = block(
            per_month,
            per_month * 2,
            by_inquirer_type={"kommune": per_month},
            by_channel={"telefon": per_month},
            by_kind={"forloeb": per_month},
            age_group={"barn": children, "voksen": per_month - children},
            trip_concern={"udlandet": 1, "trussel_dk": 2, "ingen": per_month - 3},
        )
        months[month] = {r: CountBlock.model_validate(b) for r in regions()}
    return months


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_note_shows_every_section_and_its_figures():
    note = build_note(history(30), "2025-01", "2025-06", "Aya Jensen, team Aarhus")
    text = text_of(render_stats_report(note, PRINTED))
    for heading in (
        "Henvendelser til sikkerhedskonsulenterne",
        "Periode: jan. 2025 – jun. 2025",
        "1. Udviklingen år for år",
        "2. Fordeling på regioner, jan. 2025 – jun. 2025",
        "3. Andel børn",
        "4. Borgeren er i udlandet",
        "5. Borgeren er i Danmark, bekymring for eller trussel om rejse",
        "Alle tal er eksakte",
        "FORTROLIGT",
    ):
        assert heading in text, heading
    assert "2023 (mar.–dec.)" in text and "2025 (jan.–jun.)" in text
    assert "1.800" in text  # 2024: 30 a month in each of 5 regions, Danish thousands separator
    assert "900" in text  # 2025 up to June
    assert "33,3 %" in text  # the share of children
    assert "jan. 2024 – jun. 2024" in text  # the same period a year earlier
    assert "<5" not in text


def test_protected_note_hides_small_figures():
    note = build_note(history(6), "2025-01", "2025-06", "Team")
    text = text_of(render_stats_report(note, PRINTED, protect_small_cells=True))
    assert "Småtal er beskyttet" in text
    assert "<5" in text


def test_english_note():
    note = build_note(history(30), "2025-01", "2025-06", "Team")
    text = text_of(render_stats_report(note, PrintInfo("A", datetime(2025, 7, 3), "en")))
    assert "Distribution over regions" in text and "Share of children" in text
    assert "Page 1 of" in text


def test_no_previous_year_is_said_plainly():
    note = build_note(history(30), "2023-03", "2023-08", "Team")
    assert note.previous is None
    assert "ingen data for samme periode året før" in text_of(render_stats_report(note, PRINTED))
