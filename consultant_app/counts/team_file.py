"""A merged team report as a file's content: the same words and listing from the command line
(`team-report`) and from the desktop's team-lead dialog."""

from consultant_app.counts.exports import Listing
from consultant_app.counts.files import StatsFile
from consultant_app.counts.note import build_note
from consultant_app.counts.survey_links import links_listing
from consultant_app.counts.team_report import TeamReport
from consultant_app.i18n import Text

CONSULTANT = Text(da="{name}, team {team}", en="{name}, team {team}")
_TEAM = Text(
    da="teamrapport af {packages} pakker fra {submitters} konsulent(er)",
    en="team report of {packages} packages from {submitters} consultant(s)",
)
_PACKAGES = Text(da="Pakker", en="Packages")
_PACKAGES_TITLE = Text(da="Pakker brugt i rapporten", en="Packages used in the report")
_SUBMITTER = Text(da="Afsender", en="Submitter")
_MONTH = Text(da="Måned", en="Month")
_VERSION = Text(da="Version", en="Version")  # fmt: skip


def team_report_file(report: TeamReport, generated: str) -> StatsFile:
    """The report's counts, its history for the PDF, and the packages it used (by version)."""
    first, last, used = report.stats.first, report.stats.last, report.used
    subject = _TEAM.render(packages=len(used), submitters=len({p.submitter for p in used}))
    listing = Listing(
        _PACKAGES.render(),
        _PACKAGES_TITLE.render(),
        [_SUBMITTER.render(), _MONTH.render(), _VERSION.render()],
        [[p.submitter, p.month, p.version] for p in used],
    )
    links = links_listing(report.survey)
    return StatsFile(
        report.stats,
        subject,
        generated,
        note=lambda: build_note(report.history, first, last, subject),
        json_extra={"packages": [p.as_json() for p in used]},
        listings=[listing, links],  # the links: protected with the tables
        pdf_listings=[links],
    )
