"""#16.4 and #16.5: the receiver as a service, run as `consultant-app-receiver serve` processes.
Several workers and two servers on one PostgreSQL database keep the idempotency, version and
submitter rules; logs are JSON lines without tokens, query strings or bodies; /metrics counts
packages and refusals; /api/v1/ready; SIGTERM lets a request in flight finish."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from consultant_app.receiver.db import StoredPackage, TokenBinding, make_engine
from consultant_app.receiver.tokens import add_token
from tests.consultant_app.receiver.packages import body, package
from tests.consultant_app.receiver.support import POSTGRES_ENV, database_url, free_port, fresh_engine

pytestmark = pytest.mark.slow


@contextmanager
def serving(tmp_path: Path, url: str, tokens: Path, *extra: str, name: str = "server"):
    """`serve` in its own process (its stderr in a file); yields (base URL, log path)."""
    port = free_port()
    log_path = tmp_path / f"{name}.log"
    command = [
        sys.executable,
        "-m",
        "consultant_app.receiver.cli",
        "serve",
        "--db",
        url,
        "--tokens",
        str(tokens),
    ]
    command += ["--port", str(port), *extra]
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            command,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": os.getcwd(), "CONSULTANT_APP_LANG": "da"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                if httpx.get(f"{base}/api/v1/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(log_path.read_text(errors="replace"))
            time.sleep(0.1)
        yield base, log_path, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def postgres_url():
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"set {POSTGRES_ENV}")
    fresh_engine(url).dispose()
    return url


def post(base: str, token: str, key: str, p) -> int:
    content = body(p) if not isinstance(p, dict) else json.dumps(p).encode()
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": key}
    return httpx.post(f"{base}/api/v1/packages", content=content, headers=headers, timeout=30).status_code


def test_two_servers_with_several_workers_on_one_database_keep_every_rule(tmp_path, postgres_url):
    tokens = tmp_path / "tokens.json"
    laptops = [add_token(tokens, f"Laptop {i}")[1] for i in range(8)]
    racers = [add_token(tokens, f"Ny {i}")[1] for i in range(4)]
    submitters = [f"{i:032x}" for i in range(1, 9)]
    with (
        serving(tmp_path, postgres_url, tokens, "--workers", "2", name="a") as (a, _, _),
        serving(tmp_path, postgres_url, tokens, name="b") as (b, _, _),
        ThreadPoolExecutor(max_workers=24) as pool,
    ):
        jobs = []
        for i, (token, submitter) in enumerate(zip(laptops, submitters, strict=True)):
            for month in ("2026-01", "2026-02"):
                p = package(month, 1, submitter=submitter, inquiries={"hovedstaden": i})
                key = f"key-{submitter[-4:]}-{month}"
                jobs += [("same-key", pool.submit(post, server, token, key, p)) for server in (a, b, a, b)]
                jobs += [
                    ("new-key", pool.submit(post, server, token, f"{key}-{server[-5:]}", p))
                    for server in (a, b)
                ]
        contested = "f" * 32  # four fresh tokens race for one unowned id through both servers
        jobs += [
            (
                "race",
                pool.submit(
                    post, (a, b)[n % 2], token, f"race-{n:04d}", package("2026-03", 1, submitter=contested)
                ),
            )
            for n, token in enumerate(racers)
        ]
        outcomes = Counter((kind, job.result()) for kind, job in jobs)
        stored_by_a = httpx.get(f"{a}/metrics").text  # summed over server A's two workers
    assert 'receiver_packages_total{outcome="stored"}' in stored_by_a
    assert not {status for (_, status) in outcomes if status >= 500}, outcomes
    assert {s for (k, s) in outcomes if k == "same-key"} <= {200, 201, 409}
    assert {s for (k, s) in outcomes if k == "new-key"} <= {200, 201}
    assert outcomes[("race", 201)] == 1 and outcomes[("race", 403)] == 3, outcomes
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(StoredPackage.submitter, StoredPackage.month, func.count()).group_by(
                StoredPackage.submitter, StoredPackage.month
            )
        ).all()
        owners = conn.execute(
            select(TokenBinding.submitter, func.count()).group_by(TokenBinding.submitter)
        ).all()
    engine.dispose()
    assert sorted(rows) == sorted(
        [(s, m, 1) for s in submitters for m in ("2026-01", "2026-02")] + [(contested, "2026-03", 1)]
    )
    assert {n for _, n in owners} == {1} and len(owners) == len(submitters) + 1


def test_json_logs_metrics_ready_and_a_request_in_flight_at_sigterm(tmp_path):
    url = database_url("sqlite", tmp_path)
    fresh_engine(url).dispose()
    tokens = tmp_path / "tokens.json"
    _, laptop = add_token(tokens, "Laptop")
    _, analyst = add_token(tokens, "Analytiker", kind="analyst")
    with serving(tmp_path, url, tokens) as (base, log_path, process):
        assert post(base, laptop, "json-log-0001", package(inquiries={"hovedstaden": 4321})) == 201
        assert post(base, laptop, "json-log-0002", {**package().as_json(), "month": "9999-12"}) == 422
        httpx.get(
            f"{base}/api/v1/reports/national?from=2026-01&to=2026-03&x=Kanarie",
            headers={"Authorization": f"Bearer {analyst}", "X-Request-ID": "proxy-request-0001"},
        )
        ready = httpx.get(f"{base}/api/v1/ready").json()
        assert ready == {
            "status": "ok",
            "checks": {"database": "ok", "schema": "ok", "tokens": "ok"},
        }
        metrics = httpx.get(f"{base}/metrics").text
        assert 'receiver_packages_total{outcome="stored"} 1.0' in metrics
        assert 'receiver_packages_refused_total{reason="invalid"} 1.0' in metrics
        assert (
            'receiver_request_duration_seconds_count{method="POST",route="/api/v1/packages",status="201"} 1.0'
            in metrics
        )

        # A package still arriving when SIGTERM comes: it is finished and answered.
        payload = body(package(month="2026-02"))
        with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as slow:
            head = (
                f"POST /api/v1/packages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {laptop}\r\n"
                f"Idempotency-Key: in-flight-0001\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
            )
            slow.sendall(head.encode() + payload[:100])
            time.sleep(0.3)
            process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            slow.sendall(payload[100:])
            answer = slow.makefile("rb").readline()
        assert answer.startswith(b"HTTP/1.1 201"), answer
        # uvicorn re-raises the signal after its graceful shutdown (systemd counts that clean)
        assert process.wait(30) in (0, -signal.SIGTERM)
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "consultant_app.receiver.access"]
    assert {(a["method"], a["path"], a["status"]) for a in access} >= {
        ("POST", "/api/v1/packages", 201),
        ("POST", "/api/v1/packages", 422),
        ("GET", "/api/v1/reports/national", 200),
    }
    assert all(a["request_id"] and isinstance(a["duration_ms"], float) for a in access)
    assert any(a.get("request_id") == "proxy-request-0001" and a["token_id"] for a in access)
    text = log_path.read_text()
    for secret in (laptop, analyst, "Kanarie", "4321", "?", "9999-12", "by_inquirer_type"):
        assert secret not in text, secret


def test_several_workers_need_postgresql(tmp_path, capsys):
    from consultant_app.receiver.cli import main

    url = database_url("sqlite", tmp_path)
    fresh_engine(url).dispose()
    add_token(tmp_path / "tokens.json", "Laptop")
    assert main(["serve", "--db", url, "--tokens", str(tmp_path / "tokens.json"), "--workers", "4"]) == 1
    assert "PostgreSQL" in capsys.readouterr().err
