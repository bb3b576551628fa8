"""An import killed mid-way (SIGKILL: no handler, no cleanup) leaves the vault as it was."""

import csv
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from consultant_app.codes import load_codes
from consultant_app.domain import Contact, Inquiry, InquiryReason, Professional
from consultant_app.interchange.columns import HEADER
from consultant_app.storage.vault import Vault

ROWS = 60_000
PROFESSIONALS = 2_000


def write_large_file(path) -> None:
    municipalities = load_codes().municipalities
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        for n in range(ROWS):
            m = municipalities[n % len(municipalities)]
            pro = n % PROFESSIONALS
            row = {
                "external_ref": f"R{n:06d}",
                "received_on": f"{2019 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "region": m.region,
                "municipality_code": m.code,
                "inquirer_type": "kommune",
                "municipal_department": "boern_unge",
                "channel": "telefon" if n % 2 else "mail",
                "citizen_age_group": "barn",
                "trip_concern": "ingen",
                "reasons": "pres|trusler",
                "advice_types": "sikkerhed",
                "notes": f"Notat {n}; æøå",
                "professional_name": f"Fagperson {pro}",
                "professional_email": f"fagperson{pro}@kommune.dk",
            }
            writer.writerow([row.get(name, "") for name in HEADER])


def counts(vault: Vault) -> tuple[int, ...]:
    with vault.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Inquiry, InquiryReason, Contact, Professional)
        )


@pytest.mark.slow
def test_an_import_killed_while_writing_leaves_all_or_none(vault_path, tmp_path, passphrase):
    big = tmp_path / "stor.csv"
    write_large_file(big)
    journal = vault_path.with_name(vault_path.name + "-journal")
    env = os.environ | {"CONSULTANT_APP_PASSPHRASE": passphrase}
    command = [
        sys.executable,
        "-m",
        "consultant_app",
        "import",
        "inquiries",
        str(big),
        "--vault",
        str(vault_path),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 45
        # SQLite opens the rollback journal with the first page the transaction changes.
        while not journal.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.002)
        time.sleep(0.3)  # well into the bulk inserts
        assert process.poll() is None, "the import finished before it could be killed; use a larger file"
        process.kill()
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()
    assert process.returncode == (-9 if os.name == "posix" else 1)
    # A journal left behind is a transaction that never committed: the case this test is for.
    uncommitted = journal.exists()

    with Vault.open(vault_path, passphrase) as vault:  # the hot journal is rolled back here
        vault.check_integrity()
        found = counts(vault)
    assert found == ((0, 0, 0, 0) if uncommitted else (ROWS, 2 * ROWS, ROWS, PROFESSIONALS))
    assert uncommitted, "killed after the commit: all rows are there, but the test proved less"
