"""Usable at 200 % scaling (#14.10, #14.11): a 2560×1440 or 2880×1800 laptop screen at 200 % is
1280×720 or more for the application, so every window must fit in 1280×720 (Qt scales the
pixels; what must fit is the layout's minimum, in the application's own pixels)."""

from PySide6.QtWidgets import QApplication

from tests.ui.test_accessible_names import _dialogs

LOGICAL = (1280, 720)


def _fits(widget) -> bool:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width() <= LOGICAL[0] and hint.height() <= LOGICAL[1]


def test_the_main_window_fits_every_screen_at_200_percent(qtbot, main_window):
    for section in main_window.sections:
        main_window.show_section(section.key)
        QApplication.processEvents()
        hint = main_window.minimumSizeHint().expandedTo(main_window.minimumSize())
        assert _fits(main_window), (section.key, hint.width(), hint.height())


def test_every_dialog_fits_at_200_percent(qtbot, session, tmp_path):
    too_big = []
    for title, dialog in _dialogs(session, tmp_path):
        qtbot.addWidget(dialog)  # deleted on the GUI thread at the end, never by a collection elsewhere
        if dialog.isWindow() and not _fits(dialog):
            hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            too_big.append(f"{title}: {hint.width()}×{hint.height()}")
    assert too_big == []
