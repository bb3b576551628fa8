"""Migrations: one head, upgrades with data in the vault, models equal the migrated schema."""

import shutil
import subprocess
import sys
from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from consultant_app.domain import Base, Inquiry, InquiryReason, Note
from consultant_app.errors import VaultTooNewError, VaultUpgradeRequired
from consultant_app.resources import migrations_dir
from consultant_app.storage import migrate
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

PROBE_REVISION = '''
"""test-only revision: proves an outdated vault is copied aside and upgraded"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("upgrade_probe")
'''


def test_the_revision_chain_has_one_head():
    assert len(migrate.script_directory().get_heads()) == 1


def test_models_match_the_migrated_schema(vault):
    with vault.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_from_the_first_revision_keeps_data(vault_path):
    first = list(migrate.script_directory().walk_revisions())[-1].revision
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), first)
        # Frozen SQL, as a vault of the first revision would hold it.
        conn.execute(
            text(
                "INSERT INTO inquiry (received_at, consultant, region, inquirer_type, channel, "
                "citizen_age_group, consent, trip_concern, kind, created_at, updated_at) VALUES "
                "('2024-05-01 09:00:00', 'T', 'nordjylland', 'skole', 'mail', 'barn', 'anonym', "
                "'udlandet', 'forloeb', '2024-05-01 09:00:00', '2024-05-01 09:00:00')"
            )
        )
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert migrate.schema_state(conn) is migrate.SchemaState.CURRENT
    with vault.session() as s:
        inquiry = s.query(Inquiry).one()
        assert (inquiry.region, inquiry.trip_concern) == ("nordjylland", "udlandet")
        assert inquiry.received_at == datetime(2024, 5, 1, 9)
    vault.lock()


def newer_migrations(tmp_path, monkeypatch):
    """The migrations of a later version: today's chain plus one revision."""
    target = tmp_path / "db"
    shutil.copytree(migrations_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9999_probe.py").write_text(
        PROBE_REVISION.format(head=migrate.head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "migrations_dir", lambda: target)
    return target


def test_outdated_vault_is_copied_aside_then_upgraded(vault_path, monkeypatch, tmp_path):
    Vault.create(vault_path, PASSPHRASE, name="T", team="odense").lock()
    old_head = migrate.head_revision()
    newer_migrations(tmp_path / "newer", monkeypatch)

    with pytest.raises(VaultUpgradeRequired):
        Vault.open(vault_path, PASSPHRASE, upgrade=False)
    with Vault.open(vault_path, PASSPHRASE) as vault, vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == "9999"
        conn.execute(text("SELECT count(*) FROM upgrade_probe"))
    copies = list(vault_path.parent.glob(f"{vault_path.name}.before-{old_head}-*.bak"))
    assert len(copies) == 1
    assert not copies[0].read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setattr(migrate, "migrations_dir", migrations_dir)
    with Vault.open(copies[0], PASSPHRASE, upgrade=False) as old, old.engine.connect() as conn:
        assert migrate.current_revision(conn) == old_head


def test_vault_from_a_newer_version_is_refused(vault_path, monkeypatch, tmp_path):
    newer = newer_migrations(tmp_path / "newer", monkeypatch)
    Vault.create(vault_path, PASSPHRASE, name="T", team="odense").lock()
    monkeypatch.setattr(migrate, "migrations_dir", migrations_dir)
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNewError):
        Vault.open(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == before
    assert newer.exists()


REBUILD_REVISION = '''
"""test-only revision: rebuilds the inquiry table, as SQLite's batch mode does to alter it"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("inquiry", recreate="always") as batch:
        batch.add_column(sa.Column("probe", sa.Integer, nullable=True))


def downgrade():
    pass
'''


def test_a_migration_that_rebuilds_a_parent_table_keeps_its_children(vault_path, monkeypatch, tmp_path):
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with vault.session() as s:
        inquiry = Inquiry(
            received_at=datetime(2024, 5, 1, 9),
            consultant="T",
            region="nordjylland",
            inquirer_type="skole",
            channel="mail",
            citizen_age_group="barn",
            trip_concern="ingen",
        )
        s.add(inquiry)
        s.flush()
        s.add(InquiryReason(inquiry_id=inquiry.id, code="trusler"))
        s.add(Note(inquiry_id=inquiry.id, text="bliver den?"))
    vault.lock()
    head = migrate.head_revision()
    newer = newer_migrations(tmp_path / "newer", monkeypatch)
    (newer / "versions" / "9999_probe.py").write_text(REBUILD_REVISION.format(head=head), encoding="utf-8")
    with Vault.open(vault_path, PASSPHRASE) as upgraded, upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM inquiry_reason")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM note")).scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_light_head_is_alembics_head():
    assert migrate.light_head_revision() == migrate.head_revision()


def test_opening_a_current_vault_leaves_alembic_unloaded(vault_path):
    """Alembic is loaded only when a migration is due: a vault at head opens with one query."""
    Vault.create(vault_path, PASSPHRASE, name="T", team="odense").lock()
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from consultant_app.storage.vault import Vault\n"
        f"Vault.open(Path(sys.argv[1]), {PASSPHRASE!r}).lock()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(vault_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _inquiry_indexes(conn) -> dict[str, str]:
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiry' AND sql IS NOT NULL"
    )
    return {name: " ".join(sql.split()) for name, sql in rows}


def test_0010_writes_fewer_index_rows_per_inquiry_and_lookups_still_use_them(vault_path):
    """Migration 0010: the unread counts index is gone; the professional, citizen and origin
    indexes hold only rows with a value, each lookup still uses its index, the origin stays unique,
    and a vault upgraded from 0008 gets the same indexes as a new one."""
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with vault.engine.begin() as conn:
        new = _inquiry_indexes(conn)
        migrate.command.downgrade(migrate.alembic_config(conn), "0008")
        old = _inquiry_indexes(conn)
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert _inquiry_indexes(conn) == new
    assert "ix_inquiry_counts" in old and "ix_inquiry_counts" not in new
    for name, column in (
        ("ix_inquiry_professional_id", "professional_id"),
        ("ix_inquiry_citizen_id", "citizen_id"),
        ("ix_inquiry_origin", "origin_submitter"),
    ):
        assert "WHERE" not in old[name] and new[name].endswith(f"WHERE {column} IS NOT NULL"), new[name]
    lookups = {
        "ix_inquiry_professional_id": "SELECT id FROM inquiry WHERE professional_id = 7",
        "ix_inquiry_citizen_id": "SELECT count(*) FROM inquiry WHERE citizen_id IN (1, 2, 3)",
        "ix_inquiry_origin": "SELECT id FROM inquiry WHERE origin_submitter = 'x' AND origin_id = 3",
    }
    insert = (
        "INSERT INTO inquiry (received_at, consultant, region, inquirer_type, channel, citizen_age_group, "
        "consent, trip_concern, kind, origin_submitter, origin_id, created_at, updated_at) VALUES "
        "('2024-05-01 09:00:00', 'T', 'nordjylland', 'skole', 'mail', 'barn', 'anonym', 'ingen', 'enkelt', "
        "{origin}, '2024-05-01 09:00:00', '2024-05-01 09:00:00')"
    )
    with vault.engine.begin() as conn:
        for index, sql in lookups.items():
            plan = " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert f"INDEX {index} " in plan, plan
        for _ in range(2):  # cases of this vault: no origin, never a conflict
            conn.exec_driver_sql(insert.format(origin="NULL, NULL"))
        conn.exec_driver_sql(insert.format(origin="'colleague', 5"))
    with pytest.raises(IntegrityError), vault.engine.begin() as conn:
        conn.exec_driver_sql(insert.format(origin="'colleague', 5"))
    vault.lock()


def test_0009_adds_the_draft_table_to_a_0008_vault_and_takes_it_away_again(vault_path):
    """A vault of 0008 (automatic backups) gains the draft table with its case link; downgrading
    removes it. (Drafts are new: a 0008 vault holds none, so there is no data to carry.)"""
    vault = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")

    def tables(conn) -> set[str]:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())

    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0008")
        assert "draft" not in tables(conn)
        assert "backup_settings" in tables(conn)
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert "draft" in tables(conn)
        links = conn.exec_driver_sql("PRAGMA foreign_key_list(draft)").all()
        assert [(row[2], row[3], row[6]) for row in links] == [("inquiry", "inquiry_id", "CASCADE")]
    vault.lock()
