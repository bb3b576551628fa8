"""Setting sync up (sync/setup.py) and "test connection" (sync/probe.py) against a real
receiver over real TLS on 127.0.0.1: each way it goes wrong gives its own outcome, nothing is
stored at the receiver, the settings land where `consultant-app sync` keeps them."""

import threading
import time
from datetime import datetime

import pytest

from consultant_app.cli.main import main as cli_main
from consultant_app.errors import ValidationError
from consultant_app.i18n import set_language
from consultant_app.receiver.db import IdempotencyRecord, StoredPackage
from consultant_app.storage.vault import Vault
from consultant_app.sync.probe import ProbeOutcome, probe
from consultant_app.sync.run import sync_pending
from consultant_app.sync.settings import (
    PROXY_NONE,
    PROXY_SYSTEM,
    sync_credentials,
    sync_settings,
)
from consultant_app.sync.setup import check_setup, probe_setup, save_setup, stored_token
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import (
    ANALYST_TOKEN,
    LAPTOP_TOKEN,
    OTHER_LAPTOP_TOKEN,
    count_rows,
    free_port,
)
from tests.consultant_app.sync.helpers import FAST, TODAY
from tests.consultant_app.sync.https_receiver import (
    https_receiver,
    make_pki,
    stuck_server,
    web_server,
)
from tests.support import PASSPHRASE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def receiver_engines():
    return []


@pytest.fixture(scope="module")
def receiver(pki, tmp_path_factory, receiver_engines):
    with https_receiver(tmp_path_factory.mktemp("receiver"), pki.cert, pki.key, receiver_engines) as url:
        yield url


@pytest.fixture(autouse=True)
def danish():
    set_language("da")
    yield


def _problems(excinfo) -> dict[str, str]:
    return {p.field: p.message() for p in excinfo.value.problems}


# --- checking -----------------------------------------------------------------------------


def test_plain_http_to_another_machine_is_refused_in_danish_loopback_is_allowed():
    with pytest.raises(ValidationError) as excinfo:
        check_setup("http://receiver.example.org", token=LAPTOP_TOKEN)
    assert "kun https:// er tilladt" in _problems(excinfo)["endpoint"]
    assert check_setup("http://127.0.0.1:8000/", token=LAPTOP_TOKEN).endpoint == "http://127.0.0.1:8000"


def test_a_file_that_is_not_a_certificate_is_refused_as_ca_file(tmp_path, pki):
    text = tmp_path / "notes.txt"
    text.write_text("not a certificate\n", encoding="utf-8")
    for wrong in (str(text), pki.key, str(tmp_path / "missing.pem")):  # a key is PEM, not a CA
        with pytest.raises(ValidationError) as excinfo:
            check_setup("https://r.example", token=LAPTOP_TOKEN, ca_file=wrong)
        assert set(_problems(excinfo)) == {"ca_file"}
    assert check_setup("https://r.example", token=LAPTOP_TOKEN, ca_file=pki.ca).ca_file == pki.ca


def test_every_problem_at_once_and_the_token_is_never_repeated(tmp_path):
    bad_token = "short!secret"
    with pytest.raises(ValidationError) as excinfo:
        check_setup("ftp://x", token=bad_token, ca_file=str(tmp_path / "none.pem"), proxy="socks5://p:1")
    problems = _problems(excinfo)
    assert set(problems) == {"endpoint", "token", "ca_file", "proxy"}
    assert all(bad_token not in text for text in problems.values())
    assert bad_token not in str(excinfo.value)
    assert all(p.value != bad_token for p in excinfo.value.problems)


def test_a_token_is_needed_unless_one_is_stored_and_may_come_from_a_file(tmp_path):
    with pytest.raises(ValidationError) as excinfo:
        check_setup("https://r.example")
    assert "adgangsnøglen" in _problems(excinfo)["token"]
    assert check_setup("https://r.example", has_stored_token=True).token is None
    path = tmp_path / "token.txt"
    path.write_text("\n" + LAPTOP_TOKEN + "\n", encoding="utf-8")
    assert check_setup("https://r.example", token_file=path).token == LAPTOP_TOKEN


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("", PROXY_NONE),
        ("none", PROXY_NONE),
        ("system", PROXY_SYSTEM),
        ("http://proxy.kommune.dk:3128/", "http://proxy.kommune.dk:3128"),
    ],
)
def test_proxy_choices(given, stored):
    assert check_setup("https://r.example", token=LAPTOP_TOKEN, proxy=given).proxy == stored


@pytest.mark.parametrize(
    "wrong", ["proxy:3128", "http://user:pw@proxy:3128", "http://proxy:3128/path", "socks5://p:1"]
)
def test_proxy_addresses_refused(wrong):
    with pytest.raises(ValidationError) as excinfo:
        check_setup("https://r.example", token=LAPTOP_TOKEN, proxy=wrong)
    assert set(_problems(excinfo)) == {"proxy"}


# --- saving -------------------------------------------------------------------------------


def test_saved_where_the_command_line_keeps_it_and_a_missing_token_keeps_the_stored_one(vault, pki):
    setup = check_setup("https://r.example/", token=LAPTOP_TOKEN, ca_file=pki.ca, proxy="system")
    with vault.session() as session:
        view = save_setup(session, setup)
    assert (view.endpoint, view.ca_file, view.proxy, view.has_token) == (
        "https://r.example",
        pki.ca,
        "system",
        True,
    )
    with vault.session() as session:
        save_setup(
            session,
            check_setup("https://R.example/siri", has_stored_token=True, stored_endpoint="https://r.example"),
        )
    with vault.session() as session:
        credentials = sync_credentials(session)  # what `sync` and the desktop's sync read
        assert credentials is not None
        assert (credentials.endpoint, credentials.token, credentials.ca_file, credentials.proxy) == (
            "https://R.example/siri",
            LAPTOP_TOKEN,
            None,  # an empty CA field means the system's trust store
            PROXY_NONE,
        )
        assert stored_token(session) == LAPTOP_TOKEN
        assert LAPTOP_TOKEN not in repr(sync_settings(session))


def test_the_stored_token_is_never_kept_for_another_receiver(vault):
    """An address changed to another host (a typo, or one someone talked the user into) must come
    with the token again: the setup never hands the stored one to another server. (`sync
    --endpoint` alone keeps it, as it always has: test_sync_outbox.)"""
    with vault.session() as session:
        save_setup(session, check_setup("https://r.example", token=LAPTOP_TOKEN))
    for other in ("https://evil.example", "https://r.example:8443", "http://127.0.0.1:8000"):
        with pytest.raises(ValidationError) as excinfo:
            check_setup(other, has_stored_token=True, stored_endpoint="https://r.example")
        assert "giv nøglen igen" in _problems(excinfo)["token"]
    given_again = check_setup(
        "https://evil.example",
        token=OTHER_LAPTOP_TOKEN,
        has_stored_token=True,
        stored_endpoint="https://r.example",
    )
    with vault.session() as session:
        assert sync_credentials(session).endpoint == "https://r.example"
        save_setup(session, given_again)
    with vault.session() as session:
        assert sync_credentials(session).token == OTHER_LAPTOP_TOKEN


# --- testing the connection ---------------------------------------------------------------


def test_the_real_receiver_accepts_the_token_and_nothing_is_stored(receiver, pki, receiver_engines):
    result = probe(receiver, LAPTOP_TOKEN, ca_file=pki.ca)
    assert result.outcome is ProbeOutcome.OK, result
    assert result.version
    # Deliberately without an Idempotency-Key: nothing at the receiver is created by a test.
    assert probe(receiver, LAPTOP_TOKEN, ca_file=pki.ca).ok
    assert count_rows(receiver_engines[0], StoredPackage.__table__) == 0
    assert count_rows(receiver_engines[0], IdempotencyRecord.__table__) == 0


def test_a_wrong_token_and_an_analysts_token(receiver, pki):
    assert probe(receiver, "x" * 40, ca_file=pki.ca).outcome is ProbeOutcome.TOKEN_REFUSED
    assert probe(receiver, ANALYST_TOKEN, ca_file=pki.ca).outcome is ProbeOutcome.TOKEN_FORBIDDEN


def test_the_systems_trust_store_does_not_know_a_private_ca(receiver):
    assert probe(receiver, LAPTOP_TOKEN).outcome is ProbeOutcome.TLS_UNTRUSTED


def test_a_certificate_from_an_unknown_ca_and_one_for_another_name(pki, tmp_path):
    with https_receiver(tmp_path, pki.other_ca_cert, pki.other_ca_key) as url:
        assert probe(url, LAPTOP_TOKEN, ca_file=pki.ca).outcome is ProbeOutcome.TLS_UNTRUSTED
    with https_receiver(tmp_path, pki.wrong_name_cert, pki.wrong_name_key) as url:
        assert probe(url, LAPTOP_TOKEN, ca_file=pki.ca).outcome is ProbeOutcome.TLS_NAME


def test_nothing_listening_unknown_name_and_not_the_receiver():
    assert probe(f"https://127.0.0.1:{free_port()}", LAPTOP_TOKEN).outcome is ProbeOutcome.REFUSED
    assert probe("https://no-such-receiver.invalid", LAPTOP_TOKEN).outcome is ProbeOutcome.DNS
    with web_server() as url:
        assert probe(url, LAPTOP_TOKEN).outcome is ProbeOutcome.WRONG_SERVICE


def test_an_https_address_of_a_plain_http_server_fails_in_tls():
    with web_server() as url:
        assert probe(url.replace("http:", "https:"), LAPTOP_TOKEN).outcome is ProbeOutcome.TLS_FAILED


def test_a_stuck_server_times_out_and_cancel_returns_at_once():
    with stuck_server() as url:
        assert probe(url, LAPTOP_TOKEN, timeout=0.5).outcome is ProbeOutcome.TIMEOUT
        cancel = threading.Event()
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        assert probe(url, LAPTOP_TOKEN, cancel=cancel).outcome is ProbeOutcome.CANCELLED
        assert time.monotonic() - started < 2  # not the 10 s timeout


def test_a_proxy_that_cannot_be_reached(receiver, pki):
    proxy = f"http://127.0.0.1:{free_port()}"
    assert probe(receiver, LAPTOP_TOKEN, ca_file=pki.ca, proxy=proxy).outcome is ProbeOutcome.PROXY


def test_probe_setup_uses_the_stored_token_when_none_is_given(receiver, pki):
    setup = check_setup(receiver, ca_file=pki.ca, has_stored_token=True)
    assert probe_setup(setup, token=lambda: LAPTOP_TOKEN).ok
    with pytest.raises(ValidationError):
        probe_setup(setup, token=lambda: None)


def test_sync_goes_through_the_stored_proxy(vault, receiver, pki):
    """The proxy choice is not only the test's: a sync with a proxy nobody runs does not reach
    the receiver it reaches without one."""
    with vault.session() as session:
        add_records(session, [Record(datetime(2026, 1, 5, 10), "hovedstaden", reasons=("pres",))])
        save_setup(
            session,
            check_setup(
                receiver, token=LAPTOP_TOKEN, ca_file=pki.ca, proxy=f"http://127.0.0.1:{free_port()}"
            ),
        )
    report = sync_pending(vault, policy=FAST, sleep=lambda _s: None, today=TODAY)
    assert report.stopped is not None and not report.sent
    with vault.session() as session:
        save_setup(session, check_setup(receiver, has_stored_token=True, ca_file=pki.ca, proxy="none"))
    report = sync_pending(vault, policy=FAST, sleep=lambda _s: None, today=TODAY)
    assert report.stopped is None and "2026-01" in [s.month for s in report.sent]


# --- the command line: `sync --proxy ... --test` ------------------------------------------


def test_cli_sync_test_says_in_one_line_and_sends_nothing(
    tmp_path, receiver, pki, receiver_engines, monkeypatch, capsys
):
    path = tmp_path / "cli.db"
    Vault.create(path, PASSPHRASE, name="Aya", team="aarhus").lock()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    token_file = tmp_path / "token.txt"
    token_file.write_text(LAPTOP_TOKEN + "\n", encoding="utf-8")
    before = count_rows(receiver_engines[0], StoredPackage.__table__)
    base = ["sync", "--vault", str(path), "--test"]
    given = ["--endpoint", receiver, "--token-file", str(token_file), "--proxy", "system"]
    assert cli_main([*base, *given]) == 1  # the system's trust store does not know the test CA
    captured = capsys.readouterr()
    assert "certifikat er ikke betroet" in captured.err and LAPTOP_TOKEN not in captured.out + captured.err
    assert cli_main([*base, "--ca-file", pki.ca, "--proxy", "none"]) == 0  # the rest is stored
    captured = capsys.readouterr()
    assert captured.out.strip().startswith("Forbindelsen virker") and LAPTOP_TOKEN not in captured.out
    assert count_rows(receiver_engines[0], StoredPackage.__table__) == before  # nothing was sent
    vault = Vault.open(path, PASSPHRASE)
    try:
        with vault.session() as session:
            assert sync_credentials(session).proxy == PROXY_NONE
    finally:
        vault.lock()
