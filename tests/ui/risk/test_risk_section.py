"""The Risiko screen: start a draft on a case, rate, save, finalise, read-only, revise."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from consultant_app.risk import get_assessment, list_assessments
from tests.ui.support import cell
from tests.ui.support import rows as row_count
from ui.risk.editor import AssessmentEditor

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QAbstractButton)
CTRL = Qt.KeyboardModifier.ControlModifier


def wait_idle(qtbot, editor: AssessmentEditor) -> None:
    qtbot.waitUntil(lambda: editor.loaded is not None and not editor.busy, timeout=5_000)


def start(qtbot, section, case_code: str, instrument_id: str) -> AssessmentEditor:
    section.case_code.setText(case_code)
    section.instrument.setCurrentIndex(section.instrument.findData(instrument_id))
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.editor is not None, timeout=5_000)
    wait_idle(qtbot, section.editor)
    return section.editor


def choose(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_an_unknown_case_code_is_refused_in_danish(qtbot, section, case):
    section.case_code.setText("2020-99999")
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.error.isVisible(), timeout=5_000)
    assert section.error.text() == "Sagen '2020-99999' findes ikke i boksen."
    assert section.editor is None


def test_draft_rated_saved_finalised_then_read_only_and_revised(
    qtbot, section, case, risk_session, yes_to_everything
):
    editor = start(qtbot, section, case.case_code, "sk-spj")
    assert editor.title.text() == f"Risikovurdering {case.case_code} (udkast)"
    assert editor.save_button.isEnabled() and not editor.revise_button.isVisible()

    # Rate two factors and save with Ctrl+S.
    rows = editor.form.factors.rows
    choose(rows["A1"].now, "ja")
    choose(rows["A1"].earlier, "delvist")
    rows["A1"].note.setText("Trusler via sms")
    choose(rows["A2"].now, "nej")
    editor.form.sources.setPlainText("Samtale med borgeren")
    editor.setFocus()
    qtbot.keyClick(editor.form.sources, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor.message.text() == "Udkastet er gemt.", timeout=5_000)
    with risk_session.vault.session() as s:
        saved = get_assessment(s, editor.assessment_id).content
    assert saved.rating("A1").now == "ja" and saved.rating("A1").earlier == "delvist"
    assert saved.rating("A1").note == "Trusler via sms" and saved.sources == "Samtale med borgeren"

    # Finalising with factors unrated: refused, the core's problems shown in Danish.
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text().startswith("Endnu ikke klar"), timeout=5_000)
    message = editor.message.text()
    assert "er ikke vurderet (brug 'ukendt', hvis det ikke vides)" in message
    assert "Risiko for alvorlig vold: skal udfyldes" in message
    assert "Næste revurdering: skal udfyldes" in message
    assert "A3" in message and "A1," not in message
    assert rows["A3"].now.styleSheet() and not rows["A1"].now.styleSheet()  # the missing are marked
    assert yes_to_everything == []  # nothing asked while something is missing

    # Fill in the rest and finalise.
    for row in list(editor.form.factors.rows.values()) + list(editor.form.judgement.protective.rows.values()):
        if row.now.code() is None:
            choose(row.now, "ukendt")
    choose(editor.form.judgement.serious, "hoej")
    choose(editor.form.judgement.imminent, "moderat")
    editor.form.next_review.check.setChecked(True)
    editor.form.measures.add_button.click()
    editor.form.measures.rows[0].action.setText("Sikkerhedsplan med skolen")
    editor.form.measures.rows[0].responsible.setText("Skolens AKT-lærer")
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.read_only and not editor.busy, timeout=5_000)
    assert len(yes_to_everything) == 1 and yes_to_everything[0].startswith("Afslut vurderingen")
    first_id = editor.assessment_id

    # Read-only: every input disabled, Revise offered instead of Save and Finalise.
    assert editor.title.text() == f"Risikovurdering {case.case_code}"
    inputs = [
        w for w in editor.body.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisibleTo(editor.body)
    ]
    assert len(inputs) > 40 and not [w for w in inputs if w.isEnabled()]
    assert not editor.save_button.isEnabled() and not editor.finalise_button.isEnabled()
    assert editor.revise_button.isVisible() and editor.revise_button.isEnabled()
    editor.save()  # Ctrl+S does nothing on a finalised one
    qtbot.mouseClick(editor.revise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.assessment_id != first_id and not editor.busy, timeout=5_000)

    # Revise: a new draft linked to the finalised one, the answers copied.
    revised = editor.loaded.assessment
    assert revised.previous_id == first_id and not revised.is_finalised
    assert (
        editor.form.factors.rows["A1"].now.code() == "ja" and editor.form.factors.rows["A1"].now.isEnabled()
    )
    assert editor.form.previous_label.text().startswith(f"Nr. {first_id} af ")
    choose(editor.form.factors.rows["A2"].now, "ja")
    editor.save()
    qtbot.waitUntil(lambda: editor.message.text() == "Udkastet er gemt.", timeout=5_000)
    history = [cell(editor.form.history, n, 0) for n in range(row_count(editor.form.history))]
    assert len(history) == 2 and "A2 Fysisk vold: fra Nej til Ja (op)" in history[1]
    assert "(denne)" in history[1] and "(denne)" not in history[0]  # the one shown is marked

    # Enter on the first line of the history opens the finalised one.
    lines = editor.form.history
    lines.activated.emit(lines.model().index(0, 0))
    qtbot.waitUntil(lambda: editor.assessment_id == first_id and not editor.busy, timeout=5_000)
    assert editor.read_only and "(denne)" in cell(lines, 0, 0)

    # Back in the list: both, newest first, the draft and the finalised one.
    qtbot.keyClick(editor.form.factors.rows["A1"].note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: section.editor is None and row_count(section.table) == 2, timeout=5_000)
    statuses = {cell(section.table, n, 3) for n in range(2)}
    assert statuses == {"Udkast", "Afsluttet"}
    assert "Risiko for alvorlig vold: Høj · Umiddelbar risiko: Moderat" in [
        cell(section.table, n, 4) for n in range(2)
    ]
    with risk_session.vault.session() as s:
        assert [r.previous_id for r in list_assessments(s)] == [None, first_id]


def test_a_checklist_counts_live_and_an_override_needs_a_reason(qtbot, section, case, yes_to_everything):
    editor = start(qtbot, section, case.case_code, "sk-screening")
    assert editor.form.judgement is None and editor.form.screening is not None
    for item_id in ("S1", "S2", "S3", "S4", "S5"):
        choose(editor.form.factors.rows[item_id].now, "ja")
    assert editor.form.screening.count_label.text() == "5 af 12"
    assert editor.form.screening.band_label.text() == "Moderat (4–7 ja-svar)"
    assert editor.form.screening.result_label.text() == "<b>Moderat</b>"
    choose(editor.form.screening.override, "hoej")
    assert (
        editor.form.screening.result_label.text() == "<b>Høj</b>"
        and editor.form.screening.reason_hint.isVisible()
    )
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text().startswith("Endnu ikke klar"), timeout=5_000)
    assert "Begrundelse: en fravigelse af screeningsresultatet skal begrundes" in editor.message.text()
    assert "Svar – S6, S7" in editor.message.text()
    editor.form.screening.override_reason.setText("Konkret trussel i weekenden")
    assert not editor.form.screening.reason_hint.isVisible()
