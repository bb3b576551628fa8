"""The figures of the half-year note (the PDF report), as plain data, with its tables and their
small-cell protection. Built from month -> region -> blocks from the first data on, whether
they come from the vault (`load_note`) or from merged packages (team_report.TeamReport.history).

Sections (after the agency's half-year note): the development year by year since the first
data; the distribution over regions in the period; the share of children against the same
period a year earlier; citizens abroad (trip_concern udlandet) by year; concern about a trip
while in Denmark (trussel_dk) by year.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from consultant_app.counts.blocks import CountBlock, add_blocks, range_block, regions, zero_block
from consultant_app.counts.months import months_between, parse_month, shift_years
from consultant_app.counts.query import RegionMonths, count_months, first_month_with_data
from consultant_app.counts.small_cells import Grid, Protection, protect
from consultant_app.counts.tables import ALL, key

# (measure, code) of the year and region columns: inquiries, children, abroad, concern in DK.
YEAR_FIGURES = (
    ("inquiries", ""),
    ("age_group", "barn"),
    ("trip_concern", "udlandet"),
    ("trip_concern", "trussel_dk"),
)
TRIPS = ("udlandet", "trussel_dk")


@dataclass(frozen=True)
class Span:
    first: str
    last: str
    totals: CountBlock
    regions: dict[str, CountBlock]


@dataclass(frozen=True)
class StatsNote:
    first: str
    last: str
    subject: str  # whose counts: a consultant, or a team report's packages
    period: Span
    previous: Span | None  # the same months a year earlier; None before the first data
    # Every calendar year from the first data to `last`: the running year up to `last`, earlier
    # years up to their last month with counts (the vault has every month; packages may not).
    years: tuple[Span, ...]


def load_note(session: Session, first: str, last: str, subject: str) -> StatsNote:
    """The note from the vault: counts from the first month with data up to `last`."""
    first, last = parse_month(first), parse_month(last)
    start = min(first_month_with_data(session) or first, first)
    return build_note(count_months(session, start, last), first, last, subject)


def build_note(history: RegionMonths, first: str, last: str, subject: str) -> StatsNote:
    months_between(first, last)  # checks the order
    start = min([*history, first])
    previous = None
    if shift_years(last, -1) >= start:
        previous = _span(history, shift_years(first, -1), shift_years(last, -1))
    years = []
    # Only years with counts, and the year of `last`: every other year in between is skipped
    # below anyway, and walking them would make the time depend on the range, not the data.
    for year in sorted({int(m[:4]) for m in history if start <= m <= last} | {int(last[:4])}):
        a, b = max(start, f"{year:04d}-01"), min(last, f"{year:04d}-12")
        if year < int(last[:4]):  # a year ends at its last month with counts (packages may stop early)
            with_counts = max([m for m in history if a <= m <= b], default=None)
            if with_counts is None:
                continue
            b = with_counts
        years.append(_span(history, a, b))
    return StatsNote(first, last, subject, _span(history, first, last), previous, tuple(years))


def _span(history: RegionMonths, first: str, last: str) -> Span:
    months = months_between(first, last)
    by_region = {r: range_block([history.get(m, {}).get(r, zero_block()) for m in months]) for r in regions()}
    totals = range_block([_month_total(history, m) for m in months])
    return Span(first, last, totals, by_region)


def _month_total(history: RegionMonths, month: str) -> CountBlock:
    return add_blocks(history.get(month, {}).get(r, zero_block()) for r in regions())


def figure(block: CountBlock, measure: str, code: str) -> int:
    if measure == "inquiries":
        return block.inquiries
    if measure == "active":
        return block.active_courses_end
    return block.category(measure)[code]


# --- the tables, as grids for the protection ------------------------------------------------


def year_grid(note: StatsNote) -> Grid:
    """Years x (inquiries, children, abroad, concern in DK, active courses at the end)."""
    values, keys = [], []
    for y in note.years:
        values.append([figure(y.totals, m, c) for m, c in YEAR_FIGURES] + [y.totals.active_courses_end])
        keys.append(
            [key(m, c, y.first, y.last, ALL) for m, c in YEAR_FIGURES]
            + [key("active", "", y.last, y.last, ALL)]
        )
    return Grid(values, keys)


def region_grid(note: StatsNote) -> Grid:
    """Regions and the total row x the same figures, for the period: the columns add up."""
    p = note.period
    values, keys = [], []
    for r, block in [*p.regions.items(), (ALL, p.totals)]:
        values.append([figure(block, m, c) for m, c in YEAR_FIGURES] + [block.active_courses_end])
        keys.append(
            [key(m, c, p.first, p.last, r) for m, c in YEAR_FIGURES] + [key("active", "", p.last, p.last, r)]
        )
    return Grid(values, keys, col_total=True)


def children_grid(note: StatsNote) -> Grid:
    """The period and the same period a year earlier x (inquiries, children)."""
    spans = [s for s in (note.previous, note.period) if s is not None]
    return Grid(
        [[s.totals.inquiries, s.totals.age_group["barn"]] for s in spans],
        [
            [key("inquiries", "", s.first, s.last, ALL), key("age_group", "barn", s.first, s.last, ALL)]
            for s in spans
        ],
    )


def trip_grid(note: StatsNote, code: str) -> Grid:
    """Years x regions and total, for one trip_concern code: the regions add up."""
    values, keys = [], []
    for y in note.years:
        row = [y.regions[r].trip_concern[code] for r in regions()]
        values.append([*row, sum(row)])
        keys.append([key("trip_concern", code, y.first, y.last, r) for r in (*regions(), ALL)])
    return Grid(values, keys, row_total=True)


def note_grids(note: StatsNote) -> dict[str, Grid]:
    return {
        "years": year_grid(note),
        "regions": region_grid(note),
        "children": children_grid(note),
        **{trip: trip_grid(note, trip) for trip in TRIPS},
    }


def protect_note(note: StatsNote) -> Protection:
    """Protection of every table of the note together (they share figures)."""
    return protect(list(note_grids(note).values()))
