"""Reading the audit trail: pages newest first, filters by record, action and period."""

from datetime import UTC, date, datetime

from consultant_app.domain import AuditEvent, Base, Note
from consultant_app.domain.audit import ACTIONS
from consultant_app.services.audit_log import (
    ACTION_LABELS,
    ENTITY_LABELS,
    AuditQuery,
    action_label,
    audit_count,
    audit_page,
    case_code_of,
    entity_label,
    parse_record_id,
    utc_start_of,
)
from consultant_app.storage import audit
from tests.consultant_app.services import people_data as people

# Rows of these tables are audited as a change of their inquiry, or not at all.
NOT_NAMED = {"audit_event", "inquiry_reason", "inquiry_advice", "alembic_version"}


def test_every_table_and_action_has_a_label_in_both_languages():
    tables = set(Base.metadata.tables) - NOT_NAMED
    assert tables <= set(ENTITY_LABELS), f"no label for {sorted(tables - set(ENTITY_LABELS))}"
    assert set(ACTIONS) == set(ACTION_LABELS)
    assert (action_label("view"), action_label("view", "en")) == ("Vist", "Viewed")
    assert (entity_label("follow_up"), entity_label(None), entity_label("mystery")) == (
        "Opfølgning",
        "",
        "mystery",
    )


def test_a_record_id_is_typed_as_a_number_or_a_case_code():
    assert parse_record_id(" 42 ") == 42
    assert parse_record_id("2024-00042") == 42
    for wrong in ("", "0", "-3", "abc", "24-00042", "٤٢"):
        assert parse_record_id(wrong) is None


def _events(vault, rows):
    with vault.session() as s:
        for at, action, entity, entity_id in rows:
            s.add(AuditEvent(at=at, action=action, entity=entity, entity_id=entity_id))


def test_pages_come_newest_first_and_continue_where_the_last_ended(vault):
    _events(vault, [(datetime(2024, 1, 1, 12), "view", "professional", n) for n in range(1, 8)])
    query = AuditQuery(entity="professional")
    with vault.session() as s:
        first = audit_page(s, query, limit=3)
        second = audit_page(s, query, before_id=first[-1].id, limit=3)
        third = audit_page(s, query, before_id=second[-1].id, limit=3)
        total = audit_count(s, query)
    assert [r.entity_id for r in first + second + third] == [7, 6, 5, 4, 3, 2, 1]
    assert total == 7


def test_filters_by_record_action_and_local_period(vault):
    events = [
        (datetime(2024, 3, 1, 23, 30), "view", "professional", 5),  # 2 March in Copenhagen
        (datetime(2024, 3, 2, 8), "update", "professional", 5),
        (datetime(2024, 3, 2, 9), "view", "professional", 6),
        (datetime(2024, 3, 3, 9), "view", "citizen", 5),
        (datetime(2024, 3, 9, 9), "view", "professional", 5),
    ]
    _events(vault, events)
    with vault.session() as s:

        def shown(**kw):
            return [(r.action, r.entity, r.entity_id, r.at.day) for r in audit_page(s, AuditQuery(**kw))]

        assert shown(entity="professional", entity_id=5) == [
            ("view", "professional", 5, 9),
            ("update", "professional", 5, 2),
            ("view", "professional", 5, 1),
        ]
        assert shown(entity_id=5, action="view") == [
            ("view", "professional", 5, 9),
            ("view", "citizen", 5, 3),
            ("view", "professional", 5, 1),
        ]
        assert shown(entity="citizen") == [("view", "citizen", 5, 3)]
        # The local day, whatever the machine's zone: its start and end as stored (UTC).
        start, end = utc_start_of(date(2024, 3, 2)), utc_start_of(date(2024, 3, 3))
        march_2 = audit_page(s, AuditQuery(since=date(2024, 3, 2), until=date(2024, 3, 2)))
        assert sorted(r.at for r in march_2 if r.entity) == sorted(
            e[0] for e in events if start <= e[0] < end
        )
        assert march_2


def test_utc_start_of_a_local_day():
    start = utc_start_of(date(2024, 7, 1))
    local = start.replace(tzinfo=UTC).astimezone()
    assert (local.date(), local.hour, local.minute) == (date(2024, 7, 1), 0, 0)


def test_a_case_is_its_inquiry_and_everything_in_it(vault):
    with vault.session() as s:
        p = people.professional(s, "Anna")
        mine = people.inquiry(s, p.id, received=datetime(2024, 3, 1, 9))
        other = people.inquiry(s, p.id, received=datetime(2024, 3, 2, 9))
        note = Note(inquiry_id=mine.id, text="x")
        s.add_all([note, Note(inquiry_id=other.id, text="y")])
        s.flush()
        audit.record(s, "print", "note", note.id)
        audit.record(s, "view", "inquiry", other.id)
        contact_id = mine.contacts[0].id
    with vault.session() as s:
        rows = audit_page(s, AuditQuery(entity="inquiry", entity_id=mine.id))
        assert (case_code_of(s, mine.id), case_code_of(s, 999)) == (f"2024-{mine.id:05d}", None)
    events = {(r.action, r.entity, r.entity_id) for r in rows}
    assert ("create", "inquiry", mine.id) in events
    assert ("create", "note", note.id) in events
    assert ("print", "note", note.id) in events
    assert ("create", "contact", contact_id) in events
    assert all(r.entity_id != other.id or r.entity != "inquiry" for r in rows)
    assert {r.case_code for r in rows if r.entity == "inquiry"} == {f"2024-{mine.id:05d}"}
