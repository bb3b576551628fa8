"""Load: 50 submitters x 24 months against the receiver on 127.0.0.1, in several configurations
side by side (by default one worker on SQLite, today's shape, and four workers on PostgreSQL).

Not a test (pytest does not collect this file): run it by hand,
    uv run python tests/bench/receiver_load.py [--submitters 50] [--months 24] [--clients 4]
        [--configs sqlite:1,postgresql:4] [--postgres URL] [--no-tls] [--markdown]
For each configuration it makes the database afresh (its receiver tables are dropped and made
again by `migrate`, so never point --postgres at a production database; the default is
$CONSULTANT_APP_TEST_POSTGRES_URL), issues one token per submitter, starts the real
`consultant-app-receiver serve --workers N` in its own process (TLS with a throw-away CA from
trustme unless --no-tls), and has the submitters send their months from --clients client
processes (one thread per submitter, the real sync client: retries, backoff, Idempotency-Key).
Each submitter also re-sends two packages with the same key (answered from the idempotency
record) and one under a new key (a duplicate). It is bounded: after --deadline seconds a
configuration stops by itself and fails. Then it checks that nothing was lost or doubled (one
row per submitter and month, each with the counts that were sent) and that the national report
equals the sum computed here, and prints throughput and latency (p50 / p95 / max) per send.
"""

import argparse
import multiprocessing
import os
import random
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import text

from consultant_app.counts.blocks import (
    MULTI_CATEGORIES,
    SINGLE_CATEGORIES,
    CountBlock,
    add_blocks,
    category_codes,
    range_block,
    regions,
)
from consultant_app.counts.months import months_between, next_month
from consultant_app.counts.package import Package
from consultant_app.receiver.db import StoredPackage, make_engine, metadata
from consultant_app.receiver.schema import VERSION_TABLE, migrate
from consultant_app.receiver.tokens import add_token
from consultant_app.sync.client import Outcome, RetryPolicy, SyncClient

FIRST_MONTH = "2024-01"
STARTUP_SECONDS = 15  # for the client processes to start (spawned Pythons importing the client)


def random_block(rng: random.Random) -> CountBlock:
    n = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
    data: dict = {"inquiries": n, "active_courses_end": rng.randint(0, 20)}
    for category in SINGLE_CATEGORIES:
        counts = dict.fromkeys(category_codes(category), 0)
        for _ in range(n):
            counts[rng.choice(category_codes(category))] += 1
        data[category] = counts
    for category in MULTI_CATEGORIES:
        data[category] = {code: rng.randint(0, n) for code in category_codes(category)}
    return CountBlock.model_validate(data)


def make_packages(submitter: str, months: list[str], rng: random.Random) -> list[Package]:
    return [
        Package(
            submitter=submitter,
            team=rng.choice(["aalborg", "aarhus", "odense", "koebenhavn"]),
            month=month,
            version=1,
            generated_at=datetime.now(UTC).replace(microsecond=0),
            regions={r: random_block(rng) for r in regions()},
            survey=[],
        )
        for month in months
    ]


def send_all(endpoint: str, token: str, ca_file: str | None, packages, deadline: float, seed: float):
    """One submitter: its months, two replays (same key) and one duplicate (new key)."""
    rng = random.Random(seed)
    latencies: list[float] = []
    outcomes: dict[str, int] = {}
    requests = 0
    policy = RetryPolicy(attempts=8, first_wait=0.05, max_wait=1.0, timeout=30)
    work = [(p, str(uuid.uuid4())) for p in packages]
    work += [rng.choice(work) for _ in range(2)]  # the same key again: a replay
    work.append((rng.choice(packages), str(uuid.uuid4())))  # a new key: a duplicate
    with SyncClient(endpoint, token, ca_file=ca_file, policy=policy) as client:
        for package, key in work:
            if time.time() > deadline:
                break
            started = time.perf_counter()
            result = client.send_package(package.to_json(), key)
            latencies.append(time.perf_counter() - started)
            requests += result.attempts
            name = "replayed" if result.replayed else result.outcome.value
            outcomes[name] = outcomes.get(name, 0) + 1
            if result.outcome is not Outcome.SENT:
                print(f"  {package.month}: {result.outcome.value} {result.message}", file=sys.stderr)
    return latencies, outcomes, requests


def client_process(endpoint: str, ca_file: str | None, jobs: list, start_at: float, deadline: float):
    """One client process: a thread per submitter it was given, all starting at `start_at` (every
    process is up by then, so the time measured is sending, not starting Python); returns what
    they measured, how many were still sending at the deadline, and when the last one ended."""
    done: list = []

    def run(job) -> None:
        token, packages, seed = job
        done.append(send_all(endpoint, token, ca_file, packages, deadline, seed))

    workers = [threading.Thread(target=run, args=(job,), daemon=True) for job in jobs]
    time.sleep(max(0.0, start_at - time.time()))
    for w in workers:
        w.start()
    for w in workers:
        w.join(max(0.0, deadline - time.time()) + 5)
    return done, sum(w.is_alive() for w in workers), time.time()


@contextmanager
def receiver_process(url: str, tokens: Path, workers: int, tls: tuple, folder: Path):
    """`consultant-app-receiver serve` in its own process; yields its port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
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
    command += ["--port", str(port), "--workers", str(workers), "--log-format", "text"]
    ca, cert, key = tls
    if cert:
        command += ["--tls-cert", cert, "--tls-key", key]
    verify = ssl.create_default_context(cafile=ca) if ca else True
    log = open(folder / f"serve-{workers}.log", "wb")  # noqa: SIM115 - closed below
    root = Path(__file__).resolve().parents[2]
    server = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(root)}
    )
    try:
        scheme = "https" if cert else "http"
        deadline = time.monotonic() + 60
        while True:
            try:
                if (
                    httpx.get(
                        f"{scheme}://127.0.0.1:{port}/api/v1/ready", verify=verify, timeout=2
                    ).status_code
                    == 200
                ):
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit((folder / f"serve-{workers}.log").read_text(errors="replace"))
            time.sleep(0.2)
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def tls_files(folder: Path) -> tuple[str, str, str]:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    cert.private_key_pem.write_to_path(str(folder / "key.pem"))
    with open(folder / "cert.pem", "wb") as f:
        for pem in cert.cert_chain_pems:
            f.write(pem.bytes())
    return str(folder / "ca.pem"), str(folder / "cert.pem"), str(folder / "key.pem")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submitters", type=int, default=50)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--configs", default="sqlite:1,postgresql:4", help="DATABASE:WORKERS,...")
    parser.add_argument("--postgres", default=os.environ.get("CONSULTANT_APP_TEST_POSTGRES_URL"))
    parser.add_argument("--no-tls", action="store_true", help="plain HTTP on loopback")
    parser.add_argument("--deadline", type=float, default=300, help="seconds before a run gives up")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="the summary as a Markdown table")
    args = parser.parse_args()
    rows, ok = [], True
    for config in args.configs.split(","):
        kind, workers = config.split(":")
        if kind == "postgresql" and not args.postgres:
            print(f"{config}: skipped (no --postgres URL)")
            continue
        row = run_config(args, kind, int(workers))
        rows.append(row)
        ok = ok and row["ok"]
    print()
    header = ["configuration", "sends", "packages/s", "p50 ms", "p95 ms", "max ms", "lost/doubled"]
    lines = [header] + [
        [r["name"], str(r["sends"]), f"{r['rate']:.0f}", f"{r['p50']:.0f}", f"{r['p95']:.0f}", f"{r['max']:.0f}",
         "none" if r["ok"] else "FAILED"]
        for r in rows
    ]  # fmt: skip
    if args.markdown:
        print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
        for line in lines[1:]:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        for line in lines:
            print("  ".join(v.rjust(w) for v, w in zip(line, widths, strict=True)))
    return 0 if ok else 1


def run_config(args, kind: str, workers: int) -> dict:
    rng = random.Random(args.seed)
    months = months_between(FIRST_MONTH, _nth_month(FIRST_MONTH, args.months - 1))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        url = f"sqlite:///{folder / 'receiver.db'}" if kind == "sqlite" else args.postgres
        engine = make_engine(url)
        metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
        migrate(engine)
        tokens = folder / "tokens.json"
        laptops = [add_token(tokens, f"Konsulent {i}")[1] for i in range(args.submitters)]
        analyst = add_token(tokens, "SIRI", kind="analyst")[1]
        ca, cert, key = (None, None, None) if args.no_tls else tls_files(folder)
        sent = {
            f"{i:032x}": make_packages(f"{i:032x}", months, random.Random(rng.random()))
            for i in range(1, args.submitters + 1)
        }
        jobs = [
            (token, packages, rng.random()) for token, packages in zip(laptops, sent.values(), strict=True)
        ]
        name = f"{kind}, {workers} worker{'s' if workers > 1 else ''}"
        with receiver_process(url, tokens, workers, (ca, cert, key), folder) as port:
            endpoint = f"{'http' if args.no_tls else 'https'}://127.0.0.1:{port}"
            print(
                f"{name}: {endpoint}; {len(jobs)} submitters x {len(months)} months, {args.clients} client processes"
            )
            start_at = time.time() + STARTUP_SECONDS
            deadline = start_at + args.deadline
            with ProcessPoolExecutor(args.clients, mp_context=multiprocessing.get_context("spawn")) as pool:
                futures = [
                    pool.submit(client_process, endpoint, ca, jobs[i :: args.clients], start_at, deadline)
                    for i in range(args.clients)
                ]
                results = [f.result() for f in futures]
            elapsed = max(end for _, _, end in results) - start_at
            national = httpx.get(
                f"{endpoint}/api/v1/reports/national",
                params={"from": months[0], "to": months[-1]},
                headers={"Authorization": f"Bearer {analyst}"},
                verify=ssl.create_default_context(cafile=ca) if ca else True,
                timeout=60,
            ).json()
        stuck = sum(n for _, n, _ in results)
        ok = check(engine, sent, national, months) and not stuck
        engine.dispose()
    measured = [m for done, _, _ in results for m in done]
    latencies = [x for lat, _, _ in measured for x in lat]
    outcomes: dict[str, int] = {}
    for _, found, _ in measured:
        for outcome, n in found.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + n
    requests = sum(r for _, _, r in measured)
    row = {
        "name": name,
        "sends": len(latencies),
        "rate": len(latencies) / elapsed,
        "p50": percentile(latencies, 0.5) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "max": max(latencies) * 1000,
        "ok": ok,
    }
    print(
        f"  {len(latencies)} sends ({requests} HTTP requests) in {elapsed:.1f} s: {row['rate']:.0f} packages/s"
    )
    print(f"  latency per send: p50 {row['p50']:.0f} ms, p95 {row['p95']:.0f} ms, max {row['max']:.0f} ms, "
          f"mean {statistics.mean(latencies) * 1000:.0f} ms")  # fmt: skip
    print(f"  outcomes: {outcomes}; submitters still sending at the deadline: {stuck}")
    print("  OK: nothing lost, nothing doubled, the national report adds up" if ok else "  FAILED")
    return row


def check(engine, sent: dict[str, list[Package]], national: dict, months: list[str]) -> bool:
    with engine.connect() as conn:
        rows = conn.execute(
            StoredPackage.__table__.select().with_only_columns(
                StoredPackage.submitter, StoredPackage.month, StoredPackage.version, StoredPackage.payload
            )
        ).all()
    keys = [(r.submitter, r.month, r.version) for r in rows]
    expected = {(p.submitter, p.month, 1): p for packages in sent.values() for p in packages}
    ok = True
    if len(keys) != len(set(keys)) or set(keys) != set(expected):
        print(f"rows: {len(keys)} stored, {len(set(keys))} distinct, {len(expected)} expected")
        ok = False
    for r in rows:
        if (r.submitter, r.month, r.version) in expected and not Package.model_validate_json(
            r.payload
        ).same_counts(expected[(r.submitter, r.month, 1)]):
            print(f"other counts stored for {r.submitter} {r.month}")
            ok = False
    month_totals = [
        add_blocks(
            b for packages in sent.values() for p in packages if p.month == m for b in p.regions.values()
        )
        for m in months
    ]
    if national.get("totals") != range_block(month_totals).model_dump():
        print("the national totals differ from the sum of what was sent")
        ok = False
    return ok


def _nth_month(month: str, n: int) -> str:
    for _ in range(n):
        month = next_month(month)
    return month


if __name__ == "__main__":
    sys.exit(main())
