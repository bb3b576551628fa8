"""`serve`: the receiver as a service, with one worker process or several.

One worker: the app is made here and run by uvicorn in this process (SQLite or PostgreSQL).
Several (`--workers N`, PostgreSQL only: SQLite has one writer at a time): uvicorn starts N
processes, each making its own app, engine and connection pool through `worker_app`, from
settings this process puts in their environment (the database URL never on a command line).
The rules that must hold across processes (one Idempotency-Key record per token and key, one
row per submitter/month/version, one token per submitter) are unique constraints in the
database, so they hold across workers and across servers sharing the database alike.

Before any worker starts, the database must be at the current schema and Idempotency-Key
records left in progress by a crash are released. On SIGTERM uvicorn stops accepting
connections and lets the requests in flight finish (up to GRACEFUL_SECONDS) before it exits.
"""

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from sqlalchemy.engine import make_url

from consultant_app.errors import ConsultantAppError
from consultant_app.receiver import messages as m

DB_ENV = "CONSULTANT_APP_RECEIVER_DB"
TOKENS_ENV = "CONSULTANT_APP_RECEIVER_TOKENS"
LOG_ENV = "CONSULTANT_APP_RECEIVER_LOG"
GRACEFUL_SECONDS = 30
WORKER_HEALTHCHECK_SECONDS = 30

log = logging.getLogger(__name__)


class ServeError(ConsultantAppError):
    pass


@dataclass(frozen=True)
class ServeOptions:
    db_url: str
    tokens_file: Path
    host: str
    port: int
    workers: int = 1
    tls_cert: Path | None = None
    tls_key: Path | None = None
    json_logs: bool = True
    debug: bool = False


class _UvicornCommon(TypedDict):
    """The uvicorn settings both ways of serving share, typed so uvicorn.run checks them."""

    host: str
    port: int
    ssl_certfile: str | None
    ssl_keyfile: str | None
    server_header: bool
    proxy_headers: bool
    access_log: bool
    log_config: None
    timeout_graceful_shutdown: int


def serve(options: ServeOptions) -> None:
    import uvicorn

    from consultant_app.receiver.app import ReceiverSettings, create_app
    from consultant_app.receiver.db import open_database
    from consultant_app.receiver.idempotency import release_in_progress
    from consultant_app.receiver.observe import configure_logging
    from consultant_app.receiver.tokens import TokenStore

    if options.workers > 1 and make_url(options.db_url).get_backend_name() == "sqlite":
        raise ServeError(m.WORKERS_NEED_POSTGRES)
    configure_logging(json_lines=options.json_logs, debug=options.debug)
    engine = open_database(options.db_url)  # refuses a schema behind or ahead
    TokenStore(options.tokens_file)  # an unusable tokens file stops the start, with its reason
    released = release_in_progress(engine)
    if released:
        log.warning("released %d Idempotency-Key record(s) left in progress by an earlier run", released)
    common: _UvicornCommon = {
        "host": options.host,
        "port": options.port,
        "ssl_certfile": str(options.tls_cert) if options.tls_cert else None,
        "ssl_keyfile": str(options.tls_key) if options.tls_key else None,
        "server_header": False,
        "proxy_headers": False,
        "access_log": False,  # it writes the query string; observe.AccessLog writes the path only
        "log_config": None,  # configure_logging's handlers, in every process
        "timeout_graceful_shutdown": GRACEFUL_SECONDS,
    }
    if options.workers == 1:
        app = create_app(
            ReceiverSettings(db_url=options.db_url, tokens_file=options.tokens_file), engine=engine
        )
        uvicorn.run(app, **common)
        return
    engine.dispose()
    metrics_dir = tempfile.mkdtemp(prefix="receiver-metrics-")  # 0700: the workers' metric files
    os.environ.update(
        {
            DB_ENV: options.db_url,
            TOKENS_ENV: str(options.tokens_file),
            LOG_ENV: ("json" if options.json_logs else "text") + (",debug" if options.debug else ""),
            "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
        }
    )
    try:
        uvicorn.run(
            "consultant_app.receiver.service:worker_app",
            factory=True,
            workers=options.workers,
            # A worker importing the app on a busy machine can take seconds to answer the
            # supervisor's ping; with uvicorn's 5 s it is killed and restarted in a loop.
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
            **common,
        )
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


def worker_app():
    """One worker process's app (uvicorn calls this in each), from the environment `serve` set."""
    from consultant_app.receiver.app import ReceiverSettings, create_app
    from consultant_app.receiver.observe import configure_logging

    mode = os.environ.get(LOG_ENV, "json")
    configure_logging(json_lines=mode.startswith("json"), debug=mode.endswith(",debug"))
    settings = ReceiverSettings(db_url=os.environ[DB_ENV], tokens_file=Path(os.environ[TOKENS_ENV]))
    return create_app(settings)
