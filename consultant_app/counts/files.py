"""The statistics as a file, in any of the formats (the command line and the desktop share it):
JSON (always exact), CSV and XLSX (tables.py, exports.py) and the PDF note (stats_report.py).
Everything here is computed from plain data; nothing reads the vault."""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from consultant_app.counts.exports import Listing, write_csv, write_xlsx
from consultant_app.counts.monthly import MonthlyStats
from consultant_app.counts.note import StatsNote
from consultant_app.counts.tables import publish
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.stats_report import render_stats_report

FORMATS = ("json", "csv", "xlsx", "pdf")
BINARY_FORMATS = ("xlsx", "pdf")
PERIOD = Text(da="Periode", en="Period")
SOURCE = Text(da="Kilde", en="Source")
GENERATED = Text(da="Dannet", en="Generated")


@dataclass(frozen=True)
class StatsFile:
    """What to write: the statistics, and for the PDF the note (loaded only when needed)."""

    stats: MonthlyStats
    subject: str  # whose counts, shown in the file
    generated: str  # when, as shown
    note: Callable[[], StatsNote]
    json_extra: dict | None = None  # e.g. the packages a team report used
    listings: Sequence[Listing] = ()
    pdf_listings: Sequence[Listing] = ()  # tables the PDF also shows, after the note's own


def render(
    content: StatsFile,
    fmt: str,
    *,
    protect_small_cells: bool = False,
    printed: PrintInfo | None = None,
    language: str | None = None,
) -> bytes:
    """The file's bytes. JSON ignores `protect_small_cells`: JSON counts are always exact."""
    if fmt == "json":
        data = {**content.stats.as_json(), **(content.json_extra or {})}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "pdf":
        if printed is None:
            raise ValueError("a PDF needs PrintInfo")
        return render_stats_report(
            content.note(), printed, protect_small_cells=protect_small_cells, listings=content.pdf_listings
        )
    publication = publish(content.stats, protect_small_cells=protect_small_cells, language=language)
    about = [
        (PERIOD.render(language), f"{content.stats.first} – {content.stats.last}"),
        (SOURCE.render(language), content.subject),
        (GENERATED.render(language), content.generated),
    ]
    writer = write_csv if fmt == "csv" else write_xlsx
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown format {fmt!r}")
    return writer(publication, about, content.listings, language)
