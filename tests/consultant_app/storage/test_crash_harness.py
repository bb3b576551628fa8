"""Crash harness: SIGKILL at random points of import, registration, re-key, migration and backup.

After every kill: the vault opens with the old or the new passphrase (never neither), SQLite's
integrity_check and SQLCipher's cipher_integrity_check are clean, nothing the app had reported
as saved is missing, and an import or a migration is all or nothing.

CONSULTANT_APP_CRASH_POINTS sets the number of kills (default 5, spread evenly over the five
operations); CONSULTANT_APP_CRASH_SEED makes a run repeatable. Run with -s to see the figures.
"""

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from consultant_app.codes import load_codes
from consultant_app.demo import fill_vault
from consultant_app.errors import WrongPassphraseError
from consultant_app.interchange.columns import HEADER
from consultant_app.resources import migrations_dir
from consultant_app.storage import cipher, migrate
from consultant_app.storage.passphrase import Passphrase
from consultant_app.storage.vault import Vault
from tests.consultant_app.storage.crash_driver import PROBE_REVISION

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal"),
]

OLD = "korrekt hest batteri hæfteklamme gammel"
NEW = "ny hest batteri hæfteklamme frisk luft"
OPERATIONS = ("import", "register", "rekey", "migrate", "backup")
POINTS = int(os.environ.get("CONSULTANT_APP_CRASH_POINTS", "5"))
CALIBRATE = POINTS > 2 * 5  # a short CI run kills within a fixed window instead
DEFAULT_WINDOW = 1.6  # seconds: about how long each operation runs here (READY to end)
SEED = int(os.environ.get("CONSULTANT_APP_CRASH_SEED", "8"))
DEMO_INQUIRIES = 300
IMPORT_ROWS = 1000
REGISTRATIONS = 40
ROOT = Path(__file__).resolve().parents[3]


def write_import_file(path: Path) -> None:
    municipalities = load_codes().municipalities
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        for n in range(IMPORT_ROWS):
            m = municipalities[n % len(municipalities)]
            row = {
                "external_ref": f"CRASH{n:06d}",
                "received_on": f"{2019 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "region": m.region,
                "municipality_code": m.code,
                "inquirer_type": "kommune",
                "municipal_department": "boern_unge",
                "channel": "telefon",
                "citizen_age_group": "barn",
                "trip_concern": "ingen",
                "reasons": "pres|trusler",
                "advice_types": "sikkerhed",
                "notes": f"Importeret {n}; æøå",
                "professional_name": f"Fagperson {n % 300}",
                "professional_email": f"fagperson{n % 300}@kommune.dk",
            }
            writer.writerow([row.get(name, "") for name in HEADER])


@dataclass
class Template:
    folder: Path
    vault: Path
    import_file: Path
    migrations: Path
    inquiries: int
    old_head: str
    durations: dict[str, float] = field(default_factory=dict)


def driver(operation: str, vault: Path, argument: str | None) -> subprocess.Popen:
    env = os.environ | {
        "CONSULTANT_APP_PASSPHRASE": OLD,
        "CONSULTANT_APP_NEW_PASSPHRASE": NEW,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [sys.executable, "-m", "tests.consultant_app.storage.crash_driver", operation, str(vault)]
    if argument is not None:
        command.append(argument)
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def argument_for(operation: str, template: Template, folder: Path) -> str | None:
    return {
        "import": str(template.import_file),
        "register": str(REGISTRATIONS),
        "backup": str(folder / "kopi.bak"),
        "migrate": str(template.migrations),
    }.get(operation)


def wait_ready(process: subprocess.Popen) -> None:
    line = process.stdout.readline()
    assert line.strip() == "READY", (line, process.communicate())


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Template:
    folder = tmp_path_factory.mktemp("crash-template")
    vault = folder / "vault.db"
    with Vault.create(vault, OLD, name="T", team="aarhus") as v:
        fill_vault(v, DEMO_INQUIRIES, seed=5, today=date(2025, 6, 1))
    (folder / "vault.db.lock").unlink(missing_ok=True)
    import_file = folder / "import.csv"
    write_import_file(import_file)
    migrations = folder / "db"
    shutil.copytree(migrations_dir(), migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_crash_probe.py").write_text(
        PROBE_REVISION.format(head=migrate.head_revision()), encoding="utf-8"
    )
    made = Template(folder, vault, import_file, migrations, DEMO_INQUIRIES, migrate.head_revision())
    made.durations = dict.fromkeys(OPERATIONS, DEFAULT_WINDOW)
    # Calibrate: how long each operation runs from READY to its end, so kills spread over it.
    for operation in OPERATIONS if CALIBRATE else ():
        work = tmp_path_factory.mktemp(f"calibrate-{operation}")
        shutil.copyfile(vault, work / "vault.db")
        process = driver(operation, work / "vault.db", argument_for(operation, made, work))
        wait_ready(process)
        started = time.monotonic()
        out, err = process.communicate(timeout=120)
        made.durations[operation] = time.monotonic() - started
        assert process.returncode == 0 and "DONE" in out, (operation, out, err)
    return made


@dataclass
class Outcome:
    operation: str
    delay: float
    done: bool
    hot_journal: bool
    leftovers: list[str]
    opened_with: str


def rows(conn, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def open_checked(path: Path, passphrases: tuple[str, ...]):
    """A raw keyed connection (its first read rolls back a hot journal), both checks clean."""
    for secret in passphrases:
        conn = cipher.connect(str(path))
        try:
            cipher.apply_key(conn, Passphrase(secret))
        except WrongPassphraseError:
            conn.close()
            continue
        cipher.require_integrity(conn)
        return conn, secret
    raise AssertionError(f"{path.name} opens with none of the passphrases")


def check(operation: str, folder: Path, out: str, template: Template) -> str:
    path = folder / "vault.db"
    done = "DONE" in out.split()
    passphrases = (OLD, NEW) if operation == "rekey" else (OLD,)
    conn, secret = open_checked(path, passphrases)
    try:
        if operation == "rekey" and done:
            assert secret == NEW, "the re-key was reported done but the new passphrase does not open"
        inquiries = rows(conn, "SELECT count(*) FROM inquiry")[0][0]
        revision = rows(conn, "SELECT version_num FROM alembic_version")[0][0]
        if operation == "migrate":
            assert revision in (template.old_head, "9999")
            columns = {r[1] for r in rows(conn, "PRAGMA table_info(inquiry)")}
            probe = rows(conn, "SELECT count(*) FROM sqlite_master WHERE name = 'upgrade_probe'")[0][0]
            if revision == "9999":
                assert "probe" in columns and probe == 1
            else:
                assert "probe" not in columns and probe == 0, "a half-applied migration"
                assert not done
            assert inquiries == template.inquiries
        elif operation == "import":
            expected = template.inquiries + IMPORT_ROWS if done else None
            assert inquiries in (template.inquiries, template.inquiries + IMPORT_ROWS), inquiries
            if expected is not None:
                assert inquiries == expected
            imported = rows(conn, "SELECT count(*) FROM inquiry WHERE external_ref LIKE 'CRASH%'")[0][0]
            assert imported in (0, IMPORT_ROWS)
        elif operation == "register":
            saved = {int(line.split()[1]) for line in out.splitlines() if line.startswith("SAVED ")}
            present = {r[0] for r in rows(conn, "SELECT id FROM inquiry WHERE notes LIKE 'crash %'")}
            assert saved <= present, f"reported saved but missing: {sorted(saved - present)}"
            assert len(present - saved) <= 1  # at most the one whose commit had not yet returned
            assert inquiries == template.inquiries + len(present)
        else:
            assert inquiries == template.inquiries
        if operation == "backup":
            copy = folder / "kopi.bak"
            if done:
                assert copy.is_file()
            if copy.exists():  # a backup that exists is complete and opens
                backup_conn, _ = open_checked(copy, (OLD,))
                try:
                    assert rows(backup_conn, "SELECT count(*) FROM inquiry")[0][0] == template.inquiries
                finally:
                    backup_conn.close()
    finally:
        conn.close()
    if operation != "migrate":  # the app's own unlock (with its page check) agrees
        with Vault.open(path, secret, upgrade=False):
            pass
    return secret


def one_point(index: int, operation: str, template: Template, base: Path) -> Outcome:
    rng = random.Random(f"{SEED}-{index}")
    folder = base / f"{index:03d}-{operation}"
    folder.mkdir()
    shutil.copyfile(template.vault, folder / "vault.db")
    process = driver(operation, folder / "vault.db", argument_for(operation, template, folder))
    try:
        wait_ready(process)
        delay = rng.uniform(0, template.durations[operation] * 1.1)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        out, _err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    hot_journal = (folder / "vault.db-journal").exists()
    leftovers = sorted(
        p.name for p in folder.iterdir() if p.name not in ("vault.db", "vault.db.salt", "kopi.bak")
    )
    secret = check(operation, folder, out, template)
    return Outcome(
        operation, delay, "DONE" in out.split(), hot_journal, leftovers, "new" if secret == NEW else "old"
    )


def test_sigkill_at_random_points_never_loses_a_saved_change(template, tmp_path):
    plan = [(i, OPERATIONS[i % len(OPERATIONS)]) for i in range(POINTS)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda p: one_point(p[0], p[1], template, tmp_path), plan))
    elapsed = time.monotonic() - started
    per_op = Counter(o.operation for o in outcomes)
    print(f"\ncrash harness: {len(outcomes)} kills in {elapsed:.1f} s (seed {SEED}), 0 failures")
    for operation in OPERATIONS:
        mine = [o for o in outcomes if o.operation == operation]
        print(
            f"  {operation:9s} {per_op[operation]:3d} kills; op {template.durations[operation]:.2f} s; "
            f"reported done {sum(o.done for o in mine)}; hot journal {sum(o.hot_journal for o in mine)}; "
            f"opened with new passphrase {sum(o.opened_with == 'new' for o in mine)}; "
            f"left-over files {sorted(Counter(n.split('.', 2)[-1] for o in mine for n in o.leftovers).items())}"
        )
