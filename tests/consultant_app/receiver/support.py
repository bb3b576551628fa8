"""Shared by the receiver's and the sync's tests: the receiver's database on SQLite and on
PostgreSQL, tokens, the app called in-process from a synchronous httpx client, scripted
faults, and uvicorn serving TLS on 127.0.0.1 in a thread."""

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import anyio.from_thread
import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, func, select, text

from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.db import StoredPackage, make_engine, metadata
from consultant_app.receiver.schema import VERSION_TABLE, migrate
from consultant_app.receiver.tokens import ANALYST, LAPTOP, TokenEntry, TokenStore, hash_token

POSTGRES_ENV = "CONSULTANT_APP_TEST_POSTGRES_URL"
LAPTOP_TOKEN = "laptop-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
OTHER_LAPTOP_TOKEN = "laptop-token-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
ANALYST_TOKEN = "analyst-token-ccccccccccccccccccccccccccccccccccccc"

DATABASES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            not os.environ.get(POSTGRES_ENV),
            reason=f"PostgreSQL variant: set {POSTGRES_ENV} (e.g. postgresql+psycopg://receiver:...@127.0.0.1:5432/receiver_test; .ci/run does)",
        ),
    ),
]


def database_url(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'receiver.db'}"
    return os.environ[POSTGRES_ENV]


def fresh_engine(url: str) -> Engine:
    """An engine on the receiver's tables, empty and of today's schema (PostgreSQL: one
    database for every test, so whatever an earlier test or run left there goes first)."""
    engine = make_engine(url)
    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
    migrate(engine)
    return engine


@pytest.fixture(params=DATABASES)
def receiver_engine(request, tmp_path) -> Iterator[Engine]:
    engine = fresh_engine(database_url(request.param, tmp_path))
    yield engine
    engine.dispose()


def entry(token: str, name: str, kind: str = LAPTOP, submitter: str | None = None) -> TokenEntry:
    return TokenEntry(
        id=hash_token(token)[:16],
        name=name,
        kind=kind,
        sha256=hash_token(token),
        created_at="2026-01-01T00:00:00+00:00",
        submitter=submitter,
    )


def token_store() -> TokenStore:
    return TokenStore.of(
        [
            entry(LAPTOP_TOKEN, "Laptop A"),
            entry(OTHER_LAPTOP_TOKEN, "Laptop B"),
            entry(ANALYST_TOKEN, "Analytiker", ANALYST),
        ]
    )


def make_app(engine: Engine, tokens: TokenStore | None = None, **settings):
    return create_app(ReceiverSettings(**settings), engine=engine, tokens=tokens or token_store())


def stored(engine: Engine) -> list[tuple[str, str, int]]:
    with engine.connect() as conn:
        rows = conn.execute(select(StoredPackage.submitter, StoredPackage.month, StoredPackage.version))
        return sorted(tuple(r) for r in rows)


def count_rows(engine: Engine, table) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def dump_tables(engine: Engine) -> str:
    """Every row of every receiver table, as text (for looking for what must not be there)."""
    parts = []
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            parts += [repr(tuple(row)) for row in conn.execute(text(f'SELECT * FROM "{table.name}"'))]
    return "\n".join(parts)


class ASGIBridge(httpx.BaseTransport):
    """The app, called from a synchronous httpx client: one event loop in a portal thread for
    the bridge's life. `close` (called by every client that used it) keeps it; `shutdown` ends it."""

    def __init__(self, app) -> None:
        self._cm = anyio.from_thread.start_blocking_portal()
        self._portal = self._cm.__enter__()
        self._asgi = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=("127.0.0.1", 40000))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def call():
            forwarded = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            response = await self._asgi.handle_async_request(forwarded)
            return response.status_code, list(response.headers.raw), await response.aread()

        status, headers, content = self._portal.call(call)
        return httpx.Response(status, headers=headers, content=content, request=request)

    def close(self) -> None:
        pass

    def shutdown(self) -> None:
        self._cm.__exit__(None, None, None)


@dataclass
class Faults(httpx.BaseTransport):
    """Scripted faults in front of a transport, one per request (then 'ok'):
    down     no connection (the request never reaches the receiver);
    500      the receiver fails before doing anything;
    429      too many requests, Retry-After: 3;
    timeout  the receiver gets the request and commits, the client times out waiting;
    lost     the receiver commits, the answer is lost on the way back."""

    inner: httpx.BaseTransport
    schedule: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.schedule.pop(0) if self.schedule else "ok"
        self.seen.append(fault)
        self.bodies.append(request.read())
        if fault == "down":
            raise httpx.ConnectError("connection refused", request=request)
        if fault == "500":
            return httpx.Response(500, json={"error": "internal error"}, request=request)
        if fault == "429":
            return httpx.Response(
                429, json={"error": "slow down"}, headers={"Retry-After": "3"}, request=request
            )
        response = self.inner.handle_request(request)
        if fault == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if fault == "lost":
            raise httpx.RemoteProtocolError("connection closed", request=request)
        return response

    def close(self) -> None:
        pass


@contextmanager
def bridge(app) -> Iterator[ASGIBridge]:
    b = ASGIBridge(app)
    try:
        yield b
    finally:
        b.shutdown()


@contextmanager
def serve_in_thread(app, *, certfile: str | None = None, keyfile: str | None = None) -> Iterator[int]:
    """uvicorn on 127.0.0.1, an ephemeral port (bound here first: no race), in a thread."""
    # proto=IPPROTO_TCP: asyncio then sets TCP_NODELAY on accepted connections (with proto 0 it
    # does not, and Nagle with delayed ACKs costs 40 ms a request).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, ssl_certfile=certfile, ssl_keyfile=keyfile, log_level="warning", lifespan="off", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
