"""Every contact with one professional, newest first: when, how, and in which case."""

from PySide6.QtCore import QObject, Qt

from consultant_app.services.professional_directory import ContactRow
from ui.labels import label, short_datetime
from ui.table_model import Column, RecordTableModel

INQUIRY_ROLE = Qt.ItemDataRole.UserRole  # the inquiry id, or None for a contact outside a case


class ContactTableModel(RecordTableModel[ContactRow]):
    WHEN, CHANNEL, CASE, WHAT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = (
            Column(self.tr("Date"), lambda r: short_datetime(r.occurred_at), tip=self._tip),
            Column(self.tr("Channel"), lambda r: label("channel", r.channel), tip=self._tip),
            Column(self.tr("Case"), lambda r: r.case_code or self.tr("(no case)"), tip=self._tip),
            Column(
                self.tr("Kind"),
                lambda r: self.tr("Inquiry received") if r.is_intake else self.tr("Contact"),
                tip=self._tip,
            ),
        )

    def _tip(self, row: ContactRow) -> str:
        if row.inquiry_id is None:
            return self.tr("This contact is not part of a case.")
        return self.tr("Double-click to open case {case}.").format(case=row.case_code)

    def role_data(self, row: ContactRow, column: int, role: int) -> object:
        return row.inquiry_id if role == INQUIRY_ROLE else None
