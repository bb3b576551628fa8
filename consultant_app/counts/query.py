"""The counting rules of counts.md, as SQL aggregation over the vault. The one place that
turns records into counts: the statistics, the package, the PDF and the desktop all call it.

Rule by rule, for a month M and a region R (R is the inquiry's stored region):
1. Month of an inquiry: the calendar month of its received date. `received_at` is stored as
   local wall-clock time, so its date is the local date; the month is its first seven
   characters ('YYYY-MM'), and a range filter `received_at >= first day 00:00` and
   `< first day of the next month 00:00` selects exactly the inquiries received in it.
2. `inquiries`: the inquiries received in M in R (count).
3. `by_inquirer_type`, `by_channel`, `by_kind`, `age_group`, `trip_concern`: the same
   inquiries counted by their one stored code (one conditional sum per code, in the same
   single pass). Each category therefore sums to `inquiries`; a stored code that is not in the
   code list would break that sum and is reported as `UnknownCodeError`, never dropped.
4. `by_reason`, `by_advice_type`: the same inquiries joined to their reason / advice rows,
   counted per code (GROUP BY month, region, code). An inquiry counts once under each code it
   has (the rows' primary key is (inquiry, code)), so these may sum to more than `inquiries`.
   Rules 1-4 (with rule 7) are counted as the records are written, by triggers, into the
   monthly aggregate (storage/month_counts.py); `count_months` reads the range's rows of it, so
   its cost does not grow with the vault's history. `count_months_from_records` counts the
   same from the records, and a property test holds the two equal.
5. `active_courses_end`: inquiries of kind `forloeb` in R received on or before the last day
   of M (`received_at` before the first day of the next month) and not closed by then
   (`closed_on` null or after the last day of M). A course open across years counts at every
   month end it was open at, whatever year it came in (`active_courses`).
6. Completeness: every month of the range and every region is present; a month or region
   with nothing has a zero block (counts.md: a zero is information).
7. Counted once (docs/counts.md): an inquiry is counted by the vault where it was registered.
   A case received from a colleague (`origin_submitter` set) is not counted again in rules
   2-4 here. For rule 5 a course is open in one vault at a time: in the vault that hands it
   over until the month before the hand-over month, in the receiving vault from the month it
   was taken over (`taken_over_at`). An erased case is still an (anonymous) row and counts.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from typing import ClassVar, Protocol

from sqlalchemy import DateTime, String, and_, bindparam, case, func, literal, or_, select, text, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from consultant_app.counts.blocks import (
    SINGLE_CATEGORIES,
    CountBlock,
    block_from_counts,
    category_codes,
    regions,
)
from consultant_app.counts.months import first_day, months_between, next_month
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.storage import month_counts

# Block category -> the Inquiry column holding its one code (rule 3).
SINGLE_COLUMNS = {
    "by_inquirer_type": Inquiry.inquirer_type,
    "by_channel": Inquiry.channel,
    "by_kind": Inquiry.kind,
    "age_group": Inquiry.citizen_age_group,
    "trip_concern": Inquiry.trip_concern,
}


class CodeRows(Protocol):
    """A table of an inquiry's codes, one row per code (rule 4)."""

    inquiry_id: ClassVar[InstrumentedAttribute[int]]
    code: ClassVar[InstrumentedAttribute[str]]


# Block category -> the table of its rows (rule 4).
MULTI_TABLES: dict[str, type[CodeRows]] = {"by_reason": InquiryReason, "by_advice_type": InquiryAdvice}

RegionMonths = dict[str, dict[str, CountBlock]]  # month -> region -> block


class UnknownCodeError(ConsultantAppError):
    text = Text(
        da="Boksen indeholder en værdi, som ikke findes i kodelisten ({category}, {month}); "
        "tallene kan ikke lægges sammen. Ret henvendelsen eller opdater programmet.",
        en="The vault holds a value that is not in the code list ({category}, {month}); the "
        "counts cannot be added up. Correct the inquiry or update the program.",
    )


def _month_expr():
    return func.substr(Inquiry.received_at, 1, 7)  # rule 1: 'YYYY-MM' of the local date


def _bounds(first: str, last: str) -> dict[str, datetime]:
    """Rule 1's range: from the first day of `first`, 00:00, to the first day after `last`."""
    return {
        "start": datetime.combine(first_day(first), datetime.min.time()),
        "end": datetime.combine(first_day(next_month(last)), datetime.min.time()),
    }


def _in_months():
    return and_(
        Inquiry.received_at >= bindparam("start", type_=DateTime),
        Inquiry.received_at < bindparam("end", type_=DateTime),
        registered_here(),
    )


def registered_here():
    """Rule 7: the inquiries this vault counts (not the cases received from a colleague).

    Written so that no index can serve it: nearly every row has no origin, and SQLite should
    walk the month range of `received_at`, never look for "IS NULL" in an origin index (which
    since migration 0010 holds only the cases that have an origin)."""
    return func.coalesce(Inquiry.origin_submitter, "") == ""


@cache
def _single_pass():
    month = _month_expr().label("month")
    sums = [
        func.sum(case((SINGLE_COLUMNS[category] == code, 1), else_=0))
        for category in SINGLE_CATEGORIES
        for code in category_codes(category)
    ]
    return (
        select(month, Inquiry.region, func.count(), *sums).where(_in_months()).group_by(month, Inquiry.region)
    )


@cache
def _multi_pass(category: str):
    table, month = MULTI_TABLES[category], _month_expr().label("month")
    return (
        select(month, Inquiry.region, table.code, func.count())
        .join(Inquiry, Inquiry.id == table.inquiry_id)
        .where(_in_months())
        .group_by(month, Inquiry.region, table.code)
    )


# Page cache while counting (KiB, SQLite's negative form): courses open at a month end lie
# all over the file, and each page read is decrypted; a roomy cache decrypts each page once.
COUNT_CACHE_KIB = 64 * 1024


@contextmanager
def _roomy_page_cache(session: Session) -> Iterator[None]:
    connection = session.connection()
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    if before < 0 and -before >= COUNT_CACHE_KIB:
        yield  # the vault's own cache is roomier already: shrinking it would drop pages
        return
    connection.exec_driver_sql(f"PRAGMA cache_size = {-COUNT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


def count_months(session: Session, first: str, last: str) -> RegionMonths:
    """The block of every month from `first` to `last` (both 'YYYY-MM') in every region."""
    months = months_between(first, last)
    with _roomy_page_cache(session):
        return _count_months(session, months)


def _count_months(session: Session, months: list[str]) -> RegionMonths:
    first, last = months[0], months[-1]
    inquiries: dict[tuple[str, str], int] = defaultdict(int)
    counts: dict[tuple[str, str], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))

    # Rules 2-4 (and 7) from the monthly aggregate the triggers keep (storage/month_counts.py):
    # the rows of the range's months only, however many inquiries the vault holds.
    for found_month, region, category, code, n in session.execute(_AGGREGATE, {"first": first, "last": last}):
        key = (found_month, region)
        if category == "inquiries":
            inquiries[key] = n
        elif code not in category_codes(category):
            raise UnknownCodeError(category=category, month=found_month)
        else:
            counts[key][category][code] = n
    for key, n in inquiries.items():
        for category in SINGLE_CATEGORIES:  # each inquiry has one code of each: they add up
            if sum(counts[key][category].values()) != n:
                raise UnknownCodeError(category=category, month=key[0])
    return _blocks(session, months, inquiries, counts)


_AGGREGATE = text(
    f"SELECT month, region, category, code, n FROM {month_counts.TABLE} "  # noqa: S608 (a constant name)
    "WHERE month >= :first AND month <= :last AND n != 0"
)


def count_months_from_records(session: Session, first: str, last: str) -> RegionMonths:
    """The same blocks counted from the records themselves (two passes over the range): what the
    aggregate must always equal (tests/consultant_app/counts/test_month_counts.py)."""
    months = months_between(first, last)
    inquiries: dict[tuple[str, str], int] = defaultdict(int)
    counts: dict[tuple[str, str], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))

    bounds = _bounds(first, last)
    # Rules 2 and 3: one pass, one conditional sum per code of each single-valued category.
    statement = _single_pass()
    for row in session.execute(statement, bounds):
        key = (row[0], row[1])
        inquiries[key] = row[2]
        values_iter = iter(row[3:])
        for category in SINGLE_CATEGORIES:
            for code in category_codes(category):
                counts[key][category][code] = next(values_iter)
            if sum(counts[key][category].values()) != row[2]:
                raise UnknownCodeError(category=category, month=row[0])

    # Rule 4: the multi-valued categories, grouped by month, region and code.
    for category in MULTI_TABLES:
        statement = _multi_pass(category)
        for found_month, region, code, n in session.execute(statement, bounds):
            if code not in category_codes(category):
                raise UnknownCodeError(category=category, month=found_month)
            counts[(found_month, region)][category][code] = n
    return _blocks(session, months, inquiries, counts)


def _blocks(
    session: Session,
    months: list[str],
    inquiries: dict[tuple[str, str], int],
    counts: dict[tuple[str, str], dict[str, dict[str, int]]],
) -> RegionMonths:
    active = active_courses(session, months)
    result: RegionMonths = {}
    for m in months:
        result[m] = {}
        for region in regions():
            key = (m, region)
            result[m][region] = block_from_counts(inquiries[key], counts.get(key, {}), active[key])
    known = set(regions())
    for m, region in (*inquiries, *counts, *active):
        if region not in known:
            raise UnknownCodeError(category="region", month=m)
    return result


def active_courses(session: Session, months: list[str]) -> dict[tuple[str, str], int]:
    """Rule 5 for every month in `months` (consecutive, ascending): (month, region) -> the
    courses open at its end.

    Only courses that can be open at some month end of the range are read: kind `forloeb`,
    received before the range ends, and still open or closed on or after its first day (two
    index ranges of `ix_inquiry_kind_closed_received`, which holds all it reads). SQL groups them by region, the month they count
    from (their received month, or the first month of the range if earlier) and the month they
    were closed in; joining those groups to the month ends applies the rule exactly: opened in or
    before M, and closed (if at all) in a later month than M, i.e. after M's last day.
    """
    if not months:
        return {}
    first, last = months[0], months[-1]
    end = datetime.combine(first_day(next_month(last)), datetime.min.time())
    # Rule 7: a received course is open here from the month it was taken over, and a course
    # handed over is open here only until the month before the hand-over.
    start = func.coalesce(Inquiry.taken_over_at, Inquiry.received_at)
    opened = func.max(func.substr(start, 1, 7), first)
    closed_month = func.substr(Inquiry.closed_on, 1, 7)
    handed_month = func.substr(Inquiry.handed_over_at, 1, 7)
    received_in_time = and_(Inquiry.kind == "forloeb", start < end)
    relevant = union_all(
        select(Inquiry.region, opened.label("opened"), literal(None, String).label("closed")).where(
            received_in_time, Inquiry.closed_on.is_(None), Inquiry.handed_over_at.is_(None)
        ),
        select(
            Inquiry.region,
            opened,
            case(
                (Inquiry.handed_over_at.is_(None), closed_month),
                else_=func.min(closed_month, handed_month),
            ),
        ).where(received_in_time, Inquiry.closed_on >= first_day(first)),
        select(Inquiry.region, opened, handed_month).where(
            received_in_time, Inquiry.closed_on.is_(None), Inquiry.handed_over_at.is_not(None)
        ),
    ).subquery("relevant")
    groups = (
        select(relevant.c.region, relevant.c.opened, relevant.c.closed, func.count().label("n"))
        .group_by(relevant.c.region, relevant.c.opened, relevant.c.closed)
        .subquery("course_groups")
    )
    ends = union_all(*(select(literal(m, String).label("month")) for m in months)).subquery("month_end")
    statement = (
        select(ends.c.month, groups.c.region, func.sum(groups.c.n))
        .select_from(ends)
        .join(
            groups,
            and_(
                groups.c.opened <= ends.c.month,
                or_(groups.c.closed.is_(None), groups.c.closed > ends.c.month),
            ),
        )
        .group_by(ends.c.month, groups.c.region)
    )
    result: dict[tuple[str, str], int] = defaultdict(int)
    for m, region, n in session.execute(statement):
        result[(m, region)] = n
    return result


def first_month_with_data(session: Session) -> str | None:
    """The month of the earliest received inquiry, or None in an empty vault."""
    earliest = session.scalar(select(func.min(Inquiry.received_at)).where(registered_here()))
    return f"{earliest.year:04d}-{earliest.month:02d}" if earliest else None


__all__ = ["RegionMonths", "UnknownCodeError", "active_courses", "count_months", "first_month_with_data"]
