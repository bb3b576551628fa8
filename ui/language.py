"""The interface's language: Qt's translators and the core's texts, switched together.

The language chosen before unlocking (the environment variable, else Danish) is replaced by the
profile's once the vault is open; a change in the settings applies at once (the main window is
rebuilt in the new language and returns to where the user was).
"""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from consultant_app.i18n import set_language
from consultant_app.resources import resource

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons, context menus) and ours; none for the source language."""
    # Danish formats in either language (en_DK: 1.234,5 and day before month), for numbers Qt
    # formats; dates are written by one formatter for both (ui/labels.py).
    QLocale.setDefault(QLocale(f"{language}_DK"))
    if language == SOURCE_LANGUAGE:
        return []
    installed = []
    wanted = (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"consultant_app_{language}", str(resource("translations"))),
    )
    for name, directory in wanted:
        translator = QTranslator(app)  # parented: it must outlive every widget
        if translator.load(name, directory) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s; texts stay in English", name, directory)
    return installed


class Translations:
    """The translators this program installed, so a change of language can replace them.

    `fixed`: the language was chosen on the command line or in the environment, and the
    profile's does not override it."""

    def __init__(self, app: QCoreApplication, *, fixed: bool = False) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language: str | None = None
        self.fixed = fixed

    def apply(self, language: str) -> None:
        if language == self.language:
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        set_language(language)  # the core's texts: errors, validation, code labels
        self._installed = install_translators(self._app, language)
        self.language = language
