"""The Risiko screen on a real vault, with one case to assess."""

import pytest

from consultant_app.domain import Profile
from tests.ui.support import flush_deletions, seed_case
from ui.risk import editor as editor_module
from ui.risk.section import RiskSection
from ui.section import Session


@pytest.fixture
def risk_session(vault, lane):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    return Session(vault, profile, lane)


@pytest.fixture
def case(risk_session):
    return seed_case(risk_session.vault, pseudonym="A.B.")


@pytest.fixture
def yes_to_everything(monkeypatch):
    """Every confirmation answered yes; the questions asked are kept."""
    asked: list[str] = []

    def confirm(_parent, title, text):
        asked.append(f"{title}: {text}")
        return True

    monkeypatch.setattr(editor_module, "confirm", confirm)
    return asked


@pytest.fixture
def section(qtbot, risk_session):
    widget = RiskSection(risk_session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    yield widget
    widget.hide()
    flush_deletions()
