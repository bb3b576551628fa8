"""The monthly aggregate (storage/month_counts.py) always equals the count from the records,
whatever is written: inquiries added, changed (month, region, codes, origin), deleted with their
rows cascading, reason and advice rows replaced, through the ORM and through bulk statements;
and the statistics read from it equal the statistics counted from the records."""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from consultant_app.counts.blocks import SINGLE_CATEGORIES, category_codes, regions
from consultant_app.counts.query import count_months, count_months_from_records
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason
from consultant_app.storage import month_counts
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

COLUMN = month_counts.SINGLE


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    v = Vault.create(tmp_path_factory.mktemp("agg") / "v.db", PASSPHRASE, name="T", team="aarhus")
    yield v
    v.lock()


def fields() -> st.SearchStrategy[dict]:
    singles = {COLUMN[c]: st.sampled_from(category_codes(c)) for c in SINGLE_CATEGORIES}
    return st.fixed_dictionaries(
        {
            "received_at": st.datetimes(datetime(2023, 11, 1), datetime(2024, 2, 28, 23, 59)),
            "region": st.sampled_from(regions()),
            # Rule 7: a case received from a colleague is counted by its origin vault, not here.
            "origin_submitter": st.sampled_from([None, None, "", "kollega-1"]),
            **singles,
        }
    )


codes = st.tuples(
    st.lists(st.sampled_from(category_codes("by_reason")), unique=True, max_size=3),
    st.lists(st.sampled_from(category_codes("by_advice_type")), unique=True, max_size=3),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), fields(), codes),
        st.tuples(st.just("bulk_add"), fields(), codes),
        st.tuples(st.just("change"), st.integers(0, 50), fields()),
        st.tuples(st.just("recode"), st.integers(0, 50), codes),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("bulk_delete"), st.integers(0, 50)),
        st.tuples(st.just("drop_reason"), st.integers(0, 50)),
    ),
    max_size=12,
)


def _apply(s, op) -> None:
    ids = s.scalars(select(Inquiry.id).order_by(Inquiry.id)).all()
    kind = op[0]
    if kind in ("add", "bulk_add"):
        values = op[1] | {"consultant": "T", "consent": "anonym"}
        reasons, advice = op[2]
        if kind == "add":
            inquiry = Inquiry(**values)
            s.add(inquiry)
            s.flush()
            new_id = inquiry.id
        else:  # the importer's way: Core statements, no ORM
            new_id = s.execute(insert(Inquiry.__table__).values(**values)).inserted_primary_key[0]
        if reasons:
            s.execute(insert(InquiryReason.__table__), [{"inquiry_id": new_id, "code": c} for c in reasons])
        if advice:
            s.execute(insert(InquiryAdvice.__table__), [{"inquiry_id": new_id, "code": c} for c in advice])
        return
    if not ids:
        return
    target = ids[op[1] % len(ids)]
    if kind == "change":
        s.execute(update(Inquiry.__table__).where(Inquiry.id == target).values(**op[2]))
    elif kind == "recode":
        s.execute(delete(InquiryReason.__table__).where(InquiryReason.inquiry_id == target))
        s.execute(delete(InquiryAdvice.__table__).where(InquiryAdvice.inquiry_id == target))
        for model, chosen in ((InquiryReason, op[2][0]), (InquiryAdvice, op[2][1])):
            for code in chosen:
                s.add(model(inquiry_id=target, code=code))
        s.flush()
    elif kind == "delete":
        s.delete(s.get(Inquiry, target))  # the ORM deletes the reason and advice rows first
        s.flush()
    elif kind == "bulk_delete":  # SQLite's cascade deletes the rows, after the inquiry is gone
        s.execute(delete(Inquiry.__table__).where(Inquiry.id == target))
    elif kind == "drop_reason":
        first = s.scalars(select(InquiryReason).where(InquiryReason.inquiry_id == target)).first()
        if first is not None:
            s.delete(first)
            s.flush()


def _aggregate(s) -> set[tuple]:
    rows = s.connection().exec_driver_sql(
        f"SELECT month, region, category, code, n FROM {month_counts.TABLE} WHERE n != 0"
    )
    return set(map(tuple, rows))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_the_aggregate_always_equals_the_count_from_the_records(vault, ops):
    with vault.session() as s:
        for op in ops:
            _apply(s, op)
        kept = _aggregate(s)
        nested = s.begin_nested()
        month_counts.rebuild(s.connection())  # the count from the records
        recounted = _aggregate(s)
        nested.rollback()
    assert kept == recounted
    assert all(n > 0 for *_key, n in kept)
    with vault.session() as s:  # and the statistics from it equal those counted from the records
        assert count_months(s, "2023-11", "2024-02") == count_months_from_records(s, "2023-11", "2024-02")


def test_the_property_is_not_vacuous(vault):
    with vault.session() as s:
        _apply(
            s,
            (
                "add",
                {
                    "received_at": datetime(2024, 1, 5, 9),
                    "region": "nordjylland",
                    **{COLUMN[c]: category_codes(c)[0] for c in SINGLE_CATEGORIES},
                },
                (["trusler"], [category_codes("by_advice_type")[0]]),
            ),
        )
        found = _aggregate(s)
    assert any(row[:4] == ("2024-01", "nordjylland", "inquiries", "") for row in found)
    assert any(row[2:4] == ("by_reason", "trusler") for row in found)


def test_a_vault_without_the_aggregate_gets_it_at_unlock(vault_path):
    """A development build of migration 0005 made vaults at the head without the aggregate."""
    Vault.create(vault_path, PASSPHRASE, name="T", team="aarhus").lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        with v.session() as s:
            s.add(
                Inquiry(
                    received_at=datetime(2024, 3, 1, 9),
                    region="nordjylland",
                    consultant="T",
                    inquirer_type="skole",
                    channel="mail",
                    citizen_age_group="barn",
                    trip_concern="ingen",
                )
            )
        with v.engine.begin() as conn:
            month_counts.drop_triggers(conn)
            conn.exec_driver_sql(f"DROP TABLE {month_counts.TABLE}")
    with Vault.open(vault_path, PASSPHRASE) as v, v.session() as s:
        assert ("2024-03", "nordjylland", "inquiries", "", 1) in _aggregate(s)
