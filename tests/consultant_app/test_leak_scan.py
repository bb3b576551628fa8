"""Leak scan: a canary in every free-text column of the vault, then the app's actions through the
command line with HOME, TMPDIR and the XDG folders inside the test's folder and debug logging
to a file; afterwards no file anywhere in that folder holds a canary (UTF-8, UTF-16, inside a
PDF's text or a zip member), except the exports the test explicitly asked for, which must.
"""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from consultant_app.demo import fill_vault
from consultant_app.domain import Base
from consultant_app.storage.vault import Vault

pytestmark = pytest.mark.slow

OLD = "korrekt hest batteri hæfteklamme lækage"
NEW = "ny hest batteri hæfteklamme lækage to"
TAG = "QZKANARIE"
ROOT = Path(__file__).resolve().parents[2]

# Codes, keys and references: the app validates or counts them, and they are not free text.
NOT_FREE_TEXT = {
    "region", "municipality_code", "inquirer_type", "municipal_department", "channel",
    "citizen_age_group", "citizen_gender", "consent", "trip_concern", "kind", "closing_reason",
    "code", "status", "state", "method", "type", "instrument_id", "instrument_version",
    "serious_violence", "imminent_risk", "screening_override", "item_id", "now", "earlier",
    "follow_up_type", "organisation_type", "team", "default_region", "language", "month",
    "idempotency_key", "security", "external_ref", "ref_prefix", "submitter_id",
    "email_normalised", "action", "entity", "detail", "payload", "ca_file", "endpoint", "link",
}  # fmt: skip


def canary(table: str, column: str) -> str:
    return f"{TAG}{table}{column}".replace("_", "")


# The statistics PDF names who printed it: the consultant's own name (the profile), by design.
ALLOWED = {"out/stats.pdf": {canary("profile", "name")}}


def plant_canaries(vault: Vault) -> list[str]:
    """Every free-text column of every row that exists gets its own canary (plus the row id)."""
    planted = []
    with vault.engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_event":
                continue  # written by the app itself (action codes, no free text)
            for column in table.columns:
                if not isinstance(column.type, sa.String | sa.Text) or column.name in NOT_FREE_TEXT:
                    continue
                value = canary(table.name, column.name)
                done = conn.exec_driver_sql(
                    f"UPDATE {table.name} SET {column.name} = ? || ' ' || rowid",
                    (value,),
                )
                if done.rowcount:
                    planted.append(value)
    return planted


def encodings_of(data: bytes) -> list[str]:
    texts = [
        data.decode("utf-8", "ignore"),
        data.decode("utf-16-le", "ignore"),
        data.decode("utf-16-be", "ignore"),
    ]
    texts.append(data[1:].decode("utf-16-le", "ignore"))  # odd alignment
    if data.startswith(b"%PDF"):
        with contextlib.suppress(Exception):  # a broken PDF is scanned as bytes only
            texts += [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                texts += [z.read(n).decode("utf-8", "ignore") for n in z.namelist()]
        except zipfile.BadZipFile:
            pass
    return texts


def canaries_in(path: Path) -> set[str]:
    found = set()
    for text in encodings_of(path.read_bytes()):
        found |= set(re.findall(f"{TAG}[a-z]+", text))
    return found


def cli(env: dict, log: Path, *args: str, stdin: str | None = None) -> str:
    with log.open("a", encoding="utf-8") as err:
        result = subprocess.run(
            [sys.executable, "-m", "consultant_app", "--debug", *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, (args, log.read_text(encoding="utf-8")[-2000:])
    return result.stdout


def test_no_canary_leaves_the_vault_except_in_explicit_exports(tmp_path):
    home, tmp, explicit, out, logs = (tmp_path / n for n in ("home", "tmp", "explicit", "out", "logs"))
    for folder in (home, tmp, explicit, out, logs):
        folder.mkdir()
    vault_path = home / "data" / "vault.db"
    with Vault.create(vault_path, OLD, name="Konsulent", team="aarhus") as vault:
        fill_vault(vault, 40, seed=2, today=date(2025, 6, 1))
        planted = plant_canaries(vault)
    assert len(planted) >= 20, planted

    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONSULTANT_APP_")) and k != "TMPDIR"
    } | {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "TMPDIR": str(tmp),
        "TEMP": str(tmp),
        "TMP": str(tmp),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(tmp / "run"),
        "CONSULTANT_APP_PASSPHRASE": OLD,
        "CONSULTANT_APP_NEW_PASSPHRASE": NEW,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    log = logs / "debug.log"
    v = ("--vault", str(vault_path))

    import_file = explicit / "import.csv"
    cli(env, log, "export", "inquiries", str(explicit / "export.csv"), *v)
    # Re-import the export: a real import of canaried rows (duplicates are the importer's business).
    import_file.write_bytes((explicit / "export.csv").read_bytes())
    subprocess.run(
        [sys.executable, "-m", "consultant_app", "--debug", "import", "inquiries", str(import_file), *v,
         "--rejects", str(out / "rejects.csv")],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("a"), timeout=120, check=False,
    )  # fmt: skip
    cli(env, log, "backup", str(home / "sikkerhedskopi.bak"), *v)
    cli(env, log, "restore", str(home / "sikkerhedskopi.bak"), *v, "--force")
    cli(env, log, "change-passphrase", *v)
    env["CONSULTANT_APP_PASSPHRASE"] = NEW
    cli(
        env,
        log,
        "stats",
        "monthly",
        "--from",
        "2018-01",
        "--to",
        "2025-06",
        "-o",
        str(out / "stats.json"),
        *v,
    )
    cli(
        env, log, "stats", "monthly", "--from", "2018-01", "--to", "2025-06", "-o", str(out / "stats.pdf"), *v
    )
    cli(env, log, "package", "--month", "2025-05", "-o", str(out / "package.json"), *v)
    cli(env, log, "followups", "ics", "-o", str(out / "opfoelgninger.ics"), *v)
    assessments = json.loads(cli(env, log, "risk", "list", "--json", *v))
    assert assessments, "the demo data has risk assessments"
    first = str(assessments[0]["id"])
    cli(env, log, "risk", "pdf", first, "-o", str(explicit / "risiko.pdf"), "--with-name", *v)
    cli(env, log, "risk", "pdf", first, "-o", str(explicit / "risiko-uden-navn.pdf"), *v)
    cli(env, log, "selftest")
    assert log.stat().st_size > 0, "debug logging reached the log file"

    leaks: dict[str, set[str]] = {}
    scanned = 0
    for path in sorted(p for p in tmp_path.rglob("*") if p.is_file()):
        scanned += 1
        found = canaries_in(path)
        if path.parent == explicit:
            continue
        found -= ALLOWED.get(str(path.relative_to(tmp_path)), set())
        if found:
            leaks[str(path.relative_to(tmp_path))] = found
    print(f"\nleak scan: {len(planted)} canaried columns, {scanned} files scanned")
    # The scan works: the explicit exports hold canaries (the CSV: the inquiry notes at least).
    assert canaries_in(explicit / "export.csv")
    assert canaries_in(explicit / "risiko.pdf"), "the PDF with the name holds free text"
    assert leaks == {}, leaks
