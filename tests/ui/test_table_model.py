"""The list screens' one table model on its own: columns say what a cell shows; rows replace,
append, re-order; a paging model is asked for more only when it says there is more."""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView

from ui.table_model import RIGHT, Column, RecordTableModel

Role = Qt.ItemDataRole


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    note: str | None
    contacts: int


BOLD = QFont()
BOLD.setBold(True)


def people_model() -> RecordTableModel[Person]:
    return RecordTableModel(
        (
            Column("Navn", lambda p: p.name, tip=True),
            Column("Note", lambda p: p.note or "", tip=lambda p: f"Om {p.name}" if p.note else None),
            Column(
                "Kontakter",
                lambda p: str(p.contacts),
                align=RIGHT,
                header_align=RIGHT,
                font=lambda p: BOLD if p.contacts > 2 else None,
            ),
        )
    )


ANNA, BO = Person(1, "Anna Æbelø", "skolen", 3), Person(2, "Bo Berg", None, 1)


def test_columns_give_text_tooltip_alignment_and_font(qapp):
    model = people_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([ANNA, BO])
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no row has children
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(3)] == ["Navn", "Note", "Kontakter"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(2, Qt.Orientation.Horizontal, Role.TextAlignmentRole) == RIGHT
    assert model.headerData(0, Qt.Orientation.Horizontal, Role.TextAlignmentRole) is None
    assert [model.index(0, c).data() for c in range(3)] == ["Anna Æbelø", "skolen", "3"]
    assert model.index(1, 1).data() == ""
    assert model.index(0, 0).data(Role.ToolTipRole) == "Anna Æbelø"  # tip=True: its own text
    assert model.index(0, 1).data(Role.ToolTipRole) == "Om Anna Æbelø"
    assert model.index(1, 1).data(Role.ToolTipRole) is None
    assert model.index(0, 2).data(Role.ToolTipRole) is None  # no tip asked for
    assert model.index(0, 2).data(Role.TextAlignmentRole) == RIGHT
    assert model.index(0, 0).data(Role.TextAlignmentRole) is None
    assert model.index(0, 2).data(Role.FontRole).bold()
    assert model.index(1, 2).data(Role.FontRole) is None
    assert model.index(0, 0).data(Role.UserRole) is None  # no extra role unless a model adds one
    assert model.data(QModelIndex()) is None


def test_texts_are_made_once_per_row_not_per_paint(qapp):
    calls: list[int] = []

    def name(p: Person) -> str:
        calls.append(p.id)
        return p.name

    model: RecordTableModel[Person] = RecordTableModel((Column("Navn", name),))
    model.set_rows([ANNA, BO])
    for _ in range(5):
        model.index(0, 0).data()
    assert calls == [1, 2]
    assert model.text(1, 0) == "Bo Berg"


def test_append_inserts_at_the_end_and_rearrange_keeps_the_view_selection(qtbot):
    model = people_model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_rows([ANNA])
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.append_rows([BO, Person(3, "Cia", None, 0)])
    model.append_rows([])  # nothing: no signal
    assert inserted == [(1, 2)]
    assert [model.row_at(n).id for n in range(3)] == [1, 2, 3]
    assert model.rows == (ANNA, BO, model.row_at(2))
    assert model.find(lambda p: p.name == "Bo Berg") == 1 and model.find(lambda p: p.id == 9) is None

    cia = model.row_at(2)
    view.selectRow(1)  # Bo
    model._rearrange([BO, cia, ANNA])
    assert [model.index(n, 0).data() for n in range(3)] == ["Bo Berg", "Cia", "Anna Æbelø"]
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(i.row()) for i in selected] == [BO]  # followed Bo from row 1 to row 0
    assert model.row_at(view.currentIndex().row()) == BO
    model._rearrange([cia, ANNA])  # Bo filtered out: nothing chosen, no stale row
    assert view.selectionModel().selectedRows() == []


def test_a_removed_row_moves_the_current_one_to_a_neighbour(qtbot):
    model = people_model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    cia = Person(3, "Cia", None, 0)
    model.set_rows([ANNA, BO, cia])
    view.setCurrentIndex(model.index(0, 0))
    model.remove_row(0)
    assert model.rows == (BO, cia) and model.text(1, 0) == "Cia"
    assert model.row_at(view.currentIndex().row()) == BO  # the first gone: the next is current
    view.setCurrentIndex(model.index(1, 0))
    model.remove_row(1)
    assert model.rows == (BO,) and model.row_at(view.currentIndex().row()) == BO  # the last: the one above


def test_new_columns_with_new_rows(qapp):
    model = people_model()
    model.set_rows([ANNA])
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_columns([Column("Id", lambda p: str(p.id))], [BO])
    assert resets == [True]
    assert (model.columnCount(), model.index(0, 0).data()) == (1, "2")


class Paged(RecordTableModel[Person]):
    """Hands out a page of one person each time it is asked, until the last."""

    def __init__(self, people: list[Person]) -> None:
        super().__init__((Column("Navn", lambda p: p.name),))
        self.waiting = list(people)
        self.asked = 0
        self.busy = False

    def _can_load_more(self) -> bool:
        return bool(self.waiting) and not self.busy

    def _load_more(self) -> None:
        self.asked += 1
        self.busy = True

    def deliver(self) -> None:
        self.busy = False
        self.append_rows([self.waiting.pop(0)])


def test_paging_asks_only_when_there_is_more_and_nothing_is_on_its_way(qapp):
    model = Paged([ANNA, BO])
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # the page is on its way: not asked again
    assert model.asked == 1 and not model.canFetchMore()
    model.deliver()
    assert model.canFetchMore() and not model.canFetchMore(model.index(0, 0))  # rows have no children
    model.fetchMore()
    model.deliver()
    assert model.asked == 2 and model.rowCount() == 2
    assert not model.canFetchMore()
    model.fetchMore()
    assert model.asked == 2


def test_base_model_never_pages(qapp):
    model = people_model()
    assert not model.canFetchMore()
    model.fetchMore()  # a no-op
    assert model.rowCount() == 0
