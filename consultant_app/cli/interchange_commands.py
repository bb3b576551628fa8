"""import inquiries / export inquiries (shared/spec/interchange.md)."""

import argparse
import sys

from consultant_app.cli.common import CliError, emit, open_vault
from consultant_app.errors import Problem
from consultant_app.i18n import Text
from consultant_app.interchange import ImportRejected, export_inquiries, import_inquiries

_IMPORTED = Text(
    da="Importeret {rows} rækker: {added} tilføjet, {updated} opdateret, {unchanged} uændret, "
    "{rejected} afvist. Fagpersoner: {professionals_added} nye, {professionals_updated} suppleret.",
    en="Imported {rows} rows: {added} added, {updated} updated, {unchanged} unchanged, "
    "{rejected} rejected. Professionals: {professionals_added} new, {professionals_updated} completed.",
)
_REJECTS_WRITTEN = Text(
    da="De afviste rækker og deres fejl er skrevet til {path}.",
    en="The rejected rows and their problems were written to {path}.",
)
_EXPORTED = Text(
    da="{count} henvendelser eksporteret til {path}.", en="{count} inquiries exported to {path}."
)
_NOT_ENCRYPTED = Text(
    da="ADVARSEL: {path} er IKKE krypteret og indeholder personoplysninger. "
    "Opbevar den sikkert, og slet den, når den ikke længere skal bruges.",
    en="WARNING: {path} is NOT encrypted and holds personal data. "
    "Keep it safe, and delete it when it is no longer needed.",
)
_REJECTS_NEEDED = Text(
    da="--skip-invalid og --rejects FIL hører sammen: de afviste rækker skal ende et sted.",
    en="--skip-invalid and --rejects FILE go together: the rejected rows must end up somewhere.",
)
_NOTHING_IMPORTED = Text(
    da="Intet er importeret: {count} fejl i filen.", en="Nothing was imported: {count} problems in the file."
)
_BAD_RANGE = Text(da="--from ligger efter --to.", en="--from is after --to.")


def import_command(args: argparse.Namespace) -> int:
    if args.skip_invalid != (args.rejects is not None):
        raise CliError(_REJECTS_NEEDED)
    try:
        with open_vault(args) as vault:
            summary = import_inquiries(
                vault,
                args.file,
                skip_invalid=args.skip_invalid,
                rejects_path=args.rejects,
                overwrite_rejects=args.force,
            )
    except ImportRejected as exc:
        _report_rejected(args, exc)
        return 1
    emit(args, _IMPORTED.render(**summary.as_dict()), summary.as_dict())
    if summary.rejected and args.rejects is not None:
        print(_REJECTS_WRITTEN.render(path=args.rejects), file=sys.stderr)
        print(_NOT_ENCRYPTED.render(path=args.rejects), file=sys.stderr)
    return 0


def _report_rejected(args: argparse.Namespace, exc: ImportRejected) -> None:
    """Every problem, one per line, and the verdict last: the import rule is to report all."""
    if args.json:
        emit(args, "", {"imported": False, "problems": [_problem_data(p) for p in exc.problems]})
    for problem in exc.problems:
        print(problem.located(), file=sys.stderr)
    print(_NOTHING_IMPORTED.render(count=len(exc.problems)), file=sys.stderr)


def _problem_data(problem: Problem) -> dict[str, object]:
    return {
        "line": problem.line,
        "column": problem.field,
        "value": problem.value,
        "message": problem.message(),
    }


def export_command(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(_BAD_RANGE)
    with open_vault(args) as vault:
        summary = export_inquiries(
            vault, args.file, date_from=args.date_from, date_to=args.date_to, overwrite=args.force
        )
    emit(
        args,
        _EXPORTED.render(count=summary.inquiries, path=summary.path),
        {"file": str(summary.path), "inquiries": summary.inquiries},
    )
    print(_NOT_ENCRYPTED.render(path=summary.path), file=sys.stderr)
    return 0
