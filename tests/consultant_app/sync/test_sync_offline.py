"""The offline route: `consultant-app package --month` writes the file, the receiver imports it
with the API's rules (`consultant-app-receiver import`), and a later sync of the same laptop
fits with it: the same version is a duplicate, a correction the next version, never a second,
different version 1."""

from datetime import datetime

from consultant_app.cli.main import main as cli_main
from consultant_app.counts.package import build_package
from consultant_app.receiver.cli import main as receiver_main
from consultant_app.receiver.db import make_engine
from consultant_app.receiver.national import national_report
from consultant_app.storage.vault import Vault
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import bridge, make_app, stored
from tests.consultant_app.sync.helpers import run
from tests.support import PASSPHRASE


def test_package_files_then_sync(sync_vault, tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'receiver.db'}"
    path = sync_vault.path
    sync_vault.lock()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)

    def package_file(name: str) -> str:
        out = tmp_path / name
        assert cli_main(["package", "--vault", str(path), "--month", "2026-02", "-o", str(out)]) == 0
        return str(out)

    first = package_file("feb-1.json")
    assert receiver_main(["migrate", "--db", url]) == 0
    assert receiver_main(["import", "--db", url, first]) == 0
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as session:  # registered late
        add_records(session, [Record(datetime(2026, 2, 25, 9), "sjaelland")])
    second = package_file("feb-2.json")
    assert receiver_main(["import", "--db", url, second]) == 0
    assert "version 2" in capsys.readouterr().out

    engine = make_engine(url)
    with bridge(make_app(engine)) as transport, Vault.open(path, PASSPHRASE) as vault:
        report = run(vault, transport)
        with vault.session() as session:
            february = build_package(session, "2026-02")
    assert report.complete and not report.failed
    assert [(s.month, s.version) for s in report.sent] == [("2026-01", 1), ("2026-02", 2), ("2026-03", 1)]
    submitter = february.submitter
    assert stored(engine) == [
        (submitter, "2026-01", 1),
        (submitter, "2026-02", 1),
        (submitter, "2026-02", 2),
        (submitter, "2026-03", 1),
    ]
    with engine.begin() as conn:
        national = national_report(conn, "2026-02", "2026-02").as_json()
    assert national["totals"]["inquiries"] == 2 and national["regions"]["sjaelland"]["inquiries"] == 1
    engine.dispose()
