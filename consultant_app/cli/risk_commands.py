"""risk list / risk pdf (cli.md): the risk assessments, and the printable summary of one.

The summary leaves the vault as a plain PDF, so stderr says so plainly every time; the print
is recorded in the audit trail in the same transaction that reads the assessment.
"""

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from consultant_app import files
from consultant_app.cli.common import emit, open_vault
from consultant_app.codes import load_codes
from consultant_app.domain import Profile
from consultant_app.errors import StorageWriteError
from consultant_app.i18n import Text
from consultant_app.interchange.csv_output import commit_staged, discard_staged, refuse_existing
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.risk_summary import print_risk_summary
from consultant_app.risk import AssessmentRow, list_assessments
from consultant_app.risk import texts as T

_NONE = Text(da="Ingen risikovurderinger.", en="No risk assessments.")
_DATE = Text(da="Dato", en="Date")
_STATUS = {
    "draft": Text(da="udkast", en="draft"),
    "finalised": Text(da="afsluttet", en="finalised"),
}
_WRITTEN = Text(
    da="Risikovurdering {id} er skrevet til {path}.", en="Risk assessment {id} was written to {path}."
)
_NOT_ENCRYPTED = Text(
    da="ADVARSEL: {path} er IKKE krypteret og indeholder fortrolige oplysninger om en sag. "
    "Opbevar den sikkert, og slet den, når den ikke længere skal bruges.",
    en="WARNING: {path} is NOT encrypted and holds confidential information about a case. "
    "Keep it safe, and delete it when it is no longer needed.",
)
_WITH_NAME = Text(da="Udskriften indeholder borgerens navn.", en="The printout contains the citizen's name.")


def list_command(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as session:
        rows = list_assessments(session)
    emit(args, _human(rows), [_data(r) for r in rows])
    return 0


def pdf_command(args: argparse.Namespace) -> int:
    path: Path = args.output
    refuse_existing(path, args.force)
    staging = None
    try:
        with open_vault(args) as vault:
            with vault.session() as session:
                profile = session.get(Profile, 1)
                printed = PrintInfo(profile.name if profile else "", datetime.now())
                document = print_risk_summary(session, args.assessment_id, printed, with_name=args.with_name)
                staging = _stage(path, document)  # before the commit: no audit line without a file
            commit_staged(staging, path)
    except BaseException:
        discard_staged(staging)
        raise
    emit(
        args,
        _WRITTEN.render(id=args.assessment_id, path=path),
        {"assessment_id": args.assessment_id, "file": str(path), "with_name": args.with_name},
    )
    print(_NOT_ENCRYPTED.render(path=path), file=sys.stderr)
    if args.with_name:
        print(_WITH_NAME.render(), file=sys.stderr)
    return 0


def _data(row: AssessmentRow) -> dict[str, object]:
    return {
        "id": row.id,
        "inquiry_id": row.inquiry_id,
        "case_code": row.case_code,
        "assessed_on": row.assessed_on.isoformat(),
        "status": row.status,
        "instrument_id": row.instrument_id,
        "instrument_version": row.instrument_version,
        "assessor": row.assessor,
        "previous_id": row.previous_id,
        "summary_judgement": row.judgement(),
        "next_review_on": row.next_review_on.isoformat() if row.next_review_on else None,
    }


def _human(rows: list[AssessmentRow]) -> str:
    if not rows:
        return _NONE.render()
    status = {code: text.render() for code, text in _STATUS.items()}
    lines = [_line("Id", T.CASE.render(), _DATE.render(), T.STATUS.render(), T.JUDGEMENT.render())]
    for r in rows:
        state = status.get(r.status, r.status)
        lines.append(_line(r.id, r.case_code, r.assessed_on.isoformat(), state, _judgement(r)))
    return "\n".join(lines)


def _line(*cells: object) -> str:
    number, case, on, state, judgement = cells
    return f"{number:>5}  {case:<12} {on:<10}  {state:<9}  {judgement}"


def _judgement(row: AssessmentRow) -> str:
    levels = load_codes()["risk_level"]
    parts = []
    for name, code in row.judgement().items():
        label = levels.label(code) if code is not None and code in levels else "–"
        parts.append(f"{T.JUDGEMENT_NAMES[name].render()}: {label}")
    return "; ".join(parts)


def _stage(path: Path, data: bytes) -> Path:
    """The whole file beside `path`, readable by the owner only; `commit_staged` renames it."""
    staging = files.staging_path(files.replace_target(path))  # a fresh name: never another's file
    try:
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    return staging
