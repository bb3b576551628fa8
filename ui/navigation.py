"""The screens of the main window, in the order of its navigation list.

A new screen (Risiko, Opfølgning, Spørgeskema, Statistik, Synkronisering, ...) is one line in
`SECTIONS`: a `Section` subclass (ui/section.py) with a stable `key` and a translated `title()`.
"""

from ui.audit.section import AuditSection
from ui.followups.section import FollowUpsSection
from ui.inquiries.section import InquiriesSection
from ui.overview.section import OverviewSection
from ui.professionals.section import ProfessionalsSection
from ui.risk.section import RiskSection
from ui.section import Section
from ui.settings.section import SettingsSection
from ui.stats.section import StatsSection
from ui.survey.section import SurveySection
from ui.sync.section import SyncSection

SECTIONS: tuple[type[Section], ...] = (
    OverviewSection,
    InquiriesSection,
    RiskSection,
    FollowUpsSection,
    ProfessionalsSection,
    SurveySection,
    StatsSection,
    SyncSection,
    AuditSection,
    SettingsSection,
)
