"""The professionals' table adapter on its own: what it shows, search, Danish sorting."""

from datetime import datetime

from PySide6.QtCore import Qt

from consultant_app.services.professional_directory import ProfessionalRow
from ui.professionals.table_model import ID_ROLE, ProfessionalTableModel, danish_key

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def rows() -> list[ProfessionalRow]:
    def row(pid, name, organisation=None, email=None, contacts=0, last=None):
        return ProfessionalRow(pid, name, "kommune", organisation, None, email, None, contacts, last)

    return [
        row(1, "Åse Holm", "Aalborg Kommune", "aase@aalborg.dk", 3, datetime(2024, 5, 1, 9)),
        row(2, "Zakaria Ali", "Politi", None, 12, datetime(2024, 6, 1, 9)),
        row(3, "Ørn Berg", None, "oern@skole.dk", 0, None),
        row(4, "Æbelø, Anna", "Krisecenter Æblehaven", "anna@kc.dk", 7, datetime(2023, 1, 2, 9)),
        row(5, "anders And", "Børn og Unge", "anders@aarhus.dk", 1, datetime(2024, 1, 1, 9)),
    ]


def names(model: ProfessionalTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_model_passes_qts_own_checks(qtmodeltester):
    model = ProfessionalTableModel()
    model.set_rows(rows())
    qtmodeltester.check(model)


def test_the_danish_alphabet_ends_with_ae_oe_aa():
    assert sorted(["Åse", "Ørn", "Zakaria", "Æbelø", "anders"], key=danish_key) == [
        "anders",
        "Zakaria",
        "Æbelø",
        "Ørn",
        "Åse",
    ]


def test_shows_names_organisations_counts_and_the_id_for_the_screen():
    model = ProfessionalTableModel()
    model.set_rows(rows())
    assert model.columnCount() == 6
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Navn"  # Danish, as the user sees it
    first = model.row_of(1)
    assert model.index(first, ProfessionalTableModel.ORGANISATION).data() == "Aalborg Kommune"
    assert model.index(first, ProfessionalTableModel.CONTACTS).data() == "3"
    assert model.index(first, ProfessionalTableModel.LAST_CONTACT).data() == "01.05.2024"
    assert model.index(model.row_of(3), ProfessionalTableModel.LAST_CONTACT).data() == ""
    assert model.index(first, 0).data(ID_ROLE) == 1


def test_search_filters_on_name_email_or_organisation_and_forgets_nothing():
    model = ProfessionalTableModel()
    model.set_rows(rows())
    model.set_filter("æble")
    assert names(model) == ["Æbelø, Anna"]
    model.set_filter("aarhus")  # the e-mail
    assert names(model) == ["anders And"]
    model.set_filter("BØRN unge")
    assert names(model) == ["anders And"]
    model.set_filter("nobody")
    assert names(model) == []
    model.set_filter("")
    assert model.rowCount() == model.total == 5


def test_sorting_by_each_column_keeps_empty_values_last():
    model = ProfessionalTableModel()
    model.set_rows(rows())
    assert names(model) == ["anders And", "Zakaria Ali", "Æbelø, Anna", "Ørn Berg", "Åse Holm"]
    model.sort(ProfessionalTableModel.NAME, DESC)
    assert names(model) == ["Åse Holm", "Ørn Berg", "Æbelø, Anna", "Zakaria Ali", "anders And"]
    model.sort(ProfessionalTableModel.CONTACTS, DESC)
    assert names(model)[:2] == ["Zakaria Ali", "Æbelø, Anna"]
    model.sort(ProfessionalTableModel.LAST_CONTACT, ASC)
    assert names(model) == ["Æbelø, Anna", "anders And", "Åse Holm", "Zakaria Ali", "Ørn Berg"]
    model.sort(ProfessionalTableModel.EMAIL, DESC)
    assert names(model)[-1] == "Zakaria Ali"  # no e-mail: last either way
    model.set_filter("an")  # a search keeps the order
    assert model.sort_order == (ProfessionalTableModel.EMAIL, DESC)
    assert names(model) == ["Æbelø, Anna", "anders And"]
