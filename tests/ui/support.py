"""Constants and helpers of the widget tests (fixtures live in conftest.py)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.desktop import Desktop
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

PASSPHRASE = "korrekt hest batteri hæfteklamme"
NAME = "Mette Kragh Sørensen"


def flush_deletions() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock(qtbot, desktop: Desktop, passphrase: str = PASSPHRASE) -> MainWindow:
    """Start the desktop and type the passphrase into the unlock dialog, as a user would."""
    desktop.start()
    return type_passphrase(qtbot, desktop, passphrase)


def type_passphrase(qtbot, desktop: Desktop, passphrase: str = PASSPHRASE) -> MainWindow:
    dialog = desktop.window
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow) or not dialog.busy, timeout=10_000)
    assert isinstance(desktop.window, MainWindow), dialog.status.text()
    return desktop.window


def visible_texts() -> list[str]:
    """The text of every visible widget that shows text."""
    texts = []
    for widget in QApplication.allWidgets():
        if widget.isVisible() and hasattr(widget, "text"):
            texts.append(widget.text())
        if widget.isVisible() and widget.windowTitle():
            texts.append(widget.windowTitle())
    return texts


def all_texts() -> str:
    """Every text any widget holds, shown or not: labels, fields, titles, tooltips, list items."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif hasattr(widget, "text") and callable(widget.text):
            texts.append(str(widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 500)):
                column = 0
                while (index := model.index(row, column)).isValid():  # list models hide columnCount
                    texts.append(str(index.data() or ""))
                    column += 1
    return "\n".join(texts)


# --- the keyboard, as a user has it: keys go to the open popup, else to the focused widget -----


def activate(qtbot, window: QWidget) -> None:
    """Wait until the window has the keyboard, as after a click on it."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key_target() -> QWidget:
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    return target


def keys(text: str) -> None:
    for char in text:  # one at a time: a key may open a popup that takes the next
        QTest.keyClicks(key_target(), char)


def press(
    key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1
) -> None:
    for _ in range(times):
        QTest.keyClick(key_target(), key, modifier)


def tab(times: int = 1) -> None:
    press(Qt.Key.Key_Tab, times=times)


# --- data ---------------------------------------------------------------------------------------


def seed_case(vault, *, pseudonym: str | None = None, **changes):
    """One stored inquiry (received a minute ago, today, unless told otherwise)."""
    from dataclasses import replace
    from datetime import date, datetime, time, timedelta

    from consultant_app.services.case_actions import CaseForm, create_case
    from consultant_app.services.inquiries import InquiryDraft

    draft = InquiryDraft(
        received_at=max(datetime.now() - timedelta(minutes=1), datetime.combine(date.today(), time())),
        region="hovedstaden",
        inquirer_type="politi",
        channel="telefon",
        citizen_age_group="voksen",
        trip_concern="ingen",
    )
    with vault.session() as session:
        return create_case(session, CaseForm(replace(draft, **changes), pseudonym))


# The screenshot tests always run (they drive real screens), but write into a temporary folder
# that is removed at exit; the README's pictures are refreshed only when asked:
#   CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui -m screenshots
SCREENSHOTS = os.environ.get("CONSULTANT_APP_SCREENSHOTS") or tempfile.mkdtemp(prefix="consultant-app-shots-")
if "CONSULTANT_APP_SCREENSHOTS" not in os.environ or not os.environ["CONSULTANT_APP_SCREENSHOTS"]:
    atexit.register(shutil.rmtree, SCREENSHOTS, ignore_errors=True)
# The same screens in a dark theme (CONSULTANT_APP_SCREENSHOT_THEME=dark), into a folder "moerk"
# beside the light ones: Xvfb has no desktop to ask for a colour scheme, so the palette of
# Windows 11's dark mode is set on the application (tests/ui/conftest.py).
DARK = os.environ.get("CONSULTANT_APP_SCREENSHOT_THEME") == "dark"
if DARK:
    SCREENSHOTS = str(Path(SCREENSHOTS) / "moerk")
    Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)


def dark_palette() -> QPalette:
    """The colours of Windows 11's dark mode, as Qt's windows11 style paints it."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#1c1c1c"),
        (QPalette.ColorRole.AlternateBase, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#2d2d2d"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#2b2b2b"),
        (QPalette.ColorRole.ToolTipText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
        (QPalette.ColorRole.Highlight, "#0078d4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#6cb8ff"),
        (QPalette.ColorRole.Light, "#3c3c3c"),
        (QPalette.ColorRole.Midlight, "#333333"),
        (QPalette.ColorRole.Mid, "#2a2a2a"),
        (QPalette.ColorRole.Dark, "#151515"),
        (QPalette.ColorRole.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


needs_screenshots = pytest.mark.screenshots  # selects them (`-m screenshots`); no longer skips


def save_screenshot(widget, name: str) -> Path:
    """The widget as `<name>.png` in the screenshot folder: 256 colours, undithered, which is
    plenty for a flat interface and keeps the files small."""
    QTest.qWait(100)  # let the layouts settle on what just changed
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    assert image.save(str(path), "PNG")
    return path


def cell(view, row: int, column: int) -> str:
    """The text a table view shows in one cell (what `QTableWidget.item(row, column).text()` gave)."""
    model = view.model()
    assert 0 <= row < model.rowCount() and 0 <= column < model.columnCount(), (row, column)
    return model.index(row, column).data()


def rows(view) -> int:
    return view.model().rowCount()
