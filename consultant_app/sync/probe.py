""" "Test connection": does the receiver answer at this address, over this proxy, with a
certificate this laptop trusts, and does it accept this token? Nothing is sent or stored.

Two requests, the way a real sync goes (same TLS context, proxy and headers as SyncClient):

1. `GET /api/v1/health`, without the token: the receiver answers `{"status": "ok", ...}`. Any
   other answer is not SIRI's receiver (a web server, a captive portal, a wrong path).
2. `POST /api/v1/packages` with the token and deliberately without an `Idempotency-Key`: the
   receiver checks the token first (401 unknown, 403 not a laptop's) and then refuses the
   request for the missing key (400) before it reads a body or stores anything. So 400 means
   "the token is accepted", and no package, idempotency record or count is ever created.

The result is a `ProbeOutcome` (a screen or the command line words it); it never holds the
token or anything the receiver sent beyond its status code and version.

Cancel: the requests run in a helper thread and `probe` returns as soon as `cancel` is set, so
the caller's lane is free at once; the helper ends by itself within the timeout.
"""

import socket
import ssl
import threading
from dataclasses import dataclass
from enum import Enum

import httpx

from consultant_app import __version__
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.sync.client import PACKAGES_PATH
from consultant_app.sync.settings import PROXY_NONE, PROXY_SYSTEM, proxy_options, tls_context

HEALTH_PATH = "/api/v1/health"
TIMEOUT = 10.0  # seconds, for connecting and for each answer
HOSTNAME_MISMATCH = 62  # OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH


class ProbeOutcome(Enum):
    OK = "ok"  # the receiver answered and accepts the token
    DNS = "dns"  # the host name is not found
    REFUSED = "refused"  # nothing listens at that address and port
    TIMEOUT = "timeout"  # no connection or no answer in time
    TLS_UNTRUSTED = "tls_untrusted"  # the certificate is not from a trusted CA (or expired)
    TLS_NAME = "tls_name"  # the certificate is for another name
    TLS_FAILED = "tls_failed"  # no TLS handshake at all (not an https server, old TLS)
    TOKEN_REFUSED = "token_refused"  # noqa: S105 - an outcome's name, not a secret; 401: the token is unknown or withdrawn
    TOKEN_FORBIDDEN = "token_forbidden"  # noqa: S105 - likewise; 403: a token, but not a laptop's
    UNAVAILABLE = "unavailable"  # the receiver answers, but says it cannot work now (503)
    WRONG_SERVICE = "wrong_service"  # something answers, but not SIRI's receiver
    PROXY = "proxy"  # the proxy could not be reached or refused the connection
    NETWORK = "network"  # any other failure on the way
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ProbeResult:
    outcome: ProbeOutcome
    status: int | None = None  # the HTTP status behind WRONG_SERVICE, UNAVAILABLE, TOKEN_*
    version: str | None = None  # the receiver's version, when it said

    @property
    def ok(self) -> bool:
        return self.outcome is ProbeOutcome.OK


# For the command line (`sync --test`); the desktop words the same outcomes through Qt's tr().
OUTCOME_TEXT = {
    ProbeOutcome.OK: Text(
        da="Forbindelsen virker: modtageren svarede og godkender adgangsnøglen.",
        en="The connection works: the receiver answered and accepts the access token.",
    ),
    ProbeOutcome.DNS: Text(
        da="Modtagerens navn blev ikke fundet (DNS). Kontrollér adressen (--endpoint) og netværket.",
        en="The receiver's name was not found (DNS). Check the address (--endpoint) and the network.",
    ),
    ProbeOutcome.REFUSED: Text(
        da="Forbindelsen blev afvist: intet svarer på den adresse og port. Kontrollér adressen (--endpoint).",
        en="The connection was refused: nothing answers at that address and port. Check the address "
        "(--endpoint).",
    ),
    ProbeOutcome.TIMEOUT: Text(
        da="Intet svar i tide. Modtageren eller netværket svarer ikke; måske skal der bruges en proxy "
        "(--proxy).",
        en="No answer in time. The receiver or the network does not answer; perhaps a proxy is needed "
        "(--proxy).",
    ),
    ProbeOutcome.TLS_UNTRUSTED: Text(
        da="Modtagerens certifikat er ikke betroet: det er ikke udstedt af en kendt udsteder, eller det er "
        "udløbet. Angiv CA-filen fra SIRI (--ca-file).",
        en="The receiver's certificate is not trusted: it is not from a known authority, or has expired. "
        "Give the CA file from SIRI (--ca-file).",
    ),
    ProbeOutcome.TLS_NAME: Text(
        da="Modtagerens certifikat gælder et andet navn end adressen. Kontrollér adressen (--endpoint).",
        en="The receiver's certificate is for another name than the address. Check the address (--endpoint).",
    ),
    ProbeOutcome.TLS_FAILED: Text(
        da="Der kunne ikke oprettes en sikker forbindelse (TLS). Er det modtagerens https-adresse?",
        en="No secure connection (TLS) could be made. Is this the receiver's https address?",
    ),
    ProbeOutcome.TOKEN_REFUSED: Text(
        da="Modtageren afviste adgangsnøglen (401): den er ukendt eller trukket tilbage. Bed SIRI om en ny "
        "(--token-file).",
        en="The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a new one "
        "(--token-file).",
    ),
    ProbeOutcome.TOKEN_FORBIDDEN: Text(
        da="Denne adgangsnøgle må ikke sende pakker (403): den er ikke en konsulents nøgle. Kontakt SIRI.",
        en="This access token may not send packages (403): it is not a consultant's token. Contact SIRI.",
    ),
    ProbeOutcome.UNAVAILABLE: Text(
        da="Modtageren svarer, men kan ikke modtage lige nu (503). Prøv igen senere.",
        en="The receiver answers, but cannot receive right now (503). Try again later.",
    ),
    ProbeOutcome.WRONG_SERVICE: Text(
        da="Noget svarede på adressen, men det er ikke SIRIs modtager (HTTP {status}). Kontrollér adressen.",
        en="Something answered at the address, but it is not SIRI's receiver (HTTP {status}). Check the "
        "address.",
    ),
    ProbeOutcome.PROXY: Text(
        da="Proxyen kunne ikke nås eller afviste forbindelsen. Kontrollér proxyen (--proxy).",
        en="The proxy could not be reached or refused the connection. Check the proxy (--proxy).",
    ),
    ProbeOutcome.NETWORK: Text(
        da="Forbindelsen mislykkedes. Prøv igen, eller kontakt jeres IT-support.",
        en="The connection failed. Try again, or contact your IT support.",
    ),
    ProbeOutcome.CANCELLED: Text(da="Testen blev stoppet.", en="The test was stopped."),
}


class ConnectionTestError(ConsultantAppError):
    """A connection test that failed, in words (the command line's exit 1)."""

    def __init__(self, result: "ProbeResult") -> None:
        super().__init__(OUTCOME_TEXT[result.outcome], status=result.status or "?")
        self.result = result


def probe(
    endpoint: str,
    token: str,
    *,
    ca_file: str | None = None,
    proxy: str = PROXY_NONE,
    cancel: threading.Event | None = None,
    timeout: float = TIMEOUT,
) -> ProbeResult:
    """Test the connection; the arguments are already checked (settings.check_*)."""
    cancel = cancel or threading.Event()
    found: list[ProbeResult] = []
    done = threading.Event()
    client = _client(endpoint, ca_file, proxy, timeout)

    def attempt() -> None:
        try:
            found.append(_probe(client, endpoint, token, proxy))
        except Exception:  # e.g. the client closed under it: report, never raise in a thread
            found.append(ProbeResult(ProbeOutcome.NETWORK))
        finally:
            client.close()
            done.set()

    threading.Thread(target=attempt, name="sync-probe", daemon=True).start()
    while not done.wait(0.05):
        if cancel.is_set():
            return ProbeResult(ProbeOutcome.CANCELLED)
    return found[0]


def _client(endpoint: str, ca_file: str | None, proxy: str, timeout: float) -> httpx.Client:
    trust_env, proxy_url = proxy_options(proxy)
    verify: ssl.SSLContext | bool = tls_context(ca_file) if endpoint.startswith("https") else True
    return httpx.Client(
        verify=verify,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,  # a redirect is an answer from something else
        trust_env=trust_env,
        proxy=proxy_url,
        headers={"User-Agent": f"consultant-app/{__version__}", "Accept": "application/json"},
    )


def _probe(client: httpx.Client, endpoint: str, token: str, proxy: str) -> ProbeResult:
    try:
        health = client.get(endpoint + HEALTH_PATH)
        version = _receiver_version(health)
        if health.status_code == 503 and version is not None:
            return ProbeResult(ProbeOutcome.UNAVAILABLE, 503)
        if health.status_code != 200 or version is None:
            return ProbeResult(ProbeOutcome.WRONG_SERVICE, health.status_code)
        # No Idempotency-Key: the token is checked, then the request is refused (400) unread.
        answer = client.post(
            endpoint + PACKAGES_PATH,
            content=b"",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
    except httpx.HTTPError as exc:
        return ProbeResult(classify(exc, proxy))
    status = answer.status_code
    if status == 401:
        return ProbeResult(ProbeOutcome.TOKEN_REFUSED, status)
    if status == 403:
        return ProbeResult(ProbeOutcome.TOKEN_FORBIDDEN, status)
    if status == 400:
        return ProbeResult(ProbeOutcome.OK, status, version or None)
    if status == 503:
        return ProbeResult(ProbeOutcome.UNAVAILABLE, status)
    return ProbeResult(ProbeOutcome.WRONG_SERVICE, status)


def _receiver_version(response: httpx.Response) -> str | None:
    """The receiver's health answer is a JSON object with `status` (and its version when well);
    None for anything else."""
    try:
        data = response.json()
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("status"), str) or "database" not in data:
        return None
    version = data.get("version")
    return version if isinstance(version, str) and version.isprintable() and len(version) < 40 else ""


def classify(exc: BaseException, proxy: str = PROXY_NONE) -> ProbeOutcome:
    """What a network library's failure means, from the error and what caused it."""
    if isinstance(exc, httpx.ProxyError):
        return ProbeOutcome.PROXY
    causes = _chain(exc)
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            mismatch = cause.verify_code == HOSTNAME_MISMATCH or "mismatch" in str(cause).lower()
            return ProbeOutcome.TLS_NAME if mismatch else ProbeOutcome.TLS_UNTRUSTED
    for cause in causes:
        if isinstance(cause, ssl.SSLError):
            return ProbeOutcome.TLS_FAILED
    via_proxy = proxy not in (PROXY_NONE, PROXY_SYSTEM)
    if isinstance(exc, httpx.ConnectError) and via_proxy:
        return ProbeOutcome.PROXY  # the connection that failed was the one to the proxy
    if isinstance(exc, httpx.TimeoutException):
        return ProbeOutcome.TIMEOUT
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            return ProbeOutcome.DNS
        if isinstance(cause, ConnectionRefusedError):
            return ProbeOutcome.REFUSED
    text = " ".join(str(cause) for cause in causes).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return ProbeOutcome.DNS
    if "connection refused" in text or "errno 111" in text or "winerror 10061" in text:
        return ProbeOutcome.REFUSED
    if isinstance(exc, httpx.RemoteProtocolError | httpx.DecodingError):
        return ProbeOutcome.WRONG_SERVICE
    return ProbeOutcome.NETWORK


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 8 and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen
