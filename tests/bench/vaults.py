"""Demo vaults for the benchmark, cached by size, seed, day and schema, with a plain copy.

`cached_pair(n, seed, today)` returns (encrypted vault, plaintext SQLite copy) in the cache
folder (`CONSULTANT_BENCH_CACHE`, else `<tmp>/consultant-app-bench`), building them the first
time in a subprocess (`python tests/bench/vaults.py N SEED TODAY DIR`), so the memory the demo
writer uses never counts towards the measuring process's peak. The plain copy is made by
SQLCipher itself (`sqlcipher_export` into an attached database with an empty key), so it holds
the same pages' content, schema and indexes. Benchmarks work on copies of these two files
(`working_copy`), since some figures write (a new inquiry, an audit line).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "korrekt hest batteri hæfteklamme"


def cache_dir() -> Path:
    folder = Path(
        os.environ.get("CONSULTANT_BENCH_CACHE") or Path(tempfile.gettempdir()) / "consultant-app-bench"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def schema_tag() -> str:
    """Changes whenever a migration is added or edited (a cached vault must match the schema)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "db" / "versions").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for path in sorted((ROOT / "consultant_app" / "demo").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def cached_pair(n: int, seed: int, today: date) -> tuple[Path, Path, float | None]:
    """(encrypted, plain, seconds it took to build or None when cached)."""
    folder = cache_dir() / f"n{n}-s{seed}-{today.isoformat()}-{schema_tag()}"
    encrypted, plain = folder / "vault.db", folder / "plain.db"
    if encrypted.is_file() and plain.is_file():
        return encrypted, plain, None
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), str(n), str(seed), today.isoformat(), str(folder)],
        check=True,
        cwd=ROOT,
        env=env,
    )
    return encrypted, plain, time.perf_counter() - started


def working_copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _build(n: int, seed: int, today: date, folder: Path) -> None:
    from consultant_app.demo import fill_vault
    from consultant_app.storage import cipher
    from consultant_app.storage.passphrase import Passphrase
    from consultant_app.storage.vault import Vault

    encrypted, plain = folder / "vault.db", folder / "plain.db"
    staging = folder / "vault.db.building"
    with Vault.create(staging, PASSPHRASE, name="Benchmark", team="aarhus") as vault:
        fill_vault(vault, n, seed=seed, today=today)
    (folder / "vault.db.building.lock").unlink(missing_ok=True)
    conn = cipher.connect(str(staging))
    try:
        cipher.apply_key(conn, Passphrase(PASSPHRASE))
        conn.execute(f"ATTACH DATABASE {cipher.sql_literal(str(plain))} AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    os.replace(staging, encrypted)


if __name__ == "__main__":
    size, seed_arg, day, out = sys.argv[1:5]
    _build(int(size), int(seed_arg), date.fromisoformat(day), Path(out))
