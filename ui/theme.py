"""The few colours the desktop adds to Qt's palette (an error in red, a success in green, a muted
explanation, a notice banner), chosen for the theme in force so that text keeps a contrast of at
least 4.5:1 (WCAG 2.1 AA, which EN 301 549 asks of the public sector) in light and dark themes.

A fixed colour picked for a white window is unreadable on a dark one (#555 on #2d2d2d is 1.9:1):
screens never write a colour themselves, they ask here. The choice follows the application's
palette when the widget is made; `tests/ui/test_theme.py` measures every pair in both themes.
"""

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Tones:
    error: str
    ok: str
    muted: str
    notice_background: str
    notice_border: str
    notice_text: str
    series: tuple[str, ...]  # chart bars, one colour per series


LIGHT = Tones(
    error="#b3261e",
    ok="#1b6e2d",
    muted="#505050",
    notice_background="#fff4ce",
    notice_border="#8a6d00",
    notice_text="#1f1f1f",
    series=("#2f6f9f", "#c2701c", "#4f7f32", "#8c4f9f"),
)
DARK = Tones(
    error="#ff9e94",
    ok="#8fdc9c",
    muted="#c4c4c4",
    notice_background="#3b3100",
    notice_border="#d9b94a",
    notice_text="#f5f5f5",
    series=("#6fa8dc", "#f0a35e", "#8fc46a", "#c69be0"),
)


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark theme is one whose windows are darker than their text."""
    palette = palette if palette is not None else QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def tones(palette: QPalette | None = None) -> Tones:
    return DARK if is_dark(palette) else LIGHT


def error_style() -> str:
    return f"color: {tones().error};"


def ok_style() -> str:
    return f"color: {tones().ok};"


def muted_style() -> str:
    return f"color: {tones().muted};"


def notice_style(selector: str = "QLabel") -> str:
    """A banner that asks for attention (a duplicate warning, a missing setting): its own
    background, so its text colour is set with it rather than left to the palette."""
    t = tones()
    # Qt's style sheets do not pass `color` on to child widgets: labels inside get it by name.
    return (
        f"{selector} {{ background: {t.notice_background}; color: {t.notice_text}; "
        f"border: 1px solid {t.notice_border}; border-radius: 3px; padding: 6px; }} "
        f"{selector} QLabel {{ color: {t.notice_text}; border: none; background: transparent; }}"
    )


def contrast(foreground: QColor | str, background: QColor | str) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor | str) -> float:
        c = QColor(colour)

        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
