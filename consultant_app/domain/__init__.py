"""The domain model (domain.md): every table of the vault, as typed SQLAlchemy 2 classes."""

from consultant_app.domain import lifecycle_guard  # noqa: F401  (installs the read-only guard)
from consultant_app.domain.audit import AuditEvent
from consultant_app.domain.backup_settings import BackupSettings
from consultant_app.domain.base import Base
from consultant_app.domain.cases import Contact, FollowUp, Inquiry, InquiryAdvice, InquiryReason, Note
from consultant_app.domain.drafts import Draft
from consultant_app.domain.keys import ColleagueKey, VaultKey
from consultant_app.domain.outbox import OutboxPackage
from consultant_app.domain.people import Citizen, Professional, normalise_email
from consultant_app.domain.profile import Profile
from consultant_app.domain.risk import RiskAssessment, RiskMeasure, RiskRating
from consultant_app.domain.settings import SmtpSettings
from consultant_app.domain.survey import SurveyCampaign, SurveyDispatch, SurveyResponseCount
from consultant_app.domain.sync_settings import SyncSettings

__all__ = [
    "AuditEvent",
    "BackupSettings",
    "Base",
    "Citizen",
    "ColleagueKey",
    "Contact",
    "Draft",
    "FollowUp",
    "Inquiry",
    "InquiryAdvice",
    "InquiryReason",
    "Note",
    "OutboxPackage",
    "Professional",
    "Profile",
    "RiskAssessment",
    "RiskMeasure",
    "RiskRating",
    "SmtpSettings",
    "SurveyCampaign",
    "SurveyDispatch",
    "SurveyResponseCount",
    "SyncSettings",
    "VaultKey",
    "normalise_email",
]
