"""`sync [--endpoint URL] [--token-file FILE] [--ca-file FILE] [--proxy P] [--test]` (cli.md,
docs/cli.md): queue the months whose counts changed and send every pending package to SIRI's
receiver; print what was sent. `--test` only tests the connection and the token (sync/probe.py).

`--endpoint`, `--token-file`, `--ca-file` and `--proxy` are stored in the vault's sync settings (the token
encrypted with everything else), so the first run sets syncing up and later runs need none of
them. The token is never printed.
"""

import argparse
import sys

from consultant_app.cli.common import CliError, emit, open_vault
from consultant_app.i18n import Text
from consultant_app.storage.vault import Vault
from consultant_app.sync import outbox
from consultant_app.sync.probe import OUTCOME_TEXT, ConnectionTestError, probe
from consultant_app.sync.run import SyncReport, sync_pending
from consultant_app.sync.settings import (
    KEEP,
    SyncNotConfiguredError,
    read_token_file,
    save_sync_settings,
    sync_credentials,
)

_QUEUED = Text(
    da="Klar til afsendelse: {month} (version {version})", en="Queued: {month} (version {version})"
)
_SENT = Text(da="Sendt: {month} (version {version})", en="Sent: {month} (version {version})")
_ALREADY = Text(
    da="Sendt: {month} (version {version}; modtageren havde den allerede)",
    en="Sent: {month} (version {version}; the receiver already had it)",
)
_FAILED = Text(
    da="Afvist af modtageren: {month} (version {version}): {reason}",
    en="Refused by the receiver: {month} (version {version}): {reason}",
)
_SUMMARY = Text(
    da="{sent} pakke(r) sendt, {failed} afvist, {pending} venter.",
    en="{sent} package(s) sent, {failed} refused, {pending} waiting.",
)
_NOTHING = Text(da="Intet at sende: alle måneder er sendt.", en="Nothing to send: every month has been sent.")
_CANCELLED = Text(da="Afbrudt; resten sendes næste gang.", en="Cancelled; the rest is sent next time.")
_SAVED = Text(
    da="Synkroniseringsindstillingerne er gemt i boksen.", en="The sync settings were saved in the vault."
)
_NEEDS_ENDPOINT = Text(
    da="Angiv også modtagerens adresse (--endpoint) første gang.",
    en="Also give the receiver's address (--endpoint) the first time.",
)


def sync(args: argparse.Namespace) -> int:
    token = read_token_file(args.token_file) if args.token_file else KEEP
    with open_vault(args) as vault:
        if args.endpoint or args.token_file or args.ca_file is not None or args.proxy is not None:
            with vault.session() as session:
                current = sync_credentials(session)
                endpoint = args.endpoint or (current.endpoint if current else None)
                if not endpoint:
                    raise CliError(_NEEDS_ENDPOINT)
                ca_file = args.ca_file if args.ca_file is not None else KEEP
                proxy = args.proxy if args.proxy is not None else KEEP
                save_sync_settings(session, endpoint=endpoint, token=token, ca_file=ca_file, proxy=proxy)
            print(_SAVED.render(), file=sys.stderr)
        if args.test:
            return _test(args, vault)
        if args.retry_failed:
            with vault.session() as session:
                outbox.requeue_failed(session)
        report = sync_pending(vault)
    emit(args, "\n".join(_lines(report)), report.as_json())
    if report.stopped is not None:
        raise report.stopped
    return 0


def _test(args: argparse.Namespace, vault: Vault) -> int:
    """The stored settings, tested: one line, exit 0 when the receiver accepts the token."""
    with vault.session() as session:
        credentials = sync_credentials(session)
    if credentials is None or not credentials.token:
        raise SyncNotConfiguredError()
    result = probe(
        credentials.endpoint, credentials.token, ca_file=credentials.ca_file, proxy=credentials.proxy
    )
    if not result.ok:
        raise ConnectionTestError(result)
    data = {"outcome": result.outcome.value, "endpoint": credentials.endpoint, "version": result.version}
    emit(args, OUTCOME_TEXT[result.outcome].render(), data)
    return 0


def _lines(report: SyncReport) -> list[str]:
    lines = [_QUEUED.render(month=q.month, version=q.version) for q in report.queued]
    for s in report.sent:
        lines.append((_ALREADY if s.replayed else _SENT).render(month=s.month, version=s.version))
    lines += [_FAILED.render(month=f.month, version=f.version, reason=f.reason) for f in report.failed]
    if report.cancelled:
        lines.append(_CANCELLED.render())
    if not report.sent and not report.failed and not report.pending:
        lines.append(_NOTHING.render())
    else:
        lines.append(
            _SUMMARY.render(sent=len(report.sent), failed=len(report.failed), pending=report.pending)
        )
    return lines
