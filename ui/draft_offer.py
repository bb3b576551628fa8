"""After unlock: "You have a draft from <date> at <time> — Continue / Discard", one at a time.

A bar at the top of the main window, not a window in the way: the user may also go on with other
work first, and the draft waits in the vault. Its buttons are in the Tab chain and take the
keyboard when the bar appears (right after unlock: nothing else is being typed yet); a screen
reader reads the offer out. Continue loads the draft (audited as a view) and asks the main
window to open its form with the text; Discard deletes it (audited).
"""

from datetime import UTC, datetime

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from consultant_app.services.drafts import DraftInfo, StoredDraft, discard_draft, list_drafts, load_draft
from ui.labels import short_date
from ui.op import vault_op
from ui.section import Session
from ui.widgets import announce


class DraftOffer(QFrame):
    resume = Signal(object)  # StoredDraft: open its form

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.drafts: list[DraftInfo] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Draft"))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.clicked.connect(self.continue_current)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.clicked.connect(self.discard_current)
        for button in (self.continue_button, self.discard_button):
            button.setAutoDefault(True)  # Enter presses the one with the focus, as in a dialog
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.continue_button)
        row.addWidget(self.discard_button)
        self.hide()

    def load(self) -> None:
        vault_op(self, self.session, list_drafts).success(self._listed).quietly().run()

    @property
    def current(self) -> DraftInfo | None:
        return self.drafts[0] if self.drafts else None

    def _listed(self, drafts: list[DraftInfo]) -> None:
        self.drafts = drafts
        self._show_current(take_focus=True)

    def _show_current(self, *, take_focus: bool = False) -> None:
        draft = self.current
        if draft is None:
            self.hide()
            return
        self.text.setText(
            self.tr("You have a draft from {when} ({form}).").format(
                when=self._when(draft), form=self._form(draft)
            )
            + (
                " " + self.tr("{count} more after this.").format(count=len(self.drafts) - 1)
                if len(self.drafts) > 1
                else ""
            )
        )
        self.text.setAccessibleName(self.text.text())
        self.show()
        if take_focus:
            self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.text)

    def _when(self, draft: DraftInfo) -> str:
        local = local_time(draft.saved_at)
        clock = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
        return self.tr("{date} at {time}").format(date=short_date(local.date()), time=clock)

    def _form(self, draft: DraftInfo) -> str:
        code = draft.case_code or ""
        if not code:  # not yet on a case
            new = {"inquiry": self.tr("new inquiry"), "follow_up": self.tr("new follow-up")}
            return new.get(draft.kind, self.tr("a form"))
        forms = {
            "inquiry": self.tr("inquiry {case}").format(case=code),
            "note": self.tr("note on {case}").format(case=code),
            "contact": self.tr("contact on {case}").format(case=code),
            "follow_up": self.tr("follow-up on {case}").format(case=code),
            "risk_assessment": self.tr("risk assessment on {case}").format(case=code),
        }
        return forms.get(draft.kind, self.tr("a form"))

    def _next(self) -> None:
        self.drafts = self.drafts[1:]
        self._show_current(take_focus=bool(self.drafts))

    def continue_current(self) -> None:
        draft = self.current
        if draft is None:
            return
        self._next()
        vault_op(self, self.session, load_draft, draft.id).success(self._loaded).run()

    def _loaded(self, stored: StoredDraft) -> None:
        self.resume.emit(stored)

    def discard_current(self) -> None:
        draft = self.current
        if draft is None:
            return
        self._next()
        vault_op(self, self.session, discard_draft, draft.id).run()


def local_time(moment: datetime) -> datetime:
    """Stored as naive UTC; shown as the wall clock here."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
