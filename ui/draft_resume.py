"""Continuing a draft typed in a dialog of a case: the case is opened and the dialog with it.

The main window continues the inquiry form itself; the dialogs opened from a case view (a note,
a contact) are opened the way the user opened them, from the case view, and then given the
draft's text and id (their save removes the draft).
"""

from PySide6.QtWidgets import QWidget

from consultant_app.services.drafts import StoredDraft
from ui.drafts import DraftDialog
from ui.inquiries.case_dialogs import ContactDialog, NoteDialog

# Draft kind -> (the dialog, the case view's method that opens it).
IN_CASE: dict[str, tuple[type[DraftDialog], str]] = {
    "note": (NoteDialog, "add_note"),
    "contact": (ContactDialog, "add_contact"),
}


def resume_in_case(window: QWidget, stored: StoredDraft) -> bool:
    """Open the draft's case in `window` (the main window) and its dialog there, with the text.
    False when the draft is of no such dialog or has no case."""
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
