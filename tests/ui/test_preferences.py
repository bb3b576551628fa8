"""What the desktop remembers outside the vault (#14.11): the main window's size and place, the
language of the next unlock window; owner-only, and nothing about the consultant or a case."""

import stat
from datetime import date

from PySide6.QtCore import QLocale, Qt

from tests.ui.support import NAME, PASSPHRASE, flush_deletions, press, type_passphrase, unlock
from ui import labels
from ui.app import LANGUAGE_ENV, choose_language
from ui.desktop import Desktop
from ui.language import Translations, install_translators
from ui.preferences import remember_language, remembered_language


def test_the_first_window_fits_a_laptop_screen_then_opens_where_it_was_left(qtbot, desktop):
    window = unlock(qtbot, desktop)
    assert (window.width(), window.height()) == (1280, 720)
    window.resize(1100, 650)
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desktop.window is not window, timeout=10_000)
    flush_deletions()
    again = type_passphrase(qtbot, desktop)
    # Qt fits a restored window onto the screen it finds: the offscreen screen is 800 × 800, so the
    # width comes back as the window's minimum; the height, which fits, is the one left.
    assert again.height() == 650
    assert again.width() == max(again.minimumSizeHint().width(), 800)


def test_the_file_is_owner_only_and_holds_nothing_of_the_vault(qtbot, desktop, desktop_preferences):
    window = unlock(qtbot, desktop)
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desktop.window is not window, timeout=10_000)
    assert stat.S_IMODE(desktop_preferences.stat().st_mode) == 0o600
    assert stat.S_IMODE(desktop_preferences.parent.stat().st_mode) == 0o700
    text = desktop_preferences.read_bytes()
    assert b"geometry" in text
    assert NAME.encode() not in text and PASSPHRASE.encode() not in text


def test_the_profile_language_is_the_next_unlock_windows(qtbot, qapp, vault_file, lane, monkeypatch):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert remembered_language() is None and choose_language() == "da"
    translations = Translations(qapp)
    desktop = Desktop(vault_file, lane, translations)
    try:
        unlock(qtbot, desktop)
        assert remembered_language() == "da"  # the vault's profile
    finally:
        desktop.window.hide()
        desktop.shutdown()
        translations.apply("da")
    remember_language("en")
    assert choose_language() == "en"
    monkeypatch.setenv(LANGUAGE_ENV, "da")  # the environment still decides when it is set
    assert choose_language() == "da"
    remember_language("klingon")  # never stored: only a language the app has
    monkeypatch.delenv(LANGUAGE_ENV)
    assert choose_language() == "en"


def test_english_keeps_danish_formats_for_numbers_and_dates(qapp):
    try:
        assert install_translators(qapp, "en") == []
        assert QLocale().name() == "en_DK"
        assert QLocale().toString(1234567.5, "f", 1) == "1.234.567,5"
        assert labels.short_date(date(2026, 11, 15)) == "15.11.2026"
    finally:
        QLocale.setDefault(QLocale("da_DK"))
    assert labels.short_date(date(2026, 11, 15)) == "15.11.2026"
