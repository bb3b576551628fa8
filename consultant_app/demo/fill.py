"""Write the demo rows into a vault: bulk Core inserts in one transaction, so 100 000
inquiries take seconds, not minutes, and an interruption leaves the vault as it was."""

import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Table, func, insert, select

from consultant_app.demo.rows import ID_TABLES, DemoRows
from consultant_app.domain import (
    Base,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    Note,
    Professional,
    Profile,
    RiskAssessment,
)
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.services.refs import ref_prefix
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault

DEMO_CONSULTANT = "Demo-konsulent"
DEFAULT_INQUIRIES = 2_000
MAX_INQUIRIES = 1_000_000
# Page cache for the bulk write (KiB, as SQLite's negative form): index pages of a large demo
# stay decrypted in memory instead of being re-read and re-encrypted; restored afterwards.
BULK_CACHE_KIB = 64 * 1024


class VaultNotEmptyError(ConsultantAppError):
    text = Text(
        da="Boksen indeholder allerede {count} henvendelser. Demodata skrives kun i en boks uden "
        "henvendelser; vælg en ny fil, så dine egne data ikke blandes med opdigtede.",
        en="The vault already holds {count} inquiries. Demo data is only written to a vault without "
        "inquiries; choose a new file, so your own data is not mixed with invented data.",
    )


class DemoSizeError(ConsultantAppError):
    text = Text(
        da="Antallet af henvendelser skal være mellem 1 og {max}.",
        en="The number of inquiries must be between 1 and {max}.",
    )


@dataclass(frozen=True)
class DemoSummary:
    inquiries: int
    courses: int
    open_courses: int
    professionals: int
    citizens: int
    contacts: int
    notes: int
    follow_ups: int
    overdue_follow_ups: int
    risk_assessments: int
    first_received: date | None
    last_received: date | None
    seconds: float

    def as_dict(self) -> dict:
        data = asdict(self)
        data["first_received"] = self.first_received.isoformat() if self.first_received else None
        data["last_received"] = self.last_received.isoformat() if self.last_received else None
        data["seconds"] = round(self.seconds, 2)
        return data


def fill_vault(vault: Vault, inquiries: int, seed: int, *, today: date | None = None) -> DemoSummary:
    """Write `inquiries` synthetic inquiries (received 2018 to yesterday) and everything around
    them. Refuses a vault that already holds inquiries; other rows already there are kept."""
    if not 1 <= inquiries <= MAX_INQUIRIES:
        raise DemoSizeError(max=MAX_INQUIRIES)
    started = time.perf_counter()
    with vault.session() as session:
        existing = session.scalar(select(func.count()).select_from(Inquiry))
        if existing:
            raise VaultNotEmptyError(count=existing)
        profile = session.get(Profile, 1)
        # Ids are assigned up front, after whatever the vault already has.
        first_ids = {table: (session.scalar(select(func.max(table.id))) or 0) + 1 for table in ID_TABLES}
        rows = DemoRows(
            inquiries,
            seed,
            today or date.today(),
            profile.name if profile else DEMO_CONSULTANT,
            first_ids,
            ref_prefix=ref_prefix(session),
        )
        written: Counter[type[Base]] = Counter()
        connection = session.connection()
        cache_size = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
        connection.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        try:
            for batch in rows.batches():
                for table, table_rows in batch.items():
                    if table_rows:  # Core executemany: no ORM objects, no per-row events
                        session.execute(insert(_table(table)), table_rows)
                        written[table] += len(table_rows)
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size = {cache_size}")
        audit.record(session, "import", detail=f"demo: {inquiries} inquiries")
    cases = rows.cases
    return DemoSummary(
        inquiries=written[Inquiry],
        courses=cases.courses,
        open_courses=cases.open_courses,
        professionals=written[Professional],
        citizens=written[Citizen],
        contacts=written[Contact],
        notes=written[Note],
        follow_ups=written[FollowUp],
        overdue_follow_ups=cases.overdue,
        risk_assessments=written[RiskAssessment],
        first_received=rows.first_received.date() if rows.first_received else None,
        last_received=rows.last_received.date() if rows.last_received else None,
        seconds=time.perf_counter() - started,
    )


def _table(model: type[Base]) -> Table:
    table = model.__table__  # declared as any FromClause; a plain declarative model maps a Table
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table
