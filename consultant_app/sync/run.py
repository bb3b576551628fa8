"""One sync run: queue what changed, then send every pending package (cli.md, `sync`).

`sync_pending(vault, ...)` is what the command line and the desktop call (the desktop on its
network lane, with `progress` and `cancel`). The vault is held only for short transactions, never
while waiting on the network: the snapshot of pending rows, then one transaction per answer.
Each of them runs through `in_vault`, which the desktop points at its database lane: a sync stuck
on a slow server never holds the database, and once the vault is locked the next transaction
fails (VaultLockedError) instead of touching it.
A package is marked sent only after a 2xx; if the program dies between the answer and that
mark, the row is still pending and the next run sends it again with the same idempotency key,
which the receiver answers from its record without storing a second copy. After weeks offline
there is nothing special to do: the months are simply pending.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from sqlalchemy.orm import Session

from consultant_app.domain.base import utcnow
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault
from consultant_app.sync import outbox
from consultant_app.sync.client import Outcome, RetryPolicy, SendResult, SyncClient
from consultant_app.sync.settings import SyncNotConfiguredError, record_sync_time, sync_credentials

InVault = Callable[[Callable[[Session], Any]], Any]  # Vault.run, or the desktop's lane for it


class SyncStoppedError(ConsultantAppError):
    """Why a run stopped before every pending package was sent (the rows stay pending).
    `outcome` lets the desktop word it for a window instead of the command line."""

    outcome: Outcome | None = None


STOPPED = {
    Outcome.UNAUTHORIZED: Text(
        da="Modtageren afviste adgangsnøglen (401): den er ukendt eller trukket tilbage. Bed SIRI om en "
        "ny nøgle og gem den med 'consultant-app sync --token-file FIL'. {pending} pakke(r) venter.",
        en="The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a new "
        "token and store it with 'consultant-app sync --token-file FILE'. {pending} package(s) waiting.",
    ),
    Outcome.FORBIDDEN: Text(
        # Without the receiver's own words: they are English, and this line is in the user's language.
        da="Modtageren tillader ikke denne nøgle at sende boksens pakker (403). Kontakt SIRI. "
        "{pending} pakke(r) venter.",
        en="The receiver does not allow this token to send the vault's packages (403). "
        "Contact SIRI. {pending} package(s) waiting.",
    ),
    Outcome.TLS: Text(
        da="Modtagerens certifikat kunne ikke verificeres. Kontrollér adressen og CA-filen (--ca-file). "
        "{pending} pakke(r) venter.",
        en="The receiver's certificate could not be verified. Check the address and the CA file "
        "(--ca-file). {pending} package(s) waiting.",
    ),
    Outcome.UNREACHABLE: Text(
        da="Modtageren kunne ikke nås ({detail}). {pending} pakke(r) venter og sendes ved næste "
        "synkronisering.",
        en="The receiver could not be reached ({detail}). {pending} package(s) are waiting and will be "
        "sent at the next sync.",
    ),
}


# What went wrong on the way, in words rather than the network library's class names.
_NO_CONNECTION = Text(da="ingen forbindelse", en="no connection")
_NO_ANSWER = Text(da="intet svar i tide", en="no answer in time")
_NETWORK = Text(da="netværksfejl", en="network error")


@dataclass(frozen=True)
class _Words:
    """Rendered when the message is, so it is in the language the message is read in."""

    text: Text

    def __format__(self, spec: str) -> str:
        return format(self.text.render(), spec)


def network_problem(problem: str) -> object:
    if problem.startswith("HTTP "):  # the receiver's status (429, 503): a number, in any language
        return problem
    if "Timeout" in problem:
        return _Words(_NO_ANSWER)
    if problem == "ConnectError":
        return _Words(_NO_CONNECTION)
    return _Words(_NETWORK)


@dataclass(frozen=True)
class SyncProgress:
    done: int  # packages answered so far in this run
    total: int  # pending at the start of the run
    month: str | None  # the package about to be sent; None when the run is over
    version: int | None


@dataclass(frozen=True)
class SentPackage:
    month: str
    version: int
    attempts: int
    replayed: bool  # the receiver already had it under the same key

    def as_json(self) -> dict:
        return {
            "month": self.month,
            "version": self.version,
            "attempts": self.attempts,
            "replayed": self.replayed,
        }


@dataclass(frozen=True)
class FailedPackage:
    month: str
    version: int
    reason: str  # the receiver's message

    def as_json(self) -> dict:
        return {"month": self.month, "version": self.version, "reason": self.reason}


@dataclass
class SyncReport:
    queued: list[outbox.QueuedPackage] = field(default_factory=list)
    sent: list[SentPackage] = field(default_factory=list)
    failed: list[FailedPackage] = field(default_factory=list)
    pending: int = 0  # still waiting after the run
    cancelled: bool = False
    stopped: SyncStoppedError | None = None

    @property
    def complete(self) -> bool:
        return self.stopped is None and not self.cancelled

    def as_json(self) -> dict:
        return {
            "queued": [q.as_json() for q in self.queued],
            "sent": [s.as_json() for s in self.sent],
            "failed": [f.as_json() for f in self.failed],
            "pending": self.pending,
            "cancelled": self.cancelled,
            "stopped": str(self.stopped) if self.stopped else None,
        }


def sync_pending(
    vault: Vault,
    *,
    refresh: bool = True,
    progress: Callable[[SyncProgress], None] | None = None,
    cancel: threading.Event | None = None,
    policy: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] | None = None,
    today: date | None = None,
    in_vault: InVault | None = None,
) -> SyncReport:
    """Queue the months whose counts changed (unless `refresh=False`), then send every pending
    package with the vault's sync settings. Returns what happened; a run that could not finish
    says why in `stopped` (the packages stay pending)."""
    cancel = cancel or threading.Event()
    in_vault = in_vault or vault.run
    report = SyncReport()

    def snapshot(session: Session):
        credentials = sync_credentials(session)
        if credentials is None or not credentials.token:
            raise SyncNotConfiguredError()
        if refresh:
            report.queued = outbox.refresh_outbox(session, today=today)
        return credentials, outbox.pending_packages(session)

    credentials, pending = in_vault(snapshot)
    client = SyncClient(
        credentials.endpoint,
        credentials.token,
        ca_file=credentials.ca_file,
        proxy=credentials.proxy,
        policy=policy,
        transport=transport,
        cancel=cancel,
        sleep=sleep,
    )
    with client:
        for done, item in enumerate(pending):
            if cancel.is_set():
                report.cancelled = True
                break
            if progress:
                progress(SyncProgress(done, len(pending), item.month, item.version))
            result = client.send_package(item.payload, item.idempotency_key)

            def record(
                session: Session, item: outbox.PendingPackage = item, result: SendResult = result
            ) -> None:
                record_result(session, item, result, report)

            in_vault(record)
            if result.outcome is Outcome.CANCELLED:
                report.cancelled = True
            if result.outcome not in (Outcome.SENT, Outcome.REJECTED):
                break

    def finish(session: Session) -> None:
        report.pending = outbox.count_pending(session)
        if report.stopped is not None:
            report.stopped.params["pending"] = report.pending
        if report.complete:
            record_sync_time(session, utcnow())
        if report.sent or report.failed:  # counts left the laptop: the audit trail says so
            audit.record(
                session, "export", detail=f"sync: {len(report.sent)} sent, {len(report.failed)} refused"
            )

    in_vault(finish)
    if progress:
        progress(SyncProgress(len(report.sent) + len(report.failed), len(pending), None, None))
    return report


def record_result(session, item: outbox.PendingPackage, result: SendResult, report: SyncReport) -> None:
    """Write one answer to the outbox (in the caller's transaction) and to the report."""
    if result.outcome is Outcome.SENT:
        outbox.mark_sent(session, item.id, result.attempts)
        report.sent.append(SentPackage(item.month, item.version, result.attempts, result.replayed))
    elif result.outcome is Outcome.REJECTED:
        reason = result.message or f"HTTP {result.status}"
        outbox.mark_failed(session, item.id, result.attempts, reason)
        report.failed.append(FailedPackage(item.month, item.version, reason))
    else:  # not reached, or the token refused: the row stays pending
        problem = result.message or result.outcome.value
        if result.attempts:
            outbox.note_attempts(session, item.id, result.attempts, problem)
        if result.outcome in STOPPED:
            detail = network_problem(problem) if result.outcome is Outcome.UNREACHABLE else problem
            report.stopped = SyncStoppedError(STOPPED[result.outcome], detail=detail, pending=0)
            report.stopped.outcome = result.outcome
