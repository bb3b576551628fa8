"""Setting sync up: check what a form (or the command line) was given, test it, store it.

One home for the settings: `save_sync_settings` in the vault, the same row `consultant-app sync
--endpoint ... --token-file ...` writes. Each field is checked by the rule in settings.py, and
every problem is returned at once, named by its field (`endpoint`, `token`, `ca_file`, `proxy`),
so a form shows each beside its input. A problem never repeats the token.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from consultant_app.errors import ConsultantAppError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.sync.probe import TIMEOUT, ProbeResult, probe
from consultant_app.sync.settings import (
    KEEP,
    PROXY_NONE,
    SyncSettingsView,
    check_ca_file,
    check_endpoint,
    check_proxy,
    check_token,
    check_token_kept,
    read_token_file,
    save_sync_settings,
    sync_credentials,
)

_TOKEN_NEEDED = Text(
    da="Indsæt adgangsnøglen fra SIRI, eller vælg filen med den.",
    en="Paste the access token from SIRI, or choose the file that holds it.",
)


@dataclass(frozen=True)
class SyncSetup:
    """Checked settings. `token` None: keep the one stored in the vault."""

    endpoint: str
    ca_file: str | None
    proxy: str
    token: str | None = field(default=None, repr=False)


def check_setup(
    endpoint: str,
    *,
    token: str = "",
    token_file: str | Path | None = None,
    ca_file: str | None = None,
    proxy: str = PROXY_NONE,
    has_stored_token: bool = False,
    stored_endpoint: str | None = None,
) -> SyncSetup:
    """`token` pasted, or else read from `token_file`; neither keeps the stored one (when there
    is one, and only for the receiver it was stored for: `stored_endpoint`). `ValidationError`
    with one problem per field that cannot be used."""
    problems: list[Problem] = []

    def checked(name: str, value: object, check: Callable[[], object]) -> object:
        try:
            return check()
        except ConsultantAppError as exc:
            problems.append(Problem(name, value, exc.text, tuple(exc.params.items())))
            return None

    url = checked("endpoint", endpoint, lambda: check_endpoint(endpoint))
    secret: object = None
    if (token or "").strip():
        secret = checked("token", "", lambda: check_token(token))  # the value is never repeated
    elif token_file:
        secret = checked("token", str(token_file), lambda: read_token_file(Path(token_file)))
    elif not has_stored_token:
        problems.append(Problem("token", "", _TOKEN_NEEDED))
    elif isinstance(url, str) and stored_endpoint:
        checked("token", "", lambda: check_token_kept(url, stored_endpoint))
    ca = checked("ca_file", ca_file, lambda: check_ca_file(ca_file))
    via = checked("proxy", proxy, lambda: check_proxy(proxy))
    if problems:
        raise ValidationError(problems)
    assert isinstance(url, str) and isinstance(via, str)
    return SyncSetup(
        url, ca if isinstance(ca, str) else None, via, secret if isinstance(secret, str) else None
    )


def save_setup(session: Session, setup: SyncSetup) -> SyncSettingsView:
    """Store it in the vault (the token only when a new one was given)."""
    return save_sync_settings(
        session,
        endpoint=setup.endpoint,
        token=setup.token if setup.token is not None else KEEP,
        ca_file=setup.ca_file or "",
        proxy=setup.proxy,
    )


def stored_token(session: Session) -> str | None:
    credentials = sync_credentials(session)
    return credentials.token if credentials is not None else None


def probe_setup(
    setup: SyncSetup,
    *,
    token: Callable[[], str | None] = lambda: None,
    cancel: threading.Event | None = None,
    timeout: float = TIMEOUT,
) -> ProbeResult:
    """Test the connection with these settings. Without a new token, `token()` fetches the
    stored one (the desktop: one short step on its database lane)."""
    secret = setup.token if setup.token is not None else token()
    if not secret:
        raise ValidationError([Problem("token", "", _TOKEN_NEEDED)])
    return probe(
        setup.endpoint, secret, ca_file=setup.ca_file, proxy=setup.proxy, cancel=cancel, timeout=timeout
    )
