"""Survey-link dispatch (domain.md): campaigns, who is eligible, recording and sending the link
(mailto, copied text, SMTP batch, or by hand), and the response-rate report.

Functions that take a `Session` work inside the caller's unit of work and return plain frozen
dataclasses; those that write files or send mail take the `Vault` and manage their own.
"""

from consultant_app.survey.campaigns import (
    CampaignInfo,
    create_campaign,
    get_campaign,
    list_campaigns,
    update_campaign,
)
from consultant_app.survey.dispatch import (
    DispatchInfo,
    DispatchMessage,
    DispatchOutcome,
    DispatchRow,
    Refusal,
    list_dispatches,
    mailto_for,
    message_for,
    record_dispatch,
    record_dispatches,
    undo_dispatch,
)
from consultant_app.survey.eligibility import (
    DuplicateGroup,
    DuplicateMember,
    EligibleProfessional,
    eligible_professionals,
    likely_duplicates,
)
from consultant_app.survey.mailto import MAILTO_LIMIT, MailtoLink, mailto_url
from consultant_app.survey.message import DEFAULT_SUBJECT, DEFAULT_TEXT, PLACEHOLDERS, EmailText
from consultant_app.survey.report import (
    ResponseFigures,
    SurveyReport,
    report_json,
    set_responses,
    survey_report,
    table_rows,
    write_report,
)
from consultant_app.survey.smtp_batch import BatchProblem, BatchResult, send_batch
from consultant_app.survey.smtp_settings import (
    KEEP,
    SmtpSettingsView,
    clear_smtp_settings,
    save_smtp_settings,
    smtp_settings,
)

__all__ = [
    "DEFAULT_SUBJECT",
    "DEFAULT_TEXT",
    "KEEP",
    "MAILTO_LIMIT",
    "PLACEHOLDERS",
    "BatchProblem",
    "BatchResult",
    "CampaignInfo",
    "DispatchInfo",
    "DispatchMessage",
    "DispatchOutcome",
    "DispatchRow",
    "DuplicateGroup",
    "DuplicateMember",
    "EligibleProfessional",
    "EmailText",
    "MailtoLink",
    "Refusal",
    "ResponseFigures",
    "SmtpSettingsView",
    "SurveyReport",
    "clear_smtp_settings",
    "create_campaign",
    "eligible_professionals",
    "get_campaign",
    "likely_duplicates",
    "list_campaigns",
    "list_dispatches",
    "mailto_for",
    "mailto_url",
    "message_for",
    "record_dispatch",
    "record_dispatches",
    "report_json",
    "save_smtp_settings",
    "send_batch",
    "set_responses",
    "smtp_settings",
    "survey_report",
    "table_rows",
    "undo_dispatch",
    "update_campaign",
    "write_report",
]
