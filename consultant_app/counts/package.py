"""The count package (counts.md): what one consultant's laptop sends for one month.

The schema is the guarantee that a package carries counts and nothing else. It is built only
from count blocks and per-region link counts, and validation refuses anything more: no extra
field anywhere (`extra="forbid"`), every count a non-negative whole number, region and code keys
only from the shipped code lists, the month as 'YYYY-MM' (no finer date), the submitter a
random hexadecimal id (no name), a campaign code in the agency's shape (letters, digits and
dashes, at most 24 characters, no run of 6 digits: consultant_app.campaign_codes) and
`generated_at` cut to the day (midnight UTC: when a month's package was made says nothing
about when a case was). So a package cannot carry a name, a note, a date finer than the
month or a record id. The field list and the reasons: docs/package.md. The sync and the
receiver validate with the same `Package` model (`Package.from_json`).
"""

import json
import re
from datetime import UTC, datetime
from typing import Annotated, Final, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app.campaign_codes import is_agency_code
from consultant_app.codes import load_codes
from consultant_app.counts.blocks import CATEGORIES, CountBlock, regions
from consultant_app.counts.months import MONTH_PATTERN, first_day, next_month, parse_month
from consultant_app.counts.query import UnknownCodeError, count_months
from consultant_app.domain import OutboxPackage, Profile, SurveyCampaign, SurveyDispatch
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

SCHEMA_VERSION: Final = 1
# Bounds of every field (#12.2): what a real laptop can send, so anything beyond is refused
# before it reaches a database column (a 32-bit version) or a report's arithmetic.
FIRST_MONTH = "2018-01"  # before the service existed
MAX_VERSION = 2**31 - 1  # the receiver's version column
MAX_COUNT = 1_000_000  # per figure, per month, per region: far above one consultant's month
BoundedCount = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]
SUBMITTER_PATTERN = r"^[0-9a-f]{16,64}$"
# The campaign codes a package could carry before #12.3: only for reading what was stored.
_LEGACY_CAMPAIGN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class PackageError(ConsultantAppError):
    text = Text(
        da="Pakken er ikke gyldig ({detail}).",
        en="The package is not valid ({detail}).",
    )


def _all_regions(value: dict) -> dict:
    expected = regions()
    if set(value) != set(expected):
        raise ValueError(f"regions must be exactly {list(expected)}")
    return {r: value[r] for r in expected}


class SurveyLinks(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    campaign: str
    links_sent: dict[str, BoundedCount]

    _regions = field_validator("links_sent")(_all_regions)

    @field_validator("campaign")
    @classmethod
    def _agency_code(cls, value: str, info: ValidationInfo) -> str:
        if info.context and info.context.get("stored") and _LEGACY_CAMPAIGN.match(value):
            return value  # stored by a receiver before the agency shape (#12.3): still readable
        if not is_agency_code(value):
            raise ValueError("a campaign code is letters, digits and dashes (at most 24), no 6-digit run")
        return value


class Package(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    submitter: Annotated[str, Field(pattern=SUBMITTER_PATTERN)]
    team: str
    month: Annotated[str, Field(pattern=MONTH_PATTERN)]
    version: Annotated[int, Field(ge=1, le=MAX_VERSION, strict=True)]
    generated_at: AwareDatetime
    regions: dict[str, CountBlock]
    survey: list[SurveyLinks]

    _regions = field_validator("regions")(_all_regions)

    @field_validator("generated_at")
    @classmethod
    def _to_the_day(cls, value: datetime) -> datetime:
        return to_the_day(value)

    @field_validator("month")
    @classmethod
    def _month_in_service(cls, value: str) -> str:
        latest = next_month(datetime.now(UTC).strftime("%Y-%m"))
        if not FIRST_MONTH <= value <= latest:
            raise ValueError(f"month must be from {FIRST_MONTH} to {latest}")
        return value

    @field_validator("regions")
    @classmethod
    def _counts_bounded(cls, value: dict[str, CountBlock]) -> dict[str, CountBlock]:
        """Each figure at most MAX_COUNT (a block's own rules keep it consistent with its
        `inquiries`). The places named are codes from the code lists, never values."""
        over = [
            f"{region}.{place}"
            for region, block in value.items()
            for place, n in _figures(block)
            if n > MAX_COUNT
        ]
        if over:
            raise ValueError(f"counts must be at most {MAX_COUNT}: {', '.join(over[:5])}")
        return value

    @field_validator("team")
    @classmethod
    def _known_team(cls, value: str) -> str:
        if value not in load_codes()["team"]:
            raise ValueError("unknown team")
        return value

    @model_validator(mode="after")
    def _one_entry_per_campaign(self) -> "Package":
        codes = [s.campaign for s in self.survey]
        if len(codes) != len(set(codes)):
            raise ValueError("a campaign is listed twice")
        return self

    def same_counts(self, other: "Package") -> bool:
        """True when both say the same about the same month (the version and time aside)."""
        return (self.month, self.regions, self.survey) == (other.month, other.regions, other.survey)

    def as_json(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_stored(cls, text: str | bytes) -> "Package":
        """A package a receiver stored earlier: the same rules, except that a campaign code of
        the shape allowed before #12.3 is still read (a new package with one is refused)."""
        return cls.model_validate_json(text, context={"stored": True})

    @classmethod
    def from_json(cls, text: str | bytes) -> "Package":
        """Parse and validate; `PackageError` with the first problem otherwise."""
        try:
            return cls.model_validate_json(text)
        except PydanticValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "-"
            raise PackageError(detail=f"{where}: {first['msg']}") from None


def _figures(block: CountBlock):
    yield "inquiries", block.inquiries
    yield "active_courses_end", block.active_courses_end
    for category in CATEGORIES:
        for code, n in block.category(category).items():
            yield f"{category}.{code}", n


def build_package(session: Session, month: str, *, generated_at: datetime | None = None) -> Package:
    """The package of one month of this vault, built from counts only.

    Version: 1 for a month never put in the outbox; otherwise the latest version in the
    outbox when the counts are unchanged, or one more when they differ (a correction is a
    re-send of the month, never a second copy)."""
    month = parse_month(month)
    profile = session.get(Profile, 1)
    if profile is None:
        raise PackageError(detail="no profile")
    package = Package(
        submitter=profile.submitter_id,
        team=profile.team,
        month=month,
        version=1,
        generated_at=to_the_day(generated_at or datetime.now(UTC)),
        regions=count_months(session, month, month)[month],
        survey=survey_links(session, month),
    )
    latest = latest_outbox_package(session, month)
    if latest is None:
        return package
    version, previous = latest
    unchanged = previous is not None and previous.same_counts(package)
    return package.model_copy(update={"version": version if unchanged else version + 1})


def to_the_day(moment: datetime) -> datetime:
    """Midnight UTC of the moment's UTC day: the finest time a package carries."""
    day = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return day.replace(hour=0, minute=0, second=0, microsecond=0)


def latest_outbox_package(session: Session, month: str) -> tuple[int, Package | None] | None:
    """(highest version, its package or None if unreadable) in the outbox for the month."""
    version = session.scalar(select(func.max(OutboxPackage.version)).where(OutboxPackage.month == month))
    if version is None:
        return None
    payload = session.scalar(
        select(OutboxPackage.payload).where(OutboxPackage.month == month, OutboxPackage.version == version)
    )
    try:
        return version, Package.from_json(payload or "")
    except PackageError:
        return version, None


def survey_links(session: Session, month: str) -> list[SurveyLinks]:
    """Links sent (status 'sent') and recorded in the month, per campaign and by the region
    stored on the dispatch. `recorded_at` is UTC, so the local month's bounds are converted to
    UTC first. Campaigns whose period touches the month are listed even with no link sent (a
    zero is information); a dispatch without a region cannot be placed and is not counted."""
    start, end = _utc_bounds(month)
    statement = (
        select(SurveyCampaign.code, SurveyDispatch.region, func.count())
        .join(SurveyCampaign, SurveyCampaign.id == SurveyDispatch.campaign_id)
        .where(
            SurveyDispatch.status == "sent",
            SurveyDispatch.region.is_not(None),
            SurveyDispatch.recorded_at >= start,
            SurveyDispatch.recorded_at < end,
        )
        .group_by(SurveyCampaign.code, SurveyDispatch.region)
    )
    links: dict[str, dict[str, int]] = {}
    for code, region, n in session.execute(statement):
        if region not in regions():
            raise UnknownCodeError(category="region", month=month)
        links.setdefault(code, dict.fromkeys(regions(), 0))[region] = n
    running = select(SurveyCampaign.code).where(
        SurveyCampaign.period_from < first_day(next_month(month)),
        SurveyCampaign.period_to >= first_day(month),
    )
    for code in session.scalars(running):
        links.setdefault(code, dict.fromkeys(regions(), 0))
    return [SurveyLinks(campaign=code, links_sent=links[code]) for code in sorted(links)]


def _utc_bounds(month: str) -> tuple[datetime, datetime]:
    def utc(day) -> datetime:
        local = datetime.combine(day, datetime.min.time()).astimezone()  # this machine's zone
        return local.astimezone(UTC).replace(tzinfo=None)

    return utc(first_day(month)), utc(first_day(next_month(month)))
