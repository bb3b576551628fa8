"""Attack (#12.1): a token posting a submitter id that another token owns. A fresh token used to
bind itself to whatever its first package claimed, so it could overwrite another laptop's month
with a higher version. Now a submitter id belongs to exactly one token, held by the database;
the refusal stores nothing and leaves the national report as it was. SQLite and PostgreSQL."""

import logging
import threading

import httpx
import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from consultant_app.domain.profile import new_submitter_id
from consultant_app.receiver.app import process_package
from consultant_app.receiver.db import IdempotencyRecord, TokenBinding, utcnow
from consultant_app.receiver.national import national_report
from consultant_app.receiver.tokens import TokenStore, add_token, read_audit, read_entries
from tests.consultant_app.receiver.packages import SUBMITTER_A, SUBMITTER_B, body, package
from tests.consultant_app.receiver.support import (
    LAPTOP_TOKEN,
    OTHER_LAPTOP_TOKEN,
    bridge,
    count_rows,
    entry,
    make_app,
    stored,
)

FRESH_TOKEN = "fresh-token-ddddddddddddddddddddddddddddddddddddddd"


def store_with_fresh() -> TokenStore:
    return TokenStore.of(
        [entry(LAPTOP_TOKEN, "A"), entry(OTHER_LAPTOP_TOKEN, "B"), entry(FRESH_TOKEN, "Ny bærbar")]
    )


def post(client, token: str, p, key: str):
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": key}
    return client.post("/api/v1/packages", content=body(p), headers=headers)


def report(engine) -> dict:
    with engine.begin() as conn:
        return national_report(conn, "2026-01", "2026-06").as_json()


@pytest.mark.parametrize("attacker", [FRESH_TOKEN, OTHER_LAPTOP_TOKEN], ids=["fresh-token", "other-laptop"])
def test_attack_a_token_posting_an_owned_submitter_id_is_403_and_stores_nothing(
    receiver_engine, caplog, attacker
):
    app = make_app(receiver_engine, store_with_fresh())
    with bridge(app) as transport, httpx.Client(transport=transport, base_url="http://t") as client:
        own = package("2026-03", 1, inquiries={"hovedstaden": 3})
        assert post(client, LAPTOP_TOKEN, own, "key-a-000001").status_code == 201
        assert post(client, OTHER_LAPTOP_TOKEN, package(submitter=SUBMITTER_B), "key-b-01").status_code == 201
        before, rows, records = report(receiver_engine), stored(receiver_engine), 2
        caplog.set_level(logging.WARNING, logger="consultant_app.receiver")
        forged = package("2026-03", 9, inquiries={"hovedstaden": 900})  # a higher version: would win
        refused = post(client, attacker, forged, "key-x-000001")
    assert refused.status_code == 403
    assert stored(receiver_engine) == rows and report(receiver_engine) == before
    assert count_rows(receiver_engine, IdempotencyRecord) == records
    attacker_id = entry(attacker, "x").id
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(attacker_id in w for w in warnings), warnings
    assert attacker not in caplog.text and SUBMITTER_A not in caplog.text


def test_the_database_refuses_a_second_token_for_one_submitter(receiver_engine):
    with receiver_engine.begin() as conn:
        conn.execute(insert(TokenBinding).values(token_id="t1", submitter=SUBMITTER_A, bound_at=utcnow()))
    with pytest.raises(IntegrityError), receiver_engine.begin() as conn:
        conn.execute(insert(TokenBinding).values(token_id="t2", submitter=SUBMITTER_A, bound_at=utcnow()))


def test_two_fresh_tokens_racing_for_one_id_leave_exactly_one_owner(receiver_engine):
    tokens = [f"racer-{i}-" + "e" * 40 for i in range(6)]
    store = TokenStore.of([entry(t, f"racer {i}") for i, t in enumerate(tokens)])
    statuses: list[int] = []
    start = threading.Barrier(len(tokens))

    def claim(token: str, i: int) -> None:
        start.wait()
        p = package("2026-03", i + 1, inquiries={"hovedstaden": i})
        response = process_package(receiver_engine, store, store.lookup(token), f"race-key-{i:04d}", body(p))
        statuses.append(response.status_code)

    threads = [threading.Thread(target=claim, args=(t, i)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(statuses) == [201] + [403] * (len(tokens) - 1)
    with receiver_engine.connect() as conn:
        assert len(conn.execute(select(TokenBinding)).all()) == 1
    assert len(stored(receiver_engine)) == 1


def test_a_replacing_token_takes_the_submitter_over_and_the_old_token_is_refused(receiver_engine, tmp_path):
    path = tmp_path / "tokens.json"
    old, old_token = add_token(path, "Aya's bærbare")
    store = TokenStore(path)
    app = make_app(receiver_engine, store)
    with bridge(app) as transport, httpx.Client(transport=transport, base_url="http://t") as client:
        assert post(client, old_token, package(version=1), "key-old-0001").status_code == 201
        new, new_token = add_token(
            path, "Aya's bærbare", submitter=SUBMITTER_A, replace_owner=True, bound_owner=old.id
        )
        assert new.replaces == old.id
        assert post(client, old_token, package(version=2), "key-old-0002").status_code == 401
        second = package(version=2, inquiries={"midtjylland": 1})
        assert post(client, new_token, second, "key-new-0001").status_code == 201
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1), (SUBMITTER_A, "2026-03", 2)]
    with receiver_engine.connect() as conn:
        assert conn.execute(select(TokenBinding.token_id, TokenBinding.submitter)).all() == [
            (new.id, SUBMITTER_A)
        ]
    assert [a["action"] for a in read_audit(path)] == ["add", "revoke", "add"]


def test_a_token_issued_for_an_id_another_live_token_owns_does_not_take_it(receiver_engine, tmp_path):
    path = tmp_path / "tokens.json"
    _, owner_token = add_token(path, "A")
    _, late_token = add_token(path, "Indsat for A", submitter=SUBMITTER_A)  # the owner is still live
    app = make_app(receiver_engine, TokenStore(path))
    with bridge(app) as transport, httpx.Client(transport=transport, base_url="http://t") as client:
        assert post(client, owner_token, package(version=1), "key-own-0001").status_code == 201
        assert post(client, late_token, package(version=2), "key-late-001").status_code == 403
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-03", 1)]


def test_add_token_refuses_an_owned_submitter_id_unless_replace(tmp_path):
    from consultant_app.receiver.tokens import SubmitterOwned

    path = tmp_path / "tokens.json"
    first, _ = add_token(path, "A", submitter=SUBMITTER_A)
    with pytest.raises(SubmitterOwned) as refused:
        add_token(path, "A igen", submitter=SUBMITTER_A)
    assert first.id in str(refused.value) and "--replace" in str(refused.value)
    assert [e.id for e in read_entries(path)] == [first.id]
    second, _ = add_token(path, "A igen", submitter=SUBMITTER_A, replace_owner=True)
    entries = {e.id: e for e in read_entries(path)}
    assert entries[first.id].revoked_at is not None and entries[second.id].live


def test_laptop_submitter_ids_are_random_and_at_least_128_bits():
    ids = {new_submitter_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) * 4 >= 128 and int(i, 16) >= 0 for i in ids)
