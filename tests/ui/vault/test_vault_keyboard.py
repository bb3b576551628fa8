"""The vault dialogs by keyboard: every input named for a screen reader, every Alt+letter lands in
its own field and no two share a letter, Tab reaches every input in reading order, Esc cancels
(but not while the vault is being written)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from tests.ui.support import activate, flush_deletions
from tests.ui.test_accessible_names import unnamed
from tests.ui.test_mnemonics import mnemonic_problems
from ui.unlock_dialog import UnlockDialog
from ui.vault.backup_dialog import BackupDialog
from ui.vault.passphrase_dialog import PassphraseDialog
from ui.vault.restore_dialog import RestoreDialog

DIALOGS = {"backup": BackupDialog, "restore": RestoreDialog, "passphrase": PassphraseDialog}


def tab_stops(dialog: QWidget) -> list[QWidget]:
    """The inputs Tab should reach, in reading order (top to bottom, left to right); of a group of
    radio buttons only the chosen one is a stop, as Qt does it."""
    found = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLineEdit | QAbstractItemView | QAbstractButton)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not (isinstance(w, QRadioButton) and not w.isChecked())
        and not isinstance(w.parentWidget(), QAbstractItemView)
    ]
    position = {id(w): w.mapTo(dialog, w.rect().topLeft()) for w in found}
    return sorted(found, key=lambda w: (position[id(w)].y() // 8, position[id(w)].x()))


def tab_chain(qtbot, dialog: QWidget, start: QWidget, steps: int = 12) -> list[QWidget]:
    start.setFocus()
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None or focus is start:
            break
        seen.append(focus)
    return seen


@pytest.mark.parametrize("kind", DIALOGS)
def test_each_vault_dialog_by_keyboard(qtbot, session, kind):
    dialog = DIALOGS[kind](session)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    assert unnamed(dialog) == []
    assert mnemonic_problems(dialog) == []
    fields = tab_stops(dialog)
    assert fields
    chain = tab_chain(qtbot, dialog, fields[0], steps=2 * len(fields))
    assert [w for w in chain if w in fields] == fields  # all of them, in reading order

    dialog.set_busy(True)  # the vault is being written: Esc does not leave it half told
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.set_busy(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    flush_deletions()


def test_the_unlock_window_keeps_its_mnemonics_apart(qtbot, vault_file, lane):
    dialog = UnlockDialog(vault_file, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert mnemonic_problems(dialog) == []
    assert unnamed(dialog) == []
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.other_vault.menu.isVisible)  # Alt+B opens the choices
    dialog.other_vault.menu.close()
