"""The counting rules against counts worked out by hand on a small dataset: months with no
inquiries, month edges to the minute, courses open across years, closed on a month's last day,
closed before the range; the range as the sum of its months; every code present."""

from datetime import date, datetime

import pytest
from sqlalchemy import update

from consultant_app.codes import load_codes
from consultant_app.counts.blocks import CATEGORIES, CountBlock, category_codes, regions
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.query import UnknownCodeError, count_months
from consultant_app.domain import Inquiry
from tests.consultant_app.counts.records import Record, add_records, block

H, M = "hovedstaden", "midtjylland"

RECORDS = [
    # A: a course since 2022, never closed: open at every month end.
    Record(datetime(2022, 5, 10, 10), M, kind="forloeb", age="barn", trip="udlandet",
           reasons=("udlandsophold",), advice=("genopdragelsesrejse", "koordinering")),
    # B: a course since 2023, closed 10 February 2025.
    Record(datetime(2023, 11, 2, 9), H, kind="forloeb", closed_on=date(2025, 2, 10)),
    # C: December, single advice.
    Record(datetime(2024, 12, 3, 9), H, "politi", "mail", closed_on=date(2024, 12, 3),
           reasons=("trusler", "pres"), advice=("risikovurdering",)),
    # D: the last minute of December; closed on the last day of February.
    Record(datetime(2024, 12, 31, 23, 59), M, "krisecenter", "moede", "forloeb", "barn", "trussel_dk",
           closed_on=date(2025, 2, 28), reasons=("tvangsaegteskab",), advice=("sikkerhed", "samarbejde")),
    # K: a December course closed within December.
    Record(datetime(2024, 12, 15, 11), M, kind="forloeb", closed_on=date(2024, 12, 20)),
    # E: the first minute of February, open.
    Record(datetime(2025, 2, 1, 0, 0), H, "borger", "andet", "forloeb", "ukendt",
           reasons=("social_kontrol", "psykisk_vold", "andet")),
    # F: February, single advice about a child.
    Record(datetime(2025, 2, 14, 13), M, "skole", age="barn", reasons=("social_kontrol",),
           advice=("opmaerksomhed",)),
    # G: the last day of March, closed in April.
    Record(datetime(2025, 3, 31, 16), M, "civilsamfund", "mail", "forloeb", trip="udlandet",
           closed_on=date(2025, 4, 15), advice=("andet",)),
    # Outside the range: the day before and the day after; a course closed before it.
    Record(datetime(2024, 11, 30, 23), H),
    Record(datetime(2025, 4, 1, 8), M),
    Record(datetime(2024, 6, 1, 10), H, kind="forloeb", closed_on=date(2024, 11, 30)),
]  # fmt: skip

# Worked out by hand from RECORDS; every (month, region) not listed is all zeros.
EXPECTED = {
    ("2024-12", H): block(1, 1, by_inquirer_type={"politi": 1}, by_channel={"mail": 1}, by_kind={"enkelt": 1},
                          age_group={"voksen": 1}, trip_concern={"ingen": 1}, by_reason={"trusler": 1, "pres": 1},
                          by_advice_type={"risikovurdering": 1}),
    ("2024-12", M): block(2, 2, by_inquirer_type={"krisecenter": 1, "kommune": 1},
                          by_channel={"moede": 1, "telefon": 1}, by_kind={"forloeb": 2},
                          age_group={"barn": 1, "voksen": 1}, trip_concern={"trussel_dk": 1, "ingen": 1},
                          by_reason={"tvangsaegteskab": 1}, by_advice_type={"sikkerhed": 1, "samarbejde": 1}),
    ("2025-01", H): block(0, 1),
    ("2025-01", M): block(0, 2),
    ("2025-02", H): block(1, 1, by_inquirer_type={"borger": 1}, by_channel={"andet": 1}, by_kind={"forloeb": 1},
                          age_group={"ukendt": 1}, trip_concern={"ingen": 1},
                          by_reason={"social_kontrol": 1, "psykisk_vold": 1, "andet": 1}),
    ("2025-02", M): block(1, 1, by_inquirer_type={"skole": 1}, by_channel={"telefon": 1}, by_kind={"enkelt": 1},
                          age_group={"barn": 1}, trip_concern={"ingen": 1}, by_reason={"social_kontrol": 1},
                          by_advice_type={"opmaerksomhed": 1}),
    ("2025-03", H): block(0, 1),
    ("2025-03", M): block(1, 2, by_inquirer_type={"civilsamfund": 1}, by_channel={"mail": 1},
                          by_kind={"forloeb": 1}, age_group={"voksen": 1}, trip_concern={"udlandet": 1},
                          by_advice_type={"andet": 1}),
}  # fmt: skip
RANGE_TOTAL = block(
    6, 3,
    by_inquirer_type={"politi": 1, "krisecenter": 1, "kommune": 1, "borger": 1, "skole": 1, "civilsamfund": 1},
    by_channel={"mail": 2, "moede": 1, "telefon": 2, "andet": 1},
    by_kind={"enkelt": 2, "forloeb": 4},
    age_group={"voksen": 3, "barn": 2, "ukendt": 1},
    trip_concern={"ingen": 4, "trussel_dk": 1, "udlandet": 1},
    by_reason={"trusler": 1, "pres": 1, "tvangsaegteskab": 1, "social_kontrol": 2, "psykisk_vold": 1, "andet": 1},
    by_advice_type={"risikovurdering": 1, "sikkerhed": 1, "samarbejde": 1, "opmaerksomhed": 1, "andet": 1},
)  # fmt: skip
MONTHS = ["2024-12", "2025-01", "2025-02", "2025-03"]


@pytest.fixture
def filled(vault):
    with vault.session() as session:
        add_records(session, RECORDS)
    return vault


def test_every_block_equals_the_hand_count(filled):
    with filled.session() as session:
        counted = count_months(session, "2024-12", "2025-03")
    assert list(counted) == MONTHS
    for month in MONTHS:
        assert list(counted[month]) == list(regions())
        for region in regions():
            assert counted[month][region].model_dump() == EXPECTED.get((month, region), block()), (
                month,
                region,
            )


def test_the_range_is_the_sum_of_its_months_and_active_is_the_last_months(filled):
    with filled.session() as session:
        stats = monthly_stats(session, "2024-12", "2025-03")
    assert stats.totals.model_dump() == RANGE_TOTAL
    data = stats.as_json()
    assert list(data) == ["from", "to", "months", "totals", "regions"]
    assert [m["month"] for m in data["months"]] == MONTHS
    for region in regions():
        months = [m["regions"][region] for m in data["months"]]
        summed = data["regions"][region]
        assert summed["inquiries"] == sum(m["inquiries"] for m in months)
        for category in CATEGORIES:
            for code in category_codes(category):
                assert summed[category][code] == sum(m[category][code] for m in months)
        assert summed["active_courses_end"] == months[-1]["active_courses_end"]
    for m in data["months"]:  # a month's totals are the sum of its regions
        assert m["totals"]["inquiries"] == sum(b["inquiries"] for b in m["regions"].values())
        assert m["totals"]["active_courses_end"] == sum(
            b["active_courses_end"] for b in m["regions"].values()
        )
    assert data["regions"][H]["inquiries"] == 2
    assert data["regions"][H]["active_courses_end"] == 1


def test_one_month_and_a_single_empty_month(filled):
    with filled.session() as session:
        january = monthly_stats(session, "2025-01", "2025-01")
    assert january.totals.inquiries == 0
    assert january.totals.active_courses_end == 3  # A, D in Midtjylland; B in Hovedstaden


def test_every_code_of_every_category_is_present_even_in_an_empty_vault(vault):
    codes = load_codes()
    with vault.session() as session:
        data = monthly_stats(session, "2025-01", "2025-02").as_json()
    for b in [data["totals"], *data["regions"].values(), *(m["totals"] for m in data["months"])]:
        assert set(b) == {"inquiries", "active_courses_end", *CATEGORIES}
        for category, code_list in CATEGORIES.items():
            assert list(b[category]) == list(codes[code_list].values())
            assert all(v == 0 for v in b[category].values())
    assert list(data["regions"]) == list(codes["region"].values())


def test_a_stored_code_outside_the_code_list_stops_the_count(filled):
    with filled.session() as session:
        session.execute(
            update(Inquiry).where(Inquiry.inquirer_type == "politi").values(inquirer_type="ukendt_x")
        )
    with filled.session() as session, pytest.raises(UnknownCodeError):
        count_months(session, "2024-12", "2024-12")


def test_a_block_refuses_broken_arithmetic_and_unknown_codes():
    good = block(1, 0, by_inquirer_type={"kommune": 1}, by_channel={"mail": 1}, by_kind={"enkelt": 1},
                 age_group={"barn": 1}, trip_concern={"ingen": 1})  # fmt: skip
    CountBlock.model_validate(good)
    broken = {**good, "inquiries": 2}
    with pytest.raises(ValueError, match="sum"):
        CountBlock.model_validate(broken)
    with pytest.raises(ValueError, match="unknown"):
        CountBlock.model_validate({**good, "by_channel": {**good["by_channel"], "fax": 0}})
    with pytest.raises(ValueError):
        CountBlock.model_validate({**good, "by_channel": {**good["by_channel"], "mail": -1, "telefon": 2}})
