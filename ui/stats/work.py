"""What the statistics screen sends down the lane that is the screen's own business: loading the
figures it draws and merging the package files a team lead picked. Exports are the core's
(`consultant_app.services.stats_export`), the same functions the command line calls."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from consultant_app.counts.monthly import MonthlyStats, monthly_stats
from consultant_app.counts.note import StatsNote, load_note
from consultant_app.counts.team_report import TeamReport, merge_packages, read_package


@dataclass(frozen=True)
class Loaded:
    stats: MonthlyStats
    note: StatsNote


def load(session, first: str, last: str, subject: str) -> Loaded:
    """The range's monthly statistics and the note's figures (years, a year earlier)."""
    return Loaded(monthly_stats(session, first, last), load_note(session, first, last, subject))


def merge_files(paths: Sequence[str], first: str, last: str) -> TeamReport:
    return merge_packages([read_package(Path(p)) for p in paths], first, last)
