"""Sending a case: the whole case in the file, encrypted to the colleague, and the case here
marked handed over and read-only. Receiving it: sender shown, checked, imported whole, once."""

import pytest
from sqlalchemy import func, select

from consultant_app.domain import Contact, Inquiry, Note, Professional
from consultant_app.errors import CaseHandedOverError, CaseNotFoundError
from consultant_app.handover.errors import (
    HandoverFileError,
    UnknownSenderError,
)
from consultant_app.handover.keys import add_colleague, own_key
from consultant_app.handover.receive import open_handover, receive
from consultant_app.handover.send import hand_over
from consultant_app.services.case_actions import add_note
from consultant_app.services.case_ref import find_case
from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import case_texts, make_case
from tests.support import PASSPHRASE


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    a = Vault.create(folder / "a.db", PASSPHRASE, name="Anne Afsender", team="aarhus")
    b = Vault.create(folder / "b.db", PASSPHRASE, name="Bo Modtager", team="aarhus")
    with a.session() as sa, b.session() as sb:
        add_colleague(sa, "Bo", own_key(sb).line)
    yield a, b, folder
    a.lock()
    b.lock()


def test_find_case_by_code_or_external_ref(vault):
    with vault.session() as s:
        iid = make_case(s, "A")
        assert find_case(s, f"2025-{iid:05d}").id == iid
        assert find_case(s, "EXT-A-1").id == iid
        for wrong in (f"2024-{iid:05d}", "2025-99999", ""):
            with pytest.raises(CaseNotFoundError):
                find_case(s, wrong)


def test_hand_over_marks_the_case_read_only_and_the_file_is_whole(pair):
    a, b, folder = pair
    with a.session() as s:
        iid = make_case(s, "H")
        code = f"2025-{iid:05d}"
    with a.session() as s:
        done = hand_over(s, code, "Bo", folder / "h.sagsoverdragelse")
    assert done.case_code == code and done.to == "Bo"
    assert (done.path.stat().st_mode & 0o777) == 0o600
    data = done.path.read_bytes()
    for text in case_texts("H").values():
        assert text.encode() not in data
    with a.session() as s:
        row = s.get(Inquiry, iid)
        assert row.handed_over_to == "Bo" and row.handed_over_at is not None
    with pytest.raises(CaseHandedOverError), a.session() as s:
        add_note(s, iid, "en ny note")
    with pytest.raises(CaseHandedOverError), a.session() as s:
        hand_over(s, code, "Bo", folder / "again.sagsoverdragelse")

    with b.session() as s:
        incoming = open_handover(s, data)
        assert incoming.known_as is None and incoming.sender_name == "Anne Afsender"
        assert (incoming.notes, incoming.contacts, incoming.follow_ups, incoming.risk_assessments) == (
            1,
            1,
            1,
            2,
        )
        with pytest.raises(UnknownSenderError):
            receive(s, incoming)
    with b.session() as s:
        got = receive(s, open_handover(s, data), confirm_unknown_sender=True)
        assert got.added
    with b.session() as s:
        assert not receive(s, open_handover(s, data), confirm_unknown_sender=True).added
        case = s.get(Inquiry, got.inquiry_id)
        t = case_texts("H")
        assert case.citizen.full_name == t["full_name"] and case.notes == t["inquiry_notes"]
        assert case.origin_code == code and case.taken_over_at is not None
        assert [n.text for n in case.case_notes] == [t["note"]]
        assert [c.summary for c in case.contacts] == [t["contact"]]
        assert case.reason_codes == ["trusler"] and case.advice_codes == ["sikkerhed"]
        fu = case.follow_ups[0]
        assert fu.note == t["follow_up"] and fu.risk_measure_id is not None
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1


def test_professionals_matched_by_normalised_email(pair):
    a, b, folder = pair
    with b.session() as s:
        s.add(Professional(name="Lærer M (B's stavning)", email="laerer.m@skole.dk"))
    with a.session() as s:
        code = f"2025-{make_case(s, 'M'):05d}"
        data = hand_over(s, code, "Bo", folder / "m.sagsoverdragelse").path.read_bytes()
    with b.session() as s:
        before = s.scalar(select(func.count()).select_from(Professional))
        got = receive(s, open_handover(s, data), confirm_unknown_sender=True)
        assert s.scalar(select(func.count()).select_from(Professional)) == before
        contact = s.scalar(select(Contact).where(Contact.inquiry_id == got.inquiry_id))
        assert contact.professional.name == "Lærer M (B's stavning)"


@pytest.mark.parametrize("damage", ["truncate", "bit", "empty", "garbage"])
def test_a_damaged_file_is_refused_and_nothing_changes(pair, damage):
    a, b, folder = pair
    with a.session() as s:
        code = f"2025-{make_case(s, 'D' + damage):05d}"
        data = hand_over(s, code, "Bo", folder / f"{damage}.sagsoverdragelse").path.read_bytes()
    broken = {
        "truncate": data[:-1],
        "bit": data[:200] + bytes([data[200] ^ 0x01]) + data[201:],
        "empty": b"",
        "garbage": b"PK\x03\x04" + data[4:],
    }[damage]
    with b.session() as s:
        notes_before = s.scalar(select(func.count()).select_from(Note))
        with pytest.raises(HandoverFileError) as err:
            open_handover(s, broken)
        assert "Intet er ændret" in str(err.value)
        assert s.scalar(select(func.count()).select_from(Note)) == notes_before


def test_a_sealed_file_with_an_unknown_code_is_refused_whole(pair):
    """A colleague's program could be newer or broken: an unknown code stops the import, and
    nothing of the case is left behind (one transaction)."""
    from consultant_app.handover import envelope
    from consultant_app.handover.keys import colleague_public_key, own_private_key
    from consultant_app.handover.send import handover_payload

    a, b, _folder = pair
    with a.session() as s:
        inquiry = find_case(s, f"2025-{make_case(s, 'X'):05d}")
        payload = handover_payload(s, inquiry, "Bo", bytes(colleague_public_key(s, "Bo")[1]))
        payload["case"]["follow_ups"][0]["type"] = "ukendt_type"
        sealed = envelope.seal(payload, own_private_key(s), colleague_public_key(s, "Bo")[1])
    with b.session() as s:
        before = s.scalar(select(func.count()).select_from(Note))
    with pytest.raises(HandoverFileError, match="follow_ups"), b.session() as s:
        receive(s, open_handover(s, sealed), confirm_unknown_sender=True)
    with b.session() as s:
        assert s.scalar(select(func.count()).select_from(Note)) == before


def test_a_file_that_cannot_be_written_leaves_the_case_unmarked(pair):
    from consultant_app.errors import StorageWriteError

    a, _b, folder = pair
    with a.session() as s:
        iid = make_case(s, "W")
    with pytest.raises(StorageWriteError), a.session() as s:
        hand_over(s, f"2025-{iid:05d}", "Bo", folder / "no-such-folder" / "w.sagsoverdragelse")
    with a.session() as s:
        assert s.get(Inquiry, iid).handed_over_at is None
