"""Continuing a draft typed in a dialog of a case: the case is opened and the dialog with it.

The main window continues the inquiry form itself; the dialogs opened from a case view (a note,
a contact) are opened the way the user opened them, from the case view, and then given the
draft's text and id (their save removes the draft). A follow-up opens over the main window, on
the follow-up it was changing (read again) or as a new one; a risk assessment in its editor on
the risk screen, with the draft over what is stored.
"""

from PySide6.QtWidgets import QWidget

from consultant_app.followups import FollowUpRow
from consultant_app.followups.service import get_follow_up
from consultant_app.services.drafts import StoredDraft
from ui.drafts import DraftDialog
from ui.followups.dialogs import FollowUpDialog
from ui.inquiries.case_dialogs import ContactDialog, NoteDialog
from ui.op import vault_op

# Draft kind -> (the dialog, the case view's method that opens it).
IN_CASE: dict[str, tuple[type[DraftDialog], str]] = {
    "note": (NoteDialog, "add_note"),
    "contact": (ContactDialog, "add_contact"),
}


def resume_in_case(window: QWidget, stored: StoredDraft) -> bool:
    """Open the draft's case in `window` (the main window) and its dialog there, with the text.
    False when the draft is of no such dialog or has no case."""
    if stored.info.kind == "follow_up":
        resume_follow_up(window, stored)
        return True
    if stored.info.kind == "risk_assessment" and stored.info.record_id is not None:
        window.show_section("risk")  # type: ignore[attr-defined]  # the main window's
        risk = window.section("risk")  # type: ignore[attr-defined]
        risk.open_assessment(stored.info.record_id)
        risk.editor.draft_id = stored.info.id
        risk.editor.restore_draft(stored.content)  # shown once the assessment has loaded
        return True
    found = IN_CASE.get(stored.info.kind)
    inquiry_id = stored.info.inquiry_id
    if found is None or inquiry_id is None:
        return False
    dialog_type, opener = found
    window.open_case(inquiry_id)  # type: ignore[attr-defined]  # the main window's
    view = window.case_view  # type: ignore[attr-defined]
    getattr(view, opener)()
    dialog = view.findChildren(dialog_type)[-1]  # the one just opened
    dialog.draft_id = stored.info.id
    dialog.restore_draft(stored.content)
    return True


def resume_follow_up(window: QWidget, stored: StoredDraft) -> None:
    session = window.session  # type: ignore[attr-defined]  # the main window's

    def open_on(row: FollowUpRow | None) -> None:
        dialog = FollowUpDialog(
            session,
            row,
            inquiry_id=stored.info.inquiry_id if row is None else None,
            case_code=stored.info.case_code or "",
            parent=window,
        )
        dialog.draft_id = stored.info.id
        dialog.restore_draft(stored.content)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    if stored.info.record_id is None:
        open_on(None)
    else:  # the follow-up as it is now, with the draft's changes over it
        vault_op(window, session, get_follow_up, stored.info.record_id).success(open_on).run()
