"""How an assessment is summed up in a line: status, judgement, changes since the one before."""

from PySide6.QtCore import QCoreApplication

from consultant_app.errors import Problem
from consultant_app.risk import AssessmentRow, Changes, Instrument
from consultant_app.risk import texts as T
from ui.labels import label, short_date


def status_text(status: str) -> str:
    if status == "finalised":
        return QCoreApplication.translate("Risk", "Finalised")
    return T.STATUS_DRAFT.render()


def level_text(level: str | None) -> str:
    return label("risk_level", level) if level else "–"


def judgement_text(row: AssessmentRow) -> str:
    """Both levels of a structured judgement, or a checklist's screening level."""
    parts = [
        f"{T.JUDGEMENT_NAMES[name].render()}: {level_text(level)}" for name, level in row.judgement().items()
    ]
    return " · ".join(parts)


def instrument_name(instrument: Instrument | None, instrument_id: str, version: str) -> str:
    if instrument is None:
        return f"{instrument_id} {version}"
    return T.INSTRUMENT_VALUE.render(name=instrument.name.text(), id=instrument_id, version=version)


def change_lines(changes: Changes) -> list[str]:
    """What moved since the previous assessment, one line each, in the printout's words."""
    if changes.is_empty:
        return [T.NO_CHANGES.render()]
    lines = []
    for f in changes.factors:
        lines.append(
            T.FACTOR_MOVED.render(
                item=f.item_id,
                label=f.label.render() if f.label else "",
                before=_rating(f.before),
                after=_rating(f.after),
                direction=T.DIRECTIONS[f.direction].render(),
            )
        )
    for j in changes.judgements:
        lines.append(
            T.JUDGEMENT_MOVED.render(
                name=T.JUDGEMENT_NAMES[j.name].render(),
                before=level_text(j.before),
                after=level_text(j.after),
                direction=T.DIRECTIONS[j.direction].render(),
            )
        )
    lines += [T.MEASURE_ADDED.render(action=a) for a in changes.measures_added]
    lines += [T.MEASURE_DROPPED.render(action=a) for a in changes.measures_dropped]
    if changes.instrument_version_before != changes.instrument_version_after:
        lines.append(T.NEW_VERSION.render(before=changes.instrument_version_before))
    return lines


def _rating(code: str | None) -> str:
    return label("risk_rating", code) if code else T.UNRATED.render()


_FIELDS = {
    "assessed_on": T.ASSESSED_ON,
    "assessor": T.ASSESSOR,
    "serious_violence": T.SERIOUS_VIOLENCE,
    "imminent_risk": T.IMMINENT_RISK,
    "screening_override": T.OVERRIDE,
    "screening_override_reason": T.OVERRIDE_REASON,
    "next_review_on": T.NEXT_REVIEW,
    "sources": T.SOURCES,
    "missing_information": T.MISSING,
    "scenarios": T.SCENARIOS,
    "protective_factors": T.PROTECTIVE_OTHER,
    "shared_with": T.SHARED_WHO,
    "shared_basis": T.SHARED_BASIS,
}


def problem_lines(problems: list[Problem], *, checklist: bool = False) -> list[str]:
    """The core's problems in the user's words. Unrated factors with the same message share a
    line ("Nu – A1, A2, B4: er ikke vurderet …"), so twenty of them do not fill the screen."""
    lines: list[str] = []
    unrated: dict[tuple[str, str], list[str]] = {}
    for p in problems:
        field = p.field
        if field.startswith("ratings."):
            _, item_id, *rest = field.split(".")
            which = T.EARLIER if rest == ["earlier"] else (T.ANSWER if checklist else T.NOW)
            unrated.setdefault((which.render(), p.message()), []).append(item_id)
        elif field.startswith("measures["):
            number, _, part = field.removeprefix("measures[").partition("].")
            part_caption = {"action": T.ACTION, "responsible": T.RESPONSIBLE}.get(part, T.MEASURES)
            lines.append(
                QCoreApplication.translate("Risk", "Measure {n}, {field}: {message}").format(
                    n=number, field=part_caption.render().lower(), message=p.message()
                )
            )
        else:
            caption = _FIELDS.get(field)
            lines.append(f"{caption.render() if caption else field}: {p.message()}")
    for (column, message), items in unrated.items():
        lines.insert(0, f"{column} – {', '.join(items)}: {message}")
    return lines


def row_summary(row: AssessmentRow) -> str:
    return f"{short_date(row.assessed_on)} · {status_text(row.status)} · {judgement_text(row)}"
