"""Drafts in the vault: kept, listed, continued and thrown away, audited without their text, and
erased with their case (the pages of the file hold none of it afterwards)."""

import pytest
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Draft, Inquiry
from consultant_app.retention.erase import erase_case
from consultant_app.services.audit_detail import describe
from consultant_app.services.drafts import (
    DraftError,
    DraftToSave,
    discard_draft,
    list_drafts,
    load_draft,
    save_draft,
    save_drafts,
)
from consultant_app.services.subject_access import subject_access_report
from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import make_case
from tests.consultant_app.retention.vault_pages import decrypted_pages, decrypted_wal_frames
from tests.support import PASSPHRASE

TYPED = "Halvskrevet note om familien Østergård"


def _audit(session) -> list[AuditEvent]:
    return list(
        session.scalars(select(AuditEvent).where(AuditEvent.entity == "draft").order_by(AuditEvent.id))
    )


def test_a_draft_is_kept_listed_continued_and_discarded_and_each_step_is_audited_without_its_text(vault):
    with vault.session() as s:
        draft_id = save_draft(s, DraftToSave("inquiry", {"notes": TYPED, "reasons": ["trusler"]}))
    assert draft_id is not None
    with vault.session() as s:
        (info,) = list_drafts(s)
        assert (info.id, info.kind, info.inquiry_id, info.case_code) == (draft_id, "inquiry", None, None)
        stored = load_draft(s, draft_id)
        assert stored.content == {"notes": TYPED, "reasons": ["trusler"]}
    with vault.session() as s:  # locked again while continuing it: the same draft, replaced
        again = save_draft(s, DraftToSave("inquiry", {"notes": TYPED + " mere"}, draft_id=draft_id))
        assert again == draft_id
        assert load_draft(s, draft_id).content == {"notes": TYPED + " mere"}
    with vault.session() as s:
        assert discard_draft(s, draft_id) is True
        assert discard_draft(s, draft_id) is False  # already gone: nothing to do
        assert list_drafts(s) == []
        lines = _audit(s)
    assert [(e.action, e.entity_id) for e in lines] == [
        ("create", draft_id),
        ("view", draft_id),
        ("update", draft_id),
        ("view", draft_id),
        ("delete", draft_id),
    ]
    assert [e.detail for e in lines] == [
        "form:inquiry",
        "form:inquiry",
        "content",
        "form:inquiry",
        "form:inquiry",
    ]
    # Read in words in the audit view (services/audit_detail.py), not shown raw.
    assert [describe(e.action, e.detail, "da") for e in lines[:3]] == [
        "Kladde til henvendelse",
        "Kladde til henvendelse",
        "Indhold",
    ]
    with vault.session() as s:
        every_detail = " ".join(e.detail or "" for e in s.scalars(select(AuditEvent)))
    assert "Østergård" not in every_detail and "familien" not in every_detail


def test_a_draft_that_cannot_be_kept_does_not_cost_the_others_of_the_same_lock(vault):
    good = DraftToSave("inquiry", {"notes": "a"})
    kept = save_drafts(
        vault, [good, DraftToSave("Not a form!", {"notes": "b"}), DraftToSave("note", {"text": "c"})]
    )
    assert kept[1] is None and None not in (kept[0], kept[2])
    with vault.session() as s:
        assert sorted(d.kind for d in list_drafts(s)) == ["inquiry", "note"]
    assert save_drafts(vault, []) == []


def test_content_that_is_no_form_or_would_fill_the_vault_is_refused(vault):
    with vault.session() as s:
        with pytest.raises(DraftError):
            save_draft(s, DraftToSave("inquiry", {"notes": object()}))
        with pytest.raises(DraftError):
            save_draft(s, DraftToSave("inquiry", {"notes": "x" * 1_000_001}))
        assert s.scalars(select(Draft)).all() == []


def _all_bytes(path) -> bytes:
    pages = decrypted_pages(path, PASSPHRASE)
    pages += decrypted_wal_frames(path.with_name(path.name + "-wal"), path, PASSPHRASE)
    return b"".join(pages)


def test_a_case_s_draft_is_in_its_subject_access_report_and_is_erased_with_it(vault_path):
    vault = Vault.create(vault_path, PASSPHRASE, name="Konsulent Karen", team="aarhus")
    with vault.session() as s:
        inquiry_id = make_case(s, "A")
        citizen_id = s.get_one(Inquiry, inquiry_id).citizen_id
        draft_id = save_draft(s, DraftToSave("note", {"text": TYPED}, inquiry_id=inquiry_id))
        kept_id = save_draft(s, DraftToSave("inquiry", {"notes": "ny henvendelse"}))
    with vault.session() as s:
        (info,) = [d for d in list_drafts(s) if d.id == draft_id]
        assert info.case_code == f"2025-{inquiry_id:05d}"
        report = subject_access_report(s, citizen_id)
        (case,) = report["henvendelser"]
        assert [(d["id"], d["formular"], d["indhold"]) for d in case["kladder"]] == [
            (draft_id, "note", {"text": TYPED})
        ]
        assert any(line["post"] == "draft" and line["post_id"] == draft_id for line in report["adgangslog"])
    vault.lock()
    assert TYPED.encode() in _all_bytes(vault_path)  # the decryption really finds it before

    vault = Vault.open(vault_path, PASSPHRASE)
    erase_case(vault, f"2025-{inquiry_id:05d}", "retention")
    with vault.session() as s:
        assert [d.id for d in list_drafts(s)] == [kept_id]  # a new inquiry's draft has no case
        lines = _audit(s)
        about_erased = [e for e in lines if e.entity_id is None]
        assert about_erased and {e.detail for e in about_erased} == {f"case:2025-{inquiry_id:05d}"}
        # A draft can no longer bring text back to the erased case.
        assert save_draft(s, DraftToSave("note", {"text": "igen"}, inquiry_id=inquiry_id)) is None
    vault.lock()
    assert TYPED.encode() not in _all_bytes(vault_path)
