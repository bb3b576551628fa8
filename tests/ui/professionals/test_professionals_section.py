"""The Fagpersoner screen driven as a user would: search, open, edit, merge, open a case."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlalchemy import func, select

from consultant_app.domain import Contact, Professional
from ui.professionals.merge_dialog import MergeDialog
from ui.professionals.section import ProfessionalsSection
from ui.professionals.table_model import ProfessionalTableModel


def select_person(qtbot, section: ProfessionalsSection, professional_id: int) -> None:
    row = section.model.row_of(professional_id)
    rect = section.table.visualRect(section.model.index(row, 0))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: section.details.row is not None and section.details.row.id == professional_id)


def shown_names(section: ProfessionalsSection) -> list[str]:
    return [section.model.index(r, 0).data() for r in range(section.model.rowCount())]


def test_the_screen_is_danish_and_suggests_the_duplicate(section):
    assert section.title() == "Fagpersoner"
    assert section.key == "professionals"
    assert section.count.text() == "4 fagpersoner"
    assert section.banner.isVisible()
    assert "1 gruppe af fagpersoner" in section.banner_text.text()


def test_search_narrows_the_list_as_the_user_types(qtbot, section):
    qtbot.keyClicks(section.search, "østjyl")
    assert shown_names(section) == ["Bo Berg"]
    assert section.count.text() == "1 af 4"
    section.search.clear()
    qtbot.keyClicks(section.search, "ANNA@aarhus")
    assert shown_names(section) == ["Anna Æbelø", "Anna Æbelø"]


def test_choosing_a_professional_shows_every_contact_and_a_double_click_opens_the_case(
    qtbot, section, seeded
):
    ids, inquiries = seeded
    select_person(qtbot, section, ids["anna"])
    details = section.details
    assert details.name.text() == "Anna Æbelø"
    assert details.contacts_heading.text() == "Kontakter (2)"
    view, contacts = details.contacts_view, details.contacts
    assert [contacts.index(r, 2).data() for r in range(2)] == ["(ingen sag)", inquiries["first"].case_code]

    def double_click(row: int) -> None:
        rect = view.visualRect(contacts.index(row, 0))
        # QTest's double-click is the second click of a pair: the first press comes before it.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    with qtbot.waitSignal(section.open_case, timeout=1000) as opened:
        double_click(1)
    assert opened.args == [inquiries["first"].id]
    with qtbot.assertNotEmitted(section.open_case):
        double_click(0)  # a contact outside any case has nothing to open
    with qtbot.waitSignal(section.open_audit, timeout=1000) as audit:
        qtbot.mouseClick(details.audit_button, Qt.MouseButton.LeftButton)
    assert audit.args == ["professional", ids["anna"]]


def test_an_edit_is_refused_in_danish_then_stored(qtbot, section, seeded, vault):
    ids, _ = seeded
    select_person(qtbot, section, ids["bo"])
    qtbot.mouseClick(section.details.edit_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.clear()
    dialog.email.setText("bo at politi")
    dialog.phone.setText("ring efter kl. 10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible())
    assert dialog.errors["name"].text() == "Navnet skal udfyldes."
    assert dialog.errors["email"].text() == "Det ligner ikke en e-mailadresse (fx navn@kommune.dk)."
    assert dialog.errors["phone"].text().startswith("Det ligner ikke et telefonnummer (fx 12 34 56 78")
    assert dialog.isVisible()

    dialog.name.setText("Bo Bergmann")
    dialog.email.setText("bo@politi.dk")
    dialog.phone.setText("+4587130000")
    dialog.municipality.setEditText("Aarhus (751)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Bo Bergmann" in shown_names(section))
    assert section.status.text() == "Gemt: Bo Bergmann."
    with vault.session() as s:
        assert s.get(Professional, ids["bo"]).municipality_code == "751"
        assert s.get(Professional, ids["bo"]).phone == "+4587130000"  # stored as typed
    # shown in pairs once the saved row is back in the list
    qtbot.waitUntil(lambda: section.details.values["phone"].text() == "+45 87 13 00 00", timeout=3000)


def test_merging_the_suggested_duplicate_leaves_one_with_every_contact(qtbot, section, seeded, vault):
    ids, _ = seeded
    qtbot.mouseClick(section.suggestions_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.keep.checkedId() == ids["anna"]  # the oldest is suggested
    dialog.choose_keep(ids["anna2"])
    assert dialog.merge_button.text() == "&Flet 2 til én"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.model.total == 3)
    assert not dialog.isVisible()
    assert not section.banner.isVisible()
    assert section.status.text().startswith(
        "1 fagperson er flettet ind. Flyttet: 2 kontakter, 1 henvendelser"
    )
    with vault.session() as s:
        assert s.scalar(select(func.count(Professional.id)).where(Professional.name == "Anna Æbelø")) == 1
        assert set(s.scalars(select(Contact.professional_id).distinct())) == {ids["anna2"], ids["bo"]}
    qtbot.waitUntil(lambda: section.details.row is not None and section.details.row.id == ids["anna2"])
    assert section.details.contacts_heading.text() == "Kontakter (3)"


def test_selected_rows_are_merged_too(qtbot, section, seeded):
    ids, _ = seeded
    assert not section.merge_button.isEnabled()
    select_person(qtbot, section, ids["bo"])
    row = section.model.row_of(ids["soeren"])
    rect = section.table.visualRect(section.model.index(row, 0))
    qtbot.mouseClick(
        section.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    assert sorted(section.selected_ids()) == sorted([ids["bo"], ids["soeren"]])
    assert section.merge_button.isEnabled()
    assert section.details.placeholder.text().startswith("2 fagpersoner valgt")
    qtbot.mouseClick(section.merge_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert dialog.keep.checkedId() == min(ids["bo"], ids["soeren"])
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.model.total == 3)


def test_the_saved_state_is_ids_and_sorting_never_the_search(qtbot, section, seeded):
    ids, _ = seeded
    select_person(qtbot, section, ids["soeren"])
    section.table.sortByColumn(ProfessionalTableModel.CONTACTS, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(section.search, "Søren")
    state = section.state()
    assert state == {"selected": ids["soeren"], "sort": [ProfessionalTableModel.CONTACTS, 1]}
    assert "Søren" not in repr(state)
    section.restore({"selected": ids["bo"], "sort": [0, 0]})
    section.search.clear()
    qtbot.waitUntil(lambda: section.selected_ids() == [ids["bo"]])
    assert section.model.sort_order == (0, Qt.SortOrder.AscendingOrder)
    section.restore({"selected": "junk", "sort": "junk"})  # a damaged state is ignored


def test_an_ampersand_in_a_name_is_shown_in_the_merge_choices(qtbot, section, seeded, vault):
    """'Børne- & Ungeforvaltningen' on a choice lost its '&' and made the next letter an Alt key."""
    ids, _ = seeded
    with vault.session() as s:
        s.get_one(Professional, ids["anna"]).organisation_name = "Børne- & Ungeforvaltningen"
    section.activate()  # read again
    qtbot.waitUntil(
        lambda: any(r.organisation_name == "Børne- & Ungeforvaltningen" for r in section.model.rows)
    )
    qtbot.mouseClick(section.suggestions_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    qtbot.waitUntil(lambda: dialog.keep.button(ids["anna"]) is not None)
    choice = dialog.keep.button(ids["anna"])
    assert QKeySequence.mnemonic(choice.text()).isEmpty()
    assert "Børne- & Ungeforvaltningen" in choice.text().replace("&&", "&")
