"""The benchmark's two databases (the encrypted vault and its plain copy) and the everyday
operations timed on both, interleaved run by run (see run.py's docstring)."""

import json
import math
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

# Imported by run.py, which puts the checkout and this folder on the path first.
import sqlcipher3
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool
from targets import (
    FIGURES,
)
from vaults import PASSPHRASE

from consultant_app.codes import load_codes
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.months import month_of, months_between, previous_month
from consultant_app.counts.package import build_package
from consultant_app.domain import Profile
from consultant_app.domain.risk import RiskAssessment
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.risk_summary import print_risk_summary
from consultant_app.reports.stats_file import StatsFile, render
from consultant_app.services.inquiries import InquiryDraft, create_inquiry
from consultant_app.services.inquiry_list import InquiryFilter, InquiryQuery, fetch_page
from consultant_app.storage import audit, cipher, migrate
from consultant_app.storage.vault import Vault

TODAY = date.today()
FILTERS = [
    InquiryQuery(InquiryFilter(region="syddanmark")),
    InquiryQuery(InquiryFilter(status="open")),
    InquiryQuery(InquiryFilter(status="closed", inquirer_type="kommune")),
    InquiryQuery(InquiryFilter(age_group="barn")),
    InquiryQuery(InquiryFilter(kind="forloeb", status="open")),
    InquiryQuery(
        InquiryFilter(received_from=date(TODAY.year - 1, 1, 1), received_to=date(TODAY.year - 1, 12, 31))
    ),
    InquiryQuery(
        InquiryFilter(
            region="hovedstaden",
            status="open",
            inquirer_type="kommune",
            age_group="barn",
            trip_concern="ingen",
            received_from=TODAY - timedelta(days=3 * 365),
        )
    ),
    InquiryQuery(sort="professional", descending=False),
]
SEARCHES = ["hansen", "søren", "xyzzy"]
DRAFT = InquiryDraft(
    region="midtjylland",
    inquirer_type="kommune",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="ingen",
    notes="Benchmark: en henvendelse oprettet af tests/bench/run.py.",
)


# --- the two databases ------------------------------------------------------------------


class Encrypted:
    name = "encrypted"

    def __init__(self, path: Path, cache_kib: int | None) -> None:
        self.path, self.cache_kib, self.vault = path, cache_kib, None

    def open(self) -> None:
        self.vault = Vault.open(self.path, PASSPHRASE, upgrade=False)
        if self.cache_kib is not None:
            with self.vault.session() as s:
                s.execute(text(f"PRAGMA cache_size = -{self.cache_kib}"))

    def close(self) -> None:
        self.vault.lock()
        self.vault = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.vault.session() as s:
            yield s


class Plain:
    """The same as Vault's engine, minus the key: one connection, the same pragmas and BEGIN."""

    name = "plain"

    def __init__(self, path: Path, cache_kib: int | None, driver: str) -> None:
        self.path, self.cache_kib, self.driver = path, cache_kib, driver
        self.engine = None

    def _connect(self):
        module = sqlite3 if self.driver == "sqlite3" else sqlcipher3
        conn = module.connect(str(self.path), check_same_thread=False, isolation_level=None)
        for pragma in cipher.CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
        if self.cache_kib is not None:
            conn.execute(f"PRAGMA cache_size = -{self.cache_kib}")
        return conn

    def open(self) -> None:
        extra = {} if self.driver == "sqlite3" else {"module": sqlcipher3.dbapi2}
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=self._connect,
            poolclass=QueuePool,
            pool_size=1,
            max_overflow=0,
            hide_parameters=True,
            **extra,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN")

        with engine.connect() as conn:
            if migrate.schema_state(conn) is not migrate.SchemaState.CURRENT:
                raise RuntimeError("plain copy is not at the schema head")
            migrate.current_revision(conn)
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(self.sessions)

    def close(self) -> None:
        self.engine.dispose()
        self.engine = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as s, s.begin():
            yield s


# --- timing --------------------------------------------------------------------------------


@dataclass
class Runs:
    wall: list[float]
    cpu: list[float]

    def summary(self) -> dict:
        ordered = sorted(self.wall)
        p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank
        return {
            "repeats": len(ordered),
            "min_ms": round(ordered[0], 2),
            "median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(p95, 2),
            "cpu_median_ms": round(statistics.median(self.cpu), 2),
        }


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


class Context:
    """What the operations need, found once in the data."""

    def __init__(self, backend) -> None:
        last = previous_month(month_of(TODAY))
        self.first, self.last = months_between("2000-01", last)[-12], last
        with backend.session() as s:
            revised = select(func.max(RiskAssessment.id)).where(RiskAssessment.previous_id.is_not(None))
            self.assessment_id = s.scalar(revised) or s.scalar(select(func.max(RiskAssessment.id)))
            profile = s.get(Profile, 1)
            self.name = profile.name
            self.subject = f"{profile.name}, {load_codes()['team'].label(profile.team)}"
        self.filter_turn = 0
        self.search_turn = 0


def operations(backend, ctx: Context) -> dict[str, Callable[[], object]]:
    def in_session(work: Callable[[Session], object]) -> Callable[[], object]:
        def run() -> object:
            with backend.session() as s:
                return work(s)

        return run

    def next_filter(s: Session):
        query = FILTERS[ctx.filter_turn % len(FILTERS)]
        return fetch_page(s, query)

    def next_search(s: Session):
        term = SEARCHES[ctx.search_turn % len(SEARCHES)]
        return fetch_page(s, InquiryQuery(replace(InquiryFilter(), text=term)))

    def register(s: Session):
        return create_inquiry(
            s, replace(DRAFT, received_at=datetime.now().replace(microsecond=0)), today=TODAY
        )

    def stats(s: Session):
        return json.dumps(monthly_stats(s, ctx.first, ctx.last).as_json(), ensure_ascii=False, indent=2)

    def risk(s: Session):
        printed = PrintInfo(printed_by=ctx.name, printed_at=datetime.now(), language="da")
        return print_risk_summary(s, ctx.assessment_id, printed)

    def xlsx(s: Session):
        content = StatsFile(
            monthly_stats(s, ctx.first, ctx.last),
            ctx.subject,
            datetime.now().strftime("%Y-%m-%d %H:%M"),
            note=lambda: None,
        )
        data = render(content, "xlsx", language="da")
        audit.record(s, "export", detail=f"stats monthly {ctx.first}..{ctx.last} xlsx file")
        return data

    return {
        "first_page": in_session(lambda s: fetch_page(s, InquiryQuery())),
        "filter": in_session(next_filter),
        "text_search": in_session(next_search),
        "register_inquiry": in_session(register),
        "stats_12_months": in_session(stats),
        "package": in_session(lambda s: build_package(s, ctx.last)),
        "risk_summary": in_session(risk),
        "xlsx_export": in_session(xlsx),
    }


def measure_databases(enc: Encrypted, plain: Plain, repeats: int, log) -> dict[str, dict[str, Runs]]:
    runs = {f: {"encrypted": Runs([], []), "plain": Runs([], [])} for f in FIGURES}
    # Unlock and the first page on a fresh connection: open, read, close; alternating.
    for _ in range(repeats):
        for backend in (enc, plain):
            wall, cpu = timed(backend.open)
            runs["unlock"][backend.name].wall.append(wall)
            runs["unlock"][backend.name].cpu.append(cpu)
            first = operations(backend, _NoContext())["first_page"]
            wall, cpu = timed(first)
            runs["first_page_after_unlock"][backend.name].wall.append(wall)
            runs["first_page_after_unlock"][backend.name].cpu.append(cpu)
            backend.close()
    log(f"  unlock: {statistics.median(runs['unlock']['encrypted'].wall):.0f} ms")
    enc.open()
    plain.open()
    try:
        contexts = {b.name: Context(b) for b in (enc, plain)}
        ops = {b.name: operations(b, contexts[b.name]) for b in (enc, plain)}
        for figure in ops["encrypted"]:
            for name in ("encrypted", "plain"):  # one untimed run each: imports, first-use caches
                ops[name][figure]()
            for _ in range(repeats):
                for name in ("encrypted", "plain"):
                    wall, cpu = timed(ops[name][figure])
                    runs[figure][name].wall.append(wall)
                    runs[figure][name].cpu.append(cpu)
                for ctx in contexts.values():
                    ctx.filter_turn += figure == "filter"
                    ctx.search_turn += figure == "text_search"
            log(f"  {figure}: {statistics.median(runs[figure]['encrypted'].wall):.1f} ms")
        in_force = {}
        with enc.session() as s:
            for pragma in ("cache_size", "kdf_iter", "cipher_page_size", "journal_mode", "synchronous"):
                in_force[pragma] = s.execute(text(f"PRAGMA {pragma}")).scalar()
            in_force["cipher_version"] = s.execute(text("PRAGMA cipher_version")).scalar()
        runs["_pragmas"] = in_force
    finally:
        enc.close()
        plain.close()
    return runs


class _NoContext:
    filter_turn = search_turn = 0


def kdf_ms(repeats: int) -> float:
    """PBKDF2-HMAC-SHA512 with SQLCipher 4's iterations alone (hashlib), for comparison."""
    import hashlib

    runs = [
        timed(lambda: hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), b"s" * 16, 256_000, 64))[0]
        for _ in range(repeats)
    ]
    return round(statistics.median(runs), 1)
