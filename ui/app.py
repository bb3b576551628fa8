"""`consultant-app` with no subcommand: the desktop window.

Source texts in `ui/` are English; the Danish translation (the default language) is loaded from
`resources/translations/consultant_app_da.qm`, built by `python -m ui.i18n_build`.
"""

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from consultant_app import __version__, support_log
from consultant_app.i18n import LANGUAGES
from consultant_app.resources import resource
from consultant_app.storage.paths import default_vault_path
from ui.desktop import Desktop
from ui.language import Translations, install_translators
from ui.operations import Lane, MainThreadCollector
from ui.preferences import remembered_language, remembered_vault

__all__ = ["install_translators", "run"]

log = logging.getLogger(__name__)

LANGUAGE_ENV = "CONSULTANT_APP_LANG"  # the same variable as the command line's


def choose_language() -> str:
    """Before unlock: the environment's language, else the last profile's, else Danish."""
    language = os.environ.get(LANGUAGE_ENV) or remembered_language() or "da"
    return language if language in LANGUAGES else "da"


def run(argv: Sequence[str] | None = None, vault_path: Path | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        support_log.install()
    except OSError as exc:  # a read-only or full home: the app still works, without the file log
        log.warning("no support log: %s", exc.strerror)
    log.info("consultant-app %s started", __version__)
    app = QApplication(list(sys.argv if argv is None else argv))
    app.setApplicationName("consultant-app")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "consultant-app.png"))))
    # The desktop decides when to end (after locking the vault), not the last window closing:
    # between the unlock dialog and the main window there is briefly no visible window.
    app.setQuitOnLastWindowClosed(False)

    # Until the vault is open (and its profile names the user's language): the environment's.
    translations = Translations(app, fixed=LANGUAGE_ENV in os.environ)
    translations.apply(choose_language())
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Security consultant"))

    lane = Lane(app)
    MainThreadCollector(lane, app)  # Python's cyclic collector on the GUI thread only (ui/operations.py)
    desktop = Desktop(vault_path or remembered_vault() or default_vault_path(), lane, translations)
    desktop.finished.connect(app.quit)
    desktop.start()
    try:
        return app.exec()
    finally:
        desktop.shutdown()
