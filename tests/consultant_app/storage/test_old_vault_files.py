"""Real vault files written by each earlier schema revision open, upgrade and keep their data.

The files in tests/data/vaults/ were made by the program of that revision (see the README there);
a migration that loses or changes a row of an earlier vault fails here, not on a laptop.
"""

import json
import shutil
from pathlib import Path

import pytest

from consultant_app.errors import VaultUpgradeRequired
from consultant_app.storage import migrate
from consultant_app.storage.vault import Vault

FIXTURES = Path(__file__).parents[2] / "data" / "vaults"
OLD_VAULTS = sorted(FIXTURES.glob("rev*.db"))


def test_there_is_a_file_for_every_earlier_revision():
    made_by = {json.loads(p.with_suffix(".json").read_text())["revision"] for p in OLD_VAULTS}
    assert {"0001", "0002", "0003", "0004", "0008"} <= made_by


def _copy(fixture: Path, tmp_path: Path) -> tuple[Path, dict]:
    expected = json.loads(fixture.with_suffix(".json").read_text())
    target = tmp_path / fixture.name
    shutil.copyfile(fixture, target)
    target.chmod(0o600)
    return target, expected


@pytest.mark.parametrize("fixture", OLD_VAULTS, ids=lambda p: p.stem)
def test_an_old_vault_is_upgraded_with_every_row_kept(fixture, tmp_path):
    path, expected = _copy(fixture, tmp_path)
    before = fixture.read_bytes()

    vault = Vault.open(path, expected["passphrase"])
    try:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            for table, count in expected["row_counts"].items():
                now = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
                # The audit trail only grows (opening and upgrading are events of their own).
                assert now >= count if table == "audit_event" else now == count, table
            columns = ", ".join(expected["inquiry_columns"])
            rows = [
                [str(v) if v is not None else None for v in row]
                for row in conn.exec_driver_sql(f"SELECT {columns} FROM inquiry ORDER BY id")
            ]
            assert rows == expected["inquiries"]
            assert list(conn.exec_driver_sql("SELECT name, team FROM profile").one()) == expected["profile"]
    finally:
        vault.lock()

    if expected["revision"] != migrate.head_revision():
        # The copy kept aside before the upgrade is the file as it was.
        (kept,) = tmp_path.glob(f"{fixture.name}.before-{expected['revision']}-*.bak")
        with pytest.raises(VaultUpgradeRequired):
            Vault.open(kept, expected["passphrase"], upgrade=False)
    assert fixture.read_bytes() == before  # the fixture itself is never touched


@pytest.mark.parametrize("fixture", OLD_VAULTS, ids=lambda p: p.stem)
def test_an_old_vault_is_not_upgraded_without_consent(fixture, tmp_path):
    path, expected = _copy(fixture, tmp_path)
    if expected["revision"] == migrate.head_revision():
        pytest.skip("this fixture is at the current revision")
    untouched = path.read_bytes()
    with pytest.raises(VaultUpgradeRequired):
        Vault.open(path, expected["passphrase"], upgrade=False)
    assert path.read_bytes() == untouched
