"""`consultant-app` with no subcommand: the desktop window.

Source texts in `ui/` are English; the Danish translation (the default language) is loaded from
`resources/translations/consultant_app_da.qm`, built by `python -m ui.i18n_build`.
"""

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from consultant_app import __version__
from consultant_app.i18n import LANGUAGES, set_language
from consultant_app.resources import resource
from consultant_app.storage.paths import default_vault_path
from ui.desktop import Desktop
from ui.operations import Lane

log = logging.getLogger(__name__)

LANGUAGE_ENV = "CONSULTANT_APP_LANG"  # the same variable as the command line's
SOURCE_LANGUAGE = "en"


def choose_language() -> str:
    language = os.environ.get(LANGUAGE_ENV, "da")
    return language if language in LANGUAGES else "da"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons, context menus) and ours; none for the source language."""
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
    QLocale.setDefault(QLocale(language))
    return installed


def run(argv: Sequence[str] | None = None, vault_path: Path | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication(list(sys.argv if argv is None else argv))
    app.setApplicationName("consultant-app")
    app.setApplicationVersion(__version__)
    # The desktop decides when to end (after locking the vault), not the last window closing:
    # between the unlock dialog and the main window there is briefly no visible window.
    app.setQuitOnLastWindowClosed(False)

    language = choose_language()
    set_language(language)  # the core's error texts
    install_translators(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Security consultant"))

    lane = Lane(app)
    desktop = Desktop(vault_path or default_vault_path(), lane)
    desktop.finished.connect(app.quit)
    desktop.start()
    try:
        return app.exec()
    finally:
        desktop.shutdown()
