"""What the receiver tells the people running it: one access line per request, and nothing more.

The access line holds the method, the path WITHOUT its query string (a query may carry what a
log must not: the report's parameters today, anything a client puts there tomorrow), the
status, the duration, a request id and the id of the token used (never the token, never a
header, never a body). uvicorn's own access log is switched off (`serve`), as it writes the
full request line.

The request id is the client's `X-Request-ID` when it is a short plain token (so a proxy's id
follows the request through), else a new random one; it is sent back in the same header.
"""

import logging
import re
import secrets
import time

ACCESS_LOGGER = "consultant_app.receiver.access"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

access_log = logging.getLogger(ACCESS_LOGGER)


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _REQUEST_ID.match(text):
                return text
    return secrets.token_hex(8)


class AccessLog:
    """ASGI middleware: the request id in, the access line out (after the response ends)."""

    def __init__(self, app, on_done=None) -> None:
        self.app = app
        self.on_done = on_done  # called with (method, route, status, seconds): the metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = request_id_from(scope.get("headers", []))
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
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
