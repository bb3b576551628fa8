"""The monthly statistics (counts.md, `stats monthly --json`): months, each with its totals and
regions, and the range's totals and regions. Built from month -> region -> block, whether the
blocks come from the vault (`monthly_stats`) or from consultants' packages (team_report), so
every consumer adds up the same way.

Plain data all the way: a desktop screen can call `monthly_stats` on a worker thread and show
`MonthlyStats` (or its `as_json()`) on the GUI thread without touching the database again.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from consultant_app.counts.blocks import CountBlock, add_blocks, range_block, regions, zero_block
from consultant_app.counts.months import months_between
from consultant_app.counts.query import RegionMonths, count_months


@dataclass(frozen=True)
class MonthCounts:
    month: str
    totals: CountBlock
    regions: dict[str, CountBlock]


@dataclass(frozen=True)
class MonthlyStats:
    first: str  # 'YYYY-MM'
    last: str
    months: tuple[MonthCounts, ...]
    totals: CountBlock
    regions: dict[str, CountBlock]

    def as_json(self) -> dict:
        """Exactly the shape of counts.md: {"from", "to", "months": [...], "totals", "regions"}."""
        return {
            "from": self.first,
            "to": self.last,
            "months": [
                {
                    "month": m.month,
                    "totals": m.totals.model_dump(),
                    "regions": {r: b.model_dump() for r, b in m.regions.items()},
                }
                for m in self.months
            ],
            "totals": self.totals.model_dump(),
            "regions": {r: b.model_dump() for r, b in self.regions.items()},
        }


def monthly_stats(session: Session, first: str, last: str) -> MonthlyStats:
    """The statistics of the vault for the months `first`..`last` ('YYYY-MM', both included)."""
    return stats_from_blocks(first, last, count_months(session, first, last))


def stats_from_blocks(first: str, last: str, blocks: RegionMonths) -> MonthlyStats:
    """Sum month -> region -> block (months or regions missing count as zero) into the
    statistics: a month's totals are the sum of its regions; the range's blocks are the sum of
    its months, except `active_courses_end`, the figure at the end of the last month."""
    months = []
    for month in months_between(first, last):
        by_region = {r: blocks.get(month, {}).get(r, zero_block()) for r in regions()}
        months.append(MonthCounts(month, add_blocks(by_region.values()), by_region))
    return MonthlyStats(
        first=first,
        last=last,
        months=tuple(months),
        totals=range_block([m.totals for m in months]),
        regions={r: range_block([m.regions[r] for m in months]) for r in regions()},
    )
