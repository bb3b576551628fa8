"""The receiving API: tokens, the Idempotency-Key rules, strict validation, sizes, submitters.
Every test runs on SQLite and on PostgreSQL (the `receiver_engine` fixture)."""

import json
import logging
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import insert, select

from consultant_app.receiver.db import IdempotencyRecord, StoredPackage, TokenBinding, utcnow
from consultant_app.receiver.idempotency import IN_PROGRESS, parse_key
from tests.consultant_app.receiver.packages import SUBMITTER_A, SUBMITTER_B, body, package
from tests.consultant_app.receiver.support import (
    ANALYST_TOKEN,
    LAPTOP_TOKEN,
    OTHER_LAPTOP_TOKEN,
    bridge,
    count_rows,
    entry,
    make_app,
    stored,
)

KEY = "5f0c6c1e-8d0b-4a43-9a53-3f6f0e7b8c21"


@pytest.fixture
def api(receiver_engine):
    with (
        bridge(make_app(receiver_engine)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        yield client


def post(api, content: bytes, key: str | None = KEY, token: str | None = LAPTOP_TOKEN, **headers):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if key is not None:
        headers["Idempotency-Key"] = f'"{key}"'
    return api.post("/api/v1/packages", content=content, headers=headers)


def test_a_package_is_stored_and_a_retry_is_answered_from_the_record(api, receiver_engine):
    first = post(api, body(package()))
    assert first.status_code == 201
    assert first.json() == {"outcome": "stored", "submitter": SUBMITTER_A, "month": "2026-03", "version": 1}
    again = post(api, body(package()))
    assert (again.status_code, again.content) == (201, first.content)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1)]


def test_the_same_key_with_another_body_is_refused(api, receiver_engine):
    assert post(api, body(package())).status_code == 201
    other = post(api, body(package(inquiries={"hovedstaden": 2})))
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["error"]
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1)]


def test_the_same_version_under_a_new_key_is_a_duplicate_and_other_counts_a_conflict(api, receiver_engine):
    assert post(api, body(package()), key="k-0000000001").status_code == 201
    duplicate = post(api, body(package()), key="k-0000000002")
    assert (duplicate.status_code, duplicate.json()["outcome"]) == (200, "duplicate")
    conflict = post(api, body(package(inquiries={"syddanmark": 1})), key="k-0000000003")
    assert conflict.status_code == 422
    assert "already stored with other counts" in conflict.json()["error"]
    newer = post(api, body(package(version=2, inquiries={"syddanmark": 1})), key="k-0000000004")
    assert newer.status_code == 201
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1), (SUBMITTER_A, "2026-03", 2)]


def test_a_key_still_in_progress_gets_409_and_a_stale_one_is_taken_over(api, receiver_engine):
    token_id = entry(LAPTOP_TOKEN, "x").id
    payload = body(package())
    from consultant_app.receiver.idempotency import body_hash

    with receiver_engine.begin() as conn:
        conn.execute(
            insert(IdempotencyRecord).values(
                token_id=token_id,
                idempotency_key=KEY,
                request_hash=body_hash(payload),
                state=IN_PROGRESS,
                started_at=utcnow(),
            )
        )
    busy = post(api, payload)
    assert busy.status_code == 409 and busy.headers["Retry-After"] == "1"
    assert stored(receiver_engine) == []
    with receiver_engine.begin() as conn:  # the process handling it died long ago
        conn.execute(IdempotencyRecord.__table__.update().values(started_at=utcnow() - timedelta(hours=1)))
    assert post(api, payload).status_code == 201
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1)]


@pytest.mark.parametrize(
    ("token", "status"),
    [(None, 401), ("not-a-known-token-xxxxxxxxxxxxxxxxxxxx", 401), (ANALYST_TOKEN, 403)],
)
def test_tokens(api, receiver_engine, token, status):
    response = post(api, body(package()), token=token)
    assert response.status_code == status
    if status == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert stored(receiver_engine) == [] and count_rows(receiver_engine, IdempotencyRecord) == 0


def test_a_token_belongs_to_the_submitter_of_its_first_package(api, receiver_engine):
    assert post(api, body(package()), key="k-0000000001").status_code == 201
    other = post(api, body(package(submitter=SUBMITTER_B)), key="k-0000000002")
    assert other.status_code == 403
    assert (
        post(
            api, body(package(submitter=SUBMITTER_B)), key="k-0000000003", token=OTHER_LAPTOP_TOKEN
        ).status_code
        == 201
    )
    with receiver_engine.connect() as conn:
        bindings = dict(conn.execute(select(TokenBinding.token_id, TokenBinding.submitter)).all())
    assert sorted(bindings.values()) == [SUBMITTER_A, SUBMITTER_B]
    assert count_rows(receiver_engine, IdempotencyRecord) == 2  # the refused one left none


@pytest.mark.parametrize("key", [None, "short", "with space inside", "x" * 300])
def test_an_unusable_idempotency_key_is_400(api, receiver_engine, key):
    headers = {"Authorization": f"Bearer {LAPTOP_TOKEN}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    assert api.post("/api/v1/packages", content=body(package()), headers=headers).status_code == 400
    assert stored(receiver_engine) == []


def test_keys_are_structured_field_strings_or_bare():
    assert parse_key('"abc-12345678"') == parse_key("abc-12345678") == "abc-12345678"
    assert parse_key('"ab"') is None


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: {**d, "notes": "Aya Jensen"}, "notes: Extra inputs are not permitted"),
        (lambda d: {**d, "Aya Jensen": 1}, "?: Extra inputs are not permitted"),
        (lambda d: {**d, "month": "2026-03-14"}, "month: String should match pattern"),
        (lambda d: {**d, "submitter": "Aya Jensen"}, "submitter: String should match pattern"),
        (lambda d: {**d, "version": "1"}, "version: Input should be a valid integer"),
        (lambda d: {**d, "team": "narnia"}, "team: Value error, unknown team"),
        (lambda d: _set(d, ["regions", "hovedstaden", "inquiries"], -1), "regions.hovedstaden.inquiries"),
        (
            lambda d: _set(d, ["regions", "hovedstaden", "by_channel", "Aya Jensen"], 1),
            "regions.hovedstaden.by_channel",
        ),
    ],
)
def test_an_invalid_package_is_422_with_the_place_and_rule_never_the_value(
    api, receiver_engine, mutate, where
):
    data = mutate(package().as_json())
    response = post(api, json.dumps(data).encode())
    assert response.status_code == 422
    answer = response.json()
    assert answer["error"] == "the package is not valid"
    assert any(p.startswith(where) for p in answer["problems"]), answer
    assert "Aya" not in response.text
    assert stored(receiver_engine) == [] and count_rows(receiver_engine, IdempotencyRecord) == 0


def test_not_json_is_422(api, receiver_engine):
    response = post(api, b"{not json at all: Aya Jensen")
    assert response.status_code == 422 and response.json()["problems"] == ["-: Invalid JSON"]
    assert stored(receiver_engine) == []


def test_an_oversized_body_is_413_before_it_is_parsed(api, receiver_engine):
    big = b"x" * (256 * 1024 + 1)  # not even JSON: the size decides first
    assert post(api, big).status_code == 413

    def chunks():  # no declared length: counted while reading
        for _ in range(300):
            yield b"y" * 1024

    assert post(api, chunks()).status_code == 413
    assert stored(receiver_engine) == [] and count_rows(receiver_engine, IdempotencyRecord) == 0


def test_health(api):
    assert api.get("/api/v1/health").json()["status"] == "ok"


def _set(data: dict, path: list[str], value) -> dict:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def test_every_version_is_kept(api, receiver_engine):
    for version in (1, 2, 3):
        p = package(version=version, inquiries={"hovedstaden": version})
        assert post(api, body(p), key=f"key-000000{version}").status_code == 201
    with receiver_engine.connect() as conn:
        versions = conn.scalars(select(StoredPackage.version).order_by(StoredPackage.version)).all()
    assert versions == [1, 2, 3]


def test_the_receiver_logs_no_body_and_no_token(api, receiver_engine, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy.engine", "consultant_app", "uvicorn", "fastapi", "httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        post(api, body(package(inquiries={"hovedstaden": 4321})), key="k-0000000001")
        post(api, json.dumps({**package().as_json(), "notes": "Aya Jensen"}).encode(), key="k-0000000002")
        post(api, body(package()), key="k-0000000003", token="Kanarie-token-xxxxxxxxxxxxxxxxxxxxxxxx")
    finally:
        for name in ("sqlalchemy.engine", "consultant_app", "uvicorn", "fastapi", "httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.NOTSET)
    assert "package" in caplog.text  # it did log, at DEBUG
    for secret in ("4321", "Aya", "Kanarie", LAPTOP_TOKEN, "by_inquirer_type"):
        assert secret not in caplog.text
