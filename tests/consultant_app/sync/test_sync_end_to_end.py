"""End to end over real TLS on 127.0.0.1: two demo vaults sync to the receiver (uvicorn in a
thread, a certificate from a throw-away CA); the national report equals the counts of both
vaults' records computed directly by consultant_app.counts. On SQLite and PostgreSQL.
Also: the receiver's own `serve` command over TLS, and a certificate the laptop does not trust."""

import os
import ssl
import subprocess
import sys
import time
from datetime import date, datetime

import httpx
import pytest
import trustme
from sqlalchemy import delete, select

from consultant_app.cli.main import main as cli_main
from consultant_app.counts.blocks import add_blocks, regions
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.months import months_between, shift_years
from consultant_app.counts.query import first_month_with_data
from consultant_app.demo import fill_vault
from consultant_app.domain import Inquiry, Professional, SurveyCampaign, SurveyDispatch
from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.cli import main as receiver_main
from consultant_app.receiver.tokens import add_token
from consultant_app.storage.vault import Vault
from consultant_app.sync.outbox import last_complete_month
from consultant_app.sync.run import sync_pending
from consultant_app.sync.settings import save_sync_settings
from tests.consultant_app.receiver.support import LAPTOP_TOKEN, free_port, make_app, serve_in_thread, stored
from tests.support import PASSPHRASE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    paths = {name: str(folder / f"{name}.pem") for name in ("ca", "cert", "key")}
    ca.cert_pem.write_to_path(paths["ca"])
    cert.private_key_pem.write_to_path(paths["key"])
    with open(paths["cert"], "wb") as f:
        for pem in cert.cert_chain_pems:
            f.write(pem.bytes())
    return paths


def _demo_vault(path, name, team, seed) -> Vault:
    vault = Vault.create(path, PASSPHRASE, name=name, team=team)
    fill_vault(vault, 80, seed=seed)
    with vault.session() as session:  # the demo's last years only: fewer months to send
        session.execute(delete(Inquiry).where(Inquiry.received_at < datetime(2024, 1, 1)))
    with vault.session() as session:  # a survey campaign this spring, links sent in March
        campaign = SurveyCampaign(
            code="siri-h1",
            name="Tilfredshed",
            link="https://x.example",
            period_from=date(2026, 3, 1),
            period_to=date(2026, 4, 10),
        )
        session.add(campaign)
        session.flush()
        people = session.scalars(select(Professional.id).order_by(Professional.id).limit(7)).all()
        for i, pid in enumerate(people):
            region = regions()[(i + seed) % len(regions())]
            session.add(
                SurveyDispatch(
                    campaign_id=campaign.id,
                    professional_id=pid,
                    status="sent",
                    region=region,
                    recorded_at=datetime(2026, 3, 10, 12),
                )
            )
    return vault


def _direct(vaults, first, last):
    """The statistics of the union of the vaults' records, from consultant_app.counts."""
    stats = []
    for vault in vaults:
        with vault.session() as session:
            stats.append(monthly_stats(session, first, last))
    totals = add_blocks(s.totals for s in stats).model_dump()
    by_region = {r: add_blocks(s.regions[r] for s in stats).model_dump() for r in regions()}
    return totals, by_region


def test_two_vaults_sync_over_tls_and_the_national_report_adds_up(
    tmp_path, tls, receiver_engine, monkeypatch, capsys
):
    tokens = tmp_path / "tokens.json"
    _, token_a = add_token(tokens, "Konsulent A")
    _, token_b = add_token(tokens, "Konsulent B")
    _, analyst = add_token(tokens, "SIRI", kind="analyst")
    app = create_app(ReceiverSettings(tokens_file=tokens), engine=receiver_engine)
    a = _demo_vault(tmp_path / "a.db", "Aya", "aarhus", seed=1)
    b = _demo_vault(tmp_path / "b.db", "Bo", "odense", seed=2)

    with serve_in_thread(app, certfile=tls["cert"], keyfile=tls["key"]) as port:
        endpoint = f"https://127.0.0.1:{port}"
        # Vault A through the command line: the first run stores the settings in the vault.
        a.lock()
        (tmp_path / "token-a.txt").write_text(token_a + "\n", encoding="utf-8")
        monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
        argv = [
            "sync",
            "--vault",
            str(a.path),
            "--endpoint",
            endpoint,
            "--token-file",
            str(tmp_path / "token-a.txt"),
        ]
        assert cli_main([*argv, "--ca-file", tls["ca"]]) == 0
        out = capsys.readouterr().out
        assert "Sendt: 2024-" in out and token_a not in out
        assert cli_main(["sync", "--vault", str(a.path)]) == 0  # settings from the vault; nothing new
        assert "Intet at sende" in capsys.readouterr().out
        # Vault B as the desktop's worker calls it.
        with b.session() as session:
            save_sync_settings(session, endpoint=endpoint, token=token_b, ca_file=tls["ca"])
        report = sync_pending(b)
        assert report.complete and report.sent and not report.failed

        last = last_complete_month(date.today())
        first = f"{last[:4]}-01"
        national = httpx.get(
            f"{endpoint}/api/v1/reports/national",
            params={"from": first, "to": last},
            headers={"Authorization": f"Bearer {analyst}"},
            verify=ssl.create_default_context(cafile=tls["ca"]),
        ).json()

    a = Vault.open(tmp_path / "a.db", PASSPHRASE)
    vaults = [a, b]
    totals, by_region = _direct(vaults, first, last)
    assert national["totals"] == totals and national["regions"] == by_region
    assert national["totals"]["inquiries"] > 0
    previous, _ = _direct(vaults, shift_years(first, -1), shift_years(last, -1))
    assert national["same_period_previous_year"] == previous
    first_year = min(m for m in months_with_inquiries(vaults))[:4]
    assert list(national["by_year"]) == [str(y) for y in range(int(first_year), int(last[:4]) + 1)]
    for year, block in national["by_year"].items():
        assert block == _direct(vaults, f"{year}-01", min(f"{year}-12", last))[0]
    if "2026-03" in months_between(first, last):
        assert national["survey"][0]["campaign"] == "siri-h1" and national["survey"][0]["total"] == 14
    # Every month of each vault from its first data on, once; all versions 1.
    months = sum(len(months_between(m, last)) for m in months_with_inquiries(vaults))
    assert len(stored(receiver_engine)) == months and {v for _, _, v in stored(receiver_engine)} == {1}
    for vault in vaults:
        vault.lock()


def months_with_inquiries(vaults) -> list[str]:
    found = []
    for vault in vaults:
        with vault.session() as session:
            found.append(first_month_with_data(session))
    return found


def test_a_certificate_the_laptop_does_not_trust_stops_the_sync(tmp_path, tls, sync_vault, sqlite_engine):
    with serve_in_thread(make_app(sqlite_engine), certfile=tls["cert"], keyfile=tls["key"]) as port:
        with sync_vault.session() as session:  # no CA file: the system's trust store
            save_sync_settings(session, endpoint=f"https://127.0.0.1:{port}", token=LAPTOP_TOKEN)
        report = sync_pending(sync_vault, today=date(2026, 4, 15))
    assert "certifikat kunne ikke verificeres" in str(report.stopped)
    assert report.pending == 3 and stored(sqlite_engine) == []


def test_the_serve_command_listens_with_tls(tmp_path, tls):
    tokens = tmp_path / "tokens.json"
    add_token(tokens, "Konsulent")
    assert receiver_main(["migrate", "--db", f"sqlite:///{tmp_path / 'r.db'}"]) == 0  # serve needs it
    port = free_port()
    command = [
        sys.executable, "-m", "consultant_app.receiver.cli", "serve", "--db", f"sqlite:///{tmp_path / 'r.db'}",
        "--host", "127.0.0.1", "--port", str(port), "--tokens", str(tokens), "--tls-cert", tls["cert"], "--tls-key", tls["key"],
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        deadline, context = time.monotonic() + 20, ssl.create_default_context(cafile=tls["ca"])
        while True:
            try:
                answer = httpx.get(f"https://127.0.0.1:{port}/api/v1/health", verify=context, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        assert answer.json()["status"] == "ok"
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)  # TLS only
    finally:
        server.terminate()
        server.wait(10)
