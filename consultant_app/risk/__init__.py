"""Risk assessments (domain.md, "Risk assessment"): instruments as data, the draft → finalised
workflow with revisions, what changed between assessments, and the data a printout needs.

Everything here takes the caller's session and returns plain frozen dataclasses (data.py), so
the desktop can show them on any thread and the printout never sees a session.
"""

from consultant_app.domain.risk import AssessmentFinalisedError, RiskBulkChangeError
from consultant_app.risk.compare import (
    Changes,
    FactorChange,
    HistoryEntry,
    JudgementChange,
    changes_since_previous,
    compare,
    history,
)
from consultant_app.risk.data import (
    DRAFT,
    FINALISED,
    Assessment,
    AssessmentContent,
    AssessmentRow,
    Measure,
    Rating,
    Screening,
)
from consultant_app.risk.instruments import (
    CHECKLIST,
    PROTECTIVE,
    RISK,
    SPJ,
    Instrument,
    InstrumentFileError,
    InstrumentLibrary,
    InstrumentNotFoundError,
    default_library,
)
from consultant_app.risk.reading import chain_of, get_assessment, list_assessments
from consultant_app.risk.workflow import (
    AlreadyRevisedError,
    AssessmentExistsError,
    Finalised,
    NotFinalisedError,
    delete_draft,
    finalise_assessment,
    problems_before_finalising,
    revise_assessment,
    save_draft,
    start_assessment,
)

__all__ = [
    "CHECKLIST",
    "DRAFT",
    "FINALISED",
    "PROTECTIVE",
    "RISK",
    "SPJ",
    "AlreadyRevisedError",
    "Assessment",
    "AssessmentContent",
    "AssessmentExistsError",
    "AssessmentFinalisedError",
    "AssessmentRow",
    "Changes",
    "FactorChange",
    "Finalised",
    "HistoryEntry",
    "Instrument",
    "InstrumentFileError",
    "InstrumentLibrary",
    "InstrumentNotFoundError",
    "JudgementChange",
    "Measure",
    "NotFinalisedError",
    "Rating",
    "RiskBulkChangeError",
    "Screening",
    "chain_of",
    "changes_since_previous",
    "compare",
    "default_library",
    "delete_draft",
    "finalise_assessment",
    "get_assessment",
    "history",
    "list_assessments",
    "problems_before_finalising",
    "revise_assessment",
    "save_draft",
    "start_assessment",
]
