"""The Idempotency-Key header, after the IETF httpapi-idempotency-key draft.

- The key is a Structured Field string (`"…"`); a bare token is accepted too. It is scoped to
  the token that sent it: the record is unique on (token, key).
- A record is inserted *before* the request is processed (`begin`). The unique constraint
  decides races: of two concurrent requests with one key, one inserts, the other finds the
  record.
- Same key, same body (SHA-256), finished: the stored response is replayed (`Replay`).
- Same key, different body: 422 (`KeyReused`). Same key still being processed: 409
  (`InProgress`), and the client retries later.
- The response is written into the record in the same transaction as what the request stored
  (`finish`), so "stored" and "answered" cannot come apart: an answer lost on the way is
  replayed to the retry, and nothing is stored twice.
- A request that stored nothing (refused, or failed) removes its record (`abandon`): a retry is
  processed afresh. A record left `in_progress` by a crashed process is released when the
  service starts (`release_in_progress`, by `serve` before its workers start), else taken over
  after `STALE_AFTER`. Releasing one that another running server is still processing is safe:
  that request's store is idempotent by version, so the retry is answered "duplicate".
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from consultant_app.receiver.db import IdempotencyRecord, utcnow

IN_PROGRESS, DONE = "in_progress", "done"
STALE_AFTER = timedelta(seconds=120)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9._:~+/=-]{8,255}$")


@dataclass(frozen=True)
class Begun:
    record_id: int


@dataclass(frozen=True)
class Replay:
    status: int
    body: str


@dataclass(frozen=True)
class KeyReused:
    pass


@dataclass(frozen=True)
class InProgress:
    pass


def parse_key(header: str | None) -> str | None:
    """The key from the header value, or None when it is missing or malformed."""
    if header is None:
        return None
    value = header.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return value if KEY_PATTERN.match(value) else None


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def begin(
    engine: Engine, token_id: str, key: str, request_hash: str
) -> Begun | Replay | KeyReused | InProgress:
    for _ in range(3):  # a record abandoned between our insert and our read: try again
        now = utcnow()
        try:
            with engine.begin() as conn:
                _no_flush_wait(conn)
                result = conn.execute(
                    insert(IdempotencyRecord).values(
                        token_id=token_id,
                        idempotency_key=key,
                        request_hash=request_hash,
                        state=IN_PROGRESS,
                        started_at=now,
                    )
                )
                inserted = result.inserted_primary_key
                if inserted is None:  # SQLAlchemy gives one for every single-row insert
                    raise RuntimeError("the Idempotency-Key record has no primary key")
                return Begun(inserted[0])
        except IntegrityError:
            pass
        with engine.begin() as conn:
            row = conn.execute(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.token_id == token_id, IdempotencyRecord.idempotency_key == key
                )
            ).one_or_none()
            if row is None:
                continue
            if row.request_hash != request_hash:
                return KeyReused()
            if row.state == DONE:
                return Replay(row.status_code, row.response_body or "")
            if row.started_at < now - STALE_AFTER and _take_over(conn, row.id, row.started_at, now):
                return Begun(row.id)
            return InProgress()
    return InProgress()


def _no_flush_wait(conn: Connection) -> None:
    """PostgreSQL: this transaction's commit does not wait for its WAL to reach the disk.
    Safe for the in-progress marker and its removal only: lost in a crash, the marker is what
    `release_in_progress` removes at the next start anyway, and a lost removal leaves one to
    release. The storing transaction (package and finished record) keeps full durability.
    It saves one disk flush per package."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL synchronous_commit TO OFF"))


def _take_over(conn: Connection, record_id: int, started_at, now) -> bool:
    result = conn.execute(
        update(IdempotencyRecord)
        .where(
            IdempotencyRecord.id == record_id,
            IdempotencyRecord.state == IN_PROGRESS,
            IdempotencyRecord.started_at == started_at,
        )
        .values(started_at=now)
    )
    return result.rowcount == 1


def finish(conn: Connection, record_id: int, status: int, body: str) -> None:
    """In the transaction that stored what the request stores."""
    conn.execute(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.id == record_id)
        .values(state=DONE, status_code=status, response_body=body, finished_at=utcnow())
    )


def abandon(engine: Engine, record_id: int) -> None:
    with engine.begin() as conn:
        _no_flush_wait(conn)
        conn.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.id == record_id, IdempotencyRecord.state == IN_PROGRESS
            )
        )


def release_in_progress(engine: Engine) -> int:
    """Remove every record still `in_progress` (at service start: its process is gone, and
    nothing it did was committed, as the record is finished in the storing transaction)."""
    with engine.begin() as conn:
        return conn.execute(delete(IdempotencyRecord).where(IdempotencyRecord.state == IN_PROGRESS)).rowcount
