"""The import and export dialogs (issues 17.4 and 14.1), driven as a consultant would, on real
SQLCipher vaults: export then import gives the same inquiries, a bad row is shown by its line and
nothing is imported, a cancel in the middle of a large import leaves the vault as it was, and the
files written are the owner's only."""

import csv
import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from consultant_app.demo.fill import fill_vault
from consultant_app.domain import Inquiry, Profile
from consultant_app.interchange import export_inquiries, import_inquiries
from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, flush_deletions
from ui.interchange import export_dialog, import_dialog
from ui.interchange.export_dialog import ExportDialog
from ui.interchange.import_dialog import ImportDialog
from ui.section import Session

LARGE = 3000


def count(vault: Vault) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count(Inquiry.id))) or 0


@pytest.fixture
def second(tmp_path, lane):
    """Another consultant's vault: its own reference prefix, as a colleague's laptop has."""
    vault = Vault.create(tmp_path / "anden.db", PASSPHRASE, name="Anden Konsulent", team="odense")
    with vault.session() as s:
        profile = s.get(Profile, 1)
    yield Session(vault, profile, lane)
    lane.run(vault.lock, lambda _r: None, lambda _e: None)


@pytest.fixture(scope="module")
def large_file(tmp_path_factory) -> Path:
    """3 000 demo inquiries as a file, made once for the module (filling costs seconds)."""
    folder = tmp_path_factory.mktemp("stor")
    with Vault.create(folder / "demo.db", PASSPHRASE, name="Demo", team="aarhus") as vault:
        fill_vault(vault, LARGE, seed=7)
        export_inquiries(vault, folder / "stor.csv")
    return folder / "stor.csv"


def open_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def check_file(qtbot, dialog: ImportDialog, path: Path, monkeypatch) -> None:
    """Choose the file as the user does (the open dialog answers with `path`); the check runs."""
    monkeypatch.setattr(dialog, "ask_path", lambda: str(path))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._checked is not None or "fejl" in dialog.status.text(), timeout=60_000)
    qtbot.waitUntil(lambda: dialog.progress_dialog is None)


def test_export_then_import_into_another_vault_gives_the_same_inquiries(
    qtbot, session, second, tmp_path, monkeypatch
):
    fill_vault(session.vault, 40, seed=3)
    export = open_dialog(qtbot, ExportDialog(session))
    out = tmp_path / "ud" / "henvendelser"
    out.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(export, "ask_path", lambda suggested: asked.append(suggested) or str(out))
    with qtbot.waitSignal(export.exported, timeout=20_000):
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    path = out.with_suffix(".csv")  # the suffix is added
    assert Path(asked[0]).name.startswith("henvendelser-") and asked[0].endswith(".csv")
    assert export.status.text().startswith(f"40 henvendelser eksporteret til {path}.")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600

    dialog = open_dialog(qtbot, ImportDialog(second))
    check_file(qtbot, dialog, path, monkeypatch)
    assert dialog.summary.text().startswith("40 rækker: 40 tilføjes, 0 opdateres, 0 uændrede, 0 ugyldige.")
    assert dialog.problems.toPlainText() == ""
    assert count(second.vault) == 0  # the check wrote nothing
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].added == 40
    assert dialog.status.text() == "Importeret: 40 tilføjet, 0 opdateret, 0 uændret."
    assert not dialog.import_button.isEnabled()  # done: a second click would change nothing

    # The same inquiries: the second vault's export is the first's, byte for byte.
    export_inquiries(second.vault, tmp_path / "igen.csv")
    assert (tmp_path / "igen.csv").read_bytes() == path.read_bytes()


def test_a_bad_row_is_shown_by_its_line_and_nothing_is_imported(
    qtbot, session, second, tmp_path, monkeypatch
):
    fill_vault(session.vault, 5, seed=4)
    good = tmp_path / "god.csv"
    export_inquiries(session.vault, good)
    with good.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    rows[2][rows[0].index("region")] = "atlantis"  # the second inquiry: line 3 of the file
    bad = tmp_path / "forkert.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";").writerows(rows)

    dialog = open_dialog(qtbot, ImportDialog(second))
    check_file(qtbot, dialog, bad, monkeypatch)
    problems = dialog.problems.toPlainText().splitlines()
    assert len(problems) == 1 and problems[0].startswith("Linje 3, kolonne region, værdi 'atlantis': ")
    assert dialog.status.text() == "1 fejl i filen. Ret filen, eller spring de ugyldige rækker over."
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == problems[0]
    assert count(second.vault) == 0

    # Skipping the invalid row: the others are imported, the row goes to a file beside it.
    qtbot.mouseClick(dialog.skip_invalid, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    rejects = tmp_path / "forkert-afviste.csv"
    assert count(second.vault) == 4
    assert str(rejects) in dialog.status.text() and "IKKE krypteret" in dialog.status.text()
    assert "atlantis" in rejects.read_text(encoding="utf-8-sig")
    if os.name == "posix":
        assert rejects.stat().st_mode & 0o777 == 0o600


def test_cancel_in_the_middle_of_a_large_import_leaves_the_vault_as_it_was(
    qtbot, second, large_file, monkeypatch, caplog
):
    real = import_dialog.import_inquiries
    writing, held = threading.Event(), [True]

    def held_after_the_first_batch(vault, path, *, progress, cancelled, **options):
        """The real import; on its first written batch it waits (at most 30 s) for the user's
        Cancel, so the cancel lands in the middle of the write whatever the machine's speed."""

        def report(phase: str, done: int, total: int) -> None:
            progress(phase, done, total)
            if phase == "write" and held[0]:
                writing.set()
                deadline = time.monotonic() + 30
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)

        return real(vault, path, progress=report, cancelled=cancelled, **options)

    monkeypatch.setattr(import_dialog, "import_inquiries", held_after_the_first_batch)
    before = count(second.vault)
    dialog = open_dialog(qtbot, ImportDialog(second))
    check_file(qtbot, dialog, large_file, monkeypatch)
    assert dialog.summary.text().startswith(f"{LARGE} rækker: {LARGE} tilføjes")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert writing.wait(60)  # rows are in the transaction now
    progress = dialog.progress_dialog
    assert progress is not None and progress.isVisible()
    # The bar shows the write under way (the last report's text, not an older step's).
    qtbot.waitUntil(lambda: progress.labelText() == f"Importerer: række 500 af {LARGE}")
    assert (progress.value(), progress.maximum()) == (500, LARGE)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)  # Esc while running = Cancel
    qtbot.waitUntil(lambda: dialog.progress_dialog is None, timeout=30_000)
    assert dialog.status.text() == "Importen blev afbrudt; intet er importeret."
    assert count(second.vault) == before
    assert [r.message for r in caplog.records if r.levelname == "ERROR"] == []  # a cancel is no failure

    # Still usable: the same file imports in full.
    held[0] = False
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count(second.vault) == before + LARGE
    flush_deletions()


def test_cancel_during_an_export_writes_no_file(qtbot, second, large_file, tmp_path, monkeypatch, caplog):
    import_inquiries(second.vault, large_file)
    real = export_dialog.export_inquiries
    started = threading.Event()

    def held_after_the_first_rows(vault, path, *, progress, cancelled, **options):
        """The real export, waiting after its first 500 rows (at most 30 s) for the Cancel."""

        def report(done: int, total: int) -> None:
            progress(done, total)
            started.set()
            deadline = time.monotonic() + 30
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)

        return real(vault, path, progress=report, cancelled=cancelled, **options)

    monkeypatch.setattr(export_dialog, "export_inquiries", held_after_the_first_rows)
    dialog = open_dialog(qtbot, ExportDialog(second))
    out = tmp_path / "ud.csv"
    monkeypatch.setattr(dialog, "ask_path", lambda _suggested: str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert started.wait(60)
    progress = dialog.progress_dialog
    assert progress is not None
    qtbot.waitUntil(lambda: progress.labelText() == f"Eksporterer: 500 af {LARGE} henvendelser")
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.progress_dialog is None, timeout=30_000)
    assert dialog.status.text() == "Eksporten blev afbrudt; ingen fil er skrevet."
    assert [p.name for p in tmp_path.iterdir() if "ud.csv" in p.name] == []  # nor a staged ".ud.csv….partial"
    assert [r.message for r in caplog.records if r.levelname == "ERROR"] == []
    assert dialog.export_button.isEnabled()


def test_both_dialogs_open_from_the_inquiries_menu_and_esc_closes_them(qtbot, main_window):
    menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&Henvendelser")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[-2:] == ["&Importér…", "&Eksportér…"]
    for action, kind in (
        (main_window.import_action, ImportDialog),
        (main_window.export_action, ExportDialog),
    ):
        action.trigger()
        dialog = next(d for d in main_window.findChildren(kind) if d.isVisible())
        qtbot.waitExposed(dialog)
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())


def test_the_inquiry_list_behind_shows_what_was_imported(qtbot, main_window, large_file, monkeypatch):
    main_window.show_section("inquiries")
    inquiries = main_window.section("inquiries")
    qtbot.waitUntil(lambda: inquiries.count_label.text() == "0 henvendelser", timeout=10_000)
    main_window.import_action.trigger()
    dialog = next(d for d in main_window.findChildren(ImportDialog) if d.isVisible())
    check_file(qtbot, dialog, large_file, monkeypatch)
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inquiries.count_label.text() == f"{LARGE} henvendelser", timeout=10_000)
    dialog.reject()


def test_locking_during_an_import_stops_it_and_writes_nothing(
    qtbot, main_window, vault_file, large_file, monkeypatch
):
    """The idle lock, Ctrl+L or the system lock hides the dialog: the import stops between
    batches rather than holding the lock back until 3 000 rows are written."""
    real = import_dialog.import_inquiries
    writing = threading.Event()

    def held(vault, path, *, progress, cancelled, **options):
        def report(phase: str, done: int, total: int) -> None:
            progress(phase, done, total)
            if phase == "write":
                writing.set()
                deadline = time.monotonic() + 30
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)

        return real(vault, path, progress=report, cancelled=cancelled, **options)

    monkeypatch.setattr(import_dialog, "import_inquiries", held)
    main_window.import_action.trigger()
    dialog = next(d for d in main_window.findChildren(ImportDialog) if d.isVisible())
    check_file(qtbot, dialog, large_file, monkeypatch)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert writing.wait(60)
    started = time.monotonic()
    with qtbot.waitSignal(main_window.locked, timeout=20_000):
        main_window.lock()
    assert time.monotonic() - started < 20  # not the 30 s the held import would wait
    with Vault.open(vault_file, PASSPHRASE) as vault:
        assert count(vault) == 0
