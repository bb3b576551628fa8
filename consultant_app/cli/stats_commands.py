"""stats monthly / package / team-report (cli.md; the shapes: counts.md).

Every file these commands write leaves the vault unencrypted: they say so on stderr, and the
vault's audit trail records the export (what, never a figure)."""

import argparse
import getpass
import sys

from consultant_app.cli.common import (
    CliError,
    emit,
    open_vault,
    vault_path,
)
from consultant_app.counts.files import BINARY_FORMATS, FORMATS
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.package import build_package
from consultant_app.counts.team_report import merge_packages, read_package
from consultant_app.domain import Profile
from consultant_app.i18n import Text
from consultant_app.services import audit
from consultant_app.services.stats_export import own_stats_file, team_report_bytes, write_export
from consultant_app.sync.outbox import record_package_file

_UNENCRYPTED = Text(
    da="Bemærk: {path} er IKKE krypteret. Den indeholder optællinger fra boksen (ingen personoplysninger); "
    "opbevar og del den med omtanke.",
    en="Note: {path} is NOT encrypted. It holds counts from the vault (nothing about any person); "
    "keep and share it with care.",
)
_EXACT = Text(
    da="Tallene er eksakte (ingen småtalsbeskyttelse): brug --protect-small-cells, før de deles uden for teamet.",
    en="The figures are exact (no small-cell protection): use --protect-small-cells before sharing outside the team.",
)
_JSON_EXACT = Text(
    da="JSON er altid eksakt; --protect-small-cells gælder csv, xlsx og pdf.",
    en="JSON is always exact; --protect-small-cells applies to csv, xlsx and pdf.",
)
_NEEDS_FILE = Text(
    da="Formatet {fmt} skal skrives til en fil: angiv -o FIL.",
    en="The format {fmt} must be written to a file: give -o FILE.",
)
_IS_VAULT = Text(
    da="Filen {path} er selve boksen og overskrives ikke.",
    en="The file {path} is the vault itself and is not overwritten.",
)
_WROTE = Text(da="Skrevet: {path}", en="Written: {path}")
_PACKAGE = Text(
    da="Pakken for {month} (version {version}) er skrevet til {path}.",
    en="The package for {month} (version {version}) was written to {path}.",
)
_SUPERSEDED = Text(
    da="Ikke talt med (en nyere version af samme måned er brugt): afsender {submitter}, {month}, version {version}",
    en="Not counted (a newer version of the same month is used): submitter {submitter}, {month}, version {version}",
)
_AFTER = Text(
    da="Ikke talt med (efter perioden): afsender {submitter}, {month}, version {version}",
    en="Not counted (after the period): submitter {submitter}, {month}, version {version}",
)
_SUMMARY = Text(
    da="{month}: {inquiries} henvendelser, {active} aktive forløb ved månedens udgang",
    en="{month}: {inquiries} inquiries, {active} active courses at the month's end",
)
_TOTAL = Text(
    da="I alt {first} – {last}: {inquiries} henvendelser, {active} aktive forløb ved periodens udgang",
    en="Total {first} – {last}: {inquiries} inquiries, {active} active courses at the period's end",
)


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    if getattr(args, "json", False):
        return "json"
    if args.output is not None and args.output.suffix.lower().lstrip(".") in FORMATS:
        return args.output.suffix.lower().lstrip(".")
    return "json" if args.output is not None else None


def stats_monthly(args: argparse.Namespace) -> int:
    fmt = _format(args)
    _check_output(args, fmt)
    with open_vault(args) as vault, vault.session() as session:
        stats = monthly_stats(session, args.first, args.last)
        if fmt is None:  # a readable summary on the terminal
            for m in stats.months:
                print(
                    _SUMMARY.render(
                        month=m.month, inquiries=m.totals.inquiries, active=m.totals.active_courses_end
                    )
                )
            print(
                _TOTAL.render(
                    first=args.first,
                    last=args.last,
                    inquiries=stats.totals.inquiries,
                    active=stats.totals.active_courses_end,
                )
            )
            return 0
        profile = session.get(Profile, 1)
        data = own_stats_file(
            session,
            args.first,
            args.last,
            fmt,
            protect=args.protect_small_cells,
            printed_by=profile.name if profile else "",
            to="file" if args.output is not None else "stdout",
        )
    _deliver(args, fmt, data)
    return 0


def package(args: argparse.Namespace) -> int:
    _check_output(args, "json")
    with open_vault(args) as vault, vault.session() as session:
        built = build_package(session, args.month)
        _write(args.output, built.to_json().encode("utf-8"))
        record_package_file(session, built)  # the outbox knows every version that left
        audit.record(session, "export", detail=f"package {built.month} v{built.version}")
    print(_UNENCRYPTED.render(path=args.output), file=sys.stderr)
    human = _PACKAGE.render(month=built.month, version=built.version, path=args.output)
    emit(args, human, {"file": str(args.output), "month": built.month, "version": built.version})
    return 0


def team_report(args: argparse.Namespace) -> int:
    fmt = _format(args) or "json"
    _check_output(args, fmt)
    report = merge_packages([read_package(p) for p in args.packages], args.first, args.last)
    for text, refs in ((_SUPERSEDED, report.superseded), (_AFTER, report.after_range)):
        for ref in refs:
            print(text.render(submitter=ref.submitter, month=ref.month, version=ref.version), file=sys.stderr)
    data = team_report_bytes(report, fmt, protect=args.protect_small_cells, printed_by=getpass.getuser())
    _deliver(args, fmt, data)
    return 0


def _check_output(args: argparse.Namespace, fmt: str | None) -> None:
    if fmt in BINARY_FORMATS and args.output is None:
        raise CliError(_NEEDS_FILE, fmt=fmt)
    if (
        args.output is not None
        and hasattr(args, "vault")
        and args.output.resolve() == vault_path(args).resolve()
    ):
        raise CliError(_IS_VAULT, path=args.output)


def _deliver(args: argparse.Namespace, fmt: str, data: bytes) -> None:
    if fmt == "json" and args.protect_small_cells:
        print(_JSON_EXACT.render(), file=sys.stderr)
    if args.output is None:
        if hasattr(sys.stdout, "buffer"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:  # a text stream standing in for stdout (an embedding program)
            sys.stdout.write(data.decode("utf-8"))
        return
    _write(args.output, data)
    print(_UNENCRYPTED.render(path=args.output), file=sys.stderr)
    if fmt != "json" and not args.protect_small_cells:
        print(_EXACT.render(), file=sys.stderr)
    print(_WROTE.render(path=args.output))


_write = write_export
