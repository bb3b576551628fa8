"""Syncing the anonymised monthly counts to SIRI's receiver.

- `outbox`: packages waiting to leave, each with the idempotency key it is always sent with;
  `refresh_outbox(session, months)` queues a new version of a month whose counts changed.
- `client.SyncClient`: one package to the receiver over verified TLS, with retries.
- `run.sync_pending(vault, progress=..., cancel=...)`: queue and send everything pending; what
  the command line's `sync` and the desktop's worker call.
- `settings`: the receiver's address, the token (inside the vault) and a CA file.
"""

from consultant_app.sync.client import Outcome, RetryPolicy, SendResult, SyncClient
from consultant_app.sync.outbox import QueuedPackage, refresh_outbox
from consultant_app.sync.run import SyncProgress, SyncReport, SyncStoppedError, sync_pending
from consultant_app.sync.settings import (
    SyncNotConfiguredError,
    SyncSettingsView,
    save_sync_settings,
    sync_settings,
)

__all__ = [
    "Outcome",
    "QueuedPackage",
    "RetryPolicy",
    "SendResult",
    "SyncClient",
    "SyncNotConfiguredError",
    "SyncProgress",
    "SyncReport",
    "SyncSettingsView",
    "SyncStoppedError",
    "refresh_outbox",
    "save_sync_settings",
    "sync_pending",
    "sync_settings",
]
