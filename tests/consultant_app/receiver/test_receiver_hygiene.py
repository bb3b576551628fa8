"""Receiver hygiene (#12.10): access lines never carry a query string (or a token, or a body),
and an Idempotency-Key record left "in progress" by a crash is released when the service
starts, instead of answering the laptop's retries with 409 for two minutes."""

import logging

import httpx
import pytest
from sqlalchemy import insert

from consultant_app.receiver import cli
from consultant_app.receiver.db import IdempotencyRecord, utcnow
from consultant_app.receiver.idempotency import IN_PROGRESS, body_hash
from consultant_app.receiver.observe import ACCESS_LOGGER
from consultant_app.receiver.tokens import add_token
from tests.consultant_app.receiver.packages import body, package
from tests.consultant_app.receiver.support import (
    ANALYST_TOKEN,
    LAPTOP_TOKEN,
    bridge,
    count_rows,
    database_url,
    entry,
    fresh_engine,
    make_app,
    stored,
)


def test_attack_access_lines_carry_no_query_string_token_or_body(receiver_engine, caplog):
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    with (
        bridge(make_app(receiver_engine)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        report = client.get(
            "/api/v1/reports/national?from=2026-01&to=2026-03&Kanarie=Aya+Jensen",
            headers={"Authorization": f"Bearer {ANALYST_TOKEN}", "X-Request-ID": "proxy-id-12345678"},
        )
        posted = client.post(
            "/api/v1/packages?note=Kanarie",
            content=body(package(inquiries={"hovedstaden": 4321})),
            headers={"Authorization": f"Bearer {LAPTOP_TOKEN}", "Idempotency-Key": "hygiene-0001"},
        )
    assert report.status_code == 200 and posted.status_code == 201
    assert report.headers["X-Request-ID"] == "proxy-id-12345678"  # a proxy's id follows through
    assert len(posted.headers["X-Request-ID"]) == 16
    lines = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [r.getMessage().split()[:3] for r in lines] == [
        ["GET", "/api/v1/reports/national", "200"],
        ["POST", "/api/v1/packages", "201"],
    ]
    assert [r.token_id for r in lines] == [entry(ANALYST_TOKEN, "").id, entry(LAPTOP_TOKEN, "").id]
    assert lines[0].request_id == "proxy-id-12345678"
    for secret in ("?", "Kanarie", "Aya", "2026-01", ANALYST_TOKEN, LAPTOP_TOKEN, "4321"):
        assert secret not in caplog.text


def test_the_service_releases_a_record_left_in_progress_at_start(tmp_path, monkeypatch, capsys):
    url = database_url("sqlite", tmp_path)
    tokens = tmp_path / "tokens.json"
    laptop, token = add_token(tokens, "Laptop")
    engine = fresh_engine(url)
    payload = body(package())
    with engine.begin() as conn:  # a crash between the record and the answer
        conn.execute(
            insert(IdempotencyRecord).values(
                token_id=laptop.id,
                idempotency_key="crashed-key-0001",
                request_hash=body_hash(payload),
                state=IN_PROGRESS,
                started_at=utcnow(),
            )
        )
    started = {}

    def fake_run(app, **options):  # the service starts: answer the laptop's retry, then stop
        started.update(options)
        with bridge(app) as transport, httpx.Client(transport=transport, base_url="http://t") as client:
            retry = client.post(
                "/api/v1/packages",
                content=payload,
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "crashed-key-0001"},
            )
        started["retry"] = retry.status_code

    monkeypatch.setattr("uvicorn.run", fake_run)
    assert cli.main(["serve", "--db", url, "--tokens", str(tokens)]) == 0
    assert started["retry"] == 201  # not 409 for STALE_AFTER
    assert started["access_log"] is False  # uvicorn's own line would hold the query string
    assert stored(engine) == [("a" * 32, "2026-03", 1)]
    assert count_rows(engine, IdempotencyRecord) == 1


@pytest.mark.parametrize("header", ["short", "has space in it", "x" * 80, "ünïcode-id-123"])
def test_an_unusable_request_id_is_replaced(receiver_engine, header):
    with (
        bridge(make_app(receiver_engine)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        answer = client.get("/api/v1/health", headers={"X-Request-ID": header.encode()})
    assert answer.headers["X-Request-ID"] != header and len(answer.headers["X-Request-ID"]) == 16
