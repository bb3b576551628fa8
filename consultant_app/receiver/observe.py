"""What the receiver tells the people running it: access lines, JSON logs and metrics.

The access line holds the method, the path WITHOUT its query string (a query may carry what a
log must not: the report's parameters today, anything a client puts there tomorrow), the
status, the duration, a request id and the id of the token used (never the token, never a
header, never a body). uvicorn's own access log is switched off (`serve`), as it writes the
full request line.

The request id is the client's `X-Request-ID` when it is a short plain token (so a proxy's id
follows the request through), else a new random one; it is sent back in the same header, and
every log line written while the request is handled carries it (a context variable).

Logs (`configure_logging`): one JSON object a line by default (time, level, logger, message,
and the request id, token id, method, path, status and duration where known); an exception is
named by its type only, as a traceback can quote the values it was handling.

Metrics (Prometheus, /metrics): packages stored (by outcome), refused (by reason), and a
latency histogram per route. With several worker processes they are summed across them
(prometheus-client's multiprocess mode, PROMETHEUS_MULTIPROC_DIR set by `serve`).
"""

import contextvars
import json
import logging
import os
import re
import secrets
import time
from datetime import UTC, datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

ACCESS_LOGGER = "consultant_app.receiver.access"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

access_log = logging.getLogger(ACCESS_LOGGER)
current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
ROUTES = (
    "/api/v1/packages",
    "/api/v1/reports/national",
    "/api/v1/health",
    "/api/v1/ready",
    "/api/v1/openapi.json",
    "/metrics",
)

PACKAGES = Counter(
    "receiver_packages_total", "Packages taken in, by outcome (stored, duplicate)", ["outcome"]
)
REFUSED = Counter("receiver_packages_refused_total", "Package requests refused, by reason", ["reason"])
LATENCY = Histogram(
    "receiver_request_duration_seconds",
    "Time from a request's start to the end of its answer",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def route_of(path: str) -> str:
    """A metric label from a fixed set: an attacker's random paths must not make new series."""
    return path if path in ROUTES else "other"


def observe_request(method: str, path: str, status: int, seconds: float) -> None:
    method = method if method in ("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH") else "other"
    LATENCY.labels(method, route_of(path), str(status)).observe(seconds)


def metrics_body() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return generate_latest(registry), CONTENT_TYPE_LATEST


class JsonFormatter(logging.Formatter):
    FIELDS = ("request_id", "token_id", "method", "path", "status", "duration_ms")

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in self.FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                data[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            data["exception"] = record.exc_info[0].__name__
        return json.dumps(data, ensure_ascii=False)


class RequestIdFilter(logging.Filter):
    """Every line written while a request is handled names it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id.get()
        return True


def configure_logging(*, json_lines: bool, debug: bool = False) -> None:
    """The root logger for the service: JSON lines (or plain text) on stderr; uvicorn's own
    loggers go through it too (serve passes log_config=None)."""
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    text = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(text))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True  # the full request line: never


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _REQUEST_ID.match(text):
                return text
    return secrets.token_hex(8)


class AccessLog:
    """ASGI middleware: the request id in, the access line out (after the response ends)."""

    def __init__(self, app, on_done=observe_request) -> None:
        self.app = app
        self.on_done = on_done  # called with (method, path, status, seconds): the metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = request_id_from(scope.get("headers", []))
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        context_token = current_request_id.set(request_id)
        status = 500  # what the client gets if the app fails before answering

        async def send_with_id(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            path = scope.get("path", "")  # never scope["query_string"]
            access_log.info(
                "%s %s %d %.1f ms",
                scope.get("method", "?"),
                path,
                status,
                seconds * 1000,
                extra={
                    "request_id": request_id,
                    "token_id": state.get("token_id"),
                    "method": scope.get("method"),
                    "path": path,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            if self.on_done is not None:
                self.on_done(scope.get("method", "?"), path, status, seconds)
            current_request_id.reset(context_token)
