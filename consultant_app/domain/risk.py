"""Structured risk assessments (domain.md, "Risk assessment").

An assessment names the instrument and the exact version it was made with, so it always
renders with the wording it was made with. A finalised assessment is immutable; a change is a
new assessment that links to the one before (`previous_id`, at most one successor each).

Immutability is enforced here, for every session of the process, not in a user interface:
a `before_flush` hook refuses any change to a finalised assessment, to its ratings or to its
measures, and their deletion; a bulk UPDATE or DELETE statement on these tables through a
session is refused outright. Deleting a whole inquiry still removes its assessments (the
database cascade, for erasure of a case). Raw SQL on the connection is below this guard.
"""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, relationship

from consultant_app.domain.base import Base, Timestamps, code_column
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text as I18nText

DRAFT = "draft"
FINALISED = "finalised"


class AssessmentFinalisedError(ConsultantAppError):
    """A finalised risk assessment, its ratings or its measures were about to change."""

    text = I18nText(
        da="Risikovurdering {id} er afsluttet og kan ikke ændres eller slettes. "
        "Lav en ny vurdering på grundlag af den.",
        en="Risk assessment {id} is finalised and cannot be changed or deleted. "
        "Make a new assessment based on it.",
    )


class RiskBulkChangeError(ConsultantAppError):
    text = I18nText(
        da="Risikovurderinger ændres kun én ad gangen gennem programmet ({table}).",
        en="Risk assessments are changed only one at a time through the program ({table}).",
    )


class RiskAssessment(Base, Timestamps):
    __tablename__ = "risk_assessment"
    # History is a chain, never a fork. A unique index, not a constraint: SQLite adds an index
    # in place, while a constraint means rebuilding a table that others reference.
    __table_args__ = (Index("ix_risk_assessment_previous_id", "previous_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("risk_assessment.id", ondelete="SET NULL"))
    instrument_id: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)  # draft | finalised
    assessed_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(200))
    sources: Mapped[str | None] = mapped_column(Text)
    missing_information: Mapped[str | None] = mapped_column(Text)
    protective_factors: Mapped[str | None] = mapped_column(Text)
    scenarios: Mapped[str | None] = mapped_column(Text)
    serious_violence: Mapped[str | None] = code_column(nullable=True)  # risk_level
    imminent_risk: Mapped[str | None] = code_column(nullable=True)  # risk_level
    # Checklist screening: the band the count gave can be overridden, with the reason recorded.
    screening_override: Mapped[str | None] = mapped_column(String(32))
    screening_override_reason: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    shared_with: Mapped[str | None] = mapped_column(Text)
    shared_basis: Mapped[str | None] = mapped_column(Text)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)

    ratings: Mapped[list["RiskRating"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="RiskRating.id"
    )
    measures: Mapped[list["RiskMeasure"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="RiskMeasure.position"
    )

    @property
    def is_finalised(self) -> bool:
        return self.status == FINALISED


class RiskRating(Base):
    """One item of the instrument, rated now and earlier (a checklist item uses `now` only)."""

    __tablename__ = "risk_rating"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("risk_assessment.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(64))
    now: Mapped[str | None] = code_column(nullable=True)  # risk_rating
    earlier: Mapped[str | None] = code_column(nullable=True)
    note: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[RiskAssessment] = relationship(back_populates="ratings")


class RiskMeasure(Base):
    """A safety measure: the action, who is responsible, and by when."""

    __tablename__ = "risk_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("risk_assessment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date)
    # The kind of follow-up its deadline becomes when the assessment is finalised
    # (follow_up_type); none means coordination with the responsible actor.
    follow_up_type: Mapped[str | None] = code_column(nullable=True)

    assessment: Mapped[RiskAssessment] = relationship(back_populates="measures")


# --- the immutability guard ----------------------------------------------------------------

_PARTS = (RiskRating, RiskMeasure)
_GUARDED = (RiskAssessment, *_PARTS)
_RISK_TABLES = frozenset(m.__tablename__ for m in _GUARDED)


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_finalised(session: Session, _context, _instances) -> None:
    assessments: set[int] = set()  # stored assessments being changed or deleted
    parents: set[int] = set()  # stored assessments whose parts are being changed
    parts: dict[type[RiskRating] | type[RiskMeasure], set[int]] = {RiskRating: set(), RiskMeasure: set()}
    dirty = [o for o in session.dirty if isinstance(o, _GUARDED) and session.is_modified(o)]
    for obj in [*dirty, *session.deleted]:
        if isinstance(obj, RiskAssessment) and obj.id is not None:
            assessments.add(obj.id)
        elif isinstance(obj, _PARTS):
            if obj.id is not None:
                parts[type(obj)].add(obj.id)
            parents.update(_current_parents(obj))
    for obj in session.new:
        if isinstance(obj, _PARTS):
            parents.update(_current_parents(obj))
    if not (assessments or parents or parts[RiskRating] or parts[RiskMeasure]):
        return
    connection = session.connection()
    for model, ids in parts.items():
        if ids:  # where the part belonged before this change
            parents.update(connection.scalars(select(model.assessment_id).where(model.id.in_(ids))))
    finalised = _finalised(connection, assessments | parents)
    if finalised:
        raise AssessmentFinalisedError(id=min(finalised))


def _current_parents(part: RiskRating | RiskMeasure) -> Iterable[int]:
    if part.assessment_id is not None:
        yield part.assessment_id
    parent = part.__dict__.get("assessment")  # set by the relationship, without loading it
    if parent is not None and parent.id is not None:
        yield parent.id


def _finalised(connection, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    table = RiskAssessment.__table__
    query = select(table.c.id).where(table.c.id.in_(ids), table.c.status == FINALISED)
    return set(connection.scalars(query))


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: ORMExecuteState) -> None:
    if state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if name in _RISK_TABLES:
            raise RiskBulkChangeError(table=name)
