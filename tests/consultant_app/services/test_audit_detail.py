"""An audit line's detail in words (#14.9): field names as labels, exports and prints as sentences,
in Danish or English; the lines the real code writes are all understood, none shown raw."""

from datetime import datetime

import pytest
from sqlalchemy import insert, select

from consultant_app.counts.package import build_package
from consultant_app.counts.team_report import merge_packages
from consultant_app.domain import AuditEvent, Inquiry, Professional
from consultant_app.domain.base import Base
from consultant_app.interchange.exporter import export_inquiries
from consultant_app.services.audit_detail import FIELD_LABELS, describe
from consultant_app.services.professionals import merge_professionals
from consultant_app.services.stats_export import export_own_stats, export_team_report
from tests.consultant_app.counts.records import Record, add_records


def test_every_audited_column_has_a_label_in_both_languages():
    audited = {
        column.name
        for mapper in Base.registry.mappers
        if mapper.local_table.name != "audit_event"
        for column in mapper.local_table.columns
    } - {"id", "created_at", "updated_at"}
    assert sorted(audited - FIELD_LABELS.keys()) == []
    for text in FIELD_LABELS.values():
        assert text.da and text.en


def test_every_relationship_the_hook_can_name_has_a_label():
    """The session hook names every attribute with a change, relationships too ("professional"
    beside "professional_id" when a contact moves to another professional): they were shown raw."""
    named = {
        relationship.key
        for mapper in Base.registry.mappers
        if mapper.local_table.name != "audit_event"
        for relationship in mapper.relationships
    }
    assert sorted(named - FIELD_LABELS.keys()) == []


def test_a_relationship_and_its_column_read_as_one_field():
    assert describe("update", "professional,professional_id,summary", "da") == "Fagperson, Resumé"
    assert describe("update", "citizen,citizen_id", "en") == "Citizen"


def test_a_merge_of_professionals_reads_as_a_sentence(vault):
    """The merge's own line is an "update" too; read as field names it showed
    "merge: from=2, 3 contacts=0 inquiries=0 …"."""
    with vault.session() as s:
        ids = [s.scalar(insert(Professional).values(name=n).returning(Professional.id)) for n in "ABC"]
        merge_professionals(s, ids[0], ids[1:])
        (detail,) = s.scalars(select(AuditEvent.detail).where(AuditEvent.detail.like("merge:%"))).all()
    assert detail is not None
    assert describe("update", detail, "da") == (
        f"Flettet med fagperson {ids[1]}, {ids[2]}: 0 kontakter, 0 henvendelser, 0 spørgeskemalinks flyttet"
    )
    assert describe("update", detail, "en") == (
        f"Merged with professional {ids[1]}, {ids[2]}: 0 contacts, 0 inquiries, 0 survey links moved"
    )
    dropped = "merge: from=7 contacts=2 inquiries=1 dispatches=3 dispatches_dropped=1"
    assert describe("update", dropped, "da") == (
        "Flettet med fagperson 7: 2 kontakter, 1 henvendelser, 3 spørgeskemalinks flyttet, dobbelte links fjernet: 1"
    )


def test_an_import_line_with_a_count_this_version_lacks_is_shown_not_a_crash():
    """A vault restored from, or written by, another version may hold an import line with a count
    unknown here: describe raised KeyError (in the audit table's model, on the GUI thread)."""
    detail = "rows=5 added=3 updated=1 unchanged=0 rejected=1 skipped=2"
    assert (
        describe("import", detail, "da")
        == "5 rækker, 3 tilføjet, 1 opdateret, 0 uændret, 1 afvist, skipped=2"
    )


@pytest.mark.parametrize(
    ("action", "detail", "da", "en"),
    [
        ("update", "notes,region", "Noter, Region", "Notes, Region"),
        ("update", "reasons,advice", "Årsager, Rådgivning", "Reasons, Advice"),
        (
            "export",
            "stats monthly 2026-01..2026-06 pdf protected file",
            "Månedsstatistik 2026-01–2026-06, PDF, små tal skjult, fil",
            "Monthly statistics 2026-01–2026-06, PDF, small counts hidden, file",
        ),
        (
            "export",
            "stats monthly 2026-01..2026-01 json stdout",
            "Månedsstatistik 2026-01–2026-01, JSON, skærm",
            "Monthly statistics 2026-01–2026-01, JSON, screen",
        ),
        ("export", "sync: 3 sent, 1 refused", "Optællinger til SIRI: 3 sendt, 1 afvist", None),
        ("export", "package 2026-11 v2", "Optællingspakke 2026-11, version 2", None),
        ("export", "subject_access format=text", "Indsigtsfil, tekst", "Subject access file, text"),
        ("export", "format=survey-report-xlsx", "Spørgeskemarapport, Excel", None),
        ("export", "follow_ups=4 format=ics", "4 opfølgninger, kalenderfil", None),
        (
            "import",
            "rows=5 added=3 updated=1 unchanged=0 rejected=1 professionals_added=2 professionals_updated=0",
            "5 rækker, 3 tilføjet, 1 opdateret, 0 uændret, 1 afvist, 2 fagpersoner tilføjet, "
            "0 fagpersoner opdateret",
            None,
        ),
        ("print", "spj-ubv/2 with_name", "Skema spj-ubv, version 2, med navn", None),
        ("handover", "to:1A2B-3C4D-5E6F-7A8B", "Til kollega med nøgle 1A2B-3C4D-5E6F-7A8B", None),
        ("receive", "from:1A2B-3C4D-5E6F-7A8B", "Fra kollega med nøgle 1A2B-3C4D-5E6F-7A8B", None),
        (
            "erase",
            "case:2025-00042;reason:retention;by:Mette",
            "Sag 2025-00042: opbevaringsperioden er udløbet",
            "Case 2025-00042: the retention period has ended",
        ),
        ("create", "form:inquiry", "Kladde til henvendelse", "Draft of inquiry"),
        ("delete", "form:note;inquiry:42", "Kladde til notat, henvendelse 42", "Draft of note, inquiry 42"),
        ("export", "something a later version writes", "something a later version writes", None),
    ],
)
def test_details_read_as_sentences(action, detail, da, en):
    assert describe(action, detail, "da") == da
    if en is not None:
        assert describe(action, detail, "en") == en


def test_what_the_real_code_writes_is_understood(vault, tmp_path):
    with vault.session() as s:
        add_records(
            s, [Record(datetime(2026, 1, 5, 10), "hovedstaden"), Record(datetime(2026, 2, 9), "sjaelland")]
        )
        inquiries = s.scalars(select(Inquiry).order_by(Inquiry.id)).all()
        for number, each in enumerate(inquiries):
            each.external_ref = f"T-{number}"  # the interchange export needs every inquiry's key
        s.flush()
        inquiry = inquiries[0]
        inquiry.notes = "Ændret tekst"
        inquiry.region = "midtjylland"
    export_own_stats(vault, "2026-01", "2026-02", "pdf", tmp_path / "s.pdf", protect=True, printed_by="A")
    with vault.session() as s:
        packages = [build_package(s, "2026-01"), build_package(s, "2026-02")]
    export_team_report(
        vault,
        merge_packages(packages, "2026-01", "2026-02"),
        "xlsx",
        tmp_path / "t.xlsx",
        protect=False,
        printed_by="B",
    )
    export_inquiries(vault, tmp_path / "all.csv")
    with vault.session() as s:
        events = [(e.action, e.detail) for e in s.scalars(select(AuditEvent)) if e.detail]
    assert {action for action, _ in events} >= {"update", "export"}
    for action, detail in events:
        words = describe(action, detail, "da")
        assert words != detail, (action, detail)
    assert "Noter" in {w for a, d in events if a == "update" for w in describe(a, d, "da").split(", ")}
