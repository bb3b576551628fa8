"""`consultant-app-receiver COMMAND` (cli.md): serve, report national, tokens (add-token),
import, migrate.

The database is `--db URL` (SQLite by default, `postgresql+psycopg://...` in production); a URL
with a password is better given in `CONSULTANT_APP_RECEIVER_DB` than on the command line,
where other users of the machine can see it. Exit status 0 on success; one clear line on
stderr and 1 on an expected failure, 2 for usage, 70 for anything unexpected (no traceback
unless --debug). Every word shown is in messages.py, in one language (CONSULTANT_APP_LANG).
"""

import argparse
import ipaddress
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError

from consultant_app.counts.months import parse_month
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import LANGUAGES, set_language
from consultant_app.receiver import messages as m
from consultant_app.receiver import token_commands
from consultant_app.receiver.db import DEFAULT_URL, make_engine, open_database
from consultant_app.receiver.idempotency import release_in_progress
from consultant_app.receiver.national import FORMATS, national_report, render_national

DB_ENV = "CONSULTANT_APP_RECEIVER_DB"


class ReceiverCliError(ConsultantAppError):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="consultant-app-receiver", description=m.DESCRIPTION.render())
    parser.add_argument("--debug", action="store_true", help=m.H_DEBUG.render())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("serve", help=m.H_SERVE.render())
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1", help=m.H_HOST.render())
    p.add_argument("--port", type=int, default=8443, help=m.H_PORT.render())
    p.add_argument("--tokens", type=Path, required=True, help=m.H_TOKENS.render())
    p.add_argument("--tls-cert", type=Path, help=m.H_TLS_CERT.render())
    p.add_argument("--tls-key", type=Path, help=m.H_TLS_KEY.render())
    p.set_defaults(handler=serve)

    report = sub.add_parser("report", help=m.H_REPORT.render())
    report_sub = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    p = report_sub.add_parser("national", help=m.H_NATIONAL.render())
    _db_option(p)
    p.add_argument("--from", dest="first", required=True, help=m.H_FROM.render())
    p.add_argument("--to", dest="last", required=True, help=m.H_TO.render())
    p.add_argument("--format", choices=FORMATS, help=m.H_FORMAT.render())
    p.add_argument("-o", "--output", type=Path, help=m.H_OUTPUT.render())
    p.set_defaults(handler=report_national)

    token_commands.register(sub, DB_ENV)

    p = sub.add_parser("migrate", help=m.H_MIGRATE.render())
    _db_option(p)
    p.set_defaults(handler=migrate_database)

    p = sub.add_parser("import", help=m.H_IMPORT.render())
    _db_option(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=m.H_FILES.render())
    p.add_argument("--json", action="store_true", help=m.H_IMPORT_JSON.render())
    p.set_defaults(handler=import_files)
    return parser


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get(DB_ENV, DEFAULT_URL),
        help=m.H_DB.render(env=DB_ENV, default=DEFAULT_URL),
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
        raise ReceiverCliError(m.TLS_PAIR)
    if not args.tls_cert and not is_loopback(args.host):
        raise ReceiverCliError(m.TLS_REQUIRED)
    app = create_app(ReceiverSettings(db_url=args.db, tokens_file=args.tokens))
    released = release_in_progress(app.state.engine)
    if released:
        logging.getLogger(__name__).warning(
            "released %d Idempotency-Key record(s) left in progress by an earlier run", released
        )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        server_header=False,
        proxy_headers=False,
        access_log=False,  # it writes the query string; observe.AccessLog writes the path only
        log_level="debug" if args.debug else "info",
    )
    return 0


def migrate_database(args: argparse.Namespace) -> int:
    from consultant_app.receiver.schema import migrate

    engine = make_engine(args.db)
    try:
        print(m.MIGRATED.render(revision=migrate(engine)))
    finally:
        engine.dispose()
    return 0


def report_national(args: argparse.Namespace) -> int:
    first, last = parse_month(args.first), parse_month(args.last)
    fmt = args.format or (args.output.suffix.lower().lstrip(".") if args.output else "") or "json"
    if fmt not in FORMATS:
        fmt = "json"
    if fmt in ("xlsx", "pdf") and args.output is None:
        raise ReceiverCliError(m.NEEDS_FILE, fmt=fmt)
    engine = open_database(args.db)
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
        print(m.WROTE.render(path=args.output))
    return 0


def import_files(args: argparse.Namespace) -> int:
    from consultant_app.receiver import ingest

    engine = open_database(args.db)
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
            text = m.IMPORTED.get(r["outcome"], m.REFUSED)
            print(
                text.render(
                    file=r["file"], month=r.get("month"), version=r.get("version"), reason=r.get("reason")
                )
            )
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if refused:
        raise ReceiverCliError(m.SOME_REFUSED, n=refused)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    language = os.environ.get("CONSULTANT_APP_LANG", "da")
    set_language(language if language in LANGUAGES else "da")
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
    except OperationalError as exc:
        if args.debug:
            raise
        print(
            m.NO_DATABASE.render(kind=type(exc.orig).__name__ if exc.orig else "OperationalError"),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(m.UNEXPECTED.render(kind=type(exc).__name__), file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
