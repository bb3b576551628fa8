"""The inquiry list's pages, read from the vault on the lane (the model's `PageSource`)."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from consultant_app.services.inquiry_list import (
    Cursor,
    InquiryFilter,
    InquiryQuery,
    Page,
    QueryCancelled,
    count_inquiries,
    fetch_page,
)
from ui.op import Op, in_vault
from ui.section import Session


class LanePageSource:
    def __init__(self, session: Session, owner: QObject) -> None:
        self._session = session
        self._owner = owner  # results for a deleted list are dropped
        # While the list goes to its end (Ctrl+End) it asks for bigger pages: fewer trips.
        self.least_rows = 0

    def fetch(
        self,
        query: InquiryQuery,
        after: Cursor | None,
        limit: int,
        cancelled: Callable[[], bool],
        done: Callable[[Page], None],
        failed: Callable[[Exception], None],
    ) -> None:
        limit = max(limit, self.least_rows)
        work = in_vault(self._session.vault, fetch_page, query, after, limit=limit, cancelled=cancelled)
        Op(self._owner, self._session.lane, work).success(done).failure(_unless_cancelled(failed)).run()

    def count(
        self,
        inquiry_filter: InquiryFilter,
        cancelled: Callable[[], bool],
        done: Callable[[int], None],
        failed: Callable[[Exception], None],
    ) -> None:
        work = in_vault(self._session.vault, count_inquiries, inquiry_filter, cancelled=cancelled)
        Op(self._owner, self._session.lane, work).success(done).failure(_unless_cancelled(failed)).run()


def _unless_cancelled(failed: Callable[[Exception], None]) -> Callable[[Exception], None]:
    def call(error: Exception) -> None:
        if not isinstance(error, QueryCancelled):  # stopped on purpose: nothing to report
            failed(error)

    return call
