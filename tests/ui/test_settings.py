"""Indstillinger: the idle time and the language, saved in the profile and applied at once."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app.domain import Profile
from tests.ui.support import activate, press, unlock
from ui.desktop import Desktop
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_idle_time_is_saved_and_applies_at_once(qtbot, main_window):
    main_window.show_section("settings")
    settings = main_window.section("settings")
    assert settings.idle_minutes.value() == 5
    assert main_window.idle.interval_ms == 5 * 60_000
    settings.idle_minutes.setFocus()
    press(Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(settings.idle_minutes, "12")
    with qtbot.waitSignal(settings.profile_saved, timeout=5_000):
        press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # G&em indstillinger
    assert settings.status.text() == "Gemt."
    assert main_window.idle.interval_ms == 12 * 60_000
    with main_window.vault.session() as s:
        assert s.scalars(select(Profile.idle_lock_minutes)).one() == 12


class FakeTranslations:
    fixed = False

    def __init__(self) -> None:
        self.applied: list[str] = []

    def apply(self, language: str) -> None:
        self.applied.append(language)


def test_a_new_language_rebuilds_the_window_in_the_same_place(qtbot, vault_file, lane):
    translations = FakeTranslations()
    desktop = Desktop(vault_file, lane, translations)
    try:
        window = unlock(qtbot, desktop)
        assert translations.applied == ["da"]  # the profile's language, at unlock
        window.show_section("settings")
        settings = window.section("settings")
        activate(qtbot, window)
        settings.language.setCurrentIndex(settings.language.findData("en"))
        settings.save()
        qtbot.waitUntil(lambda: desktop.window is not window, timeout=5_000)
        assert translations.applied == ["da", "en"]
        rebuilt = desktop.window
        assert isinstance(rebuilt, MainWindow) and rebuilt.vault is window.vault  # still unlocked
        assert rebuilt.current_section.key == "settings"
        assert rebuilt.session.profile.language == "en"
    finally:
        desktop.window.hide()
        desktop.window.deleteLater()
        desktop.shutdown()
