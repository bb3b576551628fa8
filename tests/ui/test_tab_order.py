"""Tab follows the visual order on every form and dialog (#14.5): from the first input, Tab
visits every input a user can reach, each once, in reading order — down the form, and across
to a column on the right before coming back up."""

from itertools import pairwise

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar, QWidget

from tests.ui.support import activate, flush_deletions
from tests.ui.test_accessible_names import _dialogs

SLACK = 6  # pixels: widgets of one row differ a little in height and baseline


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _tab_stop(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, as Qt's focus chain orders them. The chain is a ring: it is read
    from the first input on the page (top, then left), so the one step from the last input back
    to the first is not mistaken for Tab going back up."""
    stops, widget = [], window.nextInFocusChain()
    while widget is not window and len(stops) < 500:
        if _tab_stop(widget, window) and widget not in stops:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    if not stops:
        return stops
    first = min(
        range(len(stops)), key=lambda i: (_rect(stops[i], window).top(), _rect(stops[i], window).left())
    )
    return stops[first:] + stops[:first]


def order_problems(window: QWidget) -> list[str]:
    problems = []
    stops = chain(window)
    for before, after in pairwise(stops):
        a, b = _rect(before, window), _rect(after, window)
        goes_up = b.top() < a.top() - SLACK
        new_column = b.left() >= a.right() - SLACK  # a column (or a tab bar's page) to the right
        into_page = isinstance(before, QTabBar)  # a tab bar hands over to its page's first input
        if goes_up and not new_column and not into_page:
            problems.append(
                f"{_name(before)} at y={a.top()} → {_name(after)} at y={b.top()}: Tab goes back up"
            )
    return problems


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text or widget.objectName()!s})"


def test_every_dialog_tabs_in_reading_order(qtbot, session, tmp_path):
    problems, shown = (
        [],
        [],
    )  # kept: a parentless widget must not be freed by a collection on the lane's thread
    for title, dialog in _dialogs(session, tmp_path):
        shown.append(dialog)
        if not dialog.isWindow():
            continue
        dialog.resize(max(dialog.width(), 900), dialog.height())
        dialog.show()
        activate(qtbot, dialog)
        QApplication.processEvents()
        problems += [f"{title}: {p}" for p in order_problems(dialog)]
        assert chain(dialog), f"{title}: Tab reaches nothing"
        dialog.hide()
    for dialog in shown:
        if shiboken6.isValid(dialog):  # a wizard's page goes with its wizard
            dialog.deleteLater()
    flush_deletions()
    assert problems == []


def test_every_screen_of_the_main_window_tabs_in_reading_order(qtbot, main_window):
    problems, walked = [], 0
    for section in main_window.sections:
        main_window.show_section(section.key)
        QApplication.processEvents()
        # The screen's own inputs, in the order Tab takes them inside the screen.
        stops = [w for w in chain(main_window) if section.isAncestorOf(w)]
        walked += len(stops)
        for before, after in pairwise(stops):
            a, b = _rect(before, main_window), _rect(after, main_window)
            if b.top() < a.top() - SLACK and b.left() < a.right() - SLACK and not isinstance(before, QTabBar):
                problems.append(f"{section.key}: {_name(before)} y={a.top()} → {_name(after)} y={b.top()}")
    assert walked > 5 * len(main_window.sections)  # the screens' inputs were found
    assert problems == []
