"""The receiving API (cli.md, HTTP API), as a FastAPI application made by `create_app(settings)`.

- `POST /api/v1/packages`: a laptop token (`Authorization: Bearer`) and an `Idempotency-Key`.
  401 without a known token, 403 for an analyst token or another submitter's package, 400
  without a usable key, 413 for a body over `max_body_bytes` (checked on the declared length
  and while reading, before anything is parsed), 422 for an invalid package (each problem by
  place and rule, never by value) or a key reused with another body, 409 while the same key is
  being processed, 201 when stored, 200 when that version was already stored.
- `GET /api/v1/reports/national?from=YYYY-MM&to=YYYY-MM`: an analyst token; the exact JSON.
- `GET /api/v1/health`: the service and its database answer.
Nothing here logs a body, a header or a token; errors name the rule, not the content.
"""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from consultant_app import __version__
from consultant_app.counts.months import MonthError, MonthRangeError
from consultant_app.receiver import idempotency as idem
from consultant_app.receiver import ingest, token_usage
from consultant_app.receiver.db import DEFAULT_URL, make_engine
from consultant_app.receiver.national import MAX_MONTHS, ReportRangeError, check_range, national_report
from consultant_app.receiver.observe import AccessLog
from consultant_app.receiver.schema import check_current
from consultant_app.receiver.tokens import ANALYST, LAPTOP, TokenEntry, TokenStore

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 256 * 1024


@dataclass(frozen=True)
class ReceiverSettings:
    db_url: str = DEFAULT_URL
    tokens_file: Path | None = None
    max_body_bytes: int = MAX_BODY_BYTES


class _TooLarge(Exception):
    pass


def error(
    status: int, message: str, problems: list[str] | None = None, headers: dict | None = None
) -> JSONResponse:
    body: dict = {"error": message}
    if problems:
        body["problems"] = problems
    return JSONResponse(body, status_code=status, headers=headers)


def create_app(
    settings: ReceiverSettings, *, engine: Engine | None = None, tokens: TokenStore | None = None
) -> FastAPI:
    engine = engine or make_engine(settings.db_url)
    check_current(engine)  # a database behind (or ahead of) this program is refused
    if tokens is None:
        if settings.tokens_file is None:
            raise ValueError("a tokens file or a TokenStore is required")
        tokens = TokenStore(settings.tokens_file)
    app = FastAPI(
        title="consultant-app-receiver", version=__version__, docs_url=None, redoc_url=None, openapi_url=None
    )
    app.state.engine, app.state.tokens, app.state.settings = engine, tokens, settings

    app.add_middleware(AccessLog)

    def authenticate(request: Request) -> TokenEntry | None:
        scheme, _, credential = request.headers.get("authorization", "").partition(" ")
        entry = tokens.lookup(credential.strip()) if scheme.lower() == "bearer" else None
        if entry is not None:
            request.state.token_id = entry.id  # for the access line: the id, never the token
        return entry

    async def used(entry: TokenEntry) -> None:
        await run_in_threadpool(token_usage.touch, engine, entry.id)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s while handling a request", type(exc).__name__)
        return error(500, "internal error")

    @app.get("/api/v1/health")
    async def health() -> JSONResponse:
        def ping() -> None:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        try:
            await run_in_threadpool(ping)
        except Exception as exc:
            log.error("health: the database does not answer (%s)", type(exc).__name__)
            return JSONResponse({"status": "error", "database": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok", "version": __version__})

    @app.post("/api/v1/packages")
    async def post_package(request: Request) -> Response:
        entry = authenticate(request)
        if entry is None:
            return error(401, "unknown or missing token", headers={"WWW-Authenticate": "Bearer"})
        await used(entry)
        if entry.kind != LAPTOP:
            return error(403, "this token may not send packages")
        key = idem.parse_key(request.headers.get("idempotency-key"))
        if key is None:
            return error(400, "a valid Idempotency-Key header is required (8-255 characters)")
        try:
            body = await read_body(request, settings.max_body_bytes)
        except _TooLarge:
            return error(413, f"the package is larger than {settings.max_body_bytes} bytes")
        return await run_in_threadpool(process_package, engine, tokens, entry, key, body)

    @app.get("/api/v1/reports/national")
    async def get_national(request: Request) -> Response:
        entry = authenticate(request)
        if entry is None:
            return error(401, "unknown or missing token", headers={"WWW-Authenticate": "Bearer"})
        await used(entry)
        if entry.kind != ANALYST:
            return error(403, "the national report needs an analyst token")
        try:
            first, last = check_range(
                request.query_params.get("from", ""), request.query_params.get("to", "")
            )
        except (MonthError, MonthRangeError):
            return error(422, "from and to must be months YYYY-MM, from not after to")
        except ReportRangeError:
            return error(422, f"a report covers at most {MAX_MONTHS} months")

        def build() -> dict:
            with engine.begin() as conn:
                return national_report(conn, first, last).as_json()

        return JSONResponse(await run_in_threadpool(build))

    return app


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it is known to be over `limit` (declared or read)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _TooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def process_package(engine: Engine, tokens: TokenStore, entry: TokenEntry, key: str, body: bytes) -> Response:
    """Idempotency record first, then validate, check the submitter, store and finish the
    record in one transaction. A refusal removes the record (nothing was stored)."""
    begun = idem.begin(engine, entry.id, key, idem.body_hash(body))
    if isinstance(begun, idem.Replay):
        headers = {"Idempotent-Replayed": "true"}
        return Response(begun.body, status_code=begun.status, media_type="application/json", headers=headers)
    if isinstance(begun, idem.KeyReused):
        return error(422, "this Idempotency-Key was already used with a different package")
    if isinstance(begun, idem.InProgress):
        return error(
            409, "a request with this Idempotency-Key is still being processed", headers={"Retry-After": "1"}
        )
    try:
        package = ingest.parse_package(body)
        for attempt in range(2):
            try:
                with engine.begin() as conn:
                    ingest.check_binding(conn, entry, package.submitter, tokens)
                    result = ingest.store(conn, package, source="api", token_id=entry.id)
                    status = 201 if result.outcome == ingest.STORED else 200
                    body_out = json.dumps(result.as_json())
                    idem.finish(conn, begun.record_id, status, body_out)
                break
            except IntegrityError:
                if attempt:
                    raise
    except ingest.InvalidPackage as exc:
        idem.abandon(engine, begun.record_id)
        return error(422, "the package is not valid", exc.problems)
    except ingest.SubmitterMismatch as exc:
        idem.abandon(engine, begun.record_id)
        if exc.owner is not None:  # names token ids only: never a token, never the submitter
            log.warning(
                "token %s claimed a submitter id that belongs to token %s: refused", exc.token_id, exc.owner
            )
        else:
            log.warning("token %s sent another submitter's package: refused", exc.token_id)
        return error(403, "the package's submitter does not match this token")
    except ingest.VersionConflict:
        idem.abandon(engine, begun.record_id)
        return error(422, "this submitter, month and version is already stored with other counts")
    except BaseException:
        idem.abandon(engine, begun.record_id)
        raise
    log.info(
        "package %s %s v%d from token %s: %s",
        package.submitter[:8],
        package.month,
        package.version,
        entry.id,
        result.outcome,
    )
    return Response(body_out, status_code=status, media_type="application/json")
