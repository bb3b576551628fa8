"""The rows of the demo vault: plain dicts for bulk inserts, the same for the same seed.

Everything is drawn from one `random.Random(seed)` in a fixed order, and ids are assigned
here (not by the database), so children can point at their parents before anything is
written. `batches()` yields the tables of a few thousand inquiries at a time in foreign-key
order, which keeps memory flat however many inquiries are asked for.
"""

import math
import random
import unicodedata
from bisect import bisect
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import ClassVar, Generic, Protocol, TypeVar

from sqlalchemy.orm import InstrumentedAttribute

from consultant_app.codes import load_codes
from consultant_app.demo import words
from consultant_app.demo.cases import CaseRows
from consultant_app.demo.weights import (
    ADVICE,
    AGE,
    CHANNEL,
    DEPARTMENT_ADULT,
    DEPARTMENT_CHILD,
    GENDER,
    INQUIRER_ADULT,
    INQUIRER_CHILD,
    MUNICIPALITY_WEIGHTS,
    ORGANISATION_TYPE,
    OTHER_MUNICIPALITY_WEIGHT,
    REASON,
    REGION_WEIGHTS,
    TRIP_ADULT,
    TRIP_CHILD,
    check_codes,
)
from consultant_app.domain import (
    Base,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    InquiryAdvice,
    InquiryReason,
    Note,
    Professional,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
)

DEMO_START = date(2018, 1, 1)
GROWTH_PER_YEAR = 0.08  # a mild, steady growth in inquiries
BATCH_SIZE = 5_000


class IdTable(Protocol):
    """A mapped class whose rows get their integer id here, before anything is written."""

    id: ClassVar[InstrumentedAttribute[int]]


# Foreign-key order: a table is written after every table it points at.
TABLES: tuple[type[Base], ...] = (
    Professional,
    Citizen,
    Inquiry,
    InquiryReason,
    InquiryAdvice,
    Contact,
    Note,
    RiskAssessment,
    RiskRating,
    RiskMeasure,
    FollowUp,
)
# All but the reasons and advice, which are keyed by their inquiry and a code.
ID_TABLES: tuple[type[IdTable], ...] = (
    Professional,
    Citizen,
    Inquiry,
    Contact,
    Note,
    RiskAssessment,
    RiskRating,
    RiskMeasure,
    FollowUp,
)

V = TypeVar("V")


class Choice(Generic[V]):
    """A weighted draw from a fixed set of values (bisect on cumulative weights: fast)."""

    def __init__(self, rng: random.Random, weights: Mapping[V, float]) -> None:
        self._rng = rng
        self._values = tuple(weights)
        self._cumulative = tuple(accumulate(weights.values()))
        self._total = self._cumulative[-1]

    def __call__(self) -> V:
        return self._values[bisect(self._cumulative, self._rng.random() * self._total)]

    def some(self, k: int) -> list[V]:
        """`k` different values (fewer if there are not that many)."""
        chosen: list[V] = []
        while len(chosen) < min(k, len(self._values)):
            value = self()
            if value not in chosen:
                chosen.append(value)
        return chosen


class DemoRows:
    def __init__(
        self,
        count: int,
        seed: int,
        today: date,
        consultant: str,
        first_ids: Mapping[type[IdTable], int],
        *,
        ref_prefix: str,
    ) -> None:
        check_codes()
        codes = load_codes()
        self.count = count
        self.today = today
        self.ref_prefix = ref_prefix  # the vault's, for the inquiries' own references
        self.rng = rng = random.Random(seed)
        self._next_id = {table: first_ids.get(table, 1) for table in ID_TABLES}
        self.first_received: datetime | None = None
        self.last_received: datetime | None = None

        self.region = Choice(rng, REGION_WEIGHTS)
        self.municipality_name = {m.code: m.name for m in codes.municipalities}
        self.municipality = {
            region: Choice(
                rng,
                {
                    m.code: MUNICIPALITY_WEIGHTS.get(m.code, OTHER_MUNICIPALITY_WEIGHT)
                    for m in codes.municipalities
                    if m.region == region
                },
            )
            for region in REGION_WEIGHTS
        }
        self.age = Choice(rng, AGE)
        self.gender = Choice(rng, GENDER)
        self.inquirer = {True: Choice(rng, INQUIRER_CHILD), False: Choice(rng, INQUIRER_ADULT)}
        self.department = {True: Choice(rng, DEPARTMENT_CHILD), False: Choice(rng, DEPARTMENT_ADULT)}
        self.trip = {True: Choice(rng, TRIP_CHILD), False: Choice(rng, TRIP_ADULT)}
        self.channel = Choice(rng, CHANNEL)
        self.reasons = Choice(rng, REASON)
        self.advice = Choice(rng, ADVICE)
        self.organisation_type = Choice(rng, ORGANISATION_TYPE)
        # Professionals to draw from, per (organisation type, region) and per region.
        self._by_type_region: dict[tuple[str, str], Choice[int]] = {}
        self._by_region: dict[str, Choice[int]] = {}
        self.professional_municipality: dict[int, str] = {}
        self.cases = CaseRows(self, consultant)

    def choice(self, weights: Mapping[V, float]) -> Choice[V]:
        return Choice(self.rng, weights)

    def new_id(self, table: type[IdTable]) -> int:
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def batches(self) -> Iterator[dict[type[Base], list[dict]]]:
        received = self._received_times()
        yield {Professional: self._professionals()}
        for start in range(0, self.count, BATCH_SIZE):
            tables: dict[type[Base], list[dict]] = {table: [] for table in TABLES[1:]}
            for moment in received[start : start + BATCH_SIZE]:
                self.cases.inquiry(moment, tables)
            yield tables

    # --- when inquiries come in ----------------------------------------------------------

    def _received_times(self) -> list[datetime]:
        """Spread from 2018 to yesterday with exponential growth, on working days and hours."""
        rng = self.rng
        last_day = self.today - timedelta(days=1)
        days = (last_day - DEMO_START).days + 1
        if days < 1:
            raise ValueError("the demo period ends before it starts")
        years = days / 365.25
        scale = math.expm1(GROWTH_PER_YEAR * years)
        times = []
        for _ in range(self.count):
            # Inverse of the growing density's distribution function: u in [0,1) -> years.
            at_years = math.log1p(rng.random() * scale) / GROWTH_PER_YEAR
            day = DEMO_START + timedelta(days=min(int(at_years * 365.25), days - 1))
            if day.weekday() >= 5 and rng.random() < 0.9:
                day -= timedelta(days=day.weekday() - 4)  # back to Friday: stays in the period
            times.append(self.moment(day))
        times.sort()
        if times:
            self.first_received, self.last_received = times[0], times[-1]
        return times

    def moment(self, day: date) -> datetime:
        """A time of day within office hours, mostly."""
        minute = self.rng.randint(7 * 60 + 30, 16 * 60 + 30) if self.rng.random() < 0.93 else 19 * 60
        return datetime.combine(day, time(minute // 60, minute % 60))

    # --- professionals -------------------------------------------------------------------

    def professional(self, organisation_type: str | None, region: str) -> int | None:
        """A professional in the region, preferably of the type; the busy ones most often."""
        pool = self._by_type_region.get((organisation_type, region)) if organisation_type else None
        pool = pool or self._by_region.get(region)
        return pool() if pool else None

    def _professionals(self) -> list[dict]:
        rng = self.rng
        grid = [(t, r) for r in REGION_WEIGHTS for t in ORGANISATION_TYPE]  # every pool gets one first
        weights_by_pool: dict[tuple[str, str], dict[int, float]] = {}
        weights_by_region: dict[str, dict[int, float]] = {}
        emails: set[str] = set()
        rows = []
        created = datetime.combine(DEMO_START, time(8, 0))
        for index in range(max(1, round(self.count / 8))):
            kind, region = grid[index] if index < len(grid) else (self.organisation_type(), self.region())
            municipality = self.municipality[region]()
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            email = _unique_email(first, last, kind, self.municipality_name[municipality], emails)
            pid = self.new_id(Professional)
            # Heavy-tailed: a few professionals come back in many inquiries, most in one or two.
            weight = rng.paretovariate(1.8)
            weights_by_pool.setdefault((kind, region), {})[pid] = weight
            weights_by_region.setdefault(region, {})[pid] = weight
            self.professional_municipality[pid] = municipality
            rows.append(
                {
                    "id": pid,
                    "name": f"{first} {last}",
                    "organisation_type": kind,
                    "organisation_name": self._organisation(kind, region, municipality),
                    "municipality_code": municipality,
                    "email": email,
                    "email_normalised": email,
                    # Danish subscriber numbers never start with 0: these reach no one.
                    "phone": f"0{rng.randint(1, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)}"
                    if rng.random() < 0.8
                    else None,
                    "created_at": created,
                    "updated_at": created,
                }
            )
        self._by_type_region = {key: Choice(rng, w) for key, w in weights_by_pool.items()}
        self._by_region = {key: Choice(rng, w) for key, w in weights_by_region.items()}
        return rows

    def _organisation(self, kind: str, region: str, municipality: str) -> str:
        town = self.municipality_name[municipality]
        if kind == "kommune":
            unit = self.rng.choice(tuple(words.MUNICIPAL_UNITS.values()))
            name = "Københavns" if municipality == "101" else town
            return f"{name} Kommune, {unit}"
        if kind == "politi":
            return self.rng.choice(words.POLICE_DISTRICTS[region])
        return self.rng.choice(words.ORGANISATIONS[kind]).format(town=town)


def _unique_email(first: str, last: str, kind: str, town: str, taken: set[str]) -> str:
    # The reserved .example domain: a demo address can never reach a real mailbox.
    local, domain = f"{_slug(first)}.{_slug(last)}", f"{kind}-{_slug(town)}.example"
    email, n = f"{local}@{domain}", 1
    while email in taken:
        n += 1
        email = f"{local}{n}@{domain}"
    taken.add(email)
    return email


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def _slug(text: str) -> str:
    text = text.lower().translate(_DANISH_LETTERS)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text if ch.isalnum() or ch == "-")
