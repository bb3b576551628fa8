"""What one page costs SQLCipher, against the same SQLite without a key and the standard library's.

Not a test: run it by hand,
    python3 run.py python tests/bench/page_cost.py [--pages 4000] [--transactions 500]
Issue 17 asks every everyday operation to cost at most 1.2x its plain SQLite copy in CPU. An
operation's encrypted overhead is about (pages it reads from the file + pages it writes, twice
in the rollback journal's mode) x what SQLCipher adds per page, so this measures that per page,
on the vault's settings (SQLCipher 4 defaults, 4096-byte pages, HMAC-SHA512, AES-256-CBC):

  read    a table of N pages read through a cache of 10 pages (each page from the OS's cache)
  write   one-row updates, each its own transaction (the row's page and the header page), in the
          vault's journal mode (DELETE, synchronous FULL) and, for comparison, WAL and with
          synchronous OFF (user and system CPU apart: the journal's files and fsyncs are the
          kernel's)

for three drivers: `sqlcipher3` keyed (the vault), the same module without a key, and the
standard library's `sqlite3`. docs/scale.md reads the figures.
"""

import argparse
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

import sqlcipher3

KEY = "x'" + "2d" * 32 + "'"  # a raw key: no key derivation in what is timed


def _connect(driver: str, path: Path):
    module = sqlite3 if driver == "sqlite3" else sqlcipher3
    conn = module.connect(str(path), isolation_level=None)
    if driver == "encrypted":
        conn.execute(f'PRAGMA key = "{KEY}"')
    return conn


def _fill(driver: str, path: Path, pages: int) -> None:
    conn = _connect(driver, path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (b) VALUES (randomblob(3000))", [()] * pages)  # a row a page
    conn.execute("COMMIT")
    conn.close()


def read_us(driver: str, path: Path, pages: int) -> float:
    best = float("inf")
    for _ in range(5):
        conn = _connect(driver, path)
        conn.execute("PRAGMA cache_size = 10")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        started = time.process_time()
        conn.execute("SELECT sum(length(b)) FROM t").fetchone()
        best = min(best, time.process_time() - started)
        conn.close()
    return best / pages * 1e6


def write_us(driver: str, path: Path, mode: str, sync: str, transactions: int) -> tuple[float, float]:
    conn = _connect(driver, path)
    conn.execute(f"PRAGMA journal_mode = {mode}").fetchall()
    conn.execute(f"PRAGMA synchronous = {sync}")
    before = resource.getrusage(resource.RUSAGE_SELF)
    for i in range(transactions):
        conn.execute("BEGIN")
        conn.execute("UPDATE t SET b = randomblob(3000) WHERE id = ?", (i * 13 % 1000 + 1,))
        conn.execute("COMMIT")
    after = resource.getrusage(resource.RUSAGE_SELF)
    conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    conn.close()
    user = (after.ru_utime - before.ru_utime) / transactions * 1e6
    system = (after.ru_stime - before.ru_stime) / transactions * 1e6
    return user, system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000)
    parser.add_argument("--transactions", type=int, default=1000)
    args = parser.parse_args()
    version = _connect("encrypted", Path(":memory:"))
    print(
        "SQLCipher",
        version.execute("PRAGMA cipher_version").fetchone()[0],
        "on",
        version.execute("PRAGMA cipher_provider_version").fetchone()[0],
        f"(SQLite {sqlcipher3.sqlite_version}); standard library SQLite {sqlite3.sqlite_version}",
    )
    drivers = ("encrypted", "sqlcipher3", "sqlite3")
    with tempfile.TemporaryDirectory() as folder:
        files = {driver: Path(folder) / f"{driver}.db" for driver in drivers}
        for driver, path in files.items():
            _fill(driver, path, args.pages)
        print(f"\nread, CPU per page ({args.pages} pages, best of 5)")
        for driver, path in files.items():
            print(f"  {driver:11} {read_us(driver, path, args.pages):6.1f} µs")
        print(f"\nwrite, CPU per one-row transaction (mean of {args.transactions}, best of 3): user + system")
        for mode, sync in (("DELETE", "FULL"), ("WAL", "FULL"), ("DELETE", "OFF"), ("WAL", "OFF")):
            for driver, path in files.items():
                runs = [write_us(driver, path, mode, sync, args.transactions) for _ in range(3)]
                user, system = min(runs, key=sum)
                print(f"  {mode:6} synchronous {sync:4} {driver:11} {user:6.1f} + {system:6.1f} µs")


if __name__ == "__main__":
    main()
