"""Load: 50 concurrent submitters x 24 months against the receiver on 127.0.0.1.

Not a test (pytest does not collect this file): run it by hand,
    uv run python tests/bench/receiver_load.py [--submitters 50] [--months 24] [--db URL] [--no-tls]
It starts the receiver (uvicorn in a thread, TLS with a throw-away CA from trustme unless
--no-tls) on an ephemeral port of 127.0.0.1, issues one token per submitter, and has every
submitter send its months concurrently with the real sync client (retries, backoff,
Idempotency-Key). Each submitter also re-sends two packages with the same key (answered from the
idempotency record) and one under a new key (a duplicate). It is bounded: after --deadline
seconds it stops by itself and fails. Then it checks that nothing was lost or doubled (one row
per submitter and month, each with the counts that were sent) and that the national report
equals the sum computed here, and prints throughput and latency (p50 / p95 / max).
The database is a temporary SQLite file unless --db names one (e.g. PostgreSQL: its receiver
tables are dropped and made again, so never point it at a production database).
"""

import argparse
import random
import socket
import ssl
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import uvicorn
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
from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.db import StoredPackage, make_engine, metadata
from consultant_app.receiver.schema import VERSION_TABLE, migrate
from consultant_app.receiver.tokens import add_token
from consultant_app.sync.client import Outcome, RetryPolicy, SyncClient

FIRST_MONTH = "2024-01"


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


class Submitter(threading.Thread):
    def __init__(self, endpoint, token, ca_file, packages, deadline, rng) -> None:
        super().__init__(daemon=True)
        self.endpoint, self.token, self.ca_file = endpoint, token, ca_file
        self.packages, self.deadline, self.rng = packages, deadline, rng
        self.latencies: list[float] = []
        self.outcomes: dict[str, int] = {}
        self.requests = 0

    def run(self) -> None:
        policy = RetryPolicy(attempts=8, first_wait=0.05, max_wait=1.0, timeout=30)
        work = [(p, str(uuid.uuid4())) for p in self.packages]
        work += [self.rng.choice(work) for _ in range(2)]  # the same key again: a replay
        work.append((self.rng.choice(self.packages), str(uuid.uuid4())))  # a new key: a duplicate
        with SyncClient(self.endpoint, self.token, ca_file=self.ca_file, policy=policy) as client:
            for package, key in work:
                if time.monotonic() > self.deadline:
                    return
                started = time.perf_counter()
                result = client.send_package(package.to_json(), key)
                self.latencies.append(time.perf_counter() - started)
                self.requests += result.attempts
                name = "replayed" if result.replayed else result.outcome.value
                self.outcomes[name] = self.outcomes.get(name, 0) + 1
                if result.outcome is not Outcome.SENT:
                    print(f"  {package.month}: {result.outcome.value} {result.message}", file=sys.stderr)


def serve(app, certfile, keyfile):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app, ssl_certfile=certfile, ssl_keyfile=keyfile, log_level="warning", lifespan="off", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the receiver did not start")
        time.sleep(0.02)
    return server, thread, sock.getsockname()[1]


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
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--no-tls", action="store_true", help="plain HTTP on loopback")
    parser.add_argument("--deadline", type=float, default=180, help="seconds before it gives up")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    months = months_between(FIRST_MONTH, _nth_month(FIRST_MONTH, args.months - 1))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        url = args.db or f"sqlite:///{folder / 'receiver.db'}"
        engine = make_engine(url)
        metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
        migrate(engine)
        tokens = folder / "tokens.json"
        laptops = [add_token(tokens, f"Konsulent {i}")[1] for i in range(args.submitters)]
        analyst = add_token(tokens, "SIRI", kind="analyst")[1]
        ca, cert, key = (None, None, None) if args.no_tls else tls_files(folder)
        server, thread, port = serve(
            create_app(ReceiverSettings(tokens_file=tokens), engine=engine), cert, key
        )
        endpoint = f"{'http' if args.no_tls else 'https'}://127.0.0.1:{port}"
        sent = {
            f"{i:032x}": make_packages(f"{i:032x}", months, random.Random(rng.random()))
            for i in range(1, args.submitters + 1)
        }
        deadline = time.monotonic() + args.deadline
        workers = [
            Submitter(endpoint, token, ca, packages, deadline, random.Random(rng.random()))
            for token, packages in zip(laptops, sent.values(), strict=True)
        ]
        print(
            f"receiver on {endpoint} ({engine.dialect.name}); {len(workers)} submitters x {len(months)} months"
        )
        started = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join(max(0.0, deadline - time.monotonic()) + 1)
        elapsed = time.perf_counter() - started
        stuck = sum(w.is_alive() for w in workers)
        national = httpx.get(
            f"{endpoint}/api/v1/reports/national",
            params={"from": months[0], "to": months[-1]},
            headers={"Authorization": f"Bearer {analyst}"},
            verify=ssl.create_default_context(cafile=ca) if ca else True,
            timeout=60,
        ).json()
        server.should_exit = True
        thread.join(10)
        ok = check(engine, sent, national, months) and not stuck
        engine.dispose()
    latencies = [x for w in workers for x in w.latencies]
    outcomes: dict[str, int] = {}
    for w in workers:
        for name, n in w.outcomes.items():
            outcomes[name] = outcomes.get(name, 0) + n
    print(
        f"{len(latencies)} sends ({sum(w.requests for w in workers)} HTTP requests) in {elapsed:.1f} s: {len(latencies) / elapsed:.0f} packages/s"
    )
    print(
        f"latency per send: p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms"
    )
    print(f"outcomes: {outcomes}; threads still running at the deadline: {stuck}")
    print("OK: nothing lost, nothing doubled, the national report adds up" if ok else "FAILED")
    return 0 if ok else 1


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
