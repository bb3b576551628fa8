"""The outbox: a package and its key in one transaction; a new version only when a month's
counts change; replaced, sent and failed states; the sync settings and their rules."""

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from consultant_app.counts.package import Package, build_package
from consultant_app.domain import OutboxPackage, SyncSettings
from consultant_app.storage import migrate
from consultant_app.sync import outbox
from consultant_app.sync.settings import (
    EndpointError,
    TokenError,
    check_endpoint,
    read_token_file,
    save_sync_settings,
    sync_credentials,
    sync_settings,
)
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.sync.helpers import MONTHS, TODAY


def rows(vault) -> list[tuple[str, int, str]]:
    with vault.session() as session:
        found = session.scalars(select(OutboxPackage).order_by(OutboxPackage.month, OutboxPackage.version))
        return [(r.month, r.version, r.state) for r in found]


def test_refresh_queues_every_month_with_data_up_to_the_last_complete_one(sync_vault):
    with sync_vault.session() as session:
        queued = outbox.refresh_outbox(session, today=TODAY)
        assert [(q.month, q.version) for q in queued] == [(m, 1) for m in MONTHS]
        for row in session.scalars(select(OutboxPackage)):
            assert uuid.UUID(row.idempotency_key).version == 4
            package = Package.from_json(row.payload)
            assert package.same_counts(build_package(session, row.month))
            assert (row.state, row.attempts, row.sent_at) == ("pending", 0, None)
    with sync_vault.session() as session:
        assert outbox.refresh_outbox(session, today=TODAY) == []  # nothing changed
    with sync_vault.session() as session:  # a month later, April is complete too: its zeros go
        assert [q.month for q in outbox.refresh_outbox(session, today=date(2026, 5, 2))] == ["2026-04"]


def test_the_package_and_its_key_are_one_transaction(sync_vault):
    with pytest.raises(RuntimeError), sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
        assert len(outbox.pending_packages(session)) == 3
        raise RuntimeError("the program dies before the commit")
    assert rows(sync_vault) == []


def test_a_late_registration_queues_a_new_version_and_replaces_the_unsent_one(sync_vault):
    with sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
        january = session.scalar(select(OutboxPackage.id).where(OutboxPackage.month == "2026-01"))
        outbox.mark_sent(session, january, attempts=1)
    with sync_vault.session() as session:  # registered late, in January and February
        add_records(session, [Record(datetime(2026, 1, 20, 9)), Record(datetime(2026, 2, 2, 9))])
    with sync_vault.session() as session:
        queued = outbox.refresh_outbox(session, today=TODAY)
    assert [(q.month, q.version) for q in queued] == [("2026-01", 2), ("2026-02", 2)]
    assert rows(sync_vault) == [
        ("2026-01", 1, "sent"),  # delivered: it stays what it was
        ("2026-01", 2, "pending"),
        ("2026-02", 1, "replaced"),  # never sent: superseded
        ("2026-02", 2, "pending"),
        ("2026-03", 1, "pending"),
    ]
    with sync_vault.session() as session:
        v2 = Package.from_json(
            session.scalar(select(OutboxPackage.payload).where(OutboxPackage.version == 2))
        )
    assert v2.regions["midtjylland"].inquiries == 1


def test_a_version_tried_without_an_answer_is_still_sent_not_replaced(sync_vault):
    with sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
        march = session.scalar(select(OutboxPackage.id).where(OutboxPackage.month == "2026-03"))
        outbox.note_attempts(session, march, 3, "ReadTimeout")  # it may be at the receiver
    with sync_vault.session() as session:
        add_records(session, [Record(datetime(2026, 3, 2, 9))])
    with sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
    assert rows(sync_vault)[-2:] == [("2026-03", 1, "pending"), ("2026-03", 2, "pending")]


def test_given_months_only_and_never_an_incomplete_one(sync_vault):
    with sync_vault.session() as session:
        assert [q.month for q in outbox.refresh_outbox(session, ["2026-02"], today=TODAY)] == ["2026-02"]
        with pytest.raises(outbox.IncompleteMonthError):
            outbox.refresh_outbox(session, ["2026-04"], today=TODAY)


def test_a_refused_package_can_be_sent_again_with_a_new_key(sync_vault):
    with sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
        first = outbox.pending_packages(session)[0]
        outbox.mark_failed(session, first.id, 1, "HTTP 422: the package is not valid")
    with sync_vault.session() as session:
        assert [(q.month, q.version) for q in outbox.requeue_failed(session)] == [("2026-01", 1)]
        again = outbox.pending_packages(session)[0]
    assert again.id == first.id and again.idempotency_key != first.idempotency_key


def test_an_empty_vault_has_nothing_to_send(vault):
    with vault.session() as session:
        assert outbox.refresh_outbox(session, today=TODAY) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://siri.example.dk",
        "https://siri.example.dk:8443/modtager/",
        "http://127.0.0.1:8000",
        "http://[::1]:80",
        "http://localhost",
    ],
)
def test_endpoints_that_are_accepted(url):
    assert check_endpoint(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://siri.example.dk",
        "http://10.0.0.1",
        "ftp://siri.example.dk",
        "https://user:pw@siri.example.dk",
        "https://siri.example.dk/?x=1",
        "siri.example.dk",
        "",
    ],
)
def test_endpoints_that_are_refused(url):
    with pytest.raises(EndpointError):
        check_endpoint(url)


def test_settings_keep_the_token_in_the_vault_and_never_show_it(vault, tmp_path):
    token = "t" * 43
    token_file = tmp_path / "token.txt"
    token_file.write_text(f"\n{token}\n", encoding="utf-8")
    with vault.session() as session:
        view = save_sync_settings(
            session, endpoint="https://siri.example.dk/", token=read_token_file(token_file)
        )
        assert (view.endpoint, view.has_token) == ("https://siri.example.dk", True)
        assert token not in repr(view) and token not in repr(sync_credentials(session))
        assert sync_credentials(session).token == token
        save_sync_settings(session, endpoint="https://siri.example.dk/v2")  # the same receiver: kept
        assert sync_settings(session).has_token
        # Another host must come with the token again: SIRI's token never goes to it by itself.
        with pytest.raises(TokenError):
            save_sync_settings(session, endpoint="https://other.example.dk")
        assert sync_settings(session).endpoint == "https://siri.example.dk/v2"
    (tmp_path / "bad.txt").write_text("not a token", encoding="utf-8")
    with pytest.raises(TokenError):
        read_token_file(tmp_path / "bad.txt")
    assert not vault.path.read_bytes().count(token.encode())  # encrypted at rest


def test_migration_0004_adds_the_settings_table(vault):
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0003")
        assert (
            conn.execute(text("SELECT name FROM sqlite_master WHERE name = 'sync_settings'")).first() is None
        )
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
    with vault.session() as session:
        session.add(SyncSettings(endpoint="https://siri.example.dk"))
