"""`consultant-app-receiver COMMAND` (cli.md): serve, report national, add-token, import.

The database is `--db URL` (SQLite by default, `postgresql+psycopg://...` in production); a URL
with a password is better given in `CONSULTANT_APP_RECEIVER_DB` than on the command line,
where other users of the machine can see it. Exit status 0 on success; one clear line on
stderr and 1 on an expected failure, 2 for usage, 70 for anything unexpected (no traceback
unless --debug).
"""

import argparse
import ipaddress
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError

from consultant_app.cli.closed_pipe import quietly
from consultant_app.cli.language import Parser, cli_language, install
from consultant_app.counts.months import parse_month
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.receiver.db import DEFAULT_URL, create_schema, make_engine
from consultant_app.receiver.national import FORMATS, national_report, render_national
from consultant_app.receiver.tokens import ANALYST, LAPTOP, add_token

DB_ENV = "CONSULTANT_APP_RECEIVER_DB"
SUBMITTER_ID = r"^[0-9a-f]{16,64}$"


class ReceiverCliError(ConsultantAppError):
    pass


_TLS_REQUIRED = Text(
    da="Uden TLS lyttes kun på denne maskine (127.0.0.1): angiv --tls-cert og --tls-key.",
    en="Without TLS the service only listens on this machine (127.0.0.1): give --tls-cert and --tls-key.",
)
_TLS_PAIR = Text(da="--tls-cert og --tls-key hører sammen.", en="--tls-cert and --tls-key go together.")
_NEEDS_FILE = Text(
    da="Formatet {fmt} skal skrives til en fil: angiv -o FIL.",
    en="The format {fmt} must be written to a file: give -o FILE.",
)
_ISSUED = Text(
    da="Nøgle udstedt til {name} ({kind}, id {id}). Kun dens SHA-256 er gemt i {path}.\n"
    "Den vises kun denne ene gang (sidste linje): giv den sikkert videre.",
    en="Token issued to {name} ({kind}, id {id}). Only its SHA-256 is stored in {path}.\n"
    "It is shown this once only (the last line): hand it over securely.",
)
_IMPORTED = {
    "stored": Text(
        da="{file}: gemt ({month}, version {version})", en="{file}: stored ({month}, version {version})"
    ),
    "duplicate": Text(
        da="{file}: findes allerede ({month}, version {version})",
        en="{file}: already stored ({month}, version {version})",
    ),
}
_REFUSED = Text(da="{file}: afvist: {reason}", en="{file}: refused: {reason}")
_SOME_REFUSED = Text(da="{n} fil(er) blev afvist.", en="{n} file(s) were refused.")
_NO_DATABASE = Text(
    da="Databasen kunne ikke bruges: kontrollér --db (detaljer med --debug).",
    en="The database could not be used: check --db (details with --debug).",
)
_UNEXPECTED = Text(
    da="Uventet fejl. Kør igen med --debug for detaljer.",
    en="Unexpected error. Run again with --debug for details.",
)
_WROTE = Text(da="Skrevet: {path}", en="Written: {path}")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="consultant-app-receiver", description="SIRI's receiver of the anonymised counts.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("serve", help="run the receiving API")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--tokens", type=Path, required=True, help="the tokens file (add-token)")
    p.add_argument("--tls-cert", type=Path, help="the server certificate (PEM, with its chain)")
    p.add_argument("--tls-key", type=Path, help="its private key (PEM)")
    p.set_defaults(handler=serve)

    report = sub.add_parser("report", help="reports from the received packages")
    report_sub = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    p = report_sub.add_parser("national", help="the national tables (JSON exact; csv, xlsx, pdf protected)")
    _db_option(p)
    p.add_argument("--from", dest="first", required=True, help="first month, YYYY-MM")
    p.add_argument("--to", dest="last", required=True, help="last month, YYYY-MM")
    p.add_argument("--format", choices=FORMATS, help="default: from the file name, else json")
    p.add_argument("-o", "--output", type=Path, help="the file to write (default: stdout, json and csv)")
    p.set_defaults(handler=report_national)

    p = sub.add_parser("add-token", help="issue a token; printed once, alone, on the last line")
    p.add_argument("--tokens", type=Path, required=True, help="the tokens file (created if missing)")
    p.add_argument("--submitter-name", required=True, help="whose laptop (or which analyst) it is for")
    p.add_argument("--analyst", action="store_true", help="a token that reads the national report")
    p.add_argument("--submitter-id", help="the laptop's submitter id, if known (else bound on first use)")
    p.set_defaults(handler=issue_token)

    p = sub.add_parser("import", help="import package files (from `consultant-app package`)")
    _db_option(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    p.set_defaults(handler=import_files)
    return parser


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get(DB_ENV, DEFAULT_URL),
        help=f"database URL (default: ${DB_ENV}, else {DEFAULT_URL})",
    )


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from consultant_app.receiver.app import ReceiverSettings, create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise ReceiverCliError(_TLS_PAIR)
    if not args.tls_cert and not is_loopback(args.host):
        raise ReceiverCliError(_TLS_REQUIRED)
    app = create_app(ReceiverSettings(db_url=args.db, tokens_file=args.tokens))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        server_header=False,
        proxy_headers=False,
        log_level="debug" if args.debug else "info",
    )
    return 0


def report_national(args: argparse.Namespace) -> int:
    first, last = parse_month(args.first), parse_month(args.last)
    fmt = args.format or (args.output.suffix.lower().lstrip(".") if args.output else "") or "json"
    if fmt not in FORMATS:
        fmt = "json"
    if fmt in ("xlsx", "pdf") and args.output is None:
        raise ReceiverCliError(_NEEDS_FILE, fmt=fmt)
    engine = make_engine(args.db)
    create_schema(engine)
    with engine.begin() as conn:
        report = national_report(conn, first, last)
    data = render_national(report, fmt)
    engine.dispose()
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        args.output.write_bytes(data)
        print(_WROTE.render(path=args.output))
    return 0


def issue_token(args: argparse.Namespace) -> int:
    submitter = (args.submitter_id or "").strip().lower() or None
    if submitter is not None and (args.analyst or not re.match(SUBMITTER_ID, submitter)):
        raise ReceiverCliError(Text(da="Ugyldigt --submitter-id.", en="Invalid --submitter-id."))
    kind = ANALYST if args.analyst else LAPTOP
    entry, token = add_token(args.tokens, args.submitter_name, kind, submitter)
    print(_ISSUED.render(name=entry.name, kind=kind, id=entry.id, path=args.tokens))
    print(token)
    return 0


def import_files(args: argparse.Namespace) -> int:
    from consultant_app.receiver import ingest

    engine = make_engine(args.db)
    create_schema(engine)
    results, refused = [], 0
    for path in args.files:
        try:
            package = ingest.parse_package(path.read_bytes())
            done = ingest.store_with_retry(engine, package, source="file")
        except OSError as exc:
            results.append(
                {"file": str(path), "outcome": "refused", "reason": exc.strerror or type(exc).__name__}
            )
        except ingest.InvalidPackage as exc:
            results.append({"file": str(path), "outcome": "refused", "reason": "; ".join(exc.problems)})
        except ingest.VersionConflict:
            reason = "this submitter, month and version is already stored with other counts"
            results.append({"file": str(path), "outcome": "refused", "reason": reason})
        else:
            results.append({"file": str(path), **done.as_json()})
    engine.dispose()
    for r in results:
        refused += r["outcome"] == "refused"
        if not args.json:
            text = _IMPORTED.get(r["outcome"], _REFUSED)
            print(
                text.render(
                    file=r["file"], month=r.get("month"), version=r.get("version"), reason=r.get("reason")
                )
            )
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if refused:
        raise ReceiverCliError(_SOME_REFUSED, n=refused)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    install(cli_language())
    return quietly(lambda: _run(argv))


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return args.handler(args) or 0
    except ConsultantAppError as exc:
        if args.debug:
            raise
        print(str(exc), file=sys.stderr)
        return 1
    except OperationalError:
        if args.debug:
            raise
        print(_NO_DATABASE.render(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # a reader that stopped early: `quietly` ends without a word
    except Exception:
        if args.debug:
            raise
        print(_UNEXPECTED.render(), file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
