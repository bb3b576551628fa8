"""Importing interchange files: the whole file checked first, one transaction, updates by reference."""

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent, Contact, Inquiry, InquiryReason, Professional, Profile
from consultant_app.interchange import ImportRejected, check_inquiry_file, import_inquiries, import_writer
from consultant_app.interchange.columns import HEADER
from consultant_app.interchange.csv_output import OutputExistsError

TODAY = date(2024, 6, 15)


def count(vault, column) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count(column)))


def inquiries(vault) -> list[Inquiry]:
    with vault.session() as s:
        found = s.scalars(select(Inquiry).order_by(Inquiry.id)).all()
        for inquiry in found:  # load what the tests look at before the session ends
            _ = inquiry.reason_codes, inquiry.advice_codes, inquiry.contacts, inquiry.professional
        return found


def rejected(vault, path, **kw) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_inquiries(vault, path, today=TODAY, **kw)
    return [p.located("da") for p in caught.value.problems]


# --- all or nothing ---------------------------------------------------------------------


def test_a_valid_file_is_imported_with_every_column(vault, make_csv, full):
    summary = import_inquiries(vault, make_csv([full]), today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged, summary.rejected) == (1, 0, 0, 0)
    (inquiry,) = inquiries(vault)
    assert inquiry.external_ref == "SAG-2024/Ø1"
    assert inquiry.received_at == datetime(2024, 3, 5)
    assert (inquiry.region, inquiry.municipality_code, inquiry.inquirer_type) == (
        "midtjylland",
        "751",
        "kommune",
    )
    assert (inquiry.municipal_department, inquiry.channel, inquiry.consent) == (
        "boern_unge",
        "mail",
        "samtykke",
    )
    assert (inquiry.citizen_age_group, inquiry.citizen_gender, inquiry.trip_concern) == (
        "barn",
        "kvinde",
        "trussel_dk",
    )
    assert (inquiry.kind, inquiry.closed_on) == ("forloeb", date(2024, 5, 31))
    assert sorted(inquiry.reason_codes) == ["social_kontrol", "tvangsaegteskab", "udlandsophold"]
    assert sorted(inquiry.advice_codes) == ["koordinering", "risikovurdering", "sikkerhed"]
    assert inquiry.notes == full["notes"]
    assert inquiry.consultant == "Karen Konsulent"


def test_every_problem_is_reported_with_line_column_and_value_and_nothing_is_imported(
    vault, make_csv, minimal
):
    rows = [
        minimal,
        minimal | {"region": "nordjyland"},  # line 3
        minimal,
        minimal | {"received_on": "31.02.2024", "reasons": "pres|vold"},  # line 5
        minimal | {"region": "nordjylland", "municipality_code": "751"},  # line 6
        minimal | {"channel": ""},  # line 7
    ]
    messages = rejected(vault, make_csv(rows))
    assert messages[0].startswith("Linje 3, kolonne region, værdi 'nordjyland': ukendt værdi")
    assert [m.split(":")[0] for m in messages] == [
        "Linje 3, kolonne region, værdi 'nordjyland'",
        "Linje 5, kolonne received_on, værdi '31.02.2024'",
        "Linje 5, kolonne reasons, værdi 'vold'",
        "Linje 6, kolonne municipality_code, værdi '751'",
        "Linje 7, kolonne channel, værdi ''",
    ]
    assert count(vault, Inquiry.id) == 0


def test_line_numbers_follow_the_spreadsheet_rows_past_multi_line_notes(vault, make_csv, minimal):
    rows = [minimal | {"notes": "a\nb\nc"}, minimal | {"notes": "d\ne"}, minimal | {"trip_concern": "?"}]
    (message,) = rejected(vault, make_csv(rows))
    assert message.startswith("Linje 4, kolonne trip_concern")


def test_messages_in_english(vault, make_csv, minimal):
    from consultant_app.i18n import set_language

    set_language("en")
    with pytest.raises(ImportRejected) as caught:
        import_inquiries(vault, make_csv([minimal | {"region": "x"}]), today=TODAY)
    assert caught.value.problems[0].located().startswith("Line 2, column region, value 'x': unknown value")


def test_an_unknown_column_is_an_error_naming_it(vault, make_csv, minimal):
    messages = rejected(vault, make_csv([minimal | {"regoin": "nordjylland"}]))
    assert len(messages) == 1
    assert messages[0].startswith("Linje 1, kolonne regoin, værdi 'regoin': ukendt kolonne")


def test_an_unknown_column_stops_even_a_skip_invalid_import(vault, make_csv, minimal, tmp_path):
    path = make_csv([minimal | {"note": "tabt tekst"}])
    rejected(vault, path, skip_invalid=True, rejects_path=tmp_path / "rejects.csv")
    assert count(vault, Inquiry.id) == 0
    assert not (tmp_path / "rejects.csv").exists()


def test_a_missing_required_column_is_reported_once(vault, make_csv, minimal):
    rows = [{k: v for k, v in minimal.items() if k != "trip_concern"}] * 3
    assert rejected(vault, make_csv(rows)) == [
        "Linje 1, kolonne trip_concern, værdi '': påkrævet kolonne mangler"
    ]


def test_a_value_under_no_column_is_an_error(vault, make_csv, minimal, tmp_path):
    path = tmp_path / "x.csv"
    header = ";".join(minimal)
    path.write_text(f"{header}\n{';'.join(minimal.values())};overskydende\n", encoding="utf-8")
    (message,) = rejected(vault, path)
    assert message.startswith("Linje 2, kolonne #7, værdi 'overskydende'")


def test_the_import_errors_column_is_ignored(vault, make_csv, minimal):
    summary = import_inquiries(vault, make_csv([minimal | {"import_errors": "gammel fejl"}]), today=TODAY)
    assert summary.added == 1


def test_empty_cells_are_not_given_and_defaults_apply(vault, make_csv, minimal):
    import_inquiries(
        vault, make_csv([minimal | {"consent": "", "kind": " ", "citizen_gender": ""}]), today=TODAY
    )
    (inquiry,) = inquiries(vault)
    assert (inquiry.consent, inquiry.kind, inquiry.citizen_gender) == ("anonym", "enkelt", None)


def test_labels_commas_and_other_date_spellings_are_accepted(vault, make_csv):
    row = {
        "received_on": "05.03.2024",
        "region": "Region Sjælland",
        "municipality_code": "Næstved",
        "inquirer_type": "Krisecenter",
        "channel": "Møde",
        "citizen_age_group": "Voksen",
        "trip_concern": "Ingen",
        "reasons": "Psykisk vold | Trusler",
    }
    import_inquiries(vault, make_csv([row], delimiter=",", bom=False), today=TODAY)
    (inquiry,) = inquiries(vault)
    assert (inquiry.region, inquiry.municipality_code, inquiry.channel) == ("sjaelland", "370", "moede")
    assert sorted(inquiry.reason_codes) == ["psykisk_vold", "trusler"]


def test_a_repeated_external_ref_is_flagged_on_every_line(vault, make_csv, minimal):
    rows = [
        minimal | {"external_ref": "R1"},
        minimal | {"external_ref": "R2"},
        minimal | {"external_ref": " R1"},
    ]
    messages = rejected(vault, make_csv(rows))
    assert [m.split(":")[0] for m in messages] == [
        "Linje 2, kolonne external_ref, værdi 'R1'",
        "Linje 4, kolonne external_ref, værdi 'R1'",
    ]


def test_future_dates_and_long_refs_are_refused(vault, make_csv, minimal):
    rows = [minimal | {"received_on": "2024-06-16"}, minimal | {"external_ref": "x" * 65}]
    assert [m.split(",")[1] for m in rejected(vault, make_csv(rows))] == [
        " kolonne received_on",
        " kolonne external_ref",
    ]


def test_an_xlsx_file_is_imported(vault, tmp_path, full):
    path = tmp_path / "in.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(list(full))
    workbook.active.append([datetime(2024, 3, 5) if k == "received_on" else v for k, v in full.items()])
    workbook.save(path)
    assert import_inquiries(vault, path, today=TODAY).added == 1
    (inquiry,) = inquiries(vault)
    assert inquiry.received_at == datetime(2024, 3, 5)
    assert inquiry.notes == full["notes"].replace("\r\n", "\n")  # XML (and so XLSX) keeps no CR


# --- skip invalid -----------------------------------------------------------------------


def test_skip_invalid_imports_the_valid_rows_and_writes_the_rejects(
    vault, make_csv, minimal, tmp_path, load_csv
):
    rows = [
        minimal | {"external_ref": "ok1"},
        minimal
        | {"external_ref": "bad", "region": "nordjylland", "municipality_code": "751", "notes": 'a;"b"\nc'},
        minimal | {"external_ref": "ok2", "import_errors": "fra sidst"},
    ]
    rejects = tmp_path / "afviste.csv"
    summary = import_inquiries(vault, make_csv(rows), today=TODAY, skip_invalid=True, rejects_path=rejects)
    assert (summary.added, summary.rejected) == (2, 1)
    assert [i.external_ref for i in inquiries(vault)] == ["ok1", "ok2"]
    assert rejects.read_bytes().startswith(b"\xef\xbb\xbf")
    (row,) = load_csv(rejects)
    assert list(row) == [
        *(name for name in HEADER if name in rows[1] or name == "external_ref"),
        "import_errors",
    ]
    assert row["notes"] == 'a;"b"\nc'
    assert row["municipality_code"] == "751"
    assert row["import_errors"].startswith("municipality_code = '751': Aarhus ligger i region midtjylland")


def test_a_corrected_rejects_file_imports_as_it_is(vault, make_csv, minimal, tmp_path):
    rows = [minimal | {"external_ref": "bad", "region": "vest"}]
    rejects = tmp_path / "afviste.csv"
    import_inquiries(vault, make_csv(rows), today=TODAY, skip_invalid=True, rejects_path=rejects)
    rejects.write_text(
        rejects.read_text(encoding="utf-8-sig").replace(";vest;", ";midtjylland;"), encoding="utf-8-sig"
    )
    assert import_inquiries(vault, rejects, today=TODAY).added == 1


def test_an_existing_rejects_file_is_not_overwritten(vault, make_csv, minimal, tmp_path):
    rejects = tmp_path / "afviste.csv"
    rejects.write_text("mit eget\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        import_inquiries(vault, make_csv([minimal]), skip_invalid=True, rejects_path=rejects, today=TODAY)
    assert rejects.read_text(encoding="utf-8") == "mit eget\n"
    assert count(vault, Inquiry.id) == 0


# --- updates by external_ref ------------------------------------------------------------


def test_re_importing_updates_by_reference_and_counts_unchanged(vault, make_csv, full, minimal):
    first = [full, minimal | {"external_ref": "R2"}, minimal | {"external_ref": "R3"}, minimal]
    import_inquiries(vault, make_csv(first), today=TODAY)
    changed = full | {"reasons": "pres", "channel": "telefon", "received_on": "2024-03-06"}
    second = [
        changed,
        minimal | {"external_ref": "R2"},
        minimal | {"external_ref": "R3", "kind": "forloeb"},
        minimal,
    ]
    summary = import_inquiries(vault, make_csv(second, name="second.csv"), today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (1, 2, 1)
    found = {i.external_ref: i for i in inquiries(vault)}
    assert len(found) == 5  # three references, and two rows without one that got the vault's own
    updated = found["SAG-2024/Ø1"]
    assert updated.reason_codes == ["pres"]
    assert (updated.channel, updated.received_at) == ("telefon", datetime(2024, 3, 6))
    (intake,) = updated.contacts
    assert (intake.channel, intake.occurred_at) == ("telefon", datetime(2024, 3, 6))
    assert found["R3"].kind == "forloeb"
    assert count(vault, Contact.id) == 1


def test_a_row_without_a_reference_gets_the_vaults_own(vault, make_csv, full, minimal):
    rows = [minimal | {"received_on": "2023-12-31"}, full, minimal | {"external_ref": " "}]
    import_inquiries(vault, make_csv(rows), today=TODAY)
    with vault.session() as s:
        prefix = s.scalar(select(Profile.ref_prefix))
    assert [i.external_ref for i in inquiries(vault)] == [
        f"{prefix}-2023-00001",
        full["external_ref"],
        f"{prefix}-2024-00003",
    ]


def test_an_own_reference_already_taken_refuses_that_row_and_no_other(vault, make_csv, minimal, tmp_path):
    # Only possible when someone typed a reference in this vault's own format.
    with vault.session() as s:
        prefix = s.scalar(select(Profile.ref_prefix))
    import_inquiries(vault, make_csv([minimal | {"external_ref": f"{prefix}-2024-00003"}]), today=TODAY)
    rows = [
        minimal,  # would be inquiry 2: free
        minimal | {"external_ref": f"{prefix}-2024-00002"},  # ... but the file gives it to this row
        minimal,  # would be inquiry 3: taken in the vault
    ]
    path = make_csv(rows, name="second.csv")
    messages = rejected(vault, path)
    assert messages == [
        f"Linje 2, kolonne external_ref, værdi '{prefix}-2024-00002': referencen, henvendelsen ellers "
        "ville få, bruges allerede af en anden henvendelse; angiv en reference",
        f"Linje 4, kolonne external_ref, værdi '{prefix}-2024-00003': referencen, henvendelsen ellers "
        "ville få, bruges allerede af en anden henvendelse; angiv en reference",
    ]
    summary = import_inquiries(vault, path, skip_invalid=True, rejects_path=tmp_path / "af.csv", today=TODAY)
    assert (summary.added, summary.rejected) == (1, 2)
    assert [i.external_ref for i in inquiries(vault)] == [f"{prefix}-2024-00003", f"{prefix}-2024-00002"]


def test_an_unchanged_re_import_writes_nothing_but_the_audit_line(vault, make_csv, full):
    path = make_csv([full])
    import_inquiries(vault, path, today=TODAY)
    before = inquiries(vault)[0].updated_at
    summary = import_inquiries(vault, path, today=TODAY)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)
    assert inquiries(vault)[0].updated_at == before


def test_the_time_of_day_is_kept_when_the_received_date_is_the_same(vault, make_csv, minimal):
    import_inquiries(vault, make_csv([minimal | {"external_ref": "R1"}]), today=TODAY)
    with vault.session() as s:
        s.scalar(select(Inquiry)).received_at = datetime(2024, 3, 5, 14, 30)
    summary = import_inquiries(vault, make_csv([minimal | {"external_ref": "R1"}]), today=TODAY)
    assert summary.unchanged == 1
    assert inquiries(vault)[0].received_at == datetime(2024, 3, 5, 14, 30)


def test_a_column_the_file_lacks_keeps_the_stored_value(vault, make_csv, full, minimal):
    import_inquiries(vault, make_csv([full]), today=TODAY)
    # An older spreadsheet: no notes, no professionals, no closing date.
    narrow = minimal | {k: full[k] for k in ("external_ref", "region", "inquirer_type", "kind")}
    summary = import_inquiries(vault, make_csv([narrow | {"channel": "telefon"}], name="n.csv"), today=TODAY)
    assert summary.updated == 1
    (inquiry,) = inquiries(vault)
    assert inquiry.notes == full["notes"] and inquiry.closed_on == date(2024, 5, 31)
    assert inquiry.professional is not None and inquiry.professional.name == full["professional_name"]
    assert inquiry.contacts[0].channel == "telefon"


def test_a_stored_value_the_file_lacks_is_still_checked(vault, make_csv, full, minimal):
    import_inquiries(vault, make_csv([full]), today=TODAY)  # department boern_unge
    narrow = minimal | {"external_ref": full["external_ref"], "inquirer_type": "politi"}
    (message,) = rejected(vault, make_csv([narrow], name="n.csv"))
    assert message.startswith("Linje 2, kolonne municipal_department, værdi 'boern_unge'")


def test_an_empty_professional_removes_the_link_and_the_intake_contact(vault, make_csv, full):
    import_inquiries(vault, make_csv([full]), today=TODAY)
    cleared = full | {name: "" for name in full if name.startswith("professional_")}
    assert import_inquiries(vault, make_csv([cleared], name="c.csv"), today=TODAY).updated == 1
    (inquiry,) = inquiries(vault)
    assert inquiry.professional_id is None and inquiry.contacts == []
    assert count(vault, Professional.id) == 1  # the professional stays known


# --- professionals ----------------------------------------------------------------------


def test_rows_link_professionals_by_email_then_by_name_and_phone(vault, make_csv, minimal):
    rows = [
        minimal | {"professional_name": "Anna", "professional_email": "anna@kommune.dk"},
        minimal | {"professional_name": "Anna A.", "professional_email": " ANNA@kommune.dk "},
        minimal | {"professional_name": "Bo", "professional_phone": "12345678"},
        minimal
        | {
            "professional_name": "Bo",
            "professional_phone": "12345678",
            "professional_organisation": "Skolen",
        },
        minimal | {"professional_name": "Bo", "professional_phone": "87654321"},
        minimal,
    ]
    summary = import_inquiries(vault, make_csv(rows), today=TODAY)
    assert summary.professionals_added == 3
    found = inquiries(vault)
    ids = [i.professional_id for i in found]
    assert ids[0] == ids[1] != ids[2] == ids[3] != ids[4] and ids[5] is None
    assert found[3].professional.organisation_name == "Skolen"  # completed by the later row
    assert found[1].professional.name == "Anna"  # the first spelling stays
    for inquiry in found[:5]:
        (intake,) = inquiry.contacts
        assert intake.is_intake and intake.professional_id == inquiry.professional_id
        assert (intake.occurred_at, intake.channel) == (inquiry.received_at, inquiry.channel)


def test_a_known_professional_is_linked_and_completed_not_overwritten(vault, make_csv, minimal):
    with vault.session() as s:
        s.add(Professional(name="Cecilie", email="c@politi.dk", phone="11111111"))
    rows = [
        minimal
        | {
            "professional_name": "C.",
            "professional_email": "C@politi.dk",
            "professional_phone": "22 22 22 22",
            "professional_organisation": "Østjyllands Politi",
        }
    ]
    summary = import_inquiries(vault, make_csv(rows), today=TODAY)
    assert (summary.professionals_added, summary.professionals_updated) == (0, 1)
    (inquiry,) = inquiries(vault)
    pro = inquiry.professional
    assert (pro.name, pro.phone, pro.organisation_name) == ("Cecilie", "11111111", "Østjyllands Politi")


def test_a_new_professional_on_re_import_moves_the_link_and_the_intake_contact(vault, make_csv, full):
    import_inquiries(vault, make_csv([full]), today=TODAY)
    (before,) = inquiries(vault)
    other = full | {"professional_name": "Ny Person", "professional_email": "ny@aarhus.dk"}
    summary = import_inquiries(vault, make_csv([other], name="2.csv"), today=TODAY)
    assert (summary.updated, summary.professionals_added) == (1, 1)
    (after,) = inquiries(vault)
    assert after.professional_id != before.professional_id
    assert after.professional.name == "Ny Person"
    (intake,) = after.contacts
    assert intake.id == before.contacts[0].id and intake.professional_id == after.professional_id


def test_professional_details_without_a_name_are_refused(vault, make_csv, minimal):
    (message,) = rejected(vault, make_csv([minimal | {"professional_email": "x@y.dk"}]))
    assert message.startswith("Linje 2, kolonne professional_name, værdi ''")


# --- transaction and audit --------------------------------------------------------------


def test_an_error_while_writing_leaves_the_vault_as_it_was(vault, make_csv, full, minimal, monkeypatch):
    import_inquiries(vault, make_csv([full | {"notes": "før"}]), today=TODAY)
    original = import_writer._insert

    def failing(session, model, rows):
        original(session, model, rows)
        if model is InquiryReason:
            raise OSError("disken er fuld")

    monkeypatch.setattr(import_writer, "_insert", failing)
    rows = [full | {"notes": "efter", "reasons": "pres"}, minimal, minimal | {"professional_name": "Ny"}]
    with pytest.raises(OSError):
        import_inquiries(vault, make_csv(rows, name="2.csv"), today=TODAY)
    (inquiry,) = inquiries(vault)
    assert inquiry.notes == "før" and "pres" not in inquiry.reason_codes
    assert count(vault, Professional.id) == 1
    with vault.session() as s:
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "import")).all() == ["import"]


def test_one_audit_line_per_import_with_counts_only(vault, make_csv, full, minimal):
    import_inquiries(vault, make_csv([full, minimal, minimal]), today=TODAY)
    with vault.session() as s:
        events = s.scalars(select(AuditEvent)).all()
    (line,) = [e for e in events if e.action == "import"]
    assert line.entity == "inquiry"
    assert "rows=3" in line.detail and "added=3" in line.detail
    every_detail = " ".join(e.detail or "" for e in events)
    for value in (full["external_ref"], full["professional_name"], "Aase", "Pigen"):
        assert value not in every_detail


def test_check_reports_what_an_import_would_do_and_writes_nothing(vault, make_csv, full, minimal):
    import_inquiries(vault, make_csv([full]), today=TODAY)
    path = make_csv([full | {"kind": "enkelt"}, minimal, minimal | {"region": "?"}], name="2.csv")
    check = check_inquiry_file(vault, path, today=TODAY)
    assert (check.summary.added, check.summary.updated, check.summary.rejected) == (1, 1, 1)
    assert [p.line for p in check.problems] == [4]
    assert inquiries(vault)[0].kind == "forloeb"
    assert count(vault, Inquiry.id) == 1
