"""Counted once (docs/counts.md): a handed-over case stays counted by the vault where it was
registered; the receiving vault does not count it again, and for an open course the two vaults
take turns at the month ends (the giver until the month before, the taker from the month of
the hand-over). Property: merging both consultants' packages equals counting every record once,
in one vault, as if it had never moved."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from consultant_app.codes import load_codes
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.package import build_package
from consultant_app.counts.team_report import merge_packages
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason
from consultant_app.storage.vault import Vault
from tests.consultant_app.counts.records import Record, add_records
from tests.support import PASSPHRASE

AT = datetime(2025, 7, 1, tzinfo=UTC)
MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04"]
ORIGIN = "a" * 32
codes = load_codes()

records = st.builds(
    Record,
    received_at=st.builds(datetime, st.sampled_from([2024, 2025]), st.integers(1, 4), st.integers(1, 28)),
    region=st.sampled_from(codes["region"].values()),
    kind=st.sampled_from(codes["kind"].values()),
    closed_on=st.none() | st.dates(date(2024, 6, 1), date(2025, 6, 30)),
    reasons=st.lists(st.sampled_from(codes["reason"].values()), unique=True, max_size=2).map(tuple),
)
# Each record: stays with A (None), or is handed to B that many days after it was received.
moves = st.none() | st.integers(0, 200)


@pytest.fixture(scope="module")
def vaults(tmp_path_factory):
    folder = tmp_path_factory.mktemp("once")
    made = [Vault.create(folder / f"{n}.db", PASSPHRASE, name=n, team="aarhus") for n in ("A", "B", "all")]
    yield made
    for v in made:
        v.lock()


def _replace(vault, new) -> None:
    with vault.session() as session:
        session.execute(delete(InquiryReason))
        session.execute(delete(InquiryAdvice))
        session.execute(delete(Inquiry))
        add_records(session, new)


NO_MARKS = dict.fromkeys(
    ("handed_over_at", "handed_over_to", "origin_submitter", "origin_id", "origin_code", "taken_over_at")
)


def _marked(record: Record, **marks) -> Record:
    # Every row names every column: the bulk insert is one executemany.
    return Record(**{**record.__dict__, "extra": {**NO_MARKS, **marks}})


def _moved(record: Record, days: int | None, n: int) -> tuple[Record, Record | None]:
    """A's row and (if handed over) B's received copy, as the handover code leaves them."""
    if days is None:
        return _marked(record), None
    handed = record.received_at + timedelta(days=days, hours=9)
    given_away = _marked(record, handed_over_at=handed, handed_over_to="B")
    received = _marked(record, origin_submitter=ORIGIN, origin_id=n, origin_code="x", taken_over_at=handed)
    return given_away, received


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(st.tuples(records, moves), max_size=25))
def test_a_handed_over_case_is_counted_once_by_the_team(vaults, cases):
    a, b, union = vaults
    in_a, in_b = [], []
    for n, (record, days) in enumerate(cases):
        mine, theirs = _moved(record, days, n)
        in_a.append(mine)
        if theirs is not None:
            in_b.append(theirs)
    _replace(a, in_a)
    _replace(b, in_b)
    _replace(union, [r for r, _ in cases])
    packages = []
    for vault in (a, b):
        with vault.session() as session:
            packages += [build_package(session, m, generated_at=AT) for m in MONTHS]
    with union.session() as session:
        expected = monthly_stats(session, MONTHS[0], MONTHS[-1]).as_json()
    merged = merge_packages(packages, MONTHS[0], MONTHS[-1]).as_json()
    merged.pop("packages")
    assert merged == expected
    with b.session() as session:  # B alone counts no received inquiry as new
        assert monthly_stats(session, MONTHS[0], MONTHS[-1]).totals.inquiries == 0
