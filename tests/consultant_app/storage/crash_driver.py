"""Crash-harness driver (run as a subprocess by test_crash_harness.py, then SIGKILLed).

    python -m tests.consultant_app.storage.crash_driver OPERATION VAULT [ARG]

Prints READY once imported and about to start the operation, and reports every change only
AFTER the call that saves it has returned: `SAVED <id>` per registered inquiry, `DONE` at the
end of the others. The passphrases come from CONSULTANT_APP_PASSPHRASE and
CONSULTANT_APP_NEW_PASSPHRASE. Not a test module (no test_ prefix).
"""

import os
import sys
from datetime import datetime
from pathlib import Path

from consultant_app.storage import migrate
from consultant_app.storage.vault import Vault

PROBE_REVISION = '''
"""crash-harness revision: rebuilds the inquiry table, so a migration writes many pages"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("inquiry", recreate="always") as batch:
        batch.add_column(sa.Column("probe", sa.Integer, nullable=True))


def downgrade():
    pass
'''


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def register(vault_path: Path, passphrase: str, count: int) -> None:
    from consultant_app.services.inquiries import InquiryDraft, create_inquiry

    with Vault.open(vault_path, passphrase) as vault:
        say("READY")
        for n in range(count):
            draft = InquiryDraft(
                received_at=datetime(2024, 3, 5, 10, n % 60),
                region="midtjylland",
                inquirer_type="kommune",
                channel="telefon",
                citizen_age_group="barn",
                trip_concern="ingen",
                notes=f"crash {n}",
            )
            with vault.session() as session:
                inquiry = create_inquiry(session, draft)
                inquiry_id = inquiry.id
            say(f"SAVED {inquiry_id}")  # the session's commit has returned


def main() -> int:
    operation, vault_path = sys.argv[1], Path(sys.argv[2])
    argument = sys.argv[3] if len(sys.argv) > 3 else None
    passphrase = os.environ["CONSULTANT_APP_PASSPHRASE"]
    if operation == "register":
        register(vault_path, passphrase, int(argument or 100))
    elif operation == "import":
        from consultant_app.cli.main import main as cli

        say("READY")
        status = cli(["import", "inquiries", argument, "--vault", str(vault_path)])
        if status != 0:
            return status
    elif operation == "rekey":
        with Vault.open(vault_path, passphrase) as vault:
            say("READY")
            vault.change_passphrase(os.environ["CONSULTANT_APP_NEW_PASSPHRASE"])
    elif operation == "backup":
        with Vault.open(vault_path, passphrase) as vault:
            say("READY")
            vault.backup(Path(argument))
    elif operation == "migrate":
        migrations = Path(argument)
        migrate.migrations_dir = lambda: migrations  # a later version of the app, one revision on
        say("READY")
        Vault.open(vault_path, passphrase).lock()
    else:
        raise SystemExit(f"unknown operation {operation}")
    say("DONE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
