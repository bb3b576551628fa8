"""What the desktop remembers outside the vault, for the next start: the main window's size and
place, the vault last unlocked, and the interface language to show before the vault is unlocked (the profile's language,
inside the vault, takes over after unlock). Nothing about cases or people goes here: the file
is readable without the passphrase.

Qt's QSettings in an INI file in the user's configuration folder. QSettings replaces the file
atomically (a temporary file renamed over it) and keeps the existing file's permissions, so the
file is created owner-only once, before QSettings first writes it.
"""

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from consultant_app.errors import StorageWriteError
from consultant_app.files import make_private_dir, write_private
from consultant_app.i18n import LANGUAGES
from consultant_app.storage.paths import APP_NAME

log = logging.getLogger(__name__)

GEOMETRY = "main_window/geometry"
LANGUAGE = "interface/language"
VAULT = "vault/path"  # the vault last unlocked, when another was chosen (Boks → Åbn en anden boks)


def settings_file() -> Path:
    """Where the preferences live (tests point this at a temporary folder)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "desktop.ini"


def _settings() -> QSettings:
    path = settings_file()
    if not path.exists():
        try:
            make_private_dir(path.parent)
            write_private(path, b"")
        except StorageWriteError as exc:  # a read-only home: the app works, forgetting its place
            log.warning("preferences not kept: %s", exc)
    return QSettings(str(path), QSettings.Format.IniFormat)


def remembered_language() -> str | None:
    value = _settings().value(LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else None


def remember_language(language: str) -> None:
    if language in LANGUAGES:
        settings = _settings()
        settings.setValue(LANGUAGE, language)
        settings.sync()


def restore_geometry(window: QWidget, width: int, height: int) -> None:
    """Size and place the window as it was left; the first time (or when the screen it was on is
    gone: Qt moves a restored window onto a screen that exists), `width` × `height`."""
    value = _settings().value(GEOMETRY)
    if not (isinstance(value, QByteArray) and window.restoreGeometry(value)):
        window.resize(width, height)


def remember_geometry(window: QWidget) -> None:
    settings = _settings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.sync()


def remembered_vault() -> Path | None:
    """The vault last unlocked, if it is still there (a USB disk not connected: the default)."""
    value = _settings().value(VAULT)
    if not isinstance(value, str) or not value:
        return None
    path = Path(value)
    return path if path.is_file() else None


def remember_vault(path: Path) -> None:
    settings = _settings()
    settings.setValue(VAULT, str(path))
    settings.sync()
