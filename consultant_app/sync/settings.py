"""Where and how the laptop syncs (domain/sync_settings.py): the receiver's address, the token
and an optional CA file, kept in the vault.

How it is reached (`proxy`): "system" (the operating system's proxy settings), "none" (straight
there; also what a vault from before the choice means) or a proxy's address, http(s)://host:port
without user name or password.

Rules for the address: `https://` always; plain `http://` only to this machine (loopback), for
tests and a local receiver. No user name or password in the address (the token is the only
credential), no query or fragment. The token is never shown: `SyncSettingsView` only says
whether one is stored.
"""

import ipaddress
import re
import ssl
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from consultant_app.domain import SyncSettings
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

PROXY_SYSTEM = "system"
PROXY_NONE = "none"
KEEP = object()  # save_sync_settings(token=KEEP): leave the stored token as it is
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,200}$")  # secrets.token_urlsafe's alphabet


class EndpointError(ConsultantAppError):
    text = Text(
        da="Adressen {url!r} kan ikke bruges: {reason}",
        en="The address {url!r} cannot be used: {reason}",
    )


class TokenError(ConsultantAppError):
    text = Text(
        da="Adgangsnøglen kan ikke bruges: {reason}",
        en="The access token cannot be used: {reason}",
    )


class CaFileError(ConsultantAppError):
    text = Text(
        da="CA-filen {path} kan ikke bruges: {reason}",
        en="The CA file {path} cannot be used: {reason}",
    )


class ProxyError(ConsultantAppError):
    text = Text(
        da="Proxyadressen {url!r} kan ikke bruges: {reason}",
        en="The proxy address {url!r} cannot be used: {reason}",
    )


class SyncNotConfiguredError(ConsultantAppError):
    text = Text(
        da="Synkronisering er ikke sat op: angiv modtagerens adresse (--endpoint) og adgangsnøglen "
        "(--token-file), som SIRI har udleveret.",
        en="Syncing is not set up: give the receiver's address (--endpoint) and the access token "
        "(--token-file) issued by SIRI.",
    )


_ONLY_HTTPS = Text(
    da="kun https:// er tilladt (http:// kun til denne maskine, 127.0.0.1)",
    en="only https:// is allowed (http:// only to this machine, 127.0.0.1)",
)
_NO_HOST = Text(da="der mangler et værtsnavn", en="the host name is missing")
_NO_CREDENTIALS = Text(
    da="adressen må ikke indeholde brugernavn eller adgangskode",
    en="the address must not contain a user name or password",
)
_NO_QUERY = Text(da="adressen må ikke have ? eller #", en="the address must not have ? or #")
_TOKEN_FORMAT = Text(
    da="den skal være 20-200 tegn af A-Z, a-z, 0-9, - og _ (som udleveret)",
    en="it must be 20-200 characters of A-Z, a-z, 0-9, - and _ (as issued)",
)
_TOKEN_OTHER_RECEIVER = Text(
    da="adressen er en anden modtagers end før; giv nøglen igen (den gemte sendes aldrig til en anden "
    "modtager)",
    en="the address is another receiver's than before; give the token again (the stored one is never "
    "sent to another receiver)",
)
_TOKEN_FILE = Text(da="filen {path} kan ikke læses", en="the file {path} cannot be read")
_NO_FILE = Text(da="filen findes ikke", en="the file does not exist")
_PROXY_FORM = Text(
    da="skriv den som http://vært:port (eller vælg systemets eller ingen proxy)",
    en="write it as http://host:port (or choose the system's or no proxy)",
)
_NOT_PEM = Text(da="filen er ikke et CA-certifikat (PEM)", en="the file is not a CA certificate (PEM)")


@dataclass(frozen=True)
class SyncSettingsView:
    endpoint: str
    ca_file: str | None
    has_token: bool
    last_sync_at: object  # datetime | None (UTC)
    proxy: str = PROXY_NONE  # PROXY_SYSTEM, PROXY_NONE or a proxy's address


@dataclass(frozen=True)
class SyncCredentials:
    """What sending needs, token included; never shown, never logged."""

    endpoint: str
    ca_file: str | None
    token: str | None = field(default=None, repr=False)
    proxy: str = PROXY_NONE


def check_endpoint(url: str) -> str:
    """The address, checked and without a trailing slash; `EndpointError` otherwise."""
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        raise EndpointError(url=text, reason=_ONLY_HTTPS.render()) from None
    if parsed.scheme not in ("https", "http"):
        raise EndpointError(url=text, reason=_ONLY_HTTPS.render())
    if not parsed.host:
        raise EndpointError(url=text, reason=_NO_HOST.render())
    if parsed.userinfo:
        raise EndpointError(url=text, reason=_NO_CREDENTIALS.render())
    if parsed.query or parsed.fragment:
        raise EndpointError(url=text, reason=_NO_QUERY.render())
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise EndpointError(url=text, reason=_ONLY_HTTPS.render())
    return text.rstrip("/")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def same_receiver(a: str, b: str) -> bool:
    """The same scheme, host and port: what a token was given for."""
    x, y = httpx.URL(a), httpx.URL(b)
    return (x.scheme, x.host.lower(), x.port) == (y.scheme, y.host.lower(), y.port)


def check_token_kept(endpoint: str, stored_endpoint: str) -> None:
    """A stored token goes only to the receiver it was stored for: a new address on another
    host (a typo, or an address someone talked the user into) must come with the token again,
    so the vault never hands SIRI's token to another server."""
    if not same_receiver(endpoint, stored_endpoint):
        raise TokenError(reason=_TOKEN_OTHER_RECEIVER.render())


def check_token(token: str) -> str:
    value = (token or "").strip()
    if not TOKEN_PATTERN.match(value):
        raise TokenError(reason=_TOKEN_FORMAT.render())
    return value


def read_token_file(path: Path) -> str:
    """The token from the file SIRI handed out (its first non-empty line)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise TokenError(reason=_TOKEN_FILE.render(path=path)) from None
    return check_token(next((line for line in lines if line.strip()), ""))


def check_ca_file(path: str | None) -> str | None:
    value = (path or "").strip() or None
    if value is None:
        return None
    if not Path(value).is_file():
        raise CaFileError(path=value, reason=_NO_FILE.render())
    try:
        tls_context(value)
    except (ssl.SSLError, OSError, ValueError):
        raise CaFileError(path=value, reason=_NOT_PEM.render()) from None
    return value


def check_proxy(value: str | None) -> str:
    """PROXY_SYSTEM, PROXY_NONE, or a proxy's address checked (http:// or https://, a host, no
    credentials, no path); `ProxyError` otherwise. Empty means PROXY_NONE."""
    text = (value or "").strip()
    if text.lower() in ("", PROXY_NONE):
        return PROXY_NONE
    if text.lower() == PROXY_SYSTEM:
        return PROXY_SYSTEM
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        raise ProxyError(url=text, reason=_PROXY_FORM.render()) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ProxyError(url=text, reason=_PROXY_FORM.render())
    if parsed.userinfo:
        raise ProxyError(url=text, reason=_NO_CREDENTIALS.render())
    if parsed.path not in ("", "/") or parsed.query or parsed.fragment:
        raise ProxyError(url=text, reason=_PROXY_FORM.render())
    return text.rstrip("/")


def proxy_options(proxy: str) -> tuple[bool, str | None]:
    """httpx.Client's `trust_env` and `proxy` for a stored choice. "system": the environment's and the
    operating system's settings (urllib's getproxies: the registry on Windows, System
    Configuration on macOS, *_PROXY variables); otherwise nothing from the environment, so
    the connection is what was configured. Verification never comes from the environment:
    the client is always given its own SSL context."""
    if proxy == PROXY_SYSTEM:
        return True, None
    if proxy == PROXY_NONE:
        return False, None
    return False, proxy


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Certificate and host name verified, TLS 1.2 or newer; a CA file replaces the system's
    trust store (the agency's own CA)."""
    context = ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def sync_settings(session: Session) -> SyncSettingsView | None:
    row = session.get(SyncSettings, 1)
    if row is None:
        return None
    return SyncSettingsView(
        row.endpoint, row.ca_file, bool(row.token), row.last_sync_at, row.proxy or PROXY_NONE
    )


def sync_credentials(session: Session) -> SyncCredentials | None:
    row = session.get(SyncSettings, 1)
    if row is None:
        return None
    return SyncCredentials(row.endpoint, row.ca_file, row.token, row.proxy or PROXY_NONE)


def save_sync_settings(
    session: Session,
    *,
    endpoint: str,
    token: object = KEEP,
    ca_file: object = KEEP,
    proxy: object = KEEP,
) -> SyncSettingsView:
    """Store the settings. `token`: a new one, None to clear it, or KEEP; `ca_file` and `proxy`
    likewise. A kept token stays only with the receiver it was given for: a new address on
    another host must come with the token again (`check_token_kept`), from the command line as
    from the desktop's setup."""
    endpoint = check_endpoint(endpoint)
    row = session.get(SyncSettings, 1) or SyncSettings(id=1)
    if token is KEEP and row.token and row.endpoint:
        check_token_kept(endpoint, row.endpoint)
    row.endpoint = endpoint
    if token is not KEEP:
        row.token = check_token(token) if token else None  # type: ignore[arg-type]
    if ca_file is not KEEP:
        row.ca_file = check_ca_file(ca_file)  # type: ignore[arg-type]
    if proxy is not KEEP:
        row.proxy = check_proxy(proxy if isinstance(proxy, str) else None)
    session.add(row)
    session.flush()
    view = sync_settings(session)
    assert view is not None
    return view


def record_sync_time(session: Session, when) -> None:
    row = session.get(SyncSettings, 1)
    if row is not None:
        row.last_sync_at = when
