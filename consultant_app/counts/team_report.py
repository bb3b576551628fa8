"""The team lead's report: consultants' packages merged into the shape of `stats monthly`.

Merging rules (counts.md, "Sums"):
- one package per submitter and month counts: the highest version wins, older versions of the
  same submitter and month are not counted (a correction is a re-send, never a second copy);
- a month's region block is the sum over submitters of their package's region block (every
  figure adds, the courses open at the month's end included);
- months and the range then add up exactly as for one vault (monthly.stats_from_blocks).
Two different packages with the same submitter, month and version cannot both be right, so
they stop the merge (`PackageConflictError`) rather than one being picked silently.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from consultant_app.counts.blocks import CountBlock, add_blocks, regions
from consultant_app.counts.monthly import MonthlyStats, stats_from_blocks
from consultant_app.counts.months import months_between
from consultant_app.counts.package import Package, PackageError
from consultant_app.counts.query import RegionMonths
from consultant_app.counts.survey_links import sum_links
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text


class PackageFileError(ConsultantAppError):
    text = Text(
        da="Pakkefilen {file} kan ikke bruges: {reason}",
        en="The package file {file} cannot be used: {reason}",
    )


class PackageConflictError(ConsultantAppError):
    text = Text(
        da="To forskellige pakker har samme afsender, måned og version ({month}, version {version}); "
        "fjern den forkerte.",
        en="Two different packages have the same submitter, month and version ({month}, version "
        "{version}); remove the wrong one.",
    )


@dataclass(frozen=True, order=True)
class PackageRef:
    month: str
    submitter: str
    version: int

    def as_json(self) -> dict:
        return {"submitter": self.submitter, "month": self.month, "version": self.version}


@dataclass(frozen=True)
class TeamReport:
    stats: MonthlyStats  # the range, summed from `used`
    history: RegionMonths  # every month up to the range's end with a package (for the PDF)
    used: tuple[PackageRef, ...]  # counted in the range
    used_for_history: tuple[PackageRef, ...]  # counted before the range (PDF history only)
    superseded: tuple[PackageRef, ...]  # an older version or a duplicate: not counted
    after_range: tuple[PackageRef, ...]  # later than the range: not counted
    # Survey links sent in the range: campaign code -> region -> links (survey_links.py).
    survey: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {**self.stats.as_json(), "packages": [p.as_json() for p in self.used]}


def read_package(path: Path) -> Package:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackageFileError(file=Path(path).name, reason=getattr(exc, "strerror", None) or "?") from None
    try:
        return Package.from_json(text)
    except PackageError as exc:
        raise PackageFileError(file=Path(path).name, reason=str(exc)) from None


def latest_versions(packages: Iterable[Package]) -> tuple[dict[tuple[str, str], Package], list[PackageRef]]:
    """The newest package per (submitter, month), and the ones left out."""
    chosen: dict[tuple[str, str], Package] = {}
    left_out: list[PackageRef] = []
    for package in packages:
        key = (package.submitter, package.month)
        current = chosen.get(key)
        if current is None:
            chosen[key] = package
            continue
        if current.version == package.version and not current.same_counts(package):
            raise PackageConflictError(month=package.month, version=package.version)
        newer, older = (package, current) if package.version > current.version else (current, package)
        chosen[key] = newer
        left_out.append(_ref(older))
    return chosen, sorted(left_out)


def merge_packages(packages: Iterable[Package], first: str, last: str) -> TeamReport:
    chosen, superseded = latest_versions(packages)
    in_range = set(months_between(first, last))
    by_month: dict[str, list[Package]] = {}
    used: list[PackageRef] = []
    history_refs: list[PackageRef] = []
    after: list[PackageRef] = []
    counted: list[Package] = []
    for package in chosen.values():
        ref = _ref(package)
        if package.month > last:
            after.append(ref)
            continue
        (used if package.month in in_range else history_refs).append(ref)
        if package.month in in_range:
            counted.append(package)
        by_month.setdefault(package.month, []).append(package)
    history: RegionMonths = {
        month: {r: _sum_region(month_packages, r) for r in regions()}
        for month, month_packages in sorted(by_month.items())
    }
    return TeamReport(
        stats=stats_from_blocks(first, last, history),
        history=history,
        used=tuple(sorted(used)),
        used_for_history=tuple(sorted(history_refs)),
        superseded=tuple(superseded),
        after_range=tuple(sorted(after)),
        survey=sum_links(counted),
    )


def _sum_region(packages: list[Package], region: str) -> CountBlock:
    return add_blocks(p.regions[region] for p in packages)


def _ref(package: Package) -> PackageRef:
    return PackageRef(month=package.month, submitter=package.submitter, version=package.version)
