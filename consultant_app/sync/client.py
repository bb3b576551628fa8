"""Sending one package to the receiver (cli.md, HTTP API): httpx with certificate verification,
retries with exponential backoff and jitter (tenacity).

- `https://` with the certificate and host name verified (the system's trust store, or the
  agency's CA file); plain `http://` only to loopback (settings.check_endpoint).
- `Authorization: Bearer TOKEN`; `Idempotency-Key: "<the stored key>"` (a Structured Field
  string, as the IETF httpapi draft writes it), the same on every retry and after a restart,
  so the receiver stores a package once however often it arrives.
- Retried: no connection, a timeout, an answer lost on the way, 5xx, 429, 408, and 409 (the
  receiver is still processing the same key). `Retry-After` is honoured: never retried sooner;
  a wait longer than the policy allows ends the run, and the package waits for the next sync.
- Not retried: 401 and 403 (the token: the run stops), 413, 422 and other 4xx (the package is
  refused: the receiver's reason is returned, never the package's content), and a certificate
  that fails verification (the run stops).
- `cancel` (a threading.Event) stops between attempts and cuts a backoff wait short.
"""

import email.utils
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    stop_when_event_set,
    wait_exponential_jitter,
)

from consultant_app import __version__
from consultant_app.sync.settings import PROXY_NONE, check_endpoint, proxy_options, tls_context

PACKAGES_PATH = "/api/v1/packages"
RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
MAX_MESSAGE = 500


class Outcome(Enum):
    SENT = "sent"  # 2xx: stored (or already stored under the same key)
    REJECTED = "rejected"  # 4xx about the package: it will not be accepted as it is
    UNAUTHORIZED = "unauthorized"  # 401: the token is unknown or withdrawn
    FORBIDDEN = "forbidden"  # 403: the token may not send this package
    TLS = "tls"  # the certificate could not be verified
    UNREACHABLE = "unreachable"  # retries used up (no connection, timeouts, 5xx, 409, 429)
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # in all, the first included
    first_wait: float = 0.5  # seconds; doubles each retry, plus up to `first_wait` of jitter
    max_wait: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After ends the run instead of blocking it
    timeout: float = 20.0  # per request


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    attempts: int
    status: int | None = None
    message: str | None = None  # the receiver's reason, or what went wrong (never content)
    replayed: bool = False  # the receiver answered from its idempotency record


class _Retryable(Exception):
    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message, self.status, self.retry_after = message, status, retry_after


class _Final(Exception):
    def __init__(self, result: SendResult) -> None:
        super().__init__(result.outcome.value)
        self.result = result


class SyncClient:
    def __init__(
        self,
        endpoint: str,
        token: str,
        *,
        ca_file: str | None = None,
        proxy: str = PROXY_NONE,
        policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        cancel: threading.Event | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.endpoint = check_endpoint(endpoint)
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._sleep = sleep if sleep is not None else self._interruptible_sleep
        self._backoff = wait_exponential_jitter(
            multiplier=self.policy.first_wait, max=self.policy.max_wait, jitter=self.policy.first_wait
        )
        self._token = token
        timeout = httpx.Timeout(self.policy.timeout, connect=min(self.policy.timeout, 10.0))
        verify: ssl.SSLContext | bool = tls_context(ca_file) if self.endpoint.startswith("https") else True
        trust_env, proxy_url = proxy_options(proxy)
        self._http = httpx.Client(
            transport=transport,
            verify=verify,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": f"consultant-app/{__version__}"},
            trust_env=trust_env,
            proxy=proxy_url,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def send_package(self, payload: str | bytes, key: str) -> SendResult:
        body = payload.encode("utf-8") if isinstance(payload, str) else payload
        retrying = Retrying(
            stop=stop_after_attempt(self.policy.attempts) | stop_when_event_set(self.cancel),
            wait=self._wait,
            retry=retry_if_exception_type(_Retryable),
            sleep=self._sleep,
            reraise=True,
        )
        attempts = 0
        try:
            for attempt in retrying:
                with attempt:
                    attempts += 1
                    return self._attempt(body, key, attempts)
        except _Final as final:
            return final.result
        except _Retryable as exc:
            outcome = Outcome.CANCELLED if self.cancel.is_set() else Outcome.UNREACHABLE
            return SendResult(outcome, attempts, exc.status, exc.message)
        raise AssertionError("unreachable")  # pragma: no cover

    # --- one attempt -------------------------------------------------------------------

    def _attempt(self, body: bytes, key: str, attempt: int) -> SendResult:
        if self.cancel.is_set():
            raise _Final(SendResult(Outcome.CANCELLED, attempt - 1))
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Idempotency-Key": f'"{key}"',
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        try:
            response = self._http.post(self.endpoint + PACKAGES_PATH, content=body, headers=headers)
        except httpx.TransportError as exc:
            if _certificate_failed(exc):
                raise _Final(
                    SendResult(Outcome.TLS, attempt, None, "certificate verification failed")
                ) from None
            raise _Retryable(type(exc).__name__) from None
        status = response.status_code
        if 200 <= status < 300:
            replayed = response.headers.get("Idempotent-Replayed", "").lower() == "true"
            return SendResult(Outcome.SENT, attempt, status, None, replayed)
        message = server_message(response)
        if status in RETRY_STATUSES or status >= 500:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None and retry_after > self.policy.max_retry_after:
                raise _Final(SendResult(Outcome.UNREACHABLE, attempt, status, message))
            raise _Retryable(message, status, retry_after)
        outcome = {401: Outcome.UNAUTHORIZED, 403: Outcome.FORBIDDEN}.get(status, Outcome.REJECTED)
        raise _Final(SendResult(outcome, attempt, status, message))

    # --- tenacity hooks ----------------------------------------------------------------

    def _wait(self, state: RetryCallState) -> float:
        backoff = self._backoff(state)
        exc = state.outcome.exception() if state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        return max(backoff, retry_after) if retry_after is not None else backoff

    def _interruptible_sleep(self, seconds: float) -> None:
        self.cancel.wait(seconds)


def server_message(response: httpx.Response) -> str:
    """The receiver's reason in one line: its `error` and up to five `problems` (the receiver
    names fields and rules, never values), or the status alone."""
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        parts = [data["error"]]
        problems = data.get("problems")
        if isinstance(problems, list):
            parts += [str(p) for p in problems[:5]]
        text = f"HTTP {response.status_code}: " + "; ".join(parts)
    else:
        text = f"HTTP {response.status_code}"
    return "".join(c if c.isprintable() else " " for c in text)[:MAX_MESSAGE]


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _certificate_failed(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
