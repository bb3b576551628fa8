"""The support log, and the error report a supporter can ask for.

The desktop writes a rotating log (a few hundred KiB at most) in the user's log folder
(platformdirs: `~/.local/state/consultant-app/log` on Linux, `%LOCALAPPDATA%\\consultant-app\\Logs`
on Windows). It never holds personal data: the app's own log lines name events, never record
content (a rule the leak-scan test checks for every file the app writes), other libraries are
heard only at WARNING and above, and the user's home folder is written as `~` so the account
name does not travel with a report.

`write_report` puts the log files and the versions (program, Python, system, Qt and SQLCipher)
into one zip file, owner-readable, for the user to send to support. Nothing from the vault.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import platformdirs

from consultant_app import __version__
from consultant_app.files import make_private_dir, write_private
from consultant_app.storage.paths import APP_NAME

LOG_FILE = "consultant-app.log"
MAX_BYTES = 256 * 1024
BACKUPS = 3
_OURS = ("consultant_app", "ui", "__main__")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


class _Privacy(logging.Filter):
    """Our own lines from INFO, others' from WARNING; the home folder as `~`."""

    def __init__(self) -> None:
        super().__init__()
        self._home = str(Path.home())

    def filter(self, record: logging.LogRecord) -> bool:
        ours = record.name.split(".")[0] in _OURS
        if not ours and record.levelno < logging.WARNING:
            return False
        if len(self._home) > 1:
            record.msg = str(record.getMessage()).replace(self._home, "~")
            record.args = None
        return True


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Each log file (the current one and every rotated one) is created readable by the owner only."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(fd, self.mode, encoding=self.encoding)


def install(folder: Path | None = None) -> Path:
    """Send the app's log to the rotating file as well; returns the file's path."""
    folder = make_private_dir(folder or log_dir())
    path = folder / LOG_FILE
    handler = _PrivateRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(_Privacy())
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    for other in root.handlers:  # the console stays as quiet as it was: warnings and worse
        if other.level == logging.NOTSET:
            other.setLevel(max(root.level, logging.WARNING))
    root.addHandler(handler)
    for name in ("consultant_app", "ui"):  # our INFO lines reach the file whatever the root's level
        logging.getLogger(name).setLevel(logging.INFO)
    return path


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    import platform  # here, not at the top: every start imports this module, few write a report

    found = {
        "consultant-app": __version__,
        "python": sys.version.split()[0],
        "system": platform.platform(),
        "machine": platform.machine(),
    }
    try:
        import sqlcipher3

        found["sqlcipher (sqlite)"] = sqlcipher3.sqlite_version
    except (ImportError, AttributeError):
        pass
    found.update(extra or {})
    return found


def write_report(
    destination: Path, folder: Path | None = None, extra: Mapping[str, str] | None = None
) -> Path:
    """The log files and `versions.txt` in one zip at `destination` (owner-only, complete or absent)."""
    import zipfile

    folder = folder or log_dir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as report:
        lines = [f"{key}: {value}" for key, value in versions(extra).items()]
        lines.append(f"written: {datetime.now().isoformat(timespec='seconds')}")
        report.writestr("versions.txt", "\n".join(lines) + "\n")
        for path in sorted(folder.glob(LOG_FILE + "*")):
            report.write(path, f"log/{path.name}")
    write_private(destination, buffer.getvalue())
    return destination
