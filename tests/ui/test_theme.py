"""Every colour the desktop adds keeps a contrast of 4.5:1 for text (3:1 for a border) in the
light and the dark theme, measured against the palette's own window and field backgrounds; and
a widget made under a dark palette gets the dark tones (a light-theme red on black is not)."""

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QStyleFactory

from tests.ui.support import dark_palette
from ui import theme
from ui.widgets import ErrorLabel, StatusLine


def _dark_palette() -> QPalette:
    return dark_palette()


def _light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


PALETTES = {"light": _light_palette, "dark": _dark_palette}


@pytest.mark.parametrize("name", PALETTES)
def test_text_tones_meet_aa_on_windows_and_fields(qapp, name):
    palette = PALETTES[name]()
    tones = theme.tones(palette)
    assert tones is (theme.DARK if name == "dark" else theme.LIGHT)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        background = palette.color(role)
        for tone in (tones.error, tones.ok, tones.muted):
            assert theme.contrast(tone, background) >= 4.5, (name, role, tone, background.name())


@pytest.mark.parametrize("tones", [theme.LIGHT, theme.DARK])
def test_notice_banner_text_and_border(tones):
    assert theme.contrast(tones.notice_text, tones.notice_background) >= 4.5
    assert theme.contrast(tones.notice_border, tones.notice_background) >= 3.0


def test_contrast_is_the_wcag_ratio():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_widgets_made_under_a_dark_palette_use_the_dark_tones(qtbot):
    app = QGuiApplication.instance()
    before = app.palette()
    app.setPalette(_dark_palette())
    try:
        label = ErrorLabel()
        status = StatusLine()
        qtbot.addWidget(label)
        qtbot.addWidget(status)
        status.error("Forbindelsen mislykkedes.")
        assert theme.DARK.error in label.styleSheet()
        assert theme.DARK.error in status.styleSheet()
        status.ok("Gemt.")
        assert theme.DARK.ok in status.styleSheet()
    finally:
        app.setPalette(before)
    light = ErrorLabel()
    qtbot.addWidget(light)
    assert theme.LIGHT.error in light.styleSheet()


@pytest.mark.parametrize("name", PALETTES)
def test_chart_bars_stand_out_from_the_window(qapp, name):
    palette = PALETTES[name]()
    window = palette.color(QPalette.ColorRole.Window)
    for colour in theme.tones(palette).series:  # a graphical object: 3:1 (WCAG 1.4.11)
        assert theme.contrast(colour, window) >= 3.0, (name, colour)


def test_no_screen_writes_a_colour_of_its_own():
    """Colours live in ui/theme.py, where both themes are measured; a colour written in a screen
    is one nobody checked against the dark theme."""
    import re
    from pathlib import Path

    ui = Path(theme.__file__).parent
    found = [
        f"{path.relative_to(ui.parent)}: {match}"
        for path in ui.rglob("*.py")
        if path.name != "theme.py"
        for match in re.findall(
            r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?=[;\s\"'])", path.read_text(encoding="utf-8")
        )
    ]
    assert found == []
