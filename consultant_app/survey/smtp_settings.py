"""The outgoing mail server for the survey link, kept in the vault (domain/settings.py).

The desktop's settings form reads `SmtpSettingsView` (never the password, only whether one is
stored) and saves with `save_smtp_settings`. Only encrypted connections can be configured.
"""

import enum
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from sqlalchemy.orm import Session

from consultant_app.domain import SmtpSettings
from consultant_app.domain.settings import SMTP_SECURITY
from consultant_app.errors import Problem, ValidationError
from consultant_app.i18n import Text


class _Keep(enum.Enum):
    """A one-member enum, so the "leave it" marker has a type of its own next to str and None."""

    KEEP = "keep"


KEEP: Final = _Keep.KEEP  # save_smtp_settings(password=KEEP): leave the stored password as it is
DEFAULT_PORTS = {"tls": 465, "starttls": 587}

REQUIRED = Text(da="skal udfyldes", en="is required")
BAD_PORT = Text(da="porten skal være et tal fra 1 til 65535", en="the port must be a number from 1 to 65535")
BAD_SECURITY = Text(
    da="vælg tls eller starttls; ukrypteret forbindelse er ikke tilladt",
    en="choose tls or starttls; an unencrypted connection is not allowed",
)
BAD_ADDRESS = Text(da="ikke en gyldig e-mailadresse", en="not a valid e-mail address")
NO_CA_FILE = Text(da="filen findes ikke", en="the file does not exist")
BAD_CA_FILE = Text(da="filen er ikke et CA-certifikat (PEM)", en="the file is not a CA certificate (PEM)")


@dataclass(frozen=True)
class SmtpSettingsView:
    host: str
    port: int
    security: str  # tls | starttls
    username: str | None
    from_address: str
    from_name: str | None
    ca_file: str | None
    has_password: bool


@dataclass(frozen=True)
class SmtpCredentials:
    """What sending needs, password included; never shown, never logged."""

    host: str
    port: int
    security: str
    username: str | None
    from_address: str
    from_name: str | None
    ca_file: str | None
    password: str | None = field(default=None, repr=False)


def smtp_settings(session: Session) -> SmtpSettingsView | None:
    row = session.get(SmtpSettings, 1)
    return None if row is None else _view(row)


def _view(row: SmtpSettings) -> SmtpSettingsView:
    return SmtpSettingsView(
        row.host,
        row.port,
        row.security,
        row.username,
        row.from_address,
        row.from_name,
        row.ca_file,
        bool(row.password),
    )


def smtp_credentials(session: Session) -> SmtpCredentials | None:
    row = session.get(SmtpSettings, 1)
    if row is None:
        return None
    return SmtpCredentials(
        row.host,
        row.port,
        row.security,
        row.username,
        row.from_address,
        row.from_name,
        row.ca_file,
        row.password,
    )


def save_smtp_settings(
    session: Session,
    *,
    host: str,
    port: int | None,
    security: str,
    from_address: str,
    username: str | None = None,
    password: str | Literal[_Keep.KEEP] | None = KEEP,
    from_name: str | None = None,
    ca_file: str | None = None,
) -> SmtpSettingsView:
    """Store the server settings. `password`: a new one, None to clear it, or KEEP."""
    host, from_address = (host or "").strip(), (from_address or "").strip()
    ca_file = (ca_file or "").strip() or None
    _validate(host, port, security, from_address, ca_file)
    if port is None:  # unreachable: _validate refuses a missing port
        raise AssertionError("a missing SMTP port passed validation")
    row = session.get(SmtpSettings, 1) or SmtpSettings(id=1)
    row.host, row.port, row.security = host, port, security
    row.username = (username or "").strip() or None
    row.from_address, row.from_name = from_address, (from_name or "").strip() or None
    row.ca_file = ca_file
    if password is not KEEP:
        row.password = password or None
    session.add(row)
    session.flush()
    return _view(row)


def clear_smtp_settings(session: Session) -> None:
    row = session.get(SmtpSettings, 1)
    if row is not None:
        session.delete(row)
        session.flush()


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Certificate and host name verified; TLS 1.2 or newer. A CA file replaces the system's
    trust store (an organisation's own CA)."""
    context = ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def _validate(host: str, port: int | None, security: str, from_address: str, ca_file: str | None) -> None:
    problems = []
    if not host:
        problems.append(Problem("host", host, REQUIRED))
    if not isinstance(port, int) or not 1 <= port <= 65535:
        problems.append(Problem("port", port, BAD_PORT))
    if security not in SMTP_SECURITY:
        problems.append(Problem("security", security, BAD_SECURITY))
    if not from_address:
        problems.append(Problem("from_address", from_address, REQUIRED))
    elif not _looks_like_address(from_address):
        problems.append(Problem("from_address", from_address, BAD_ADDRESS))
    if ca_file:
        if not Path(ca_file).is_file():
            problems.append(Problem("ca_file", ca_file, NO_CA_FILE))
        else:
            try:
                tls_context(ca_file)
            except (ssl.SSLError, OSError, ValueError):
                problems.append(Problem("ca_file", ca_file, BAD_CA_FILE))
    if problems:
        raise ValidationError(problems)


def _looks_like_address(address: str) -> bool:
    local, at, domain = address.rpartition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in address))
