"""The national report (counts.md): the sum over submitters of their latest package version
per month, in the shape every other consumer uses.

`{"from", "to", "totals", "regions", "same_period_previous_year", "by_year", "survey"}`:
- `totals`, `regions`: the range `from`..`to` (months summed; `active_courses_end` is the
  figure at the end of `to`);
- `same_period_previous_year`: the totals of the same months a year earlier;
- `by_year`: every calendar year with data up to `to`, the running year only up to `to` (the
  years of the core's statistics note, so the JSON and the PDF agree);
- `survey`: links sent per survey campaign and region in the range, with each campaign's total.
Every version stays stored; only the latest per submitter and month is counted. The JSON is
exact; the published csv / xlsx / pdf apply the core's small-cell protection (reports.stats_file).
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import Connection, and_, func, select

from consultant_app.counts.blocks import CountBlock, add_blocks, regions, zero_block
from consultant_app.counts.monthly import stats_from_blocks
from consultant_app.counts.months import months_between, parse_month
from consultant_app.counts.note import StatsNote, build_note
from consultant_app.counts.package import FIRST_MONTH, Package
from consultant_app.counts.query import RegionMonths
from consultant_app.counts.small_cells import Grid
from consultant_app.counts.survey_links import links_grid, links_listing
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text, current_language
from consultant_app.receiver.db import StoredPackage

SUBJECT = Text(
    da="Nationale tal: {packages} pakker fra {submitters} konsulent(er)",
    en="National figures: {packages} packages from {submitters} consultant(s)",
)
log = logging.getLogger(__name__)
MAX_MONTHS = 240  # twenty years: a report's range, so its work is bounded whatever is asked


class ReportRangeError(ConsultantAppError):
    text = Text(
        da="Perioden {first}..{last} er længere end {max} måneder.",
        en="The period {first}..{last} is longer than {max} months.",
    )


def check_range(first: str, last: str) -> tuple[str, str]:
    """The range's months, checked: `MonthError`, `MonthRangeError` or `ReportRangeError`."""
    first, last = parse_month(first), parse_month(last)
    if months_count(first, last) > MAX_MONTHS:
        raise ReportRangeError(first=first, last=last, max=MAX_MONTHS)
    months_between(first, last)  # the order
    return first, last


def months_count(first: str, last: str) -> int:
    """How many months first..last spans (without listing them)."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


@dataclass(frozen=True)
class NationalReport:
    first: str
    last: str
    history: RegionMonths  # month -> region -> block, every month up to `last` with a package
    survey: list[dict]
    packages: int  # counted in the range
    submitters: int

    def note(self, language: str | None = None) -> StatsNote:
        subject = SUBJECT.render(language, packages=self.packages, submitters=self.submitters)
        return build_note(self.history, self.first, self.last, subject)

    def as_json(self) -> dict:
        note = self.note()
        previous = note.previous.totals if note.previous is not None else zero_block()
        return {
            "from": self.first,
            "to": self.last,
            "totals": note.period.totals.model_dump(),
            "regions": {r: b.model_dump() for r, b in note.period.regions.items()},
            "same_period_previous_year": previous.model_dump(),
            "by_year": {span.first[:4]: span.totals.model_dump() for span in note.years},
            "survey": self.survey,
        }


def latest_packages(conn: Connection, last: str) -> list[Package]:
    """The newest version per submitter and month, for months up to `last`."""
    newest = (
        select(StoredPackage.submitter, StoredPackage.month, func.max(StoredPackage.version).label("version"))
        .where(StoredPackage.month <= last, StoredPackage.month >= FIRST_MONTH)
        .group_by(StoredPackage.submitter, StoredPackage.month)
        .subquery()
    )
    statement = select(StoredPackage.id, StoredPackage.payload).join(
        newest,
        and_(
            StoredPackage.submitter == newest.c.submitter,
            StoredPackage.month == newest.c.month,
            StoredPackage.version == newest.c.version,
        ),
    )
    found = []
    for package_id, payload in conn.execute(statement):
        try:
            found.append(Package.from_stored(payload))
        except ValidationError:
            # Stored before the bounds (#12.2), e.g. counts of 10**12 from the old attack: such a
            # package is left out of every report, and the operator is told which row it is.
            log.warning("stored package %d breaks today's package rules: left out of the report", package_id)
    return found


def national_report(conn: Connection, first: str, last: str) -> NationalReport:
    first, last = check_range(first, last)
    in_range = set(months_between(first, last))
    packages = latest_packages(conn, last)
    by_month: dict[str, dict[str, list[CountBlock]]] = {}
    links: dict[str, dict[str, int]] = {}
    counted, submitters = 0, set()
    for package in packages:
        month_blocks = by_month.setdefault(package.month, {r: [] for r in regions()})
        for region, block in package.regions.items():
            month_blocks[region].append(block)
        if package.month in in_range:
            counted += 1
            submitters.add(package.submitter)
            for sent in package.survey:
                sums = links.setdefault(sent.campaign, dict.fromkeys(regions(), 0))
                for region, n in sent.links_sent.items():
                    sums[region] += n
    history = {
        month: {r: add_blocks(blocks[r]) for r in regions()} for month, blocks in sorted(by_month.items())
    }
    survey = [
        {"campaign": code, "links_sent": sums, "total": sum(sums.values())}
        for code, sums in sorted(links.items())
    ]
    return NationalReport(first, last, history, survey, counted, len(submitters))


FORMATS = ("json", "csv", "xlsx", "pdf")


def render_national(report: NationalReport, fmt: str, *, language: str | None = None) -> bytes:
    """The report as a file: JSON exact; csv, xlsx and pdf with small cells protected."""
    from consultant_app.reports.pdf_base import PrintInfo
    from consultant_app.reports.stats_file import StatsFile, render  # reportlab, openpyxl: only here

    if fmt == "json":
        return (json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    note = report.note(language)
    survey = _survey_listing(report, language)
    content = StatsFile(
        stats_from_blocks(report.first, report.last, report.history),
        note.subject,
        datetime.now().strftime("%Y-%m-%d %H:%M"),
        note=lambda: note,
        listings=[survey],
        pdf_listings=[survey],
    )
    printed = PrintInfo(
        printed_by="consultant-app-receiver",
        printed_at=datetime.now(),
        language=language or current_language(),
    )
    return render(content, fmt, protect_small_cells=True, printed=printed, language=language)


def survey_links(report: NationalReport) -> dict[str, dict[str, int]]:
    return {c["campaign"]: c["links_sent"] for c in report.survey}


def survey_grid(report: NationalReport) -> Grid:
    """Links sent, campaign x region with totals: the grid the published files protect
    (#12.9, counts.survey_links: the same table as the team report's)."""
    return links_grid(survey_links(report))


def _survey_listing(report: NationalReport, language: str | None):
    return links_listing(survey_links(report), language)
