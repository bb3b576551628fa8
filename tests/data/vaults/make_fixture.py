"""Write one old-revision vault fixture and what it held, using the program of that revision.

Run from a checkout of the commit whose newest migration is the revision wanted, with that
checkout first on the path (see README.md beside this file):

    cd OLD_CHECKOUT && PYTHONPATH=. python /path/to/make_fixture.py tests/data/vaults/rev0003.db

The data is the demo generator's (invented people only) with a fixed seed and day, so the same
revision gives the same records. The `.json` beside the vault records, as read back through plain
SQL by that same program, what the upgrade must keep.
"""

import json
import sys
from datetime import date
from pathlib import Path

from consultant_app.demo import fill_vault
from consultant_app.storage.vault import Vault

PASSPHRASE = "old-vault-fixture-passphrase"
INQUIRY_COLUMNS = ("id", "received_at", "region", "kind", "closed_on", "citizen_age_group", "channel")


def main(target: Path) -> None:
    vault = Vault.create(target, PASSPHRASE, name="Demo-konsulent", team="aarhus")
    try:
        fill_vault(vault, 40, 7, today=date(2026, 11, 30))
        with vault.engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
            tables = [
                name
                for (name,) in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
                )
            ]
            counts = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one() for t in tables}
            inquiries = [
                [str(v) if v is not None else None for v in row]
                for row in conn.exec_driver_sql(
                    f"SELECT {', '.join(INQUIRY_COLUMNS)} FROM inquiry ORDER BY id"
                )
            ]
            profile = conn.exec_driver_sql("SELECT name, team FROM profile").one()
    finally:
        vault.lock()
    expected = {
        "revision": revision,
        "passphrase": PASSPHRASE,
        "profile": list(profile),
        "row_counts": counts,
        "inquiry_columns": list(INQUIRY_COLUMNS),
        "inquiries": inquiries,
    }
    target.with_suffix(".json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
