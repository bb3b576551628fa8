"""Overblik: counts and lists of the day's work; Enter on an entry opens the case."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from consultant_app.domain import FollowUp
from consultant_app.services.case_actions import make_course
from tests.ui.support import cell, press, seed_case
from ui import theme


def test_the_overview_counts_and_opens_cases(qtbot, session, main_window):
    vault = session.vault
    overdue_case = seed_case(vault)
    course = seed_case(vault)
    with vault.session() as s:
        make_course(s, course.id)
        s.add_all(
            [
                FollowUp(inquiry_id=overdue_case.id, type="opkald", due_on=date.today() - timedelta(days=3)),
                FollowUp(inquiry_id=course.id, type="moede", due_on=date.today()),
            ]
        )
    overview = main_window.section("overview")
    overview.activate()
    qtbot.waitUntil(lambda: overview.data is not None and overview.data.month_count == 2, timeout=5_000)
    assert overview.overdue.heading.text() == "Forfaldne opfølgninger: 1"
    assert overview.due_today.heading.text() == "Opfølgninger i dag: 1"
    assert overview.month.heading.text() == "Henvendelser denne måned: 2"
    assert overview.courses.heading.text() == "Åbne forløb: 1"
    first = cell(overview.overdue.list, 0, 0)
    assert first.startswith(overdue_case.case_code) and "Opkald" in first

    overview.overdue.list.setFocus()
    overview.overdue.list.setCurrentIndex(overview.overdue.list.model().index(0, 0))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.case_view is not None, timeout=2_000)
    assert main_window.case_view.inquiry_id == overdue_case.id


def test_an_empty_vault_says_so(qtbot, main_window):
    overview = main_window.section("overview")
    qtbot.waitUntil(lambda: overview.data is not None, timeout=5_000)
    assert cell(overview.overdue.list, 0, 0) == "Intet er forfaldent."
    assert not overview.overdue.more.isVisible()
    # Readable, not the disabled grey: 4.5:1 against the list's background (#14.10)
    colour = overview.overdue.list.model().index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    background = overview.overdue.list.palette().color(QPalette.ColorRole.Base)
    assert colour is not None  # without a colour of its own it is painted in the disabled grey
    assert theme.contrast(colour, background) >= 4.5


def test_the_empty_line_cannot_be_chosen_or_opened(qtbot, main_window):
    """ "Nothing is overdue" is a line in the list, not a case: it cannot be chosen, and Enter on
    it opens nothing."""
    overview = main_window.section("overview")
    qtbot.waitUntil(lambda: overview.data is not None, timeout=5_000)
    view = overview.overdue.list
    index = view.model().index(0, 0)
    assert not view.model().flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert overview.overdue.current_id() is None
    opened: list[int] = []
    overview.open_case.connect(opened.append)
    view.activated.emit(index)
    assert opened == [] and main_window.case_view is None
