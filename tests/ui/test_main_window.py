"""The main window: navigation from the registry, shortcuts, locking with Ctrl+L, closing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from consultant_app.storage.vault import Vault
from tests.ui.support import (
    NAME,
    PASSPHRASE,
    activate,
    flush_deletions,
    press,
    seed_case,
    type_passphrase,
    unlock,
    visible_texts,
)
from ui.main_window import MainWindow
from ui.navigation import SECTIONS
from ui.section import Section
from ui.unlock_dialog import UnlockDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_navigation_lists_the_registered_screens_in_danish(main_window):
    titles = [main_window.nav.item(row).text() for row in range(main_window.nav.count())]
    assert titles == [section.title() for section in main_window.sections]
    assert [type(s) for s in main_window.sections] == list(SECTIONS)
    assert titles[:2] == ["Overblik", "Henvendelser"] and titles[-1] == "Indstillinger"
    assert main_window.stack.currentWidget() is main_window.sections[0]


def test_ctrl_and_a_number_goes_to_a_screen(qtbot, main_window):
    press(Qt.Key.Key_2, CTRL)
    assert main_window.current_section.key == "inquiries"
    assert main_window.stack.currentWidget() is main_window.section("inquiries")
    last = len(main_window.sections)  # the number row: 1 … 9, then 0
    press(Qt.Key(Qt.Key.Key_0.value + last % 10), CTRL)
    assert main_window.current_section.key == "settings"
    main_window.nav.setCurrentRow(0)  # a click or the arrows in the list
    assert main_window.current_section.key == "overview"


def test_ctrl_f_finds_a_case_or_searches_the_screen_that_has_its_own_search(qtbot, main_window):
    main_window.show_section("professionals")
    professionals = main_window.section("professionals")
    main_window.nav.setFocus()
    press(Qt.Key.Key_F, CTRL)
    assert main_window.current_section.key == "professionals" and professionals.search.hasFocus()
    main_window.show_section("overview")
    press(Qt.Key.Key_F, CTRL)
    assert main_window.current_section.key == "inquiries"
    assert main_window.section("inquiries").filters.search.hasFocus()


class Notes(Section):
    """A screen a later issue might add: one line in the registry is all it takes."""

    key = "notes"

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        QVBoxLayout(self).addWidget(QLabel("Noter"))
        self.activations = 0

    def title(self) -> str:
        return "Noter"

    def activate(self) -> None:
        self.activations += 1

    def state(self) -> dict:
        return {"activations": self.activations}


def test_a_new_screen_is_one_entry_in_the_registry(qtbot, session):
    window = MainWindow(session, sections=(*SECTIONS, Notes))
    try:
        assert window.nav.item(window.nav.count() - 1).text() == "Noter"
        window.show_section("notes")
        assert window.section("notes").activations == 1
        assert window.state()["sections"]["notes"] == {"activations": 1}
    finally:
        window.idle.stop()
        window.deleteLater()
        flush_deletions()


def test_ctrl_l_locks_the_vault_and_nothing_shows_the_name(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    vault = window.vault
    assert vault.is_open
    assert any(NAME in text for text in visible_texts())

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)

    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    assert not vault.is_open
    flush_deletions()
    assert not any(NAME in text for text in visible_texts())
    # The file lock is released too: another program may open the vault now.
    Vault.open(vault_file, PASSPHRASE).lock()


def test_after_locking_the_vault_unlocks_again_where_the_user_was(qtbot, desktop):
    first = unlock(qtbot, desktop)
    first.show_section("settings")
    first.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    dialog = desktop.window
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=10_000)
    assert desktop.window is not first
    assert desktop.window.name_label.text() == NAME
    assert desktop.window.current_section.key == "settings"


def test_closing_the_window_locks_the_vault_and_ends_the_desktop(qtbot, desktop):
    window = unlock(qtbot, desktop)
    vault = window.vault
    with qtbot.waitSignal(desktop.finished, timeout=5_000):
        window.close()
    assert not vault.is_open
    assert not window.isVisible()


def test_unlocking_restores_filters_and_selection_but_not_the_search_text(qtbot, desktop):
    window = unlock(qtbot, desktop)
    ids = [seed_case(window.vault, notes=f"Sag nummer {n}").id for n in range(3)]
    window.show_section("inquiries")
    inquiries = window.section("inquiries")
    inquiries.filters.status.setCurrentIndex(inquiries.filters.status.findData("open"))
    inquiries.filters.search.setText("Sag nummer")
    qtbot.waitUntil(lambda: inquiries.model.count == 3, timeout=5_000)
    inquiries.select_id(ids[1])
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    again = type_passphrase(qtbot, desktop)
    restored = again.section("inquiries")
    assert again.current_section is restored
    qtbot.waitUntil(lambda: restored.selected_id() == ids[1], timeout=5_000)
    assert restored.filters.status.currentData() == "open"
    assert restored.filters.search.text() == ""  # it may name a person: not kept
