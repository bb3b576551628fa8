"""Finding inquiries: filtered, sorted pages of plain rows (never ORM objects) for a list.

A page is read in two steps, so a list over 100 000 inquiries stays quick whatever the sort:
the ids of the page first (a narrow query over the filter, the sort key and the id, continuing
after the last row of the page before: keyset paging, not OFFSET, so the 50th page costs what
the first does), then the columns of those ids only.

Text search: `inquiry_search.py` (what a term matches, and how the trigram index narrows it).

A page of a search that finds many (a common surname finds a tenth of the inquiries) does not
gather and sort every hit: in the list's own order (newest first, or by case) it walks the
next inquiries along the index of that order, a window of a few thousand at a time, tests each
one exactly and stops when the page is full. Only if a few windows hold too few hits (a narrow
filter, hits far back) are the rest of the page's rows taken from the gathered hits, after the
last inquiry walked. Whether to walk is decided by counting the hits from the index up to
`MANY_HITS`; a term of one or two characters, which has no trigram, walks one window first.
The page is the same either way: a window is the next stretch of the list's order, so what it
holds is exactly the rows of that stretch (tests/consultant_app/services/test_search_index.py).

A long query can be stopped: `cancelled` is polled while SQLite works (a progress handler), and
a query whose caller has moved on raises `QueryCancelled` instead of finishing.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    tuple_,
    union_all,
)
from sqlalchemy import (
    column as sql_column,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from consultant_app.codes import load_codes
from consultant_app.domain import Citizen, Contact, Inquiry, InquiryReason, Note, Professional
from consultant_app.domain.case_code import CaseCode, case_code
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.services.inquiry_search import (
    Column,
    IndexedModel,
    indexable,
    matcher,
    reason_codes_matching,
    row_matches,
    text_condition,
    with_reasons,
)
from consultant_app.storage import professional_names, search_index

PAGE_SIZE = 200
# The models with a trigram index (storage/search_index.py).
# The walk (see above): the window, in pages asked for, and the hits from which walking beats
# gathering (measured on the demo vaults: a walked inquiry costs about a quarter of what a
# gathered and sorted hit does, and a common term fills a page within a few thousand).
WALK_WINDOW_PAGES = 10
WALK_WINDOWS = 3  # each twice the one before: 10, 20 and 40 pages
# A term of one or two characters has no trigram to count its hits with: it is walked first,
# one window only (most such terms fill it; a rare one then costs the scan and one window).
SHORT_TERM_WINDOWS = 1
MANY_HITS = 1_000
# Sort keys an index serves in order: only along these is walking a window cheap.
WALKABLE_SORTS = frozenset({"received", "case"})
# SQLite virtual-machine steps between two looks at `cancelled` (a few microseconds of work).
CANCEL_POLL_STEPS = 5_000

STATUSES = ("open", "closed")
# Sort keys, in the order a list shows its columns.
SORT_KEYS = (
    "case",
    "received",
    "region",
    "municipality",
    "inquirer",
    "professional",
    "citizen",
    "age_group",
    "trip",
    "kind",
    "closed",
)


class QueryCancelled(ConsultantAppError):
    text = Text(da="Søgningen blev afbrudt.", en="The search was stopped.")


@dataclass(frozen=True)
class InquiryFilter:
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    region: str | None = None
    municipality: str | None = None  # a municipality code (municipalities.csv)
    reason: str | None = None  # one reason code: inquiries that have it among theirs
    status: str | None = None  # "open", "closed" or None for both
    inquirer_type: str | None = None
    age_group: str | None = None
    trip_concern: str | None = None
    kind: str | None = None
    text: str = ""


@dataclass(frozen=True)
class InquiryQuery:
    filter: InquiryFilter = field(default_factory=InquiryFilter)
    sort: str = "received"
    descending: bool = True


@dataclass(frozen=True)
class InquiryRow:
    id: int
    case_code: str
    external_ref: str | None
    received_at: datetime
    region: str
    municipality_code: str | None
    inquirer_type: str
    professional_name: str | None
    citizen_pseudonym: str | None
    citizen_age_group: str
    trip_concern: str
    kind: str
    closed_on: date | None


@dataclass(frozen=True)
class Cursor:
    """Where the next page begins: just after this sort value and id."""

    value: object
    id: int


@dataclass(frozen=True)
class Page:
    rows: tuple[InquiryRow, ...]
    next: Cursor | None  # None: this was the last page


def fetch_page(
    session: Session,
    query: InquiryQuery,
    after: Cursor | None = None,
    *,
    limit: int = PAGE_SIZE,
    cancelled: Callable[[], bool] | None = None,
) -> Page:
    """One page of the inquiries the query finds, in its order, after `after`."""
    key = _sort_expression(query.sort)
    order = (key.desc(), Inquiry.id.desc()) if query.descending else (key.asc(), Inquiry.id.asc())
    position = (after.value, after.id) if after is not None else None
    with _cancellable(session, cancelled):
        keys: list = []
        windows = _windows_to_walk(session, query)
        if windows:
            keys, position = _walk(session, query, key, order, position, limit + 1, windows)
        if position is not _DONE:  # the gathered hits after where the walk (if any) stopped
            ids_query = select(Inquiry.id, key.label("sort_value")).where(*conditions(query.filter))
            if position is not None:
                ids_query = ids_query.where(_beyond(key, *position, query.descending))
            keys += session.execute(ids_query.order_by(*order).limit(limit + 1 - len(keys))).all()
        more = len(keys) > limit
        keys = keys[:limit]
        rows = _rows(session, [k.id for k in keys])
    following = Cursor(keys[-1].sort_value, keys[-1].id) if more else None
    return Page(tuple(rows), following)


# _walk's answer when it found all it was asked for, or walked to the end.
_DONE = (None, -1)


def _beyond(key: ColumnElement, value: object, id_: int, descending: bool) -> ColumnElement[bool]:
    """Rows after (value, id_) in the list's order."""
    position = tuple_(key, Inquiry.id)
    bound = tuple_(literal(value, key.type), literal(id_))
    return position < bound if descending else position > bound


def _windows_to_walk(session: Session, query: InquiryQuery) -> int:
    """How many windows of the list's order a search's page is first looked for in (see above);
    0: the hits are gathered at once."""
    term = query.filter.text.strip()
    if not term or query.sort not in WALKABLE_SORTS or CaseCode.parse(term):
        return 0
    if not indexable(term):
        return SHORT_TERM_WINDOWS
    return WALK_WINDOWS if _hits_reach(session, term, MANY_HITS) else 0


def _walk(
    session: Session,
    query: InquiryQuery,
    key: ColumnElement,
    order: tuple[ColumnElement, ...],
    position: tuple[object, int] | None,
    wanted: int,
    windows: int,
) -> tuple[list, tuple[object, int] | None]:
    """Up to `wanted` (id, sort value) rows found by testing the inquiries after `position` one by
    one in the list's order, in windows of growing size, and where the walk stopped: `_DONE`
    when it found them all or reached the end, else the last row it tested (the caller gathers
    the rest after it)."""
    term = query.filter.text.strip()
    where = conditions(replace(query.filter, text=""))
    test = row_matches(term)
    found: list = []
    window = WALK_WINDOW_PAGES * max(wanted - 1, 1)  # pages of the size asked for (at least 1 row)
    for _ in range(windows):
        beyond = [] if position is None else [_beyond(key, *position, query.descending)]
        # The window's last row, read from the order's index alone (the filters would make it
        # read the rows): the walk stops there at the latest. Any edge gives the same rows.
        edge = session.execute(
            select(key.label("v"), Inquiry.id).where(*beyond).order_by(*order).offset(window - 1).limit(1)
        ).first()
        walk = select(Inquiry.id, key.label("sort_value")).where(*where, *beyond, test)
        if edge is not None:  # up to and with the edge row
            walk = walk.where(~_beyond(key, edge.v, edge.id, query.descending))
        found += session.execute(walk.order_by(*order).limit(wanted - len(found))).all()
        if len(found) >= wanted or edge is None:
            return found, _DONE
        position, window = (edge.v, edge.id), window * 2
    return found, position


def _hits_reach(session: Session, term: str, enough: int) -> bool:
    """Whether the index finds at least `enough` hits (an inquiry found twice counts twice):
    each source streams its hits from the index, and counting stops at `enough`."""
    matches = matcher(term)
    query = search_index.match_expression(term)

    def index(model: IndexedModel) -> tuple[TableClause, ColumnElement[bool]]:
        fts = table(f"{model.__tablename__}_fts", sql_column("rowid"))
        return fts, literal_column(fts.name).op("MATCH")(query)

    def professional(*joined) -> Select:
        fts, matched = index(Professional)
        found = or_(
            matches(Professional.name), matches(Professional.email), matches(Professional.organisation_name)
        )
        return (
            select(*joined)
            .select_from(fts)
            .join(Professional, Professional.id == fts.c.rowid)
            .where(matched, found)
        )

    inquiry_fts, inquiry_match = index(Inquiry)
    note_fts, note_match = index(Note)
    citizen_fts, citizen_match = index(Citizen)
    reasons = reason_codes_matching(term)
    by_reason = [with_reasons(reasons)] if reasons else []
    streams = union_all(
        *by_reason,
        select(Inquiry.id)
        .select_from(inquiry_fts)
        .join(Inquiry, Inquiry.id == inquiry_fts.c.rowid)
        .where(
            inquiry_match,
            or_(matches(Inquiry.notes), matches(Inquiry.inquirer_other_note), matches(Inquiry.external_ref)),
        ),
        select(Note.inquiry_id)
        .select_from(note_fts)
        .join(Note, Note.id == note_fts.c.rowid)
        .where(note_match, matches(Note.text)),
        professional(Inquiry.id).join(Inquiry, Inquiry.professional_id == Professional.id),
        professional(Contact.inquiry_id).join(Contact, Contact.professional_id == Professional.id),
        select(Inquiry.id)
        .select_from(citizen_fts)
        .join(Citizen, Citizen.id == citizen_fts.c.rowid)
        .join(Inquiry, Inquiry.citizen_id == Citizen.id)
        .where(citizen_match, matches(Citizen.pseudonym)),
    ).limit(enough)
    return (session.scalar(select(func.count()).select_from(streams.subquery())) or 0) >= enough


def count_inquiries(
    session: Session, inquiry_filter: InquiryFilter, *, cancelled: Callable[[], bool] | None = None
) -> int:
    counting = select(func.count()).select_from(Inquiry).where(*conditions(inquiry_filter))
    with _cancellable(session, cancelled):
        return session.scalar(counting) or 0


def conditions(f: InquiryFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter (also for other queries over the same inquiries)."""
    # An erased case is an anonymous statistical row (docs/retention.md): never a case to show.
    where: list[ColumnElement[bool]] = [Inquiry.erased_at.is_(None)]
    if f.received_from is not None:
        where.append(Inquiry.received_at >= datetime.combine(f.received_from, time()))
    if f.received_to is not None:
        where.append(Inquiry.received_at < datetime.combine(f.received_to + timedelta(days=1), time()))
    for column, value in (
        (Inquiry.region, f.region),
        (Inquiry.municipality_code, f.municipality),
        (Inquiry.inquirer_type, f.inquirer_type),
        (Inquiry.citizen_age_group, f.age_group),
        (Inquiry.trip_concern, f.trip_concern),
        (Inquiry.kind, f.kind),
    ):
        if value is not None:
            where.append(column == value)
    if f.status == "open":
        where.append(Inquiry.closed_on.is_(None))
    elif f.status == "closed":
        where.append(Inquiry.closed_on.is_not(None))
    if f.reason is not None:
        where.append(Inquiry.id.in_(select(InquiryReason.inquiry_id).where(InquiryReason.code == f.reason)))
    if f.text.strip():
        where.append(text_condition(f.text))
    return where


def _label_rank(column: Column, list_name: str) -> ColumnElement[Any]:
    """Sorts a code column by its label in the current language, not by the ASCII code."""
    labels = sorted(load_codes()[list_name], key=lambda c: c.label().casefold())
    return case({c.code: rank for rank, c in enumerate(labels)}, value=column, else_=len(labels))


def _sort_expression(key: str) -> ColumnElement[Any]:
    if key == "case":
        return Inquiry.id.expression
    if key == "received":
        return Inquiry.received_at.expression
    if key == "municipality":
        names = sorted(load_codes().municipalities, key=lambda m: m.name.casefold())
        ranks = {m.code: rank for rank, m in enumerate(names)}
        return case(ranks, value=Inquiry.municipality_code, else_=len(ranks))
    if key == "professional":  # the inquiry's own copy of the name, no look-up a row
        return func.coalesce(professional_names.NAME, "").collate("NOCASE")
    if key == "citizen":
        pseudonym = select(Citizen.pseudonym).where(Citizen.id == Inquiry.citizen_id)
        return func.coalesce(pseudonym.scalar_subquery(), "").collate("NOCASE")
    if key == "closed":
        return func.coalesce(Inquiry.closed_on, "", type_=String)  # open ones first
    ranked = {
        "region": (Inquiry.region, "region"),
        "inquirer": (Inquiry.inquirer_type, "inquirer_type"),
        "age_group": (Inquiry.citizen_age_group, "age_group"),
        "trip": (Inquiry.trip_concern, "trip_concern"),
        "kind": (Inquiry.kind, "kind"),
    }
    if key not in ranked:
        raise ValueError(f"unknown sort key {key!r}; one of {SORT_KEYS}")
    return _label_rank(*ranked[key])


def _rows(session: Session, ids: list[int]) -> list[InquiryRow]:
    """The columns the list shows, of these inquiries. Read in as few pages as can be, since on
    a cold cache every page read is decrypted: the professional's name is the inquiry's own copy
    (storage/professional_names.py), not a page of professionals for nearly every row."""
    if not ids:
        return []
    found = session.execute(
        select(
            Inquiry.id,
            Inquiry.external_ref,
            Inquiry.received_at,
            Inquiry.region,
            Inquiry.municipality_code,
            Inquiry.inquirer_type,
            professional_names.NAME.label("professional_name"),
            Citizen.pseudonym,
            Inquiry.citizen_age_group,
            Inquiry.trip_concern,
            Inquiry.kind,
            Inquiry.closed_on,
        )
        .outerjoin(Citizen, Citizen.id == Inquiry.citizen_id)
        .where(Inquiry.id.in_(ids))
    ).all()
    by_id = {
        r.id: InquiryRow(
            id=r.id,
            case_code=case_code(r.received_at, r.id),
            external_ref=r.external_ref,
            received_at=r.received_at,
            region=r.region,
            municipality_code=r.municipality_code,
            inquirer_type=r.inquirer_type,
            professional_name=r.professional_name,
            citizen_pseudonym=r.pseudonym,
            citizen_age_group=r.citizen_age_group,
            trip_concern=r.trip_concern,
            kind=r.kind,
            closed_on=r.closed_on,
        )
        for r in found
    }
    return [by_id[i] for i in ids if i in by_id]


@contextmanager
def _cancellable(session: Session, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    if cancelled is None:
        yield
        return
    if cancelled():
        raise QueryCancelled()
    driver = session.connection().connection.driver_connection
    assert driver is not None  # a live session always holds its SQLite connection
    driver.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_POLL_STEPS)
    try:
        yield
    except OperationalError:
        if cancelled():  # SQLite says "interrupted": our handler stopped it
            raise QueryCancelled() from None
        raise
    finally:
        driver.set_progress_handler(None, 0)
