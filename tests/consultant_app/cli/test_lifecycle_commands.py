"""keys, handover, receive, erase and retention due as scripts call them: real processes."""

import json
import os
import subprocess
import sys

from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import make_case
from tests.support import PASSPHRASE


def run(*args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTANT_APP_")}
    env["CONSULTANT_APP_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [sys.executable, "-m", "consultant_app", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def ok(*args):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(*args, words: str):
    result = run(*args)
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert words in result.stderr, result.stderr
    return result.stderr


def test_a_case_from_a_to_b_on_the_command_line(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    ok("init", "--vault", a, "--name", "Anne", "--team", "aarhus")
    ok("init", "--vault", b, "--name", "Bo", "--team", "odense")
    a_key = json.loads(ok("keys", "show", "--vault", a, "--json"))
    b_line = ok("keys", "show", "--vault", b).strip().splitlines()[-1]  # the key is the last line
    assert b_line.startswith("ckey1-") and a_key["key"].startswith("ckey1-")
    assert "Fingeraftryk" in ok("keys", "add", "--vault", a, "--name", "Bo", b_line)
    assert "Bo\t" in ok("keys", "list", "--vault", a)
    with Vault.open(a, PASSPHRASE) as vault, vault.session() as s:
        code = f"2025-{make_case(s, 'K'):05d}"

    file = tmp_path / "sag.sagsoverdragelse"
    out = ok("handover", code, "--vault", a, "--to", "Bo", "-o", file)
    assert code in out and "sikkerhedskopier" in out
    refused("handover", code, "--vault", a, "--to", "Bo", "-o", tmp_path / "x", words="overdraget")

    refused("receive", file, "--vault", a, words="anden boks")
    refused("receive", file, "--vault", b, words="Afsenderen er ukendt")
    refused("receive", file, "--vault", b, "--trust-fingerprint", "0000-0000-0000-0000", words="passer ikke")
    first = json.loads(
        ok("receive", file, "--vault", b, "--trust-fingerprint", a_key["fingerprint"], "--json")
    )
    assert first["added"] and first["origin_case"] == code and first["sender"]["claims"] == "Anne"
    ok("keys", "add", "--vault", b, "--name", "Anne", a_key["key"])
    again = ok("receive", file, "--vault", b)
    assert "Afsender: Anne" in again and "intet er tilføjet" in again

    damaged = tmp_path / "damaged.sagsoverdragelse"
    damaged.write_bytes(file.read_bytes()[:-3])
    refused("receive", damaged, "--vault", b, words="Intet er ændret")

    due = json.loads(ok("retention", "due", "--vault", a, "--json"))
    assert [c["case"] for c in due["cases"]] == [code] and due["cases"][0]["reason"] == "handed_over"
    refused("erase", code, "--vault", a, words="--yes")
    out = ok("erase", code, "--vault", a, "--yes")
    assert "slettet" in out and "sikkerhedskopier" in out
    assert json.loads(ok("retention", "due", "--vault", a, "--json"))["cases"] == []
    assert "Ingen sager" in ok("retention", "due", "--vault", a)
