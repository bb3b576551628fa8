"""The issue's "Must show": A hands a case to B; the file holds none of the case's text in
plain; C cannot open it; a one-bit change is refused; B receives it twice and holds it once
with its whole timeline; A's and B's monthly counts and a team report over both count it once."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.package import build_package
from consultant_app.counts.team_report import merge_packages
from consultant_app.domain import Inquiry
from consultant_app.handover import envelope
from consultant_app.handover.errors import HandoverFileError
from consultant_app.handover.keys import add_colleague, own_key, own_private_key
from consultant_app.handover.receive import open_handover, receive
from consultant_app.handover.send import hand_over
from consultant_app.services.timeline import view_case
from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import case_texts, make_case
from tests.support import PASSPHRASE

AT = datetime(2025, 7, 1, tzinfo=UTC)
MONTHS = ("2025-03", "2025-04")


@pytest.fixture
def three(tmp_path):
    vaults = [Vault.create(tmp_path / f"{n}.db", PASSPHRASE, name=n, team="aarhus") for n in "ABC"]
    yield vaults
    for v in vaults:
        v.lock()


def _timeline(vault, inquiry_id):
    with vault.session() as s:
        view = view_case(s, inquiry_id, today=date(2025, 7, 1))
    return sorted((e.kind, e.code or "", e.text or "", e.state or "") for e in view.timeline)


def _packages(vault):
    with vault.session() as s:
        return [build_package(s, m, generated_at=AT) for m in MONTHS]


def test_three_vaults(three, tmp_path):
    a, b, c = three
    with a.session() as sa, b.session() as sb:
        add_colleague(sa, "Bo", own_key(sb).line)
        add_colleague(sb, "Anne", own_key(sa).line)
    with a.session() as s:
        case_id = make_case(s, "T")
        code = f"2025-{case_id:05d}"
    a_timeline = _timeline(a, case_id)
    assert {k for k, *_ in a_timeline} >= {"received", "note", "follow_up", "risk"}
    with a.session() as s:
        a_before = monthly_stats(s, *MONTHS).as_json()

    file = tmp_path / "sag.sagsoverdragelse"
    with a.session() as s:
        hand_over(s, code, "Bo", file)
    data = file.read_bytes()

    # The file holds none of the case's text in plain (nor in UTF-16, nor the case code).
    for text in [*case_texts("T").values(), code, "Lærer T"]:
        assert text.encode("utf-8") not in data and text.encode("utf-16-le") not in data

    # C cannot open it.
    with c.session() as s, pytest.raises(HandoverFileError, match="anden boks"):
        open_handover(s, data)

    # A one-bit change anywhere is refused: one bit of every byte (the bit changes along the file).
    with b.session() as s:
        b_key = own_private_key(s)
    for i in range(len(data)):
        changed = data[:i] + bytes([data[i] ^ (1 << (i % 8))]) + data[i + 1 :]
        with pytest.raises(HandoverFileError):
            envelope.open_sealed(changed, b_key)
    for cut in (1, 16, len(data) // 2, len(data) - 1):
        with pytest.raises(HandoverFileError):
            envelope.open_sealed(data[:cut], b_key)

    # B receives it twice and holds it once, with its whole timeline.
    with b.session() as s:
        incoming = open_handover(s, data)
        assert incoming.known_as == "Anne" and not incoming.already_held
        first = receive(s, incoming)
    with b.session() as s:
        incoming = open_handover(s, data)
        assert incoming.already_held
        second = receive(s, incoming)
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1
    assert first.added and not second.added and first.inquiry_id == second.inquiry_id
    assert _timeline(b, first.inquiry_id) == a_timeline
    with b.session() as s:
        assert view_case(s, first.inquiry_id).summary.origin_code == code
    with a.session() as s:
        summary = view_case(s, case_id).summary
        assert summary.handed_over_to == "Bo" and summary.origin_code is None

    # Counts: A's are unchanged and count it; B's do not; the team report counts it once.
    with a.session() as s:
        assert monthly_stats(s, *MONTHS).as_json() == a_before
        assert a_before["totals"]["inquiries"] == 1
    with b.session() as s:
        b_stats = monthly_stats(s, *MONTHS)
        assert b_stats.totals.inquiries == 0 and b_stats.totals.active_courses_end == 0
    team = merge_packages([*_packages(a), *_packages(b)], *MONTHS).as_json()
    assert team["totals"]["inquiries"] == 1
    assert team["totals"]["by_reason"]["trusler"] == 1
    assert [m["totals"]["active_courses_end"] for m in team["months"]] == [1, 1]
