"""#16.1: a laptop whose token is rotated keeps syncing with the new one, and its history (the
months sent with the old token, the submitter binding) stays its own; the old token is refused.
On SQLite and PostgreSQL."""

from datetime import date, datetime

import httpx
from sqlalchemy import select

from consultant_app.domain import Profile
from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.cli import main as receiver_main
from consultant_app.receiver.db import TokenBinding
from consultant_app.receiver.tokens import add_token
from consultant_app.sync.run import sync_pending
from consultant_app.sync.settings import save_sync_settings
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import bridge, stored

TODAY = date(2026, 4, 15)


def test_a_rotated_laptop_keeps_syncing_with_its_history(tmp_path, sync_vault, receiver_engine, capsys):
    tokens = tmp_path / "tokens.json"
    old, old_token = add_token(tokens, "Aya's bærbare")
    app = create_app(ReceiverSettings(tokens_file=tokens), engine=receiver_engine)
    with sync_vault.session() as session:
        save_sync_settings(session, endpoint="http://127.0.0.1:9", token=old_token)
        submitter = session.scalar(select(Profile.submitter_id))
    with bridge(app) as transport:
        first = sync_pending(sync_vault, transport=transport, today=TODAY)
        assert len(first.sent) == 3 and not first.failed
        assert receiver_main(["tokens", "rotate", "--tokens", str(tokens), old.id]) == 0
        new_token = capsys.readouterr().out.splitlines()[-1]
        refused = httpx.Client(transport=transport, base_url="http://t").get(
            "/api/v1/reports/national?from=2026-01&to=2026-03",
            headers={"Authorization": f"Bearer {old_token}"},
        )
        assert refused.status_code == 401
        with sync_vault.session() as session:  # a correction of February, sent with the new token
            add_records(session, [Record(datetime(2026, 2, 20, 9), "sjaelland")])
            save_sync_settings(session, endpoint="http://127.0.0.1:9", token=new_token)
        second = sync_pending(sync_vault, transport=transport, today=TODAY)
    assert [p.month for p in second.sent] == ["2026-02"] and not second.failed and second.stopped is None
    assert stored(receiver_engine) == sorted(
        [(submitter, m, 1) for m in ("2026-01", "2026-02", "2026-03")] + [(submitter, "2026-02", 2)]
    )
    with receiver_engine.connect() as conn:
        owner = conn.scalar(select(TokenBinding.token_id).where(TokenBinding.submitter == submitter))
    assert owner != old.id and owner is not None
