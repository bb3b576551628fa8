"""Constants and helpers of the sync tests (fixtures live in conftest.py)."""

from datetime import date

from consultant_app.sync.client import RetryPolicy
from consultant_app.sync.run import sync_pending

TODAY = date(2026, 4, 15)  # January to March 2026 are complete
MONTHS = ["2026-01", "2026-02", "2026-03"]
FAST = RetryPolicy(attempts=4, first_wait=0.01, max_wait=0.05, max_retry_after=30, timeout=5)


class Sleeps(list):
    """Stands in for sleeping: records each wait instead."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def run(vault, transport=None, *, sleeps=None, policy=FAST, **kw):
    return sync_pending(
        vault,
        transport=transport,
        policy=policy,
        sleep=sleeps if sleeps is not None else Sleeps(),
        today=TODAY,
        **kw,
    )
