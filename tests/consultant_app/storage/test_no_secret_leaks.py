"""With logging at DEBUG and every failure path forced, no passphrase text leaks anywhere:
not in a log record, an exception message, a traceback, or the command line's output."""

import logging
import traceback
from datetime import datetime

import pytest
from sqlalchemy import select

from consultant_app.cli.main import main as cli_main
from consultant_app.domain import Inquiry, Profile
from consultant_app.errors import ConsultantAppError
from consultant_app.storage.passphrase import Passphrase
from consultant_app.storage.vault import Vault

RIGHT = 'Kanarie-"Løsen"-🐤-rigtig'
WRONG = "Kanarie-Forkert-Løsen-🐦"
WEAK = "Kanarie9"
CANARIES = ("Kanarie", "Løsen", "🐤", "🐦")
RECORD_CANARY = "Kanarie-Journalnotat"


def _text_of(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + str(exc) + repr(exc.args)


@pytest.fixture
def debug_logs(caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy", "sqlalchemy.engine", "alembic", "consultant_app"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name in ("sqlalchemy", "sqlalchemy.engine", "alembic", "consultant_app"):
        logging.getLogger(name).setLevel(logging.NOTSET)


def _fail(fn) -> str:
    with pytest.raises(BaseException) as caught:
        fn()
    return _text_of(caught.value)


def test_every_failure_path_keeps_the_passphrase_out(tmp_path, debug_logs, capsys, monkeypatch):
    path = tmp_path / "v.db"
    seen: list[str] = []

    seen.append(_fail(lambda: Vault.create(path, WEAK, name="T", team="aalborg")))
    vault = Vault.create(path, RIGHT, name="T", team="aalborg")
    with vault.session() as s:
        s.add(
            Inquiry(
                received_at=datetime(2025, 1, 2),
                consultant="T",
                region="nordjylland",
                inquirer_type="borger",
                channel="telefon",
                citizen_age_group="voksen",
                trip_concern="ingen",
                notes=RECORD_CANARY,
            )
        )
    with vault.session() as s:  # a read at DEBUG: SQLAlchemy would log the row itself
        assert s.scalars(select(Inquiry.notes)).one() == RECORD_CANARY
    seen.append(_fail(lambda: vault.change_passphrase(WEAK)))
    seen.append(_fail(lambda: vault.backup(tmp_path / "missing-dir" / "b.vault")))

    def violate_constraint():
        with vault.session() as s:
            s.add(Profile(id=1, name=RECORD_CANARY, team="aalborg"))  # a second profile row

    seen.append(_fail(violate_constraint))
    backup = vault.backup(tmp_path / "b.vault")
    vault.lock()

    seen.append(_fail(lambda: Vault.open(path, WRONG)))
    seen.append(_fail(lambda: Vault.restore(backup, tmp_path / "r.db", WRONG)))
    seen.append(repr(Passphrase(RIGHT)) + str(Passphrase(RIGHT)))
    seen.append(_fail(lambda: __import__("pickle").dumps(Passphrase(RIGHT))))

    monkeypatch.setenv("CONSULTANT_APP_NEW_PASSPHRASE", WEAK)
    for passphrase, argv in (
        (WRONG, ["backup", "--vault", str(path), str(tmp_path / "c.vault")]),
        (WRONG, ["--debug", "backup", "--vault", str(path), str(tmp_path / "c.vault")]),
        (WEAK, ["init", "--vault", str(tmp_path / "n.db"), "--name", "T", "--team", "odense"]),
        (RIGHT, ["--debug", "backup", "--vault", str(path), str(tmp_path / "missing" / "c")]),
        (RIGHT, ["change-passphrase", "--vault", str(path)]),
        (RIGHT, ["--debug", "change-passphrase", "--vault", str(path)]),
    ):
        monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", passphrase)
        try:
            cli_main(argv)
        except ConsultantAppError as exc:  # --debug re-raises for the traceback
            seen.append(_text_of(exc))

    out = capsys.readouterr()
    seen += [out.out, out.err]
    seen += [r.getMessage() + (r.exc_text or "") + str(r.args) for r in debug_logs.records]
    assert debug_logs.records, "DEBUG logging was not captured"
    everything = "\n".join(seen)
    for canary in (*CANARIES, RECORD_CANARY):
        assert canary not in everything, canary
