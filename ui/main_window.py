"""The main window: navigation on the left, the chosen screen (or one case) on the right.

It builds the screens of `navigation.SECTIONS` when the vault is unlocked, hands each the
`Session`, and owns what belongs to the whole window: New inquiry (Ctrl+N), Find (Ctrl+F), the
case view, and locking — on Ctrl+L, after the idle time, and when the operating system locks the
session. Locking hides every window at once, then disposes the vault on the lane; the desktop
destroys this window, and with it every widget that showed case data. `last_state` (which
screen, filters, selection, open case: ids and codes, never case text) lets the next window
return to the same place.
"""

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.domain import Profile
from consultant_app.i18n import current_language
from consultant_app.services.case_actions import SavedCase
from consultant_app.services.drafts import DraftToSave, StoredDraft, save_drafts
from consultant_app.services.vault_admin import backup_if_due
from consultant_app.storage.vault import Vault
from ui.draft_offer import DraftOffer
from ui.draft_resume import resume_in_case
from ui.drafts import collect_drafts
from ui.error_report import add_help_menu
from ui.followups.reminder import FollowUpReminder
from ui.idle import IdleWatcher, LockKey
from ui.idle_notice import IdleNotice
from ui.inquiries.case_view import CaseView
from ui.inquiries.form import InquiryForm
from ui.interchange.export_dialog import ExportDialog
from ui.interchange.import_dialog import ImportDialog
from ui.navigation import SECTIONS
from ui.preferences import remember_geometry, restore_geometry
from ui.section import Section, Session
from ui.sync.section import SyncSection
from ui.system_lock import SystemLockWatcher
from ui.widgets import shortcut_text

NAV_WIDTH = 200
BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly: is the last good automatic backup a day old?
BACKGROUND_SYNC_MS = 15 * 60 * 1000
FIRST_BACKGROUND_SYNC_MS = 30 * 1000  # soon after unlocking, once the first screen has its data
log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    locked = Signal()  # the vault is locked: show the unlock dialog
    closed = Signal()  # the vault is locked and the user is done: the application may end
    language_changed = Signal(str)  # the profile's language changed: rebuild in it
    reopened = Signal(object, str)  # a backup was restored into the open vault: a new session on it

    def __init__(
        self,
        session: Session,
        state: dict | None = None,
        sections: tuple[type[Section], ...] = SECTIONS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._locking = False
        self._finished = False
        self.switching = False  # locked to open another vault (Boks → Open another vault)
        self.last_state: dict = {}
        self.case_view: CaseView | None = None

        self.setWindowTitle(self.tr("Security consultant"))
        restore_geometry(self, 1280, 720)  # fits a 1366×768 laptop screen the first time
        self.sections = [cls(session) for cls in sections]
        self.stack = QStackedWidget()
        for section in self.sections:
            section.open_case.connect(self.open_case)
            self.stack.addWidget(section)
            # Optional signals a screen may have: the settings' saved profile, a record's audit log.
            if (saved := getattr(section, "profile_saved", None)) is not None:
                saved.connect(self._profile_saved)
            if (audit := getattr(section, "open_audit", None)) is not None:
                audit.connect(self.open_audit)
            if (restored := getattr(section, "vault_restored", None)) is not None:
                restored.connect(self.reopened)
        self._build_actions()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._navigation_panel(session.profile))
        # Drafts kept at the last lock are offered above whatever screen is showing.
        self.draft_offer = DraftOffer(session)
        self.draft_offer.resume.connect(self.resume_draft)
        right = QVBoxLayout()
        right.addWidget(self.draft_offer)
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(central)
        self.statusBar()

        self.idle = IdleWatcher(session.profile.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.idle_notice = IdleNotice(self)  # a minute before: "Stay" keeps the app unlocked
        self.lock_key = LockKey(self.lock_action.shortcut(), self)  # Ctrl+L in a form, too
        self.lock_key.pressed.connect(self.lock)
        self.idle.warning.connect(self.idle_notice.warn)
        self.idle.resumed.connect(self.idle_notice.withdraw)
        self.idle_notice.stay.connect(self.idle.restart)
        self.system_lock = SystemLockWatcher(self)
        self.system_lock.away.connect(self.lock)
        self.reminder = FollowUpReminder(session, self)
        # At least one automatic backup a day while in use (storage/auto_backup.py); the ones
        # for changes are written at lock and at exit.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.daily_backup)
        self.backup_timer.start()
        # The session's timers live here, with the session, not in a screen: background sync
        # every 15 minutes, and once shortly after unlocking.
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(BACKGROUND_SYNC_MS)
        self.sync_timer.timeout.connect(self.background_sync)
        self.sync_timer.start()
        QTimer.singleShot(FIRST_BACKGROUND_SYNC_MS, self, self.background_sync)
        self.reminder.open_requested.connect(lambda: self.show_section("followups"))
        self.restore(state or {})
        self.draft_offer.load()

    @property
    def vault(self) -> Vault:
        return self.session.vault

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, shortcut, slot) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(f"{text.replace('&', '')} ({shortcut_text(shortcut)})")
            act.triggered.connect(slot)
            return act

        self.new_action = action(self.tr("&New inquiry"), QKeySequence.StandardKey.New, self.new_inquiry)
        self.find_action = action(self.tr("&Find case"), QKeySequence.StandardKey.Find, self.find_case)
        self.lock_action = action(self.tr("&Lock"), Qt.Modifier.CTRL | Qt.Key.Key_L, self.lock)
        self.lock_action.setToolTip(
            self.tr("Lock the vault ({shortcut})").format(shortcut=shortcut_text(self.lock_action.shortcut()))
        )
        quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        self._build_vault_menu(quit_action)
        case_menu = self.menuBar().addMenu(self.tr("&Inquiries"))
        case_menu.addActions([self.new_action, self.find_action])
        self._add_interchange_actions(case_menu)
        go_menu = self.menuBar().addMenu(self.tr("&Go to"))
        for number, section in enumerate(self.sections, start=1):
            go = action(section.title(), _number_shortcut(number), self._show_by_action)
            go.setData(section.key)
            go_menu.addAction(go)
        self.report_action = add_help_menu(self, self.session.lane)

        toolbar = self.addToolBar(self.tr("Vault"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.find_action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)

    def _add_interchange_actions(self, menu: QMenu) -> None:
        """Importér… and Eksportér… of inquiry files (ui/interchange/), at the end of the menu."""

        def opener(dialog_class: Callable[[Session, QWidget], QDialog]) -> Callable[[], None]:
            def open_dialog() -> None:
                dialog = dialog_class(self.session, self)
                dialog.finished.connect(self._form_closed)
                if isinstance(dialog, ImportDialog):  # the screen behind shows what came in
                    dialog.imported.connect(lambda _summary: self.current_section.activate())
                dialog.open()

            return open_dialog

        menu.addSeparator()
        self.import_action = menu.addAction(self.tr("&Import…"), opener(ImportDialog))
        self.export_action = menu.addAction(self.tr("&Export…"), opener(ExportDialog))

    def _build_vault_menu(self, quit_action: QAction) -> None:
        """Boks: the vault's own care (ui/vault/), then locking and quitting. A restored vault
        starts a new session (`reopened`); another vault is chosen after this one is locked."""
        from ui.vault.menu import VaultActions

        menu = self.menuBar().addMenu(self.tr("&Vault"))
        self.vault_actions = VaultActions(self, lambda: self.session)
        self.vault_actions.add_to(menu)
        self.vault_actions.restored.connect(self.reopened)
        self.vault_actions.switch_requested.connect(self.switch_vault)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def switch_vault(self) -> None:
        self.switching = True  # the desktop asks for the other vault once this one is locked
        self.lock()

    def _navigation_panel(self, profile: Profile) -> QWidget:
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        for number, section in enumerate(self.sections, start=1):
            self.nav.addItem(section.title())
            shortcut = _number_shortcut(number)
            self.nav.item(number - 1).setToolTip(
                f"{section.title()} ({shortcut})" if shortcut else section.title()
            )
        font = QFont(self.nav.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setSpacing(3)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(lambda _item: self._nav_changed(self.nav.currentRow()))

        self.name_label = QLabel(profile.name)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        self.name_label.setFont(bold)
        team = load_codes()["team"].label(profile.team)
        self.team_label = QLabel(self.tr("Team: {team}").format(team=team))

        panel = QWidget()
        panel.setFixedWidth(NAV_WIDTH)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.nav, 1)
        column.addWidget(self.name_label)
        column.addWidget(self.team_label)
        return panel

    # --- moving around ----------------------------------------------------------------------

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def current_section(self) -> Section:
        return self.sections[max(self.nav.currentRow(), 0)]

    def show_section(self, key: str, *, focus: bool = True) -> None:
        section = self.section(key) or self.sections[0]
        self._close_case_view()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.sections.index(section))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(section)
        self._share_find_key(section)
        section.activate()
        if focus:
            section.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _share_find_key(self, section: Section) -> None:
        """Ctrl+F finds a case, unless the screen showing searches its own list with it (two
        shortcuts on one key would both be dead)."""
        find = QKeySequence(QKeySequence.StandardKey.Find)
        own = any(
            s.key().matches(find) == QKeySequence.SequenceMatch.ExactMatch
            for s in section.findChildren(QShortcut)
        )
        self.find_action.setShortcut(QKeySequence() if own else find)

    def _show_by_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_section(action.data())

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.show_section(self.sections[row].key, focus=False)

    def find_case(self) -> None:
        # Not `find`: that name is QWidget's static find(WId), which this would hide.
        self.show_section("inquiries")

    def open_case(self, inquiry_id: int) -> None:
        self._close_case_view()
        view = CaseView(self.session, inquiry_id)
        view.back.connect(self.close_case)
        view.assessment_wanted.connect(self.open_assessment)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.case_view = view
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_assessment(self, assessment_id: int) -> None:
        """A risk assessment in the Risiko screen's editor (from a case)."""
        risk = self.section("risk")
        if risk is not None and hasattr(risk, "open_assessment"):
            self.show_section("risk")
            risk.open_assessment(assessment_id)

    def open_audit(self, entity: str, entity_id: int) -> None:
        """The audit log of one record, on the audit screen (when there is one)."""
        audit = self.section("audit")
        if audit is not None and hasattr(audit, "show_record"):
            audit.show_record(entity, entity_id)
            self.show_section("audit")

    def close_case(self) -> None:
        self.show_section(self.current_section.key)

    def _close_case_view(self) -> None:
        view, self.case_view = self.case_view, None
        if view is not None:
            self.stack.removeWidget(view)
            view.deleteLater()

    def new_inquiry(self) -> None:
        self._inquiry_form().open()

    def _inquiry_form(self, inquiry_id: int | None = None) -> InquiryForm:
        form = InquiryForm(self.session, inquiry_id, parent=self)
        form.saved.connect(self._inquiry_saved)
        form.finished.connect(self._form_closed)
        return form

    def resume_draft(self, stored: StoredDraft) -> None:
        """Open the form a draft was typed in, with its text; it stays a draft until saved."""
        if stored.info.kind == "inquiry":
            form = self._inquiry_form(stored.info.record_id)
            form.draft_id = stored.info.id
            form.restore_draft(stored.content)
            form.open()
        elif not resume_in_case(self, stored):
            log.warning("a draft of an unknown form was left in the vault: %s", stored.info.kind)

    def _form_closed(self) -> None:
        self.activateWindow()  # the keyboard comes back to this window
        self.sender().deleteLater()

    def _inquiry_saved(self, saved: SavedCase) -> None:
        self.statusBar().showMessage(self.tr("Inquiry {code} is saved.").format(code=saved.case_code), 8000)
        # Once the form has closed, so the case view gets the keyboard focus.
        QTimer.singleShot(0, self, lambda: self._show_saved(saved.id))

    def _show_saved(self, inquiry_id: int) -> None:
        self.open_case(inquiry_id)

    def _profile_saved(self, profile: Profile) -> None:
        self.session = replace(self.session, profile=profile)
        self.idle.set_minutes(profile.idle_lock_minutes)
        if profile.language != current_language():
            self.language_changed.emit(profile.language)

    # --- where the user is ------------------------------------------------------------------

    def state(self) -> dict:
        """Ids and codes only: kept in memory while the vault is locked."""
        return {
            "section": self.current_section.key,
            "case": self.case_view.inquiry_id if self.case_view is not None else None,
            "sections": {s.key: s.state() for s in self.sections},
        }

    def restore(self, state: dict) -> None:
        for section in self.sections:
            section.restore(state.get("sections", {}).get(section.key, {}))
        self.show_section(state.get("section") or self.sections[0].key, focus=False)
        if state.get("case") is not None:
            self.open_case(state["case"])

    # --- locking and closing ----------------------------------------------------------------

    def background_sync(self) -> None:
        sync = self.section("sync")
        if isinstance(sync, SyncSection) and not self._locking:
            sync.background_sync()

    def lock(self) -> None:
        self._lock_then(self.locked)

    def daily_backup(self) -> None:
        """On the lane, so it never overlaps other vault work; a failure only logs (the
        overview shows the last good backup and warns when it is a week old)."""
        if self._locking:
            return
        vault = self.session.vault
        self.session.lane.run(lambda: backup_if_due(vault, on_change=False), lambda _r: None, _backup_failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()  # close for real once the vault is locked
        self._lock_then(self.closed)

    def _lock_then(self, done: SignalInstance) -> None:
        if self._locking:
            return
        self._locking = True
        remember_geometry(self)  # while still on screen: the next unlock opens it here again
        # Never wait for a server: network work is cancelled and left behind; it can no longer
        # reach the vault (its database steps go to the lane, after the lock below).
        self.session.network.abandon()
        self.last_state = self.state()
        drafts = collect_drafts(self)  # what is typed in open forms, read before they are hidden
        self.idle.stop()
        self.idle_notice.withdraw()
        self.backup_timer.stop()
        self.sync_timer.stop()
        self.system_lock.release()
        # Nothing of the vault stays on screen while the engine shuts down: dialogs and popups
        # are windows of their own, so hiding this one does not hide them.
        for _ in range(8):  # nested popups close one by one
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for dialog in self.findChildren(QDialog):
            dialog.hide()
        self.hide()
        # A failure is logged; the window is gone either way. (Not tied to this window's
        # lifetime: the lock must be reported even while the window is being torn down.)
        finish = lambda _result: self._finish(done)  # noqa: E731
        self.session.lane.run(_backup_then_lock(self.session.vault, drafts), finish, finish)

    def work_before_exit(self) -> Callable[[], None] | None:
        """When the program ends with this window still open (the session logs out, the event
        loop stops): the lane's last job keeps the forms' drafts, writes the automatic backup and
        locks, as closing the window would. None when a lock is already under way."""
        if self._locking:
            return None
        self._locking = True
        self.idle.stop()
        return _backup_then_lock(self.session.vault, collect_drafts(self))

    def _finish(self, done: SignalInstance) -> None:
        self._finished = True
        done.emit()


def _backup_then_lock(vault: Vault, drafts: list[DraftToSave] | None = None):
    """Lock and exit keep the open forms' drafts, then write the automatic backup when the vault
    changed (the window is already hidden); nothing about either, not even a crash in it, keeps
    the vault open."""

    def work() -> None:
        try:
            save_drafts(vault, drafts or [])
        except Exception as exc:
            log.warning("drafts not kept at lock: %s", type(exc).__name__)  # the kind only, never text
        try:
            backup_if_due(vault)
        except Exception as exc:
            _backup_failed(exc)
        finally:
            vault.lock()

    return work


def _backup_failed(exc: BaseException) -> None:
    # The kind of failure only: the overview tells the user the rest.
    log.warning("automatic backup failed: %s", type(exc).__name__)


def _number_shortcut(position: int) -> str:
    """Ctrl+1 … Ctrl+9 and then Ctrl+0, in the order of the keyboard's number row; none after."""
    if position <= 9:
        return f"Ctrl+{position}"
    return "Ctrl+0" if position == 10 else ""
