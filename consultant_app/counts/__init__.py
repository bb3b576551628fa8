"""The counts that leave the laptop (counts.md, domain.md): one counting module for every
consumer. Plain data in and out, so a desktop screen can call these on a worker thread.

- `query.count_months(session, first, last)`: the rules, as SQL; month -> region -> CountBlock.
- `monthly.monthly_stats(session, first, last)` -> `MonthlyStats` (`as_json()`: counts.md).
- `package.build_package(session, month)` -> `Package` (the schema sync and receiver use).
- `team_report.merge_packages(packages, first, last)` -> `TeamReport`.
- `note.load_note(session, first, last, subject)` -> `StatsNote` (the PDF's figures).
- `tables.publish(stats, protect_small_cells=...)`, `small_cells.protect(grids)`.
- `files.render(StatsFile, fmt, ...)` -> bytes of json / csv / xlsx / pdf.
"""

from consultant_app.counts.blocks import CountBlock
from consultant_app.counts.monthly import MonthCounts, MonthlyStats, monthly_stats, stats_from_blocks
from consultant_app.counts.package import Package, build_package
from consultant_app.counts.team_report import TeamReport, merge_packages

__all__ = [
    "CountBlock",
    "MonthCounts",
    "MonthlyStats",
    "Package",
    "TeamReport",
    "build_package",
    "merge_packages",
    "monthly_stats",
    "stats_from_blocks",
]
