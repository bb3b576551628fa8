"""What a draft may hold (`content_problems`) and what it must hold to be finalised
(`finalisation_problems`), as `Problem`s a form can show beside its fields, all at once."""

from datetime import date

from consultant_app.codes import load_codes
from consultant_app.errors import Problem
from consultant_app.i18n import Text
from consultant_app.risk.data import AssessmentContent
from consultant_app.risk.instruments import CHECKLIST, SPJ, Instrument

TEXT_LIMIT = 200  # assessor, a measure's responsible actor (the columns' length)

REQUIRED = Text(da="skal udfyldes", en="is required")
TOO_LONG = Text(da="højst {limit} tegn", en="at most {limit} characters")
UNKNOWN_ITEM = Text(
    da="findes ikke i {instrument} version {version}", en="is not in {instrument} version {version}"
)
REPEATED_ITEM = Text(da="er vurderet mere end én gang", en="is rated more than once")
NOT_ON_SCALE = Text(
    da="ugyldigt svar; gyldige svar: {allowed}", en="invalid answer; valid answers: {allowed}"
)
NO_EARLIER = Text(da="vurderes kun for nu, ikke for tidligere", en="is rated for now only, not for earlier")
NOT_A_LEVEL = Text(da="ugyldigt niveau; gyldige: {allowed}", en="invalid level; valid: {allowed}")
NOT_FOR_KIND = Text(
    da="hører ikke til denne type instrument ({kind})",
    en="does not belong to this kind of instrument ({kind})",
)
NOT_A_TYPE = Text(
    da="ugyldig opfølgningstype; gyldige: {allowed}", en="invalid follow-up type; valid: {allowed}"
)
BEFORE_ASSESSMENT = Text(
    da="ligger før vurderingens dato ({date})", en="is before the date of the assessment ({date})"
)
IN_FUTURE = Text(da="ligger efter i dag", en="is after today")
NOT_RATED = Text(
    da="er ikke vurderet (brug 'ukendt', hvis det ikke vides)", en="is not rated (use 'unknown' if not known)"
)
NOT_ANSWERED = Text(da="er ikke besvaret", en="is not answered")
REASON_REQUIRED = Text(
    da="en fravigelse af screeningsresultatet skal begrundes",
    en="a departure from the screening result must have a reason",
)


def _problem(field: str, value: object, text: Text, **params: object) -> Problem:
    return Problem(field, value, text, tuple(params.items()))


def content_problems(content: AssessmentContent, instrument: Instrument) -> list[Problem]:
    """What no draft may hold: unknown items, answers off the scale, codes that do not exist."""
    codes = load_codes()
    levels = codes["risk_level"]
    problems = _text_problems("assessor", content.assessor)
    seen: set[str] = set()
    for rating in content.ratings:
        where = f"ratings.{rating.item_id}"
        if instrument.item(rating.item_id) is None:
            problems.append(
                _problem(
                    where, rating.item_id, UNKNOWN_ITEM, instrument=instrument.id, version=instrument.version
                )
            )
            continue
        if rating.item_id in seen:
            problems.append(_problem(where, rating.item_id, REPEATED_ITEM))
        seen.add(rating.item_id)
        allowed = ", ".join(instrument.scale)
        if rating.now is not None and rating.now not in instrument.scale:
            problems.append(_problem(f"{where}.now", rating.now, NOT_ON_SCALE, allowed=allowed))
        if rating.earlier is not None:
            if not instrument.rates_earlier(rating.item_id):
                problems.append(_problem(f"{where}.earlier", rating.earlier, NO_EARLIER))
            elif rating.earlier not in instrument.scale:
                problems.append(_problem(f"{where}.earlier", rating.earlier, NOT_ON_SCALE, allowed=allowed))
    spj_only = ("serious_violence", "imminent_risk")
    checklist_only = ("screening_override", "screening_override_reason")
    for name in spj_only + checklist_only:
        value = getattr(content, name)
        if value is None:
            continue
        if name in (checklist_only if instrument.kind == SPJ else spj_only):
            problems.append(_problem(name, "", NOT_FOR_KIND, kind=instrument.kind))
        elif name != "screening_override_reason" and value not in levels:
            problems.append(_problem(name, value, NOT_A_LEVEL, allowed=", ".join(levels.values())))
    if content.next_review_on is not None and content.next_review_on < content.assessed_on:
        problems.append(
            _problem("next_review_on", content.next_review_on, BEFORE_ASSESSMENT, date=content.assessed_on)
        )
    types = codes["follow_up_type"]
    for n, measure in enumerate(content.measures, start=1):
        where = f"measures[{n}]"
        if not (measure.action or "").strip():
            problems.append(_problem(f"{where}.action", "", REQUIRED))
        if len(measure.responsible or "") > TEXT_LIMIT:
            problems.append(_problem(f"{where}.responsible", "", TOO_LONG, limit=TEXT_LIMIT))
        if measure.follow_up_type is not None and measure.follow_up_type not in types:
            allowed = ", ".join(types.values())
            problems.append(
                _problem(f"{where}.follow_up_type", measure.follow_up_type, NOT_A_TYPE, allowed=allowed)
            )
    return problems


def finalisation_problems(
    content: AssessmentContent, instrument: Instrument, today: date | None = None
) -> list[Problem]:
    """Everything `content_problems` finds, and what is still missing for a finished assessment."""
    problems = content_problems(content, instrument)
    if content.assessed_on > (today or date.today()):
        problems.append(_problem("assessed_on", content.assessed_on, IN_FUTURE))
    for item in instrument.risk_items:
        if content.rating(item.id).now is None:
            text = NOT_RATED if instrument.kind == SPJ else NOT_ANSWERED
            problems.append(_problem(f"ratings.{item.id}.now", "", text))
    if instrument.kind == SPJ:
        for name in ("serious_violence", "imminent_risk", "next_review_on"):
            if getattr(content, name) is None:
                problems.append(_problem(name, "", REQUIRED))
    overridden = instrument.kind == CHECKLIST and content.screening_override is not None
    if overridden and not (content.screening_override_reason or "").strip():
        problems.append(_problem("screening_override_reason", "", REASON_REQUIRED))
    for n, measure in enumerate(content.measures, start=1):
        if not (measure.responsible or "").strip():
            problems.append(_problem(f"measures[{n}].responsible", "", REQUIRED))
    return problems


def _text_problems(field: str, value: str | None) -> list[Problem]:
    text = value or ""
    if not text.strip():
        return [_problem(field, "", REQUIRED)]
    if len(text) > TEXT_LIMIT:
        return [_problem(field, "", TOO_LONG, limit=TEXT_LIMIT)]
    return []
