"""What changed between an assessment and the one before it: factors that moved, summary
judgements up or down, measures added or dropped. Plain data, for a history view and the
printout alike.

A rating moves `up` or `down` along nej < delvist < ja; to or from `ukendt` or no rating it
has simply `changed`. A level moves along lav < moderat < hoej. For a protective factor `up`
means more protection: the item's group kind is given so a view can say so.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from consultant_app.i18n import Text
from consultant_app.risk.data import Assessment, AssessmentRow
from consultant_app.risk.instruments import RISK, InstrumentLibrary, InstrumentNotFoundError, default_library
from consultant_app.risk.reading import get_assessment, list_assessments

UP, DOWN, CHANGED = "up", "down", "changed"
RATING_ORDER = ("nej", "delvist", "ja")
LEVEL_ORDER = ("lav", "moderat", "hoej")
JUDGEMENTS = ("serious_violence", "imminent_risk", "screening")


@dataclass(frozen=True)
class FactorChange:
    item_id: str
    label: Text | None  # the item's short label (None: not in the installed instruments)
    group_kind: str  # risk | protective
    before: str | None  # the rating "now" in the previous assessment
    after: str | None
    direction: str  # up | down | changed


@dataclass(frozen=True)
class JudgementChange:
    name: str  # serious_violence | imminent_risk | screening
    before: str | None
    after: str | None
    direction: str


@dataclass(frozen=True)
class Changes:
    previous_id: int
    current_id: int
    days_between: int
    instrument_version_before: str
    instrument_version_after: str
    factors: tuple[FactorChange, ...]
    judgements: tuple[JudgementChange, ...]
    measures_added: tuple[str, ...]  # actions
    measures_dropped: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.factors or self.judgements or self.measures_added or self.measures_dropped)


@dataclass(frozen=True)
class HistoryEntry:
    assessment: AssessmentRow
    changes: Changes | None  # since the previous assessment; None for the first


def direction(before: str | None, after: str | None, order: tuple[str, ...]) -> str:
    if before in order and after in order:
        return UP if order.index(after) > order.index(before) else DOWN
    return CHANGED


def compare(before: Assessment, after: Assessment, *, library: InstrumentLibrary | None = None) -> Changes:
    library = library or default_library()
    labels = _labels(library, before, after)
    factors = []
    item_ids = [r.item_id for r in after.content.ratings]
    item_ids += [r.item_id for r in before.content.ratings if r.item_id not in item_ids]
    for item_id in item_ids:
        old, new = before.content.rating(item_id).now, after.content.rating(item_id).now
        if old != new:
            label, kind = labels.get(item_id, (None, RISK))
            factors.append(FactorChange(item_id, label, kind, old, new, direction(old, new, RATING_ORDER)))
    judgements = []
    for name, old, new in _judgements(before, after):
        if old != new:
            judgements.append(JudgementChange(name, old, new, direction(old, new, LEVEL_ORDER)))
    old_measures = [m.action for m in before.content.measures]
    new_measures = [m.action for m in after.content.measures]
    return Changes(
        previous_id=before.id,
        current_id=after.id,
        days_between=(after.content.assessed_on - before.content.assessed_on).days,
        instrument_version_before=before.instrument_version,
        instrument_version_after=after.instrument_version,
        factors=tuple(factors),
        judgements=tuple(judgements),
        measures_added=tuple(a for a in new_measures if a not in old_measures),
        measures_dropped=tuple(a for a in old_measures if a not in new_measures),
    )


def changes_since_previous(
    session: Session, assessment_id: int, *, library: InstrumentLibrary | None = None
) -> Changes | None:
    after = get_assessment(session, assessment_id, library=library)
    if after.previous_id is None:
        return None
    return compare(get_assessment(session, after.previous_id, library=library), after, library=library)


def history(
    session: Session,
    inquiry_id: int,
    *,
    instrument_id: str | None = None,
    library: InstrumentLibrary | None = None,
) -> list[HistoryEntry]:
    """An inquiry's assessments, oldest first, each with what changed since the one before."""
    rows = list_assessments(session, inquiry_id=inquiry_id, library=library)
    if instrument_id is not None:
        rows = [r for r in rows if r.instrument_id == instrument_id]
    known = {r.id for r in rows}
    entries = []
    for row in rows:
        changes = None
        if row.previous_id in known:
            changes = changes_since_previous(session, row.id, library=library)
        entries.append(HistoryEntry(row, changes))
    return entries


def _judgements(before: Assessment, after: Assessment):
    for name in ("serious_violence", "imminent_risk"):
        yield name, getattr(before.content, name), getattr(after.content, name)
    if before.screening is not None or after.screening is not None:
        yield (
            "screening",
            before.screening.level if before.screening else None,
            after.screening.level if after.screening else None,
        )


def _labels(library: InstrumentLibrary, *assessments: Assessment) -> dict[str, tuple[Text, str]]:
    """Item id -> (label, group kind), the newer assessment's wording winning."""
    labels: dict[str, tuple[Text, str]] = {}
    for a in assessments:
        try:
            instrument = library.get(a.instrument_id, a.instrument_version)
        except InstrumentNotFoundError:
            continue
        for group in instrument.groups:
            for item in group.items:
                labels[item.id] = (item.label.as_text(), group.kind)
    return labels
