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
        qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)  # no answer to a closed dialog
        dialog.hide()
    flush_deletions()
    assert problems == [], "\n".join(problems)


def save_buttons(window: QWidget) -> list[QAbstractButton]:
    """The buttons that save what the window holds ("Gem …"; not "Gem som PDF…", which asks where)."""
    found = []
    for button in window.findChildren(QAbstractButton):
        text = button.text().replace("&", "").strip()
        if reachable(button) and text.startswith("Gem") and not text.endswith("…"):
            found.append(button)
    return found


def ctrl_s_problem(qtbot, window: QWidget) -> str | None:
    buttons = save_buttons(window)
    if not buttons:
        return None
    if len(buttons) > 1:
        return f"Ctrl+S could mean any of {[b.text() for b in buttons]}"
    try:
        with qtbot.waitSignal(buttons[0].clicked, timeout=1_000):
            QTest.keyClick(
                QApplication.focusWidget() or window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
            )
    except qtbot.TimeoutError:
        return f"Ctrl+S did not press {buttons[0].text()!r}"
    return None


def test_ctrl_s_saves_on_every_dialog_with_a_save_button(qtbot, session, tmp_path):
    problems, checked = [], 0
    for title, dialog in _dialogs(session, tmp_path):
        if not dialog.isWindow():
            continue
        qtbot.addWidget(dialog)
        dialog.show()
        activate(qtbot, dialog)
        checked += bool(save_buttons(dialog))
        if (problem := ctrl_s_problem(qtbot, dialog)) is not None:
            problems.append(f"{title}: {problem}")
        qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)  # no answer to a closed dialog
        dialog.hide()
    flush_deletions()
    assert checked >= 8, "the dialogs with a save button were not found"
    assert problems == [], "\n".join(problems)


def test_ctrl_s_saves_on_every_screen_with_a_save_button(qtbot, main_window, session):
    problems, checked = [], 0
    for section in main_window.sections:
        main_window.show_section(section.key)
        qtbot.wait(20)
        if save_buttons(section):
            checked += 1
            section.focusNextChild()  # the keyboard somewhere in the screen, as after a click
            if (problem := ctrl_s_problem(qtbot, section)) is not None:
                problems.append(f"{section.key}: {problem}")
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)  # the save done before teardown
    assert checked >= 1
    assert problems == [], "\n".join(problems)


def test_every_label_mnemonic_works_on_every_screen(qtbot, main_window):
    """The screens share the window with its menus: a screen's Alt+letter must not be a menu's."""
    menus = {mnemonic(action.text()): action.text() for action in main_window.menuBar().actions()}
    problems = []
    for section in main_window.sections:
        main_window.show_section(section.key)
        qtbot.wait(20)
        problems += [f"{section.key}: {p}" for p in mnemonic_problems(main_window)]
        for widget in section.findChildren(QLabel) + section.findChildren(QAbstractButton):
            key = mnemonic(widget.text())
            if reachable(widget) and key in menus:
                problems.append(
                    f"{section.key}: Alt+{key.upper()} is on {widget.text()!r} and the menu {menus[key]!r}"
                )
    assert problems == [], "\n".join(problems)
