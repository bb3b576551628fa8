"""A one-page summary of the vault: whose it is and how much it holds, in counts only.

`load_vault_summary` reads the figures; `render_vault_summary` prints them and never sees a
session, like every report (pdf_base).
"""

from dataclasses import dataclass

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.domain import Inquiry, Professional, Profile
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import PrintInfo, ReportDocument
from consultant_app.reports.pdf_blocks import BODY_WIDTH, data_table, key_value_table, number, paragraph

TITLE = Text(da="Oversigt over boksen", en="Vault summary")
_INTRO = Text(
    da="Boksens ejer og hvor meget den indeholder. Oversigten viser kun antal, ingen oplysninger om personer.",
    en="The vault's owner and how much it holds. The summary shows counts only, nothing about any person.",
)
_CONSULTANT = Text(da="Konsulent", en="Consultant")
_TEAM = Text(da="Team", en="Team")
_WHAT = Text(da="Indhold", en="Contents")
_COUNT = Text(da="Antal", en="Count")
_INQUIRIES = Text(da="Henvendelser", en="Inquiries")
_PROFESSIONALS = Text(da="Fagpersoner", en="Professionals")
_OPEN_COURSES = Text(da="Åbne rådgivningsforløb", en="Open advisory courses")


@dataclass(frozen=True)
class VaultSummary:
    consultant: str
    team: str  # the team code (codes.json, list "team")
    inquiries: int
    professionals: int
    open_courses: int


def load_vault_summary(session: Session) -> VaultSummary:
    profile = session.get(Profile, 1)
    count = func.count()
    return VaultSummary(
        consultant=profile.name if profile else "",
        team=profile.team if profile else "",
        inquiries=session.scalar(select(count).select_from(Inquiry)) or 0,
        professionals=session.scalar(select(count).select_from(Professional)) or 0,
        open_courses=session.scalar(
            select(count).where(Inquiry.kind == "forloeb", Inquiry.closed_on.is_(None))
        )
        or 0,
    )


class VaultSummaryReport(ReportDocument):
    def __init__(self, summary: VaultSummary, printed: PrintInfo) -> None:
        super().__init__(printed)
        self.summary = summary

    def title(self) -> str:
        return self.text(TITLE)

    def story(self, styles: StyleSheet1) -> list[Flowable]:
        s, language = self.summary, self.printed.language
        teams = load_codes()["team"]
        team = teams.label(s.team, language) if s.team in teams else s.team
        counts = [
            (self.text(_INQUIRIES), number(s.inquiries, language)),
            (self.text(_PROFESSIONALS), number(s.professionals, language)),
            (self.text(_OPEN_COURSES), number(s.open_courses, language)),
        ]
        return [
            paragraph(self.title(), styles["Title"]),
            paragraph(self.text(_INTRO), styles["Normal"]),
            Spacer(0, 12),
            key_value_table([(self.text(_CONSULTANT), s.consultant), (self.text(_TEAM), team)], styles),
            Spacer(0, 18),
            data_table(
                [self.text(_WHAT), self.text(_COUNT)],
                counts,
                styles,
                col_widths=[BODY_WIDTH * 0.7, BODY_WIDTH * 0.3],
                numeric=(1,),
            ),
        ]


def render_vault_summary(summary: VaultSummary, printed: PrintInfo) -> bytes:
    return VaultSummaryReport(summary, printed).render()
