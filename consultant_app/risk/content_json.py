"""A risk assessment's content as plain JSON and back: what the editor keeps as a draft at lock
(services/drafts.py). Dates as ISO text; a value of the wrong shape is dropped, never guessed."""

from dataclasses import asdict, replace
from datetime import date
from typing import Any

from consultant_app.risk.data import AssessmentContent, Measure, Rating


def content_to_json(content: AssessmentContent) -> dict[str, Any]:
    data = asdict(content)
    data["assessed_on"] = content.assessed_on.isoformat()
    data["next_review_on"] = content.next_review_on.isoformat() if content.next_review_on else None
    for measure in data["measures"]:
        measure["deadline"] = measure["deadline"].isoformat() if measure["deadline"] else None
    return data


def content_from_json(data: dict[str, Any], base: AssessmentContent) -> AssessmentContent:
    """`data` over `base` (the assessment as loaded): a field missing or malformed keeps base's."""
    texts = (
        "assessor",
        "sources",
        "missing_information",
        "protective_factors",
        "scenarios",
        "serious_violence",
        "imminent_risk",
        "screening_override",
        "screening_override_reason",
        "shared_with",
        "shared_basis",
    )
    changes: dict[str, Any] = {
        name: data[name] for name in texts if name in data and isinstance(data[name], str | None)
    }
    if changes.get("assessor") is None:
        changes.pop("assessor", None)  # never None in the content
    if (day := _date(data.get("assessed_on"))) is not None:
        changes["assessed_on"] = day
    if "next_review_on" in data:
        changes["next_review_on"] = _date(data["next_review_on"])
    if isinstance(data.get("ratings"), list):
        changes["ratings"] = tuple(
            Rating(
                item_id=r["item_id"],
                now=_text(r.get("now")),
                earlier=_text(r.get("earlier")),
                note=_text(r.get("note")),
            )
            for r in data["ratings"]
            if isinstance(r, dict) and isinstance(r.get("item_id"), str)
        )
    if isinstance(data.get("measures"), list):
        changes["measures"] = tuple(
            Measure(
                action=m.get("action") or "",
                responsible=m.get("responsible") or "",
                deadline=_date(m.get("deadline")),
                follow_up_type=_text(m.get("follow_up_type")),
                id=m.get("id") if isinstance(m.get("id"), int) else None,
            )
            for m in data["measures"]
            if isinstance(m, dict)
        )
    return replace(base, **changes)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
