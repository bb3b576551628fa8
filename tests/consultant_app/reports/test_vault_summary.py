"""The one-page vault summary: counts from the vault, printed without anything about a person."""

import io
from datetime import date, datetime

from pypdf import PdfReader

from consultant_app.domain import Inquiry, Professional
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.vault_summary import VaultSummary, load_vault_summary, render_vault_summary


def inquiry(kind: str, closed_on: date | None = None) -> Inquiry:
    return Inquiry(
        received_at=datetime(2024, 3, 1, 10, 0),
        consultant="Test Konsulent",
        region="midtjylland",
        inquirer_type="kommune",
        channel="telefon",
        citizen_age_group="barn",
        trip_concern="ingen",
        kind=kind,
        closed_on=closed_on,
    )


def test_counts_come_from_the_vault(vault):
    with vault.session() as s:
        s.add(Professional(name="Mette Holm"))
        s.add_all([inquiry("forloeb"), inquiry("forloeb", date(2024, 6, 1)), inquiry("enkelt")])
    with vault.session() as s:
        summary = load_vault_summary(s)
    assert summary == VaultSummary("Test Konsulent", "aarhus", inquiries=3, professionals=1, open_courses=1)


def test_the_page_shows_owner_team_label_and_counts_only():
    summary = VaultSummary("Åse Ærø", "koebenhavn", inquiries=123456, professionals=1543, open_courses=987)
    document = render_vault_summary(summary, PrintInfo("Åse Ærø", datetime(2025, 1, 2, 8, 5)))
    (page,) = PdfReader(io.BytesIO(document)).pages
    text = page.extract_text()
    for expected in (
        "Oversigt over boksen",
        "Åse Ærø",
        "København",
        "123.456",
        "1.543",
        "987",
        "Side 1 af 1",
    ):
        assert expected in text
