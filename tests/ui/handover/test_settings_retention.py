"""Indstillinger: the retention period is shown, changed and saved, with who decides it."""

from PySide6.QtWidgets import QLabel

from consultant_app.retention.period import retention_years


def test_the_retention_period_is_saved_from_settings(qtbot, main_window):
    main_window.show_section("settings")
    settings = main_window.section("settings")
    assert settings.retention.value() == 5
    assert any("bestemmer jeres organisation" in label.text() for label in settings.findChildren(QLabel))
    settings.retention.setValue(7)
    with qtbot.waitSignal(settings.profile_saved, timeout=5_000):
        settings.save_button.click()
    with main_window.vault.session() as s:
        assert retention_years(s) == 7
