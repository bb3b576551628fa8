"""The inquiry table model on its own (after Vorta): a fake page source answers when told to,
so paging, superseded queries, cancelling and sorting are checked without a database."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from consultant_app.services.inquiry_list import Cursor, InquiryFilter, InquiryQuery, InquiryRow, Page
from ui.inquiries.table_model import ID_ROLE, InquiryTableModel


def row(n: int) -> InquiryRow:
    return InquiryRow(
        id=n,
        case_code=f"2024-{n:05d}",
        external_ref=None,
        received_at=datetime(2024, 3, 5, 10, 30),
        region="syddanmark",
        municipality_code="461",
        inquirer_type="kommune",
        professional_name=f"Fagperson {n}",
        citizen_pseudonym=None,
        citizen_age_group="barn",
        trip_concern="udlandet",
        kind="forloeb",
        closed_on=date(2024, 4, 1) if n % 2 else None,
    )


class FakeSource:
    """Keeps each request until the test answers it, like the lane does."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.counts: list[dict] = []

    def fetch(self, query, after, limit, cancelled, done, failed) -> None:
        self.requests.append(
            {
                "query": query,
                "after": after,
                "limit": limit,
                "cancelled": cancelled,
                "done": done,
                "failed": failed,
            }
        )

    def count(self, inquiry_filter, cancelled, done, failed) -> None:
        self.counts.append({"filter": inquiry_filter, "cancelled": cancelled, "done": done})

    def answer(self, request: int, ids: range, more: bool) -> None:
        rows = tuple(row(n) for n in ids)
        self.requests[request]["done"](Page(rows, Cursor(None, ids[-1]) if more else None))


@pytest.fixture
def source():
    return FakeSource()


@pytest.fixture
def model(qtbot, source):
    model = InquiryTableModel(source, page_size=3)
    model.set_query(InquiryQuery())
    return model


def test_the_first_page_arrives_later_and_shows_labels(model, source):
    assert model.rowCount() == 0 and model.loading
    source.answer(0, range(1, 4), more=True)
    assert model.rowCount() == 3 and not model.loading
    assert model.columnCount() == 11
    texts = [model.index(0, c).data() for c in range(11)]
    assert texts[0] == "2024-00001"
    assert texts[2:5] == ["Syddanmark", "Odense", "Kommune"]
    assert texts[7:10] == ["Barn (0-17 år)", "I udlandet", "Rådgivningsforløb"]
    assert texts[10] == "01.04.2024"  # closed; an open one says so
    assert model.index(1, 10).data() == "Åben"
    assert model.index(2, 0).data(ID_ROLE) == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sag"


def test_more_rows_are_fetched_when_the_view_asks_and_only_then(model, source):
    assert not model.canFetchMore(QModelIndex())  # nothing to continue from yet
    source.answer(0, range(1, 4), more=True)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert source.requests[1]["after"] == Cursor(None, 3)
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    source.answer(1, range(4, 6), more=False)
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())
    assert model.row_of(5) == 4


def test_a_new_query_supersedes_the_one_in_flight(model, source):
    first_cancelled = source.requests[0]["cancelled"]
    model.set_query(InquiryQuery(InquiryFilter(region="syddanmark")))
    assert first_cancelled()  # the worker sees it and stops
    assert not source.requests[1]["cancelled"]()
    source.answer(0, range(1, 4), more=True)  # the old answer arrives late: dropped
    assert model.rowCount() == 0
    source.answer(1, range(7, 9), more=False)
    assert [model.inquiry_id(r) for r in range(2)] == [7, 8]


def test_the_count_follows_the_first_page_and_belongs_to_its_query(model, source, qtbot):
    with qtbot.waitSignal(model.first_page_arrived):
        source.answer(0, range(1, 4), more=True)
    assert len(source.counts) == 1
    with qtbot.waitSignal(model.count_changed) as counted:
        source.counts[0]["done"](42)
    assert counted.args == [42] and model.count == 42
    model.set_query(InquiryQuery(InquiryFilter(status="open")))
    source.counts[0]["done"](41)  # the old query's count
    assert model.count == -1


def test_cancel_keeps_the_rows_and_stops_paging(model, source):
    source.answer(0, range(1, 4), more=True)
    model.fetchMore(QModelIndex())
    model.cancel()
    assert source.requests[1]["cancelled"]() and not model.loading
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())


def test_sorting_by_a_header_starts_a_new_query(model, source):
    model.sort(5, Qt.SortOrder.AscendingOrder)
    query = source.requests[-1]["query"]
    assert (query.sort, query.descending) == ("professional", False)
    model.sort(5, Qt.SortOrder.AscendingOrder)  # the same again: nothing new
    assert len(source.requests) == 2
    assert model.sort_column() == 5


def test_a_failure_is_reported_in_danish(model, source, qtbot):
    from consultant_app.errors import VaultLockedError

    with qtbot.waitSignal(model.failed) as failed:
        source.requests[0]["failed"](VaultLockedError())
    assert failed.args == ["Boksen er låst."]
    assert not model.loading
