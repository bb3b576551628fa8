"""opaque campaign codes

Revision ID: 0007
Revises: 0006

Until now a campaign created without a code got one made from its name and start month
(`anna-hansen-010190-1234-2025-03`), and that code went to SIRI in every package. Every
campaign whose code was made that way, or that the new rule would refuse (not the agency's
shape, a run of 6 digits, an e-mail address, a name the vault knows), gets a fresh opaque
code (`kmp-…`). Packages still waiting in the outbox carry the new code too, so no old code
leaves the laptop after the upgrade. Nothing else changes; the campaign's name stays.

Data migrations here use frozen table definitions (sa.table / sa.column), never the live models.
"""

import json
import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from consultant_app.campaign_codes import code_problems, generate_code

revision: str = "0007"
down_revision: str | None = "0006"  # the lead re-chains at merge
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

campaign = sa.table(
    "survey_campaign",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("period_from", sa.Date),
)
outbox = sa.table(
    "outbox_package",
    sa.column("id", sa.Integer),
    sa.column("state", sa.String),
    sa.column("payload", sa.Text),
)
_FOLDS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def _old_default_code(name: str, period_from) -> str:
    """The derivation the app used before this revision (frozen here)."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_FOLDS)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:48] or "kampagne"
    return f"{slug}-{period_from:%Y-%m}"


def _names(conn) -> list[str]:
    names = [r[0] for r in conn.execute(sa.text("SELECT name FROM profile"))]
    names += [r[0] for r in conn.execute(sa.text("SELECT name FROM professional"))]
    for full_name, pseudonym in conn.execute(sa.text("SELECT full_name, pseudonym FROM citizen")):
        names += [n for n in (full_name, pseudonym) if n]
    return names


def upgrade() -> None:
    conn = op.get_bind()
    names = _names(conn)
    rows = conn.execute(
        sa.select(campaign.c.id, campaign.c.code, campaign.c.name, campaign.c.period_from)
    ).all()
    taken = {row.code for row in rows}
    renamed: dict[str, str] = {}
    for campaign_id, code, name, period_from in rows:
        derived = period_from is not None and code == _old_default_code(name or "", period_from)
        if not derived and not code_problems(code, names):
            continue
        new = generate_code()
        while new in taken:
            new = generate_code()
        taken.add(new)
        renamed[code] = new
        conn.execute(sa.update(campaign).where(campaign.c.id == campaign_id).values(code=new))
    if not renamed:
        return
    # A sent package keeps its old code here: it no longer validates, so the month is built
    # again with a higher version, which replaces the old one at SIRI.
    pending = conn.execute(sa.select(outbox.c.id, outbox.c.payload).where(outbox.c.state != "sent"))
    for package_id, payload in pending.all():
        try:
            package = json.loads(payload)
        except ValueError:
            continue
        for entry in package.get("survey", []):
            entry["campaign"] = renamed.get(entry.get("campaign"), entry.get("campaign"))
        package["survey"] = sorted(package.get("survey", []), key=lambda e: e.get("campaign", ""))
        conn.execute(
            sa.update(outbox)
            .where(outbox.c.id == package_id)
            .values(payload=json.dumps(package, ensure_ascii=False, indent=2) + "\n")
        )


def downgrade() -> None:
    """The old codes are not restored: they could name a person."""
