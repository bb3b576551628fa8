"""Merging packages: the newest version per consultant and month, never double counted, and
(property) the merge of several consultants' packages is the count of all their records."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from consultant_app.codes import load_codes
from consultant_app.counts.blocks import regions, zero_block
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.package import Package, build_package
from consultant_app.counts.team_report import PackageConflictError, merge_packages
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason
from consultant_app.storage.vault import Vault
from tests.consultant_app.counts.records import Record, add_records
from tests.support import PASSPHRASE

AT = datetime(2025, 7, 1, tzinfo=UTC)


def package(submitter: str, month: str, version: int, inquiries_in_hovedstaden: int) -> Package:
    b = zero_block().model_dump()
    b["inquiries"] = inquiries_in_hovedstaden
    b["by_inquirer_type"]["kommune"] = b["by_channel"]["telefon"] = inquiries_in_hovedstaden
    b["by_kind"]["enkelt"] = b["age_group"]["voksen"] = b["trip_concern"]["ingen"] = inquiries_in_hovedstaden
    blocks = {r: (b if r == "hovedstaden" else zero_block().model_dump()) for r in regions()}
    return Package(
        submitter=submitter,
        team="aarhus",
        month=month,
        version=version,
        generated_at=AT,
        regions=blocks,
        survey=[],
    )


A, B = "a" * 32, "b" * 32


def test_the_newest_version_wins_and_nothing_is_counted_twice():
    packages = [
        package(A, "2025-01", 1, 5),
        package(A, "2025-01", 3, 7),  # the correction
        package(A, "2025-01", 2, 6),
        package(A, "2025-01", 3, 7),  # the same file twice
        package(B, "2025-01", 1, 2),
        package(B, "2025-02", 1, 4),
        package(B, "2025-04", 1, 9),  # after the range
        package(B, "2024-12", 1, 1),  # before: history for the PDF only
    ]
    report = merge_packages(packages, "2025-01", "2025-03")
    assert report.stats.months[0].totals.inquiries == 7 + 2
    assert report.stats.months[1].totals.inquiries == 4
    assert report.stats.months[2].totals.inquiries == 0
    assert report.stats.totals.inquiries == 13
    data = report.as_json()
    assert data["packages"] == [
        {"submitter": A, "month": "2025-01", "version": 3},
        {"submitter": B, "month": "2025-01", "version": 1},
        {"submitter": B, "month": "2025-02", "version": 1},
    ]
    assert [(r.month, r.version) for r in report.superseded] == [
        ("2025-01", 1),
        ("2025-01", 2),
        ("2025-01", 3),
    ]
    assert [r.month for r in report.after_range] == ["2025-04"]
    assert [r.month for r in report.used_for_history] == ["2024-12"]
    assert report.history["2024-12"]["hovedstaden"].inquiries == 1


def test_two_different_packages_with_one_version_stop_the_merge():
    with pytest.raises(PackageConflictError):
        merge_packages([package(A, "2025-01", 2, 5), package(A, "2025-01", 2, 6)], "2025-01", "2025-01")


# --- property: merged packages == counts of the union of the records ---------------------

MONTHS = ["2025-01", "2025-02", "2025-03"]
codes = load_codes()
records = st.builds(
    Record,
    received_at=st.builds(
        datetime, st.just(2025), st.integers(1, 3), st.integers(1, 28), st.integers(0, 23), st.integers(0, 59)
    )
    | st.builds(datetime, st.just(2024), st.integers(1, 12), st.integers(1, 28)),
    region=st.sampled_from(codes["region"].values()),
    inquirer_type=st.sampled_from(codes["inquirer_type"].values()),
    channel=st.sampled_from(codes["channel"].values()),
    kind=st.sampled_from(codes["kind"].values()),
    age=st.sampled_from(codes["age_group"].values()),
    trip=st.sampled_from(codes["trip_concern"].values()),
    closed_on=st.none() | st.dates(date(2024, 6, 1), date(2025, 6, 30)),
    reasons=st.lists(st.sampled_from(codes["reason"].values()), unique=True, max_size=3).map(tuple),
    advice=st.lists(st.sampled_from(codes["advice_type"].values()), unique=True, max_size=3).map(tuple),
)


@pytest.fixture(scope="module")
def vaults(tmp_path_factory):
    """Three consultants' vaults and one holding everyone's records: made once (a vault costs a
    key derivation), emptied before each example."""
    folder = tmp_path_factory.mktemp("consultants")
    made = [Vault.create(folder / f"c{i}.db", PASSPHRASE, name=f"K{i}", team="aarhus") for i in range(3)]
    union = Vault.create(folder / "all.db", PASSPHRASE, name="Alle", team="aarhus")
    yield made, union
    for vault in (*made, union):
        vault.lock()


def _replace_records(vault, new) -> None:
    with vault.session() as session:
        session.execute(delete(Inquiry))  # reasons and advice go with them (ON DELETE CASCADE)
        session.execute(delete(InquiryReason))
        session.execute(delete(InquiryAdvice))
        add_records(session, new)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(consultants=st.lists(st.lists(records, max_size=30), min_size=2, max_size=3))
def test_merging_packages_equals_counting_the_union(vaults, consultants):
    made, union = vaults
    packages = []
    for vault, own in zip(made, consultants, strict=False):
        _replace_records(vault, own)
        with vault.session() as session:
            packages += [build_package(session, m, generated_at=AT) for m in MONTHS]
    _replace_records(union, [r for own in consultants for r in own])
    with union.session() as session:
        expected = monthly_stats(session, MONTHS[0], MONTHS[-1]).as_json()
    merged = merge_packages(packages, MONTHS[0], MONTHS[-1]).as_json()
    assert len(merged.pop("packages")) == len(consultants) * len(MONTHS)
    assert merged == expected
    assert expected["totals"]["inquiries"] == sum(
        1 for own in consultants for r in own if "2025-01" <= r.received_at.strftime("%Y-%m") <= "2025-03"
    )
