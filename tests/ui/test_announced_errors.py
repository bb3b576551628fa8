"""Errors reach a screen reader: a field's problem and a screen's error raise an Alert when they
appear or change (WCAG 4.1.3), and not again while the same problem stays."""

import pytest
from PySide6.QtGui import QAccessible

from tests.ui.support import activate, keys
from ui.widgets import ErrorLabel, StatusLine


@pytest.fixture
def alerts(monkeypatch):
    """The widgets each Alert was raised for, as Qt's accessibility bridge receives them."""
    raised: list = []
    real = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Alert:
            raised.append(event.object())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return raised


def test_a_field_problem_is_announced_once_per_message(qtbot, alerts):
    label = ErrorLabel()
    qtbot.addWidget(label)
    label.show_message(None)
    assert alerts == []
    label.show_message("Skal udfyldes.")
    assert alerts == [label]
    assert label.accessibleDescription() == "Skal udfyldes."
    label.show_message("Skal udfyldes.")  # the same problem, still there: said once is enough
    assert alerts == [label]
    label.show_message("Datoen findes ikke.")
    assert alerts == [label, label]
    label.show_message(None)
    label.show_message("Datoen findes ikke.")  # gone and back again: said again
    assert len(alerts) == 3


def test_a_screen_error_is_announced(qtbot, alerts):
    line = StatusLine()
    qtbot.addWidget(line)
    line.ok("Gemt.")
    assert alerts == []
    line.error("Kunne ikke gemme.")
    assert alerts == [line]


def test_saving_an_empty_inquiry_announces_each_problem(qtbot, session, alerts):
    from ui.inquiries.form import InquiryForm

    form = InquiryForm(session)
    qtbot.addWidget(form)
    form.show()
    activate(qtbot, form)
    form.save()
    shown = [label for label in form.errors.values() if label.isVisible()]
    assert shown, "an empty inquiry has problems"
    assert set(alerts) == set(shown)
    before = len(alerts)
    form.pseudonym.setFocus()
    keys("A")  # typing elsewhere re-checks the form; the same problems are not said again
    assert len(alerts) == before
