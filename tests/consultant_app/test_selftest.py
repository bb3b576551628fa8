"""The self-test: every step passes on a working installation, a broken step is reported with
its dependants, the passphrase is never shown, and the temporary folder is removed."""

import json
import tempfile

import pytest

from consultant_app import selftest
from consultant_app.cli.main import main
from consultant_app.selftest import CheckFailed, run_selftest

STEPS = [
    "codes",
    "create",
    "write",
    "lock",
    "no_plaintext",
    "wrong_passphrase",
    "reopen",
    "read_back",
    "integrity",
    "pdf",
    "package",
    "backup",
]


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Temporary folders go under tmp_path, so the test can see what is left behind."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_all_steps_pass_and_the_folder_is_removed(private_tmp, monkeypatch, capsys):
    monkeypatch.delenv("CONSULTANT_APP_PASSPHRASE", raising=False)  # it needs none of ours
    assert main(["selftest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(STEPS) + 1
    assert all(line.startswith("OK  ") for line in lines[:-1])
    assert lines[-1] == f"Selvtest bestået: {len(STEPS)} af {len(STEPS)} trin."
    assert list(private_tmp.iterdir()) == []


def test_a_failed_step_fails_its_dependants_and_the_exit_status(private_tmp, monkeypatch, capsys):
    monkeypatch.setattr(selftest, "render_vault_summary", lambda *_: b"not a pdf")
    assert main(["selftest", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    failed = {c["check"]: c["detail"] for c in result["checks"] if not c["ok"]}
    assert failed == {"pdf": "resultatet er ikke en PDF"}
    assert [c["check"] for c in result["checks"]] == STEPS
    assert result["ok"] is False


def test_a_step_that_cannot_run_is_reported_not_run(private_tmp, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("disk says no")

    monkeypatch.setattr(selftest.Vault, "create", broken)
    results = {r.key: r for r in run_selftest()}
    assert results["codes"].ok and results["pdf"].ok is False
    assert results["create"].detail == "OSError"  # the type only: an OS message may name paths
    assert results["write"].detail == "ikke kørt: et tidligere trin fejlede"
    assert not any(r.ok for key, r in results.items() if key not in ("codes",))
    assert list(private_tmp.iterdir()) == []


def test_the_passphrase_is_never_printed(private_tmp, monkeypatch, capsys):
    tokens = iter(["first-random-token-value", "second-random-token-value"])
    monkeypatch.setattr(selftest.secrets, "token_urlsafe", lambda _n: next(tokens))
    assert main(["selftest", "--json"]) == 0
    out = capsys.readouterr()
    assert "random-token" not in out.out + out.err


def test_the_plaintext_check_catches_an_unencrypted_file(tmp_path):
    check = selftest._SelfTest(tmp_path)
    check.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(CheckFailed, match="ukrypteret"):
        check.no_plaintext()
    check.path.write_bytes(b"\x8f" * 64 + check.marker.encode() + b"\x00" * 64)
    with pytest.raises(CheckFailed, match="læsbar tekst"):
        check.no_plaintext()
    check.path.write_bytes(b"\x8f" * 256)
    check.no_plaintext()
