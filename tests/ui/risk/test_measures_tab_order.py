"""Tab through the safety measures in the order they are read: each row left to right, row by
row, then "Tilføj tiltag" (#14.5). Rows are made after the button, so Qt's own order put the
button first and a removed-and-added row out of place."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.support import activate, press
from ui.risk.measures import MeasuresEditor


def chain(editor: MeasuresEditor, start) -> list:
    """The widgets Tab visits from `start` until the add button."""
    start.setFocus()
    seen = [QApplication.focusWidget()]
    while seen[-1] is not editor.add_button and len(seen) < 30:
        press(Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_row_by_row_then_to_add(qtbot):
    editor = MeasuresEditor()
    qtbot.addWidget(editor)
    editor.show()
    activate(qtbot, editor)
    first, second = editor.add(None), editor.add(None)
    editor._remove(first)  # a row removed, two more added: the new ones come after the old
    third, fourth = editor.add(None), editor.add(None)
    qtbot.waitUntil(fourth.remove.isVisible)  # widgets added to a shown parent appear a moment later
    expected = [
        widget
        for row in (second, third, fourth)
        for widget in (row.action, row.responsible, row.deadline.check, row.remove)
    ] + [editor.add_button]
    assert chain(editor, second.action) == expected


def test_in_the_editor_tab_leaves_the_measures_for_the_next_review(qtbot, section, case, risk_session):
    from tests.ui.risk.test_risk_section import start

    editor = start(qtbot, section, case.case_code, section.instrument.itemData(0))
    activate(qtbot, section)
    measures = editor.form.measures
    measures.add_button.click()
    measures.add_button.click()
    first, second = measures.rows
    qtbot.waitUntil(second.remove.isVisible)
    expected = [
        w for row in (first, second) for w in (row.action, row.responsible, row.deadline.check, row.remove)
    ]
    assert chain(measures, first.action) == [*expected, measures.add_button]
    press(Qt.Key.Key_Tab)
    got = QApplication.focusWidget()
    assert got is editor.form.next_review.check, (got.text(), type(got.parentWidget()).__name__)
    qtbot.waitUntil(lambda: not risk_session.lane.busy, timeout=10_000)
