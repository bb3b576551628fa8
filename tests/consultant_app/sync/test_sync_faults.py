"""Faults between the laptop and the receiver, one test each: the receiver down, a 500, a
timeout, the answer lost after the receiver committed, the client killed between sending and
marking sent, a duplicate send, a wrong token, a malformed or oversized package; and the
client's manners (Retry-After, 409, cancel, progress). Where the receiver's database decides
(exactly one stored), the test runs on SQLite and PostgreSQL."""

import json
import logging
import socket
import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, insert, select

from consultant_app.cli.main import main as cli_main
from consultant_app.domain import OutboxPackage
from consultant_app.receiver.db import IdempotencyRecord, utcnow
from consultant_app.receiver.idempotency import IN_PROGRESS, body_hash
from consultant_app.storage.vault import Vault
from consultant_app.sync import outbox
from consultant_app.sync import run as sync_run
from consultant_app.sync.client import RetryPolicy, SyncClient
from consultant_app.sync.settings import (
    EndpointError,
    SyncNotConfiguredError,
    save_sync_settings,
    sync_credentials,
)
from tests.consultant_app.receiver.support import LAPTOP_TOKEN, Faults, entry, free_port, stored
from tests.consultant_app.sync.helpers import MONTHS, TODAY, Sleeps, run
from tests.support import PASSPHRASE


def outbox_rows(vault) -> list[OutboxPackage]:
    with vault.session() as session:
        return list(
            session.scalars(select(OutboxPackage).order_by(OutboxPackage.month, OutboxPackage.version))
        )


def queue(vault) -> None:
    with vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)


def months_on(engine) -> list[str]:
    return [month for _, month, _ in stored(engine)]


def test_receiver_down_then_back(sync_vault, receiver):
    engine, transport = receiver
    with sync_vault.session() as session:  # a real port on 127.0.0.1 where nothing listens
        save_sync_settings(session, endpoint=f"http://127.0.0.1:{free_port()}", token=LAPTOP_TOKEN)
    sleeps = Sleeps()
    report = run(sync_vault, sleeps=sleeps)
    assert report.sent == [] and report.pending == 3
    assert "kunne ikke nås (ingen forbindelse)" in str(report.stopped) and "3 pakke(r) venter" in str(
        report.stopped
    )
    assert len(sleeps) == 3  # four attempts, backing off between them; then the run stops
    first = outbox_rows(sync_vault)[0]
    assert (first.state, first.attempts, first.last_error) == ("pending", 4, "ConnectError")
    back = run(sync_vault, transport)  # weeks later: just pending rows
    assert [s.month for s in back.sent] == MONTHS and back.complete
    assert months_on(engine) == MONTHS


def test_a_500_is_retried(sync_vault, receiver):
    engine, transport = receiver
    faults = Faults(transport, ["500", "500"])
    report = run(sync_vault, faults)
    assert [(s.month, s.attempts) for s in report.sent] == [("2026-01", 3), ("2026-02", 1), ("2026-03", 1)]
    assert months_on(engine) == MONTHS


@contextmanager
def silent_server():
    """Accepts connections on 127.0.0.1 and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    held, stop = [], threading.Event()

    def accept():
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        sock.close()


def test_a_timeout_leaves_the_package_pending(sync_vault):
    with silent_server() as port:  # a real socket on 127.0.0.1 that accepts and never answers
        with sync_vault.session() as session:
            save_sync_settings(session, endpoint=f"http://127.0.0.1:{port}", token=LAPTOP_TOKEN)
        report = run(sync_vault, policy=RetryPolicy(attempts=2, first_wait=0.01, timeout=0.3))
    assert "(intet svar i tide)" in str(report.stopped)  # words, not the library's class name
    assert [(r.state, r.attempts) for r in outbox_rows(sync_vault)] == [
        ("pending", 2),
        ("pending", 0),
        ("pending", 0),
    ]


def test_a_timeout_after_the_receiver_committed_stores_once(sync_vault, receiver_both):
    engine, transport = receiver_both
    report = run(sync_vault, Faults(transport, ["timeout", "timeout"]))
    assert [(s.attempts, s.replayed) for s in report.sent] == [(3, True), (1, False), (1, False)]
    assert months_on(engine) == MONTHS


def test_the_answer_lost_after_the_commit_is_replayed_not_stored_twice(sync_vault, receiver_both):
    engine, transport = receiver_both
    faults = Faults(transport, ["lost"])
    report = run(sync_vault, faults)
    assert report.sent[0].replayed and report.sent[0].attempts == 2
    assert faults.bodies[0] == faults.bodies[1]  # the same request, the same key
    assert months_on(engine) == MONTHS
    with engine.connect() as conn:
        assert conn.scalar(select(IdempotencyRecord.state).limit(1)) == "done"


def test_killed_between_sending_and_marking_sent_reuses_the_key_after_a_restart(
    sync_vault, receiver_both, monkeypatch
):
    engine, transport = receiver_both
    real = sync_run.record_result

    def die(*_args):
        raise KeyboardInterrupt  # the process ends right after the receiver's 201

    monkeypatch.setattr(sync_run, "record_result", die)
    with pytest.raises(KeyboardInterrupt):
        run(sync_vault, transport)
    keys = [r.idempotency_key for r in outbox_rows(sync_vault)]
    assert [r.state for r in outbox_rows(sync_vault)] == ["pending"] * 3
    assert months_on(engine) == ["2026-01"]
    sync_vault.lock()
    monkeypatch.setattr(sync_run, "record_result", real)
    with Vault.open(sync_vault.path, PASSPHRASE) as reopened:  # the restart
        report = run(reopened, transport)
        assert [r.idempotency_key for r in outbox_rows(reopened)] == keys
    assert [(s.month, s.replayed) for s in report.sent] == [
        ("2026-01", True),
        ("2026-02", False),
        ("2026-03", False),
    ]
    assert months_on(engine) == MONTHS


def test_a_duplicate_send_stores_nothing_new(sync_vault, receiver_both):
    engine, transport = receiver_both
    run(sync_vault, transport)
    with sync_vault.session() as session:  # as if the marks were lost: everything goes again
        for row in session.scalars(select(OutboxPackage)):
            row.state = "pending"
    again = run(sync_vault, transport)
    assert [s.replayed for s in again.sent] == [True, True, True]
    assert months_on(engine) == MONTHS


def test_a_wrong_token_stops_with_a_clear_danish_message(sync_vault, receiver, capsys, monkeypatch):
    engine, transport = receiver
    with sync_vault.session() as session:
        save_sync_settings(session, endpoint="http://127.0.0.1:9", token="w" * 43)
    report = run(sync_vault, transport)
    assert "afviste adgangsnøglen (401)" in str(report.stopped) and "3 pakke(r) venter" in str(report.stopped)
    assert [r.state for r in outbox_rows(sync_vault)] == ["pending"] * 3 and stored(engine) == []
    # The command line: what was done, then one line on stderr and exit status 1.
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(sync_run, "SyncClient", _client_on(transport))
    sync_vault.lock()
    assert cli_main(["sync", "--vault", str(sync_vault.path), "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["sent"] == [] and "afviste adgangsnøglen (401)" in err
    assert "w" * 43 not in out + err


def _client_on(transport):
    def make(*args, **kw):
        kw["transport"] = transport
        kw["policy"] = RetryPolicy(attempts=2, first_wait=0.01)
        return SyncClient(*args, **kw)

    return make


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (
            lambda d: json.dumps({**d, "notes": "Aya Jensen"}),
            "HTTP 422: the package is not valid; notes: Extra inputs",
        ),
        (
            lambda d: json.dumps(d, indent=300_000 // 1_000),
            "HTTP 413: the package is larger than 262144 bytes",
        ),
    ],
    ids=["malformed", "oversized"],
)
def test_a_malformed_or_oversized_package_is_refused_and_nothing_stored(
    sync_vault, receiver, tamper, expected
):
    engine, transport = receiver
    queue(sync_vault)
    with sync_vault.session() as session:
        row = session.scalar(select(OutboxPackage).where(OutboxPackage.month == "2026-02"))
        row.payload = tamper(json.loads(row.payload))
        assert len(row.payload) > 262144 or "Aya" in row.payload
    report = run(sync_vault, transport, refresh=False)  # (a refresh would replace the broken row)
    assert [(f.month, f.reason[: len(expected)]) for f in report.failed] == [("2026-02", expected)]
    failed = next(r for r in outbox_rows(sync_vault) if r.month == "2026-02")
    assert failed.state == "failed" and "Aya" not in failed.last_error
    assert months_on(engine) == ["2026-01", "2026-03"]  # the others went; nothing of February
    with engine.connect() as conn:
        assert conn.scalar(select(IdempotencyRecord.id).where(IdempotencyRecord.state != "done")) is None


def test_retry_after_is_honoured(sync_vault, receiver):
    _engine, transport = receiver
    sleeps = Sleeps()
    report = run(sync_vault, Faults(transport, ["429"]), sleeps=sleeps)
    assert sleeps[0] >= 3 and report.sent[0].attempts == 2
    with sync_vault.session() as session:  # start again: three packages pending
        session.execute(delete(OutboxPackage))
    stopped = run(sync_vault, Faults(transport, ["429"]), policy=RetryPolicy(max_retry_after=1))
    assert "HTTP 429" in str(stopped.stopped) and stopped.pending == 3


def test_409_in_progress_waits_and_retries(sync_vault, receiver):
    engine, transport = receiver
    queue(sync_vault)
    first = outbox_rows(sync_vault)[0]
    with engine.begin() as conn:  # another request with the same key is being processed
        conn.execute(
            insert(IdempotencyRecord).values(
                token_id=entry(LAPTOP_TOKEN, "x").id,
                idempotency_key=first.idempotency_key,
                request_hash=body_hash(first.payload.encode()),
                state=IN_PROGRESS,
                started_at=utcnow(),
            )
        )

    def other_request_gives_up(seconds: float) -> None:
        waits.append(seconds)
        with engine.begin() as conn:
            conn.execute(delete(IdempotencyRecord).where(IdempotencyRecord.state == IN_PROGRESS))

    waits: list[float] = []
    report = run(sync_vault, transport, sleeps=other_request_gives_up)
    assert waits and waits[0] >= 1  # Retry-After: 1
    assert report.sent[0].attempts == 2 and months_on(engine) == MONTHS


def test_cancel_and_progress(sync_vault, receiver):
    engine, transport = receiver
    cancel, seen = threading.Event(), []

    def progress(p):
        seen.append((p.done, p.total, p.month))
        if p.done == 1:
            cancel.set()  # the user presses "stop" before February goes

    report = run(sync_vault, transport, progress=progress, cancel=cancel)
    assert report.cancelled and [s.month for s in report.sent] == ["2026-01"] and report.pending == 2
    assert seen == [(0, 3, "2026-01"), (1, 3, "2026-02"), (1, 3, None)]
    february = outbox_rows(sync_vault)[1]
    assert (february.state, february.attempts, february.last_error) == ("pending", 0, None)
    assert months_on(engine) == ["2026-01"]


def test_plain_http_is_refused_except_to_loopback():
    with pytest.raises(EndpointError):
        SyncClient("http://siri.example.dk", LAPTOP_TOKEN)
    SyncClient("http://127.0.0.1:8000", LAPTOP_TOKEN).close()


def test_the_client_logs_no_token(sync_vault, receiver, caplog):
    """At DEBUG (what --debug gives). Not sqlalchemy.engine set to DEBUG by hand: that echoes
    every row the vault reads, records included, and is a developer's explicit choice."""
    _engine, transport = receiver
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "consultant_app"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        report = run(sync_vault, Faults(transport, ["500", "lost"]))
    finally:
        for name in ("httpx", "httpcore", "consultant_app"):
            logging.getLogger(name).setLevel(logging.NOTSET)
    assert report.complete and "HTTP Request" in caplog.text and LAPTOP_TOKEN not in caplog.text


def test_an_unconfigured_vault_says_how_to_set_it_up(vault, capsys, monkeypatch):
    with pytest.raises(SyncNotConfiguredError):
        run(vault)
    vault.lock()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    assert cli_main(["sync", "--vault", str(vault.path)]) == 1
    assert "--endpoint" in capsys.readouterr().err


def test_the_command_line_never_takes_the_stored_token_to_another_receiver(sync_vault, capsys, monkeypatch):
    """`sync --endpoint` on another host without `--token-file` is refused in Danish and stores
    nothing: a typed or planted address never receives SIRI's token (the desktop's rule too)."""
    sync_vault.lock()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    assert cli_main(["sync", "--vault", str(sync_vault.path), "--endpoint", "https://andet.example.dk"]) == 1
    assert "giv nøglen igen" in capsys.readouterr().err
    with Vault.open(sync_vault.path, PASSPHRASE) as reopened, reopened.session() as session:
        assert sync_credentials(session).endpoint == "http://127.0.0.1:9"
        assert sync_credentials(session).token == LAPTOP_TOKEN
