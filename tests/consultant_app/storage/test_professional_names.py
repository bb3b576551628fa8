"""The inquiry's copy of its professional's name (storage/professional_names.py) always equals
the professional's name, whatever is written: inquiries added with or without a professional and
given another, professionals renamed, merged and deleted, through the ORM and through bulk
statements; and the inquiry list shows it."""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, text, update

from consultant_app.domain import Inquiry, Professional
from consultant_app.services.inquiry_list import InquiryQuery, fetch_page
from consultant_app.services.professionals import merge_professionals
from consultant_app.storage import migrate, month_counts, professional_names
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

INQUIRY = {
    "received_at": datetime(2024, 5, 1, 9),
    "consultant": "T",
    "region": "nordjylland",
    "inquirer_type": "skole",
    "channel": "mail",
    "citizen_age_group": "barn",
    "consent": "anonym",
    "trip_concern": "ingen",
    "kind": "enkelt",
}
names = st.sampled_from(["Søren Ærø", "Anna Hansen", "Ali Ahmed", "anna hansen", "Zoë"])
which = st.integers(0, 30)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("professional"), names),
        st.tuples(st.just("add"), which, st.booleans()),
        st.tuples(st.just("bulk_add"), which, st.booleans()),
        st.tuples(st.just("reassign"), which, which, st.booleans()),
        st.tuples(st.just("bulk_reassign"), which, which),
        st.tuples(st.just("rename"), which, names),
        st.tuples(st.just("bulk_rename"), which, names),
        st.tuples(st.just("merge"), which, which),
        st.tuples(st.just("delete"), which),
        st.tuples(st.just("bulk_delete"), which),
    ),
    max_size=14,
)


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    v = Vault.create(tmp_path_factory.mktemp("names") / "v.db", PASSPHRASE, name="T", team="aarhus")
    yield v
    v.lock()


def _pick(ids: list[int], index: int) -> int | None:
    return ids[index % len(ids)] if ids else None


def _apply(s, op) -> None:
    professionals = s.scalars(select(Professional.id).order_by(Professional.id)).all()
    inquiries = s.scalars(select(Inquiry.id).order_by(Inquiry.id)).all()
    kind = op[0]
    if kind == "professional":
        s.add(Professional(name=op[1]))
    elif kind == "add":
        s.add(Inquiry(**INQUIRY, professional_id=_pick(professionals, op[1]) if op[2] else None))
    elif kind == "bulk_add":  # the importer's way: Core statements, no ORM
        chosen = _pick(professionals, op[1]) if op[2] else None
        s.execute(insert(Inquiry.__table__).values(**INQUIRY, professional_id=chosen))
    elif kind == "reassign" and inquiries:
        inquiry = s.get(Inquiry, _pick(inquiries, op[1]))
        inquiry.professional_id = _pick(professionals, op[2]) if op[3] else None
    elif kind == "bulk_reassign" and inquiries:
        target = _pick(inquiries, op[1])
        s.execute(
            update(Inquiry.__table__)
            .where(Inquiry.id == target)
            .values(professional_id=_pick(professionals, op[2]))
        )
    elif kind == "rename" and professionals:
        s.get(Professional, _pick(professionals, op[1])).name = op[2]
    elif kind == "bulk_rename" and professionals:
        target = _pick(professionals, op[1])
        s.execute(update(Professional.__table__).where(Professional.id == target).values(name=op[2]))
    elif kind == "merge" and len(professionals) > 1:
        keep, other = _pick(professionals, op[1]), _pick(professionals, op[2])
        if keep != other:
            merge_professionals(s, keep, [other])
    elif kind == "delete" and professionals:
        s.delete(s.get(Professional, _pick(professionals, op[1])))
    elif kind == "bulk_delete" and professionals:  # SQLite's SET NULL, after the row is gone
        s.execute(delete(Professional.__table__).where(Professional.id == _pick(professionals, op[1])))
    s.flush()


def _shown(s) -> dict[int, str | None]:
    return {row.id: row.professional_name for row in fetch_page(s, InquiryQuery(), limit=1000).rows}


def _looked_up(s) -> dict[int, str | None]:
    joined = select(Inquiry.id, Professional.name).outerjoin(
        Professional, Professional.id == Inquiry.professional_id
    )
    return {row.id: row.name for row in s.execute(joined)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_the_copy_always_equals_the_professionals_name(vault, ops):
    with vault.session() as s:
        for op in ops:
            _apply(s, op)
        assert professional_names.stale_copies(s.connection()) == 0
        assert _shown(s) == _looked_up(s)


def test_the_property_is_not_vacuous(vault):
    """A copy made, followed through a rename, and cleared when the professional goes."""
    with vault.session() as s:
        _apply(s, ("professional", "Søren Ærø"))
        professional = s.scalars(select(Professional.id).order_by(Professional.id.desc())).first()
        s.add(Inquiry(**INQUIRY, professional_id=professional))
        s.flush()
        inquiry = s.scalars(select(Inquiry.id).order_by(Inquiry.id.desc())).first()
        assert _shown(s)[inquiry] == "Søren Ærø"
        s.get(Professional, professional).name = "Søren Ærø Madsen"
        s.flush()
        assert _shown(s)[inquiry] == "Søren Ærø Madsen"
        s.execute(delete(Professional.__table__).where(Professional.id == professional))
        assert _shown(s)[inquiry] is None
        stored = s.execute(
            text("SELECT professional_name FROM inquiry WHERE id = :i"), {"i": inquiry}
        ).scalar()
        assert stored is None  # the name is gone from the row, not only hidden


def test_an_upgrade_fills_the_copies_and_a_migration_keeps_them(vault_path):
    """Migration 0012 on a vault of 0011: every inquiry gets its professional's name once the
    schema is at the head, the narrow index of 0010 goes; the triggers a migration drops come
    back, and a copy changed while they were gone is corrected."""
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with vault.session() as s:
        for name in ("Søren Ærø", "Anna Hansen"):
            s.add(Professional(name=name))
        s.flush()
        first, second = s.scalars(select(Professional.id).order_by(Professional.id)).all()
        s.add_all([Inquiry(**INQUIRY, professional_id=p) for p in (first, second, first, None)])

    def schema(conn) -> set[str]:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())

    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0011")
        assert "ix_professional_id_name" in schema(conn)
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(inquiry)")}
        assert "professional_name" not in columns
        conn.exec_driver_sql("UPDATE professional SET name = 'Anna Hansen-Berg' WHERE name = 'Anna Hansen'")
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert "ix_professional_id_name" not in schema(conn)
        assert set(professional_names.trigger_sql()) <= schema(conn)
        assert professional_names.stale_copies(conn) == 0
        copies = conn.exec_driver_sql("SELECT professional_name FROM inquiry ORDER BY id").scalars().all()
    assert copies == ["Søren Ærø", "Anna Hansen-Berg", "Søren Ærø", None]
    with vault.engine.begin() as conn:  # a later migration: triggers dropped, then made again
        professional_names.drop_triggers(conn)
        conn.exec_driver_sql("UPDATE professional SET name = 'S. Ærø' WHERE name = 'Søren Ærø'")
        assert professional_names.stale_copies(conn) == 2
        professional_names.ensure(conn)
        assert professional_names.stale_copies(conn) == 0
    vault.lock()


def test_an_upgrade_to_the_heads_number_and_an_unlock_make_the_derived_data_whole(vault_path):
    """db/env.py drops the triggers before any migration: an upgrade named by the head's number
    makes them again as "head" does, and an unlock repairs a vault left without them."""
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with vault.session() as s:
        s.add(Professional(name="Søren Ærø"))
        s.flush()
        s.add(Inquiry(**INQUIRY, professional_id=s.scalar(select(Professional.id))))

    def missing(conn) -> set[str]:
        triggers = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars()
        )
        wanted = set(professional_names.trigger_sql()) | set(month_counts.trigger_sql())
        return wanted - triggers

    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0011")
    with vault.engine.begin() as conn:
        migrate.upgrade(conn, migrate.head_revision())
        assert missing(conn) == set() and professional_names.stale_copies(conn) == 0
        professional_names.drop_triggers(conn)  # as a migration run some other way leaves it
        month_counts.drop_triggers(conn)
        conn.exec_driver_sql("UPDATE professional SET name = 'S. Ærø'")
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened, reopened.engine.connect() as conn:
        assert missing(conn) == set()
        assert professional_names.stale_copies(conn) == 0
