"""What the database knows about each token: the submitter it is bound to and when it was last
accepted. `tokens list` shows both beside what the tokens file holds."""

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from consultant_app.receiver.db import TokenBinding, TokenUse, utcnow

TOUCH_EVERY_SECONDS = 60.0

_lock = threading.Lock()
_last_touch: dict[str, float] = {}


@dataclass(frozen=True)
class Usage:
    submitter: str | None
    last_used: datetime | None


def touch(engine: Engine, token_id: str) -> None:
    """Record that `token_id` was accepted now, unless this process did so within a minute."""
    now = time.monotonic()
    with _lock:
        if now - _last_touch.get(token_id, -TOUCH_EVERY_SECONDS) < TOUCH_EVERY_SECONDS:
            return
        _last_touch[token_id] = now
    at = utcnow()
    try:
        with engine.begin() as conn:
            done = conn.execute(update(TokenUse).where(TokenUse.token_id == token_id).values(last_used_at=at))
            if done.rowcount == 0:
                conn.execute(insert(TokenUse).values(token_id=token_id, last_used_at=at))
    except IntegrityError:  # another process inserted it first: its time is as good
        pass


def forget_touches() -> None:
    """Tests: the next `touch` writes again."""
    with _lock:
        _last_touch.clear()


def usage(engine: Engine) -> dict[str, Usage]:
    with engine.connect() as conn:
        bound = dict(conn.execute(select(TokenBinding.token_id, TokenBinding.submitter)).all())
        used = dict(conn.execute(select(TokenUse.token_id, TokenUse.last_used_at)).all())
    return {t: Usage(bound.get(t), used.get(t)) for t in {*bound, *used}}
