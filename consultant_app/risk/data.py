"""The plain data the desktop and the printout see: frozen dataclasses, never ORM objects.

A form loads an `Assessment`, edits its `content` with `dataclasses.replace`, and hands the
new `AssessmentContent` to `save_draft`. Codes are the stored ASCII codes (domain.md).
"""

from dataclasses import dataclass
from datetime import date, datetime

from consultant_app.domain.risk import DRAFT, FINALISED

__all__ = [
    "DRAFT",
    "FINALISED",
    "Assessment",
    "AssessmentContent",
    "AssessmentRow",
    "Measure",
    "Rating",
    "Screening",
]


@dataclass(frozen=True)
class Rating:
    item_id: str
    now: str | None = None  # code list "risk_rating"; a checklist answers ja / nej
    earlier: str | None = None  # only for items whose group is rated earlier
    note: str | None = None


@dataclass(frozen=True)
class Measure:
    action: str
    responsible: str
    deadline: date | None = None
    follow_up_type: str | None = None  # code list "follow_up_type"; None: koordinering
    id: int | None = None  # set when read; ignored when saved


@dataclass(frozen=True)
class AssessmentContent:
    """Everything a draft can change."""

    assessed_on: date
    assessor: str
    sources: str | None = None
    missing_information: str | None = None
    protective_factors: str | None = None  # free text beside the rated protective factors
    scenarios: str | None = None
    serious_violence: str | None = None  # code list "risk_level" (structured judgement)
    imminent_risk: str | None = None  # code list "risk_level" (structured judgement)
    screening_override: str | None = None  # code list "risk_level" (checklist)
    screening_override_reason: str | None = None
    next_review_on: date | None = None
    shared_with: str | None = None
    shared_basis: str | None = None
    ratings: tuple[Rating, ...] = ()  # in the instrument's order; unrated items may be absent
    measures: tuple[Measure, ...] = ()  # in the order given

    def rating(self, item_id: str) -> Rating:
        """The item's rating, or an empty one."""
        return next((r for r in self.ratings if r.item_id == item_id), Rating(item_id))


@dataclass(frozen=True)
class Screening:
    """A checklist's result: the count gave `band`; `level` is what stands after an override."""

    yes_count: int
    answered: int
    items: int
    band: str | None
    override: str | None
    override_reason: str | None

    @property
    def level(self) -> str | None:
        return self.override or self.band


@dataclass(frozen=True)
class Assessment:
    id: int
    inquiry_id: int
    case_code: str
    instrument_id: str
    instrument_version: str
    instrument_kind: str | None  # spj | checklist; None when the version is not in this installation
    status: str  # draft | finalised
    previous_id: int | None
    next_id: int | None  # the assessment that revised this one, if any
    created_at: datetime
    finalised_at: datetime | None
    content: AssessmentContent
    screening: Screening | None = None  # set for a checklist

    @property
    def is_finalised(self) -> bool:
        return self.status == FINALISED


@dataclass(frozen=True)
class AssessmentRow:
    """One line of a list: what `risk list` prints."""

    id: int
    inquiry_id: int
    case_code: str
    assessed_on: date
    assessor: str
    status: str
    instrument_id: str
    instrument_version: str
    instrument_kind: str | None  # None when the version is not in this installation
    previous_id: int | None
    serious_violence: str | None
    imminent_risk: str | None
    screening_level: str | None  # a checklist's band after any override
    next_review_on: date | None

    def judgement(self) -> dict[str, str | None]:
        """The summary judgement(s) by name: the two levels of a structured judgement, or the
        screening level of a checklist."""
        if self.instrument_kind == "checklist":
            return {"screening": self.screening_level}
        return {"serious_violence": self.serious_violence, "imminent_risk": self.imminent_risk}
