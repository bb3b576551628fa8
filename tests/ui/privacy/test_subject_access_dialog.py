"""The subject-access dialog: find the citizen by pseudonym, save one file, and be told plainly
that it is not encrypted."""

import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from consultant_app.domain import Citizen, Profile
from tests.consultant_app.services import people_data as people
from ui.privacy.subject_access_dialog import SubjectAccessDialog
from ui.section import Session


@pytest.fixture
def citizens(vault):
    with vault.session() as s:
        pro = people.professional(s, "Anna Æbelø")
        twins = [Citizen(pseudonym="A.K."), Citizen(pseudonym="A.K.")]
        s.add_all([*twins, Citizen(pseudonym="Ung pige M.")])
        s.flush()
        case = people.inquiry(
            s, pro.id, received=datetime(2024, 3, 1, 9), citizen_id=twins[1].id, notes="Hemmelig"
        )
    return twins, case


@pytest.fixture
def dialog(vault, lane, qtbot, citizens):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    widget = SubjectAccessDialog(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.citizens.count() == 3)
    return widget


def items(dialog: SubjectAccessDialog) -> list[str]:
    return [dialog.citizens.item(r).text() for r in range(dialog.citizens.count())]


def test_the_dialog_says_plainly_that_the_file_is_not_encrypted(dialog):
    assert dialog.windowTitle() == "Indsigt (databeskyttelsesforordningens art. 15)"
    warning = dialog.warning.findChild(QLabel).text()
    assert "Filen er IKKE krypteret og indeholder personoplysninger" in warning
    assert "pres fra andre" in warning
    assert dialog.warning.isVisible()
    assert not dialog.save_button.isEnabled()  # nobody chosen yet


def test_citizens_with_the_same_initials_are_told_apart_by_their_cases(qtbot, dialog, citizens):
    twins, case = citizens
    qtbot.keyClicks(dialog.search, "a.k")
    qtbot.waitUntil(lambda: dialog.citizens.count() == 2)
    assert items(dialog) == ["A.K. – ingen henvendelser", f"A.K. – 1 henvendelse: {case.case_code}"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, case.case_code)
    qtbot.waitUntil(lambda: dialog.citizens.count() == 1)
    assert dialog.chosen_id() == twins[1].id  # one found: chosen
    qtbot.keyClicks(dialog.search, "9")
    qtbot.waitUntil(lambda: dialog.citizens.count() == 0)
    assert dialog.status.text() == "Ingen borger har et pseudonym som det."


def test_saving_writes_one_file_of_the_chosen_citizen(qtbot, dialog, citizens, tmp_path, monkeypatch):
    twins, case = citizens
    qtbot.keyClicks(dialog.search, case.case_code)
    qtbot.waitUntil(lambda: dialog.chosen_id() == twins[1].id)
    asked = []
    monkeypatch.setattr(
        dialog, "ask_path", lambda suggested: asked.append(suggested) or str(tmp_path / "svar")
    )
    dialog.as_json.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith(f"indsigt-borger-{twins[1].id}-") and asked[0].endswith(".json")
    path = tmp_path / "svar.json"  # the chosen format's suffix is added
    assert saved.args == [str(path)]
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["borger"]["id"] == twins[1].id
    assert [h["noter"] for h in report["henvendelser"]] == ["Hemmelig"]
    assert dialog.status.text() == f"Gemt i {path}. Husk: filen er ikke krypteret."


def test_a_cancelled_save_writes_nothing(qtbot, dialog, tmp_path, monkeypatch):
    dialog.citizens.setCurrentRow(0)
    monkeypatch.setattr(dialog, "ask_path", lambda suggested: "")
    with qtbot.assertNotEmitted(dialog.exported, wait=200):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.md")) == []
