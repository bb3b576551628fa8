"""The audit log as a table that loads itself a page at a time as the user scrolls.

Qt asks `canFetchMore`/`fetchMore` when the view nears the end; the model then asks for the next
page with `more_wanted(before_id)` and the screen answers, later, with `append_rows`. The model
never touches the vault itself, so it can be tested on its own.
"""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from consultant_app.services.audit_detail import describe
from consultant_app.services.audit_log import AuditRow, action_label, entity_label
from ui.labels import short_datetime
from ui.table_model import Column, RecordTableModel


class AuditTableModel(RecordTableModel[AuditRow]):
    WHEN, ACTION, RECORD, RECORD_ID, DETAIL = range(5)
    more_wanted = Signal(int)  # the id of the oldest row shown: load what is older

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._has_more = False
        self._fetching = False
        self.columns = (
            Column(self.tr("Time"), lambda r: short_datetime(r.local_at), tip=True),
            Column(self.tr("Action"), lambda r: action_label(r.action), tip=True),
            Column(self.tr("Record"), lambda r: entity_label(r.entity), tip=True),
            Column(self.tr("Id or case"), self._record_id, tip=True),
            Column(self.tr("Details"), lambda r: describe(r.action, r.detail), tip=True),
        )

    def _record_id(self, row: AuditRow) -> str:
        if row.entity_id is None:
            return self.tr("all") if row.entity else ""
        return row.case_code or str(row.entity_id)

    # --- loading --------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[AuditRow], has_more: bool = False) -> None:
        self._has_more = has_more
        self._fetching = False
        super().set_rows(rows)

    def append_rows(self, rows: Sequence[AuditRow], has_more: bool = False) -> None:
        self._fetching = False
        self._has_more = has_more
        super().append_rows(rows)

    def fetch_failed(self) -> None:
        self._fetching = False
        self._has_more = False  # no endless retries; a reload starts again

    def _can_load_more(self) -> bool:
        return self._has_more and not self._fetching and self.rowCount() > 0

    def _load_more(self) -> None:
        self._fetching = True
        self.more_wanted.emit(self.row_at(self.rowCount() - 1).id)

    @property
    def has_more(self) -> bool:
        return self._has_more
