"""Erasure that is real: none of the case's text is left in any page of the vault file, the
counts and packages are the same before and after, and the audit keeps only the case code."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.package import build_package
from consultant_app.domain import AuditEvent, Citizen, Inquiry, Note, RiskAssessment
from consultant_app.handover.errors import CaseErasedError
from consultant_app.retention.erase import ErasureReasonError, erase_case, erase_citizen
from consultant_app.services.case_actions import add_note
from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import case_texts, make_case
from tests.consultant_app.retention.vault_pages import decrypted_pages, decrypted_wal_frames
from tests.support import PASSPHRASE

AT = datetime(2025, 7, 1, tzinfo=UTC)


def _all_bytes(path) -> bytes:
    pages = decrypted_pages(path, PASSPHRASE)
    pages += decrypted_wal_frames(path.with_name(path.name + "-wal"), path, PASSPHRASE)
    return b"".join(pages)


def _counts(vault):
    with vault.session() as s:
        return (
            monthly_stats(s, "2025-01", "2025-12").as_json(),
            [build_package(s, m, generated_at=AT).as_json() for m in ("2025-03", "2025-04")],
        )


def test_erased_case_leaves_no_text_in_any_page_and_counts_are_unchanged(vault_path):
    vault = Vault.create(vault_path, PASSPHRASE, name="Konsulent Karen", team="aarhus")
    with vault.session() as s:
        erased_id = make_case(s, "A")
        make_case(s, "B", received_at=datetime(2025, 4, 2, 8, 0))
    with vault.session() as s:
        add_note(s, erased_id, "Ekstra note til revisionssporet")
    before = _counts(vault)
    vault.lock()
    plain = _all_bytes(vault_path)
    for text in case_texts("A").values():  # the decryption really finds text, before erasure
        assert text.encode() in plain, text

    vault = Vault.open(vault_path, PASSPHRASE)
    code = f"2025-{erased_id:05d}"
    done = erase_case(vault, code, "retention")
    assert done.case_codes == (code,)
    after = _counts(vault)
    with vault.session() as s:
        row = s.get(Inquiry, erased_id)
        assert row.erased_at is not None and row.citizen_id is None and row.notes is None
        assert row.reason_codes == ["trusler"]
        assert s.scalar(select(func.count()).select_from(Note).where(Note.inquiry_id == erased_id)) == 0
        assert s.scalar(select(func.count()).select_from(RiskAssessment)) == 2  # B's two only
        erase_line = s.scalars(select(AuditEvent).where(AuditEvent.action == "erase")).one()
        assert erase_line.entity_id == erased_id
        assert erase_line.detail == f"case:{code};reason:retention;by:Konsulent Karen"
        notes = s.scalars(select(AuditEvent).where(AuditEvent.entity == "note")).all()
        kept_code_only = [e for e in notes if e.entity_id is None]
        assert len(kept_code_only) == 2 and {e.detail for e in kept_code_only} == {f"case:{code}"}
        assert len(notes) == 3  # B's note is named as before
    with pytest.raises(CaseErasedError), vault.session() as s:
        add_note(s, erased_id, "efter sletning")
    vault.lock()
    assert after == before

    plain = _all_bytes(vault_path)
    for name, text in case_texts("A").items():
        assert text.encode() not in plain, name
    assert b"Ekstra note til revisionssporet" not in plain
    for text in case_texts("B").values():  # the other case is whole
        assert text.encode() in plain
    assert not vault_path.with_name(vault_path.name + "-journal").exists()


def test_erase_everything_about_one_citizen(vault):
    with vault.session() as s:
        first = make_case(s, "C")
        citizen_id = s.get(Inquiry, first).citizen_id
        second = make_case(s, "D", received_at=datetime(2025, 5, 1, 9, 0))
        s.get(Inquiry, second).citizen_id = citizen_id
    with vault.session() as s:  # D's own citizen record is now unused
        s.delete(s.get(Citizen, citizen_id + 1))
    done = erase_citizen(vault, citizen_id)
    assert done.case_codes == (f"2025-{first:05d}", f"2025-{second:05d}")
    with vault.session() as s:
        assert s.get(Citizen, citizen_id) is None
        assert all(s.get(Inquiry, i).erased_at for i in (first, second))


def test_unknown_reason_and_second_erasure_are_refused(vault):
    with vault.session() as s:
        code = f"2025-{make_case(s, 'E'):05d}"
    with pytest.raises(ErasureReasonError):
        erase_case(vault, code, "fordi")
    erase_case(vault, code, "not_needed")
    with pytest.raises(CaseErasedError):
        erase_case(vault, code, "not_needed")
