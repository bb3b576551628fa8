"""Exporting interchange files, and the lossless round trip export -> import -> export."""

import os
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent, Inquiry
from consultant_app.interchange import export_inquiries, exporter, import_inquiries
from consultant_app.interchange.columns import HEADER
from consultant_app.interchange.csv_output import OutputExistsError
from consultant_app.interchange.exporter import ExportCancelled, MissingRefError
from consultant_app.services.inquiries import InquiryDraft, create_inquiry
from consultant_app.storage.vault import Vault

TODAY = date(2024, 6, 15)
FORM = InquiryDraft(
    received_at=datetime(2024, 3, 5, 9, 15),
    region="hovedstaden",
    inquirer_type="skole",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="udlandet",
    reasons=("udlandsophold", "pres", "social_kontrol"),
    advice_types=("andet", "opmaerksomhed"),
)


def add_from_form(vault: Vault, *drafts: InquiryDraft) -> list[Inquiry]:
    with vault.session() as s:
        return [create_inquiry(s, draft, today=TODAY) for draft in drafts]


def test_utf8_bom_semicolons_and_the_header_in_spec_order(vault, tmp_path):
    out = tmp_path / "ud.csv"
    export_inquiries(vault, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == ";".join(HEADER) + "\r\n"
    assert (
        HEADER[:3] == ("external_ref", "received_on", "region") and HEADER[-1] == "professional_organisation"
    )


def test_rows_by_received_time_then_id_with_codes_in_list_order(vault, tmp_path, load_csv):
    late, early, same_a, same_b = add_from_form(
        vault,
        replace(FORM, received_at=datetime(2024, 3, 9, 8, 0)),
        replace(FORM, received_at=datetime(2024, 3, 1, 16, 0)),
        replace(FORM, received_at=datetime(2024, 3, 5, 12, 0)),
        replace(FORM, received_at=datetime(2024, 3, 5, 12, 0)),
    )
    export_inquiries(vault, tmp_path / "ud.csv")
    rows = load_csv(tmp_path / "ud.csv")
    assert [r["external_ref"] for r in rows] == [i.external_ref for i in (early, same_a, same_b, late)]
    assert rows[0]["received_on"] == "2024-03-01"
    assert rows[0]["reasons"] == "social_kontrol|pres|udlandsophold"
    assert rows[0]["advice_types"] == "opmaerksomhed|andet"
    assert (rows[0]["consent"], rows[0]["kind"], rows[0]["closed_on"]) == ("anonym", "enkelt", "")


def test_every_inquiry_is_written_with_its_stored_reference(vault, tmp_path, load_csv):
    _, own = add_from_form(vault, replace(FORM, external_ref="Excel-17"), FORM)
    export_inquiries(vault, tmp_path / "ud.csv")
    assert [r["external_ref"] for r in load_csv(tmp_path / "ud.csv")] == ["Excel-17", own.external_ref]
    assert own.external_ref != own.case_code


def test_an_inquiry_without_a_reference_stops_the_export_clearly(vault, tmp_path):
    (inquiry,) = add_from_form(vault, FORM)
    with vault.session() as s:  # only code that bypasses create_inquiry and the importer can do this
        s.get_one(Inquiry, inquiry.id).external_ref = None
    with pytest.raises(MissingRefError) as raised:
        export_inquiries(vault, tmp_path / "ud.csv")
    assert inquiry.case_code in str(raised.value)
    assert not (tmp_path / "ud.csv").exists()


def test_from_and_to_are_inclusive_received_dates(vault, tmp_path, load_csv):
    add_from_form(
        vault,
        *(
            replace(FORM, received_at=datetime(2024, 3, day, 23, 59), external_ref=f"d{day}")
            for day in (1, 2, 3, 4)
        ),
    )
    summary = export_inquiries(
        vault, tmp_path / "ud.csv", date_from=date(2024, 3, 2), date_to=date(2024, 3, 3)
    )
    assert summary.inquiries == 2
    assert [r["external_ref"] for r in load_csv(tmp_path / "ud.csv")] == ["d2", "d3"]


def test_progress_counts_the_rows_of_the_range_and_a_cancel_writes_no_file(vault, tmp_path, monkeypatch):
    """What the desktop's export dialog shows and stops with."""
    monkeypatch.setattr(exporter, "STEP", 2)
    add_from_form(vault, *(replace(FORM, external_ref=f"p{n}") for n in range(5)))
    steps: list[tuple[int, int]] = []
    export_inquiries(vault, tmp_path / "ud.csv", progress=lambda *step: steps.append(step))
    assert steps == [(2, 5), (4, 5), (5, 5)]
    out = tmp_path / "afbrudt.csv"
    with pytest.raises(ExportCancelled):
        export_inquiries(
            vault, out, progress=lambda *step: steps.append(step), cancelled=lambda: len(steps) > 3
        )
    assert len(steps) == 4  # stopped at the first look after a cancel
    # Nothing left, not even a staging file.
    assert [p.name for p in tmp_path.iterdir() if p.name != "ud.csv" and not p.name.startswith("vault")] == []
    with vault.session() as s:
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "export")) == 1


def test_export_records_one_audit_line_with_the_count(vault, tmp_path):
    add_from_form(vault, FORM, FORM)
    export_inquiries(vault, tmp_path / "ud.csv")
    with vault.session() as s:
        (line,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert line.detail.startswith("inquiries=2")


def test_an_existing_file_is_kept_unless_overwrite(vault, tmp_path):
    out = tmp_path / "ud.csv"
    out.write_text("vigtigt\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        export_inquiries(vault, out)
    assert out.read_text(encoding="utf-8") == "vigtigt\n"
    export_inquiries(vault, out, overwrite=True)
    assert out.read_text(encoding="utf-8-sig").startswith("external_ref;")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_unencrypted_file_is_readable_by_the_owner_only(vault, tmp_path):
    export_inquiries(vault, tmp_path / "ud.csv")
    assert (tmp_path / "ud.csv").stat().st_mode & 0o777 == 0o600


def new_vault(path, passphrase: str) -> Vault:
    """A vault of its own (its own reference prefix), not a copy of the test template."""
    return Vault.create(path, passphrase, name="Anden Konsulent", team="odense")


def test_round_trip_into_a_new_vault_is_byte_identical(vault, tmp_path, make_csv, full, minimal, passphrase):
    rows = [
        full,
        full
        | {"external_ref": 'ref;med"citat"', "notes": '"' + "\n" * 3 + ";;", "received_on": "2024-01-31"},
        full | {"external_ref": "", "professional_email": "", "professional_phone": "", "closed_on": ""},
        minimal | {"reasons": "andet|pres", "advice_types": "andet", "citizen_gender": "ukendt"},
        minimal | {"received_on": "2024-01-31", "professional_name": "Uden Mail"},
        # a number typed before numbers were checked: a file carries it as stored, both ways
        minimal | {"professional_name": "Gammel Telefon", "professional_phone": "12 34 56 78 (arbejde)"},
    ]
    import_inquiries(vault, make_csv(rows), today=TODAY)
    add_from_form(vault, FORM, replace(FORM, notes='  indrykket\r\nog ; "mere"  '))
    first = tmp_path / "første.csv"
    export_inquiries(vault, first)

    with new_vault(tmp_path / "andet.db", passphrase) as other:
        summary = import_inquiries(other, first, today=TODAY)
        assert summary.added == 8
        second = tmp_path / "anden.csv"
        export_inquiries(other, second)

    assert second.read_bytes() == first.read_bytes()
    text = first.read_bytes().decode("utf-8-sig")
    assert "Åse Østergaard-Æbelø" in text and '"ref;med""citat"""' in text
    assert "12 34 56 78 (arbejde)" in text


def test_an_export_re_imported_into_its_own_vault_changes_nothing(vault, tmp_path, make_csv, full, minimal):
    # Given references, rows without one, and inquiries from the form without one.
    rows = [full, minimal | {"external_ref": "R2"}, minimal, full | {"external_ref": ""}]
    import_inquiries(vault, make_csv(rows), today=TODAY)
    add_from_form(vault, FORM, replace(FORM, external_ref="Excel-17"))
    export_inquiries(vault, tmp_path / "ud.csv")
    summary = import_inquiries(vault, tmp_path / "ud.csv", today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 6)
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 6
    export_inquiries(vault, tmp_path / "igen.csv")
    assert (tmp_path / "igen.csv").read_bytes() == (tmp_path / "ud.csv").read_bytes()


def test_exports_of_two_vaults_imported_into_one_never_collide(
    vault, tmp_path, make_csv, minimal, passphrase, load_csv
):
    # Both vaults hold inquiries with the same ids and years and no given reference.
    with new_vault(tmp_path / "anden.db", passphrase) as other:
        for each in (vault, other):
            import_inquiries(each, make_csv([minimal, minimal]), today=TODAY)
            add_from_form(each, FORM)
        export_inquiries(other, tmp_path / "anden.csv")
    export_inquiries(vault, tmp_path / "første.csv")
    refs = [r["external_ref"] for name in ("første.csv", "anden.csv") for r in load_csv(tmp_path / name)]
    assert len(set(refs)) == len(refs) == 6

    with new_vault(tmp_path / "tredje.db", passphrase) as third:
        for name in ("første.csv", "anden.csv"):
            summary = import_inquiries(third, tmp_path / name, today=TODAY)
            assert (summary.added, summary.updated) == (3, 0)
        export_inquiries(third, tmp_path / "samlet.csv")
    assert sorted(r["external_ref"] for r in load_csv(tmp_path / "samlet.csv")) == sorted(refs)

    summary = import_inquiries(vault, tmp_path / "anden.csv", today=TODAY)  # and into the first
    assert (summary.added, summary.updated, summary.unchanged) == (3, 0, 0)
