"""`consultant-app-receiver`: add-token (shown once, hash only), report national, import of
package files with the API's rules, and serve's refusal to listen unencrypted off loopback."""

import json
import os
import stat

import pytest

from consultant_app.receiver import ingest
from consultant_app.receiver.cli import main
from consultant_app.receiver.db import make_engine
from consultant_app.receiver.national import national_report
from consultant_app.receiver.tokens import ANALYST, LAPTOP, TokenStore, hash_token, read_entries
from tests.consultant_app.receiver.packages import SUBMITTER_A, package
from tests.consultant_app.receiver.support import database_url, fresh_engine, stored


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_token_prints_it_once_alone_on_the_last_line_and_stores_only_its_hash(tmp_path, capsys):
    tokens = tmp_path / "tokens.json"
    status, out, _ = run(
        capsys, "add-token", "--tokens", str(tokens), "--submitter-name", "Aya Jensen, Aarhus"
    )
    assert status == 0
    token = out.splitlines()[-1]
    assert token == token.strip() and len(token) >= 43
    content = tokens.read_text(encoding="utf-8")
    assert token not in content and hash_token(token) in content
    assert stat.S_IMODE(os.stat(tokens).st_mode) == 0o600
    store = TokenStore(tokens)
    assert store.lookup(token).kind == LAPTOP
    assert store.lookup(token + "x") is None and store.lookup("") is None

    status, out, _ = run(
        capsys, "add-token", "--tokens", str(tokens), "--submitter-name", "SIRI analyse", "--analyst"
    )
    analyst = out.splitlines()[-1]
    assert store.lookup(analyst).kind == ANALYST  # the running service sees the new token at once
    assert [e.name for e in read_entries(tokens)] == ["Aya Jensen, Aarhus", "SIRI analyse"]


def test_a_token_can_be_bound_to_a_submitter_in_advance(tmp_path, capsys):
    tokens = tmp_path / "tokens.json"
    run(capsys, "add-token", "--tokens", str(tokens), "--submitter-name", "B", "--submitter-id", SUBMITTER_A)
    assert read_entries(tokens)[0].submitter == SUBMITTER_A
    status, _, err = run(
        capsys, "add-token", "--tokens", str(tokens), "--submitter-name", "C", "--submitter-id", "Aya"
    )
    assert status == 1 and "submitter-id" in err


def test_import_uses_the_same_rules_as_the_api(tmp_path, capsys):
    url = database_url("sqlite", tmp_path)
    files = {}
    for name, p in {
        "a.json": package("2026-03", 1),
        "b.json": package("2026-03", 2, inquiries={"sjaelland": 3}),
        "conflict.json": package("2026-03", 1, inquiries={"sjaelland": 1}),
    }.items():
        files[name] = tmp_path / name
        files[name].write_text(p.to_json(), encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"schema": 1, "notes": "Aya"}', encoding="utf-8")
    assert run(capsys, "migrate", "--db", url)[0] == 0

    status, out, _ = run(capsys, "import", "--db", url, str(files["a.json"]), str(files["b.json"]), "--json")
    assert status == 0
    assert [r["outcome"] for r in json.loads(out)] == ["stored", "stored"]
    status, out, err = run(
        capsys,
        "import",
        "--db",
        url,
        str(files["a.json"]),
        str(files["conflict.json"]),
        str(tmp_path / "bad.json"),
    )
    assert status == 1 and "2 fil(er) blev afvist" in err
    lines = out.splitlines()
    assert "findes allerede" in lines[0]
    assert "afvist" in lines[1] and "other counts" in lines[1]
    assert "afvist" in lines[2] and "Aya" not in lines[2]
    assert stored(make_engine(url)) == [(SUBMITTER_A, "2026-03", 1), (SUBMITTER_A, "2026-03", 2)]


def test_report_national(tmp_path, capsys):
    url = database_url("sqlite", tmp_path)
    engine = fresh_engine(url)
    with engine.begin() as conn:
        ingest.store(conn, package("2026-03", 1, inquiries={"hovedstaden": 12}), source="file")
        expected = national_report(conn, "2026-01", "2026-06").as_json()
    status, out, _ = run(capsys, "report", "national", "--db", url, "--from", "2026-01", "--to", "2026-06")
    assert status == 0 and json.loads(out) == expected
    status, out, _ = run(
        capsys,
        "report",
        "national",
        "--db",
        url,
        "--from",
        "2026-01",
        "--to",
        "2026-06",
        "-o",
        str(tmp_path / "n.xlsx"),
    )
    assert status == 0 and (tmp_path / "n.xlsx").read_bytes()[:2] == b"PK"
    status, _, err = run(
        capsys, "report", "national", "--db", url, "--from", "2026-01", "--to", "2026-06", "--format", "pdf"
    )
    assert status == 1 and "-o" in err
    status, _, err = run(capsys, "report", "national", "--db", url, "--from", "2026-13", "--to", "2026-06")
    assert status == 1 and "2026-13" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["--host", "0.0.0.0"], "TLS"), (["--tls-cert", "c.pem"], "--tls-key")],  # noqa: S104
)
def test_serve_refuses_to_listen_unencrypted_off_loopback(tmp_path, capsys, extra, message):
    status, _, err = run(
        capsys,
        "serve",
        "--db",
        database_url("sqlite", tmp_path),
        "--tokens",
        str(tmp_path / "t.json"),
        *extra,
    )
    assert status == 1 and message in err


def test_add_token_for_an_owned_submitter_id_refuses_unless_replace(tmp_path, capsys):
    """#12.1: the owner may be a token issued for the id, or one the database bound it to."""
    from sqlalchemy import insert

    from consultant_app.receiver.db import TokenBinding, utcnow

    tokens, url = tmp_path / "tokens.json", database_url("sqlite", tmp_path)
    run(capsys, "add-token", "--tokens", str(tokens), "--submitter-name", "A")
    first = read_entries(tokens)[0]
    with fresh_engine(url).begin() as conn:  # bound on first use
        conn.execute(insert(TokenBinding).values(token_id=first.id, submitter=SUBMITTER_A, bound_at=utcnow()))
    argv = ["add-token", "--tokens", str(tokens), "--submitter-name", "A", "--submitter-id", SUBMITTER_A]
    status, _, err = run(capsys, *argv, "--db", url)
    assert status == 1 and first.id in err and "--replace" in err
    assert len(read_entries(tokens)) == 1
    status, out, _ = run(capsys, *argv, "--db", url, "--replace")
    assert status == 0
    old, new = read_entries(tokens)
    assert old.revoked_at is not None and new.replaces == old.id and new.submitter == SUBMITTER_A
    assert TokenStore(tokens).lookup(out.splitlines()[-1]) == new
