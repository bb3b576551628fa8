"""Demo risk assessments: a first assessment and re-assessments through a course, each with
ratings of every item, summary judgements, and safety measures."""

from datetime import date, timedelta
from typing import TYPE_CHECKING

from consultant_app.demo import words
from consultant_app.domain import Base, RiskAssessment, RiskMeasure, RiskRating

if TYPE_CHECKING:
    from consultant_app.demo.cases import CaseRows

INSTRUMENT_ID = "sk-spj"
INSTRUMENT_VERSION = "1"
# Three groups of risk factors (domain.md): the pattern of violence and threats, the
# perpetrators and the family collective, the citizen's vulnerability.
RISK_ITEMS = tuple(
    f"{group}{n}" for group, size in (("A", 6), ("B", 5), ("C", 5)) for n in range(1, size + 1)
)
LEVELS = ("lav", "moderat", "hoej")


def assessments(
    case: "CaseRows", iid: int, day: date, last: date, still_open: bool, t: dict[type[Base], list[dict]]
) -> tuple[int, date] | None:
    """A first assessment and re-assessments through the course; returns the latest
    finalised one's id and next review date (what the open follow-up is about)."""
    rng = case.rng
    span = (last - day).days
    count = min(4, 1 + span // 240)
    step = span // count
    previous, review = None, None
    for n in range(count):
        on = min(day + timedelta(days=rng.randint(3, 30) + n * step), last)
        draft = still_open and n == count - 1 and rng.random() < 0.3
        serious: str | None = case.level()
        imminent: str | None = min(serious, case.level(), key=LEVELS.index)  # never above serious
        if draft and rng.random() < 0.5:
            serious = imminent = None  # a draft whose judgements are not yet made
        next_review = on + timedelta(days=rng.randint(60, 180)) if not draft else None
        aid = case.g.new_id(RiskAssessment)
        stamp = case.stamp(on)
        t[RiskAssessment].append(
            {
                "id": aid,
                "inquiry_id": iid,
                "previous_id": previous,
                "instrument_id": INSTRUMENT_ID,
                "instrument_version": INSTRUMENT_VERSION,
                "status": "draft" if draft else "finalised",
                "assessed_on": on,
                "assessor": case.consultant,
                "sources": rng.choice(words.RISK_SOURCES),
                "missing_information": rng.choice(words.RISK_MISSING) if rng.random() < 0.6 else None,
                "protective_factors": rng.choice(words.RISK_PROTECTIVE),
                "scenarios": rng.choice(words.RISK_SCENARIOS),
                "serious_violence": serious,
                "imminent_risk": imminent,
                "screening_override": None,
                "screening_override_reason": None,
                "next_review_on": next_review,
                "shared_with": None if draft else rng.choice(words.RISK_SHARED_WITH),
                "shared_basis": None if draft else rng.choice(words.RISK_SHARED_BASIS),
                "finalised_at": None if draft else stamp + timedelta(hours=2),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        t[RiskRating].extend(
            {
                "id": case.g.new_id(RiskRating),
                "assessment_id": aid,
                "item_id": item,
                "now": case.rating(),
                "earlier": case.rating() if rng.random() < 0.9 else None,
                "note": rng.choice(words.RISK_RATING_NOTES) if rng.random() < 0.12 else None,
            }
            for item in RISK_ITEMS
        )
        for position in range(rng.randint(1, 4)):
            t[RiskMeasure].append(
                {
                    "id": case.g.new_id(RiskMeasure),
                    "assessment_id": aid,
                    "position": position,
                    "action": rng.choice(words.RISK_MEASURES),
                    "responsible": rng.choice(words.RISK_RESPONSIBLE),
                    "deadline": on + timedelta(days=rng.randint(7, 60)) if rng.random() < 0.8 else None,
                }
            )
        previous = aid
        if next_review is not None:
            review = (aid, next_review)
    return review
