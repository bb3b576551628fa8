"""#16.1: tokens for their whole life: add (and the add-token alias), list without secrets,
revoke (refused at once by a service that keeps running), rotate; every change audited with
who ran it, in the same write as the change."""

import getpass
import json

import httpx

from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.cli import main
from consultant_app.receiver.token_usage import forget_touches
from consultant_app.receiver.tokens import hash_token, read_audit, read_entries
from tests.consultant_app.receiver.packages import SUBMITTER_A, body, package
from tests.consultant_app.receiver.support import database_url, fresh_engine, serve_in_thread, stored


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_list_revoke_rotate_and_the_audit(tmp_path, capsys):
    tokens = str(tmp_path / "tokens.json")
    status, out, _ = run(capsys, "tokens", "add", "--tokens", tokens, "--submitter-name", "Aya, Aarhus")
    assert status == 0
    aya_token = out.splitlines()[-1]
    status, out, _ = run(capsys, "add-token", "--tokens", tokens, "--submitter-name", "SIRI", "--analyst")
    analyst_token = out.splitlines()[-1]
    aya, analyst = read_entries(tmp_path / "tokens.json")

    status, out, _ = run(capsys, "tokens", "list", "--tokens", tokens, "--json")
    listed = json.loads(out)["tokens"]
    assert [(t["id"], t["name"], t["kind"]) for t in listed] == [
        (aya.id, "Aya, Aarhus", "laptop"),
        (analyst.id, "SIRI", "analyst"),
    ]
    assert set(listed[0]) >= {"id", "name", "kind", "submitter", "created_at", "last_used", "revoked_at"}
    status, table, _ = run(capsys, "tokens", "list", "--tokens", tokens)
    assert table.splitlines()[0].split()[:3] == ["id", "navn", "type"] and "aktiv" in table
    for secret in (aya_token, analyst_token, hash_token(aya_token), hash_token(analyst_token)):
        assert secret not in out and secret not in table

    status, out, _ = run(capsys, "tokens", "rotate", "--tokens", tokens, aya.id)
    assert status == 0 and aya.id in out
    rotated = read_entries(tmp_path / "tokens.json")[-1]
    assert (rotated.name, rotated.kind, rotated.replaces) == ("Aya, Aarhus", "laptop", aya.id)
    status, out, _ = run(capsys, "tokens", "revoke", "--tokens", tokens, analyst.id)
    assert status == 0 and "tilbagekaldt" in out
    status, _, err = run(capsys, "tokens", "revoke", "--tokens", tokens, analyst.id)
    assert status == 1 and "allerede tilbagekaldt" in err
    status, _, err = run(capsys, "tokens", "revoke", "--tokens", tokens, "nosuchid")
    assert status == 1 and "nosuchid" in err

    audit = read_audit(tmp_path / "tokens.json")
    assert [(a["action"], a["token_id"]) for a in audit] == [
        ("add", aya.id),
        ("add", analyst.id),
        ("revoke", aya.id),
        ("rotate", rotated.id),
        ("revoke", analyst.id),
    ]
    assert all(a["by"].startswith(getpass.getuser() + "@") and a["at"] for a in audit)


def test_a_revoked_token_is_refused_by_the_running_service(tmp_path, capsys):
    tokens = tmp_path / "tokens.json"
    url = database_url("sqlite", tmp_path)
    engine = fresh_engine(url)
    secret = run(capsys, "tokens", "add", "--tokens", str(tokens), "--submitter-name", "Aya")[1].splitlines()[
        -1
    ]
    live = read_entries(tokens)[0]
    app = create_app(ReceiverSettings(tokens_file=tokens), engine=engine)
    forget_touches()
    with serve_in_thread(app) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:

        def send(version: int) -> int:
            headers = {"Authorization": f"Bearer {secret}", "Idempotency-Key": f"revoke-key-{version:04d}"}
            return client.post(
                "/api/v1/packages", content=body(package(version=version)), headers=headers
            ).status_code

        assert send(1) == 201
        out = run(capsys, "tokens", "list", "--tokens", str(tokens), "--json", "--db", url)[1]
        shown = {t["id"]: t for t in json.loads(out)["tokens"]}[live.id]
        assert shown["submitter"] == SUBMITTER_A and shown["last_used"] is not None
        assert run(capsys, "tokens", "revoke", "--tokens", str(tokens), live.id)[0] == 0
        refused = send(2)
    assert refused == 401
    assert stored(engine) == [(SUBMITTER_A, "2026-03", 1)]
