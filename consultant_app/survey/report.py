"""Response rate per region and in total (counts.md, "Survey report").

The user enters the responses per region that the survey tool reports; the links sent per
region come from the dispatches. The rate is an exact ratio (a Fraction), rounded half up to
4 decimals only where it is written out, and None where no link was sent or no responses were
entered, so no division by zero is possible.
"""

import json
import os
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app import files
from consultant_app.codes import load_codes
from consultant_app.domain import SurveyDispatch, SurveyResponseCount
from consultant_app.errors import Problem, StorageWriteError, ValidationError
from consultant_app.i18n import Text, current_language
from consultant_app.interchange.csv_output import commit_staged, discard_staged, refuse_existing, stage_csv
from consultant_app.spreadsheet_safety import no_formulas
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault
from consultant_app.survey.campaigns import load_campaign

FORMATS = ("json", "csv", "xlsx")
RATE_DECIMALS = 4

BAD_REGION = Text(da="ukendt region; gyldige: {allowed}", en="unknown region; valid: {allowed}")
BAD_COUNT = Text(
    da="antallet skal være et helt tal, 0 eller større", en="the count must be a whole number, 0 or more"
)
HEADER = (
    Text(da="Region", en="Region"),
    Text(da="Links sendt", en="Links sent"),
    Text(da="Svar", en="Responses"),
    Text(da="Svarprocent", en="Response rate"),
)
TOTAL = Text(da="I alt", en="Total")
CAMPAIGN = Text(da="Kampagne", en="Campaign")
PERIOD = Text(da="Periode", en="Period")


@dataclass(frozen=True)
class ResponseFigures:
    links_sent: int
    responses: int
    responses_entered: bool

    @property
    def rate(self) -> Fraction | None:
        if self.links_sent == 0 or not self.responses_entered:
            return None
        return Fraction(self.responses, self.links_sent)


@dataclass(frozen=True)
class SurveyReport:
    campaign_id: int
    code: str
    name: str
    period_from: date
    period_to: date
    regions: dict[str, ResponseFigures]  # every region, in the code list's order
    total: ResponseFigures


def set_responses(session: Session, campaign_id: int, region: str, count: int) -> None:
    """Enter (or correct) the number of responses the survey tool reports for a region."""
    load_campaign(session, campaign_id)
    regions = load_codes()["region"]
    problems = []
    if region not in regions:
        problems.append(Problem("region", region, BAD_REGION, (("allowed", ", ".join(regions.values())),)))
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        problems.append(Problem("count", count, BAD_COUNT))
    if problems:
        raise ValidationError(problems)
    row = session.get(SurveyResponseCount, (campaign_id, region))
    if row is None:
        session.add(SurveyResponseCount(campaign_id=campaign_id, region=region, responses=count))
    else:
        row.responses = count
    session.flush()


def survey_report(session: Session, campaign_id: int) -> SurveyReport:
    campaign = load_campaign(session, campaign_id)
    links = dict(
        session.execute(
            select(SurveyDispatch.region, func.count())
            .where(SurveyDispatch.campaign_id == campaign_id, SurveyDispatch.status == "sent")
            .group_by(SurveyDispatch.region)
        ).all()
    )
    responses = dict(
        session.execute(
            select(SurveyResponseCount.region, SurveyResponseCount.responses).where(
                SurveyResponseCount.campaign_id == campaign_id
            )
        ).all()
    )
    regions = {
        code: ResponseFigures(links.get(code, 0), responses.get(code, 0), code in responses)
        for code in load_codes()["region"].values()
    }
    total = ResponseFigures(sum(links.values()), sum(responses.values()), bool(responses))
    return SurveyReport(
        campaign.id, campaign.code, campaign.name, campaign.period_from, campaign.period_to, regions, total
    )


def rounded(rate: Fraction | None) -> float | None:
    """Half up to RATE_DECIMALS, from the exact ratio (no binary floating point on the way)."""
    if rate is None:
        return None
    scale = 10**RATE_DECIMALS
    return float(Fraction((rate * scale * 2 + 1) // 2, scale))


def report_json(report: SurveyReport) -> dict:
    """The exact shape of counts.md, "Survey report"."""

    def figures(f: ResponseFigures) -> dict:
        return {"links_sent": f.links_sent, "responses": f.responses, "response_rate": rounded(f.rate)}

    return {
        "campaign": report.code,
        "name": report.name,
        "from": report.period_from.isoformat(),
        "to": report.period_to.isoformat(),
        "regions": {code: figures(f) for code, f in report.regions.items()},
        "total": figures(report.total),
    }


def table_rows(report: SurveyReport, language: str | None = None) -> list[tuple[str, int, int, float | None]]:
    """One row per region (its label) and the total last: for CSV, XLSX and the desktop's table."""
    regions = load_codes()["region"]
    rows = [
        (regions.label(code, language), f.links_sent, f.responses, rounded(f.rate))
        for code, f in report.regions.items()
    ]
    t = report.total
    rows.append((TOTAL.render(language), t.links_sent, t.responses, rounded(t.rate)))
    return rows


def write_report(
    vault: Vault, campaign_id: int, path: Path | str, fmt: str = "json", *, overwrite: bool = False
) -> Path:
    """Write the report as JSON, CSV (UTF-8 with BOM, `;`) or XLSX; counts only."""
    path = Path(path)
    refuse_existing(path, overwrite)
    staging = None
    try:
        with vault.session() as session:
            report = survey_report(session, campaign_id)
            staging = _stage(report, path, fmt)
            audit.record(session, "export", "survey_campaign", campaign_id, f"format=survey-report-{fmt}")
        commit_staged(staging, path)
    except BaseException:
        discard_staged(staging)
        raise
    return path


def _stage(report: SurveyReport, path: Path, fmt: str) -> Path:
    language = current_language()
    if fmt == "csv":
        comma = language == "da"
        rows = [
            (label, str(links), str(responses), "" if rate is None else _decimal(rate, comma))
            for label, links, responses, rate in table_rows(report, language)
        ]
        return stage_csv(path, [t.render(language) for t in HEADER], rows)
    staging = files.staging_path(files.replace_target(path))  # committed by commit_staged
    try:
        if fmt == "json":
            text = json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
            with open(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        elif fmt == "xlsx":
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
            with open(fd, "wb") as f:
                no_formulas(_workbook(report, language)).save(f)
        else:
            raise ValueError(f"unknown report format {fmt!r}; choose one of {FORMATS}")
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    return staging


def _decimal(rate: float, comma: bool) -> str:
    text = f"{rate:.{RATE_DECIMALS}f}"
    return text.replace(".", ",") if comma else text


def _workbook(report: SurveyReport, language: str) -> Workbook:
    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # a new workbook starts with one worksheet
        raise AssertionError("a new workbook has no active worksheet")
    sheet.title = report.code[:31] or "survey"
    bold = Font(bold=True)
    sheet.append([report.name])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([CAMPAIGN.render(language), report.code])
    sheet.append([PERIOD.render(language), report.period_from, report.period_to])
    for name in ("B3", "C3"):
        sheet[name].number_format = "yyyy-mm-dd"
    sheet.append([])
    sheet.append([t.render(language) for t in HEADER])
    for cell in sheet[5]:
        cell.font = bold
    for row in table_rows(report, language):
        sheet.append(list(row))
        sheet.cell(sheet.max_row, 4).number_format = "0.00%"
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.column_dimensions["A"].width = 32
    for column in "BCD":
        sheet.column_dimensions[column].width = 14
    return book
