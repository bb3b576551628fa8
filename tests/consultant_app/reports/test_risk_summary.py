"""The printable risk-assessment summary: every section in order with Danish letters, the
marking and "Side x af y" on every page of a long one, the name only when asked for, the
wording of the version it was made with even after a new version, and the print audited."""

import io
import json
import shutil
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import select

from consultant_app.domain import AuditEvent
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import FONT, PrintInfo, register_fonts
from consultant_app.reports.risk_summary import print_risk_summary, render_risk_summary
from consultant_app.resources import resource
from consultant_app.risk import (
    InstrumentLibrary,
    Measure,
    Rating,
    default_library,
    finalise_assessment,
    revise_assessment,
    save_draft,
    start_assessment,
)
from consultant_app.risk import texts as T
from consultant_app.risk.summary import load_risk_summary
from tests.consultant_app.risk.conftest import ASSESSED_ON, TODAY, complete_spj, inquiry_id  # noqa: F401

PRINTED = PrintInfo("Kim Ærø-Sørensen", datetime(2025, 3, 10, 9, 30), language="da")
CITIZEN = "Åse Ærø Østergård"


def pages_text(document: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(document)).pages]


def flat(text: str) -> str:
    """Words joined by single spaces: a table cell may wrap anywhere."""
    return " ".join(text.split())


def assert_in_order(text: str, parts: list[str]) -> None:
    text, at = flat(text), 0
    for part in map(flat, parts):
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}"
        at = found + len(part)


def finalised(vault, inquiry_id, library=None, **changes):  # noqa: F811
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON, library=library)
        save_draft(s, draft.id, complete_spj(draft.content, **changes), library=library)
        return finalise_assessment(s, draft.id, today=TODAY, library=library).assessment


def render(vault, assessment_id, *, with_name=False, library=None, printed=PRINTED) -> bytes:
    with vault.session() as s:
        return render_risk_summary(
            load_risk_summary(s, assessment_id, with_name=with_name, library=library), printed
        )


SCENARIO = "Øget pres ved et familiebesøg i Århus, hvis familien opdager kæresten."


def test_every_section_in_order_with_danish_letters(vault, inquiry_id):  # noqa: F811
    a = finalised(vault, inquiry_id, scenarios=SCENARIO)
    document = render(vault, a.id)
    pages = pages_text(document)
    body = "\n".join(pages)
    assert_in_order(
        body,
        [
            "Risikovurdering",
            "Sag",
            "2025-00001",
            "Vurderet af",
            "Test Konsulent",
            "Dato for vurderingen",
            "03.03.2025",
            "Instrument",
            "Struktureret risikovurdering ved æresrelaterede konflikter (sk-spj, version 1)",
            "Status",
            "Afsluttet",
            "Kilder til oplysninger",
            "Samtale med borgeren; oplysninger fra skolen.",
            "Manglende oplysninger",
            "Politiets oplysninger om faderen.",
            "Risikofaktorer",
            "Nr.",
            "Faktor",
            "Nu",
            "Tidligere",
            "Mønstret i den æresrelaterede vold og truslerne",
            "A1",
            "Trusler om alvorlig vold eller drab",
            "Ja",
            "Udøverne og familiekollektivet",
            "Borgerens sårbarhed",
            "C5",
            "Beskyttende faktorer",
            "Til stede",
            "P1",
            "Lærer på skolen, som borgeren stoler på.",
            "Risikoscenarier",
            SCENARIO,
            "Samlet vurdering",
            "Risiko for alvorlig vold",
            "Moderat",
            "Umiddelbar risiko",
            "Lav",
            "Sikkerhedstiltag",
            "Udarbejde sikkerhedsplan med borgeren",
            "Sikkerhedskonsulenten",
            "20.03.2025",
            "Næste revurdering",
            "01.06.2025",
            "Deling af vurderingen",
            "Delt med",
            "Kommunens sagsbehandler",
            "Grundlag for deling",
            "Borgerens samtykke",
        ],
    )
    for number, text in enumerate(pages, start=1):
        assert "FORTROLIGT" in text and "Risikovurdering 2025-00001" in text
        assert "Udskrevet 10.03.2025 kl. 09.30 af Kim Ærø-Sørensen" in text
        assert f"Side {number} af {len(pages)}" in text
    assert {"æ", "ø", "å", "Æ", "Ø", "Å"} <= set(body)
    assert PdfReader(io.BytesIO(document)).pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4


def test_the_citizens_name_only_when_asked_for(vault, inquiry_id):  # noqa: F811
    a = finalised(vault, inquiry_id)
    without = "\n".join(pages_text(render(vault, a.id)))
    named = pages_text(render(vault, a.id, with_name=True))
    assert CITIZEN not in without and "Aisha" not in without and "Borger\n" not in without
    assert_in_order(named[0], ["Sag", "2025-00001", "Borger", CITIZEN, "Vurderet af"])
    assert all(CITIZEN not in page for page in named[1:])  # once, on the first page


def test_a_long_assessment_flows_over_pages_marked_and_numbered(vault, inquiry_id):  # noqa: F811
    note = "Oplyst af borgeren og bekræftet af skolen; æ ø å. " * 6
    long = {
        "sources": "Samtaler og oplysninger fra mange aktører. " * 25,
        "measures": tuple(
            Measure(
                f"Tiltag nr. {n}: følge op på aftalen med skolen",
                "Kommunen (sagsbehandler)",
                date(2025, 4, n),
            )
            for n in range(1, 29)
        ),
    }
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        content = complete_spj(draft.content, **long)
        content = replace(content, ratings=tuple(replace(r, note=note) for r in content.ratings))
        save_draft(s, draft.id, content)
    pages = pages_text(render(vault, draft.id))
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert "FORTROLIGT" in text
        assert f"Side {number} af {len(pages)}" in text
        assert "Udskrevet 10.03.2025 kl. 09.30 af Kim Ærø-Sørensen" in text
        assert "Risikovurdering 2025-00001 (udkast)" in text
    with_grid = [t for t in pages if "Oplyst af borgeren" in t]
    assert len(with_grid) >= 2 and all("Tidligere" in t for t in with_grid)  # the header repeats
    assert "Tiltag nr. 28" in pages[-1] or "Tiltag nr. 28" in pages[-2]
    assert "UDKAST" in pages[0] and "Status Udkast" in flat(pages[0])


def test_an_old_assessment_renders_unchanged_after_a_new_instrument_version(vault, inquiry_id, tmp_path):  # noqa: F811
    folder = tmp_path / "instruments"
    shutil.copytree(resource("instruments"), folder)
    library = InstrumentLibrary(folder)
    old = finalised(vault, inquiry_id, library=library)
    before = pages_text(render(vault, old.id, library=library))

    v2 = json.loads((folder / "sk-spj" / "1.json").read_text(encoding="utf-8"))
    v2["version"] = "2"
    groups = {g["id"]: g for g in v2["groups"]}
    groups["A"]["items"][0]["label"] = {
        "da": "Dødstrusler (ny formulering)",
        "en": "Death threats (new wording)",
    }
    groups["C"]["items"] = groups["C"]["items"][:4]  # C5 is dropped in version 2
    (folder / "sk-spj" / "2.json").write_text(json.dumps(v2, ensure_ascii=False), encoding="utf-8")

    for fresh in (library, InstrumentLibrary(folder)):
        after = pages_text(render(vault, old.id, library=fresh))
        assert after == before
        assert "Dødstrusler" not in "\n".join(after) and "C5" in "\n".join(after)

    with vault.session() as s:  # a revision moves on to version 2, leaving C5 behind
        revision = revise_assessment(s, old.id, library=library)
    assert revision.instrument_version == "2"
    assert "C5" not in [r.item_id for r in revision.content.ratings]
    new_text = flat("\n".join(pages_text(render(vault, revision.id, library=library))))
    assert "Dødstrusler (ny formulering)" in new_text and "sk-spj, version 2" in new_text
    assert "Vurderet med en nyere version af instrumentet (før: version 1)." in new_text


def test_a_screening_prints_its_count_band_and_override(vault, inquiry_id):  # noqa: F811
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-screening", assessed_on=ASSESSED_ON)
        answers = tuple(Rating(f"S{n}", "ja" if n in (1, 2, 5, 9, 11) else "nej") for n in range(1, 13))
        reason = "Rejsen er planlagt til næste uge; truslerne er konkrete."
        save_draft(
            s,
            draft.id,
            replace(
                draft.content, ratings=answers, screening_override="hoej", screening_override_reason=reason
            ),
        )
        finalise_assessment(s, draft.id, today=TODAY)
    text = "\n".join(pages_text(render(vault, draft.id)))
    assert_in_order(
        text,
        [
            "Screening for æresrelateret risiko (sk-screening, version 1)",
            "Screeningsspørgsmål",
            "Spørgsmål",
            "Svar",
            "S12",
            "Samlet vurdering",
            "Antal ja-svar",
            "5 af 12",
            "Udgangspunkt efter optælling",
            "Moderat (4–7 ja-svar)",
            "Faglig fravigelse",
            "Høj",
            "Begrundelse",
            reason,
            "Samlet risikoniveau",
            "Høj",
        ],
    )
    assert "Tidligere" not in text and "Risiko for alvorlig vold" not in text


def test_printing_is_audited_and_names_only_what_was_printed(vault, inquiry_id):  # noqa: F811
    a = finalised(vault, inquiry_id)
    with vault.session() as s:
        document = print_risk_summary(s, a.id, PRINTED, with_name=True)
    assert document.startswith(b"%PDF")
    with vault.session() as s:
        line = s.scalars(select(AuditEvent).where(AuditEvent.action == "print")).one()
    assert (line.entity, line.entity_id, line.detail) == ("risk_assessment", a.id, "sk-spj/1 with_name")


def test_english_labels_for_an_english_printout(vault, inquiry_id):  # noqa: F811
    a = finalised(vault, inquiry_id)
    english = replace(PRINTED, language="en")
    text = "\n".join(pages_text(render(vault, a.id, printed=english)))
    assert_in_order(
        text,
        [
            "CONFIDENTIAL",
            "Risk assessment",
            "Structured risk assessment in honour-related conflicts",
            "Sources of information",
            "Risk factors",
            "Threats of serious violence or killing",
            "Yes",
            "Protective factors",
            "Risk scenarios",
            "Summary judgement",
            "Risk of serious violence",
            "Moderate",
            "Safety measures",
            "Next review",
            "2025-06-01",
            "Sharing of the assessment",
            "Shared with",
        ],
    )
    assert "Page 1 of" in text and "Printed 2025-03-10 09:30 by Kim Ærø-Sørensen" in text


def test_the_embedded_font_can_draw_every_fixed_word_and_instrument_label():
    register_fonts()
    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    words = [t.da + t.en for t in vars(T).values() if isinstance(t, Text)]
    words += [t.da + t.en for table in (T.DIRECTIONS, T.JUDGEMENT_NAMES) for t in table.values()]
    for instrument in default_library().all_versions():
        words += [label.da + label.en for label in (instrument.name, instrument.description)]
        words += [g.title.da + g.title.en for g in instrument.groups]
        words += [i.label.da + i.label.en for i in instrument.items]
    missing = {ch for word in words for ch in word if ch not in "\n" and ord(ch) not in glyphs}
    assert missing == set()
