"""The audit table adapter on its own: labels in Danish, and the next page asked for lazily."""

from datetime import datetime

from PySide6.QtCore import Qt

from consultant_app.services.audit_log import AuditRow
from ui.audit.table_model import AuditTableModel


def page(first_id: int, count: int) -> list[AuditRow]:
    return [
        AuditRow(i, datetime(2024, 3, 1, 12), "view", "inquiry", 42, None, "2024-00042")
        for i in range(first_id, first_id - count, -1)
    ]


def test_the_model_passes_qts_own_checks(qtmodeltester):
    model = AuditTableModel()
    model.set_rows([*page(10, 3), AuditRow(1, datetime(2024, 1, 1), "export", "inquiry", None, "n=3")], False)
    qtmodeltester.check(model)


def test_rows_read_in_danish():
    model = AuditTableModel()
    rows = [
        AuditRow(3, datetime(2024, 3, 1, 12), "view", "inquiry", 42, None, "2024-00042"),
        AuditRow(2, datetime(2024, 3, 1, 12), "export", "inquiry", None, "inquiries=3 format=interchange-v1"),
        AuditRow(1, datetime(2024, 3, 1, 12), "update", "professional", 7, "email,name"),
    ]
    model.set_rows(rows, has_more=False)
    cells = [[model.index(r, c).data() for c in range(1, 5)] for r in range(3)]
    assert cells == [
        ["Vist", "Henvendelse", "2024-00042", ""],
        # The stored detail is language-free; the table says it in words (#14.9).
        ["Eksporteret", "Henvendelse", "alle", "3 henvendelser, udvekslingsfil"],
        ["Ændret", "Fagperson", "7", "E-mail, Navn"],
    ]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Tidspunkt"


def test_the_next_page_is_asked_for_once_and_appended(qtbot):
    model = AuditTableModel()
    model.set_rows(page(500, 200), has_more=True)
    assert model.canFetchMore()
    with qtbot.waitSignal(model.more_wanted) as wanted:
        model.fetchMore()
    assert wanted.args == [301]  # older than the oldest shown
    assert not model.canFetchMore()  # one request at a time
    model.append_rows(page(300, 200), has_more=True)
    assert model.rowCount() == 400 and model.canFetchMore()
    model.fetchMore()
    model.append_rows(page(100, 100), has_more=False)
    assert model.rowCount() == 500 and not model.canFetchMore()
    model.set_rows([], has_more=False)
    assert not model.canFetchMore()
