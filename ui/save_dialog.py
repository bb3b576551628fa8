"""Where a file the user saves goes first: the Documents folder, under a name that says what it
is (and for a case, which case), so "Gem" without browsing puts it somewhere they will find it.

One place for the start folder and the name rules, used by every save dialog of the desktop.
The platform's dialog itself asks before replacing a file.
"""

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# Characters Windows refuses in a file name, and path separators: a case code or a campaign
# code never has them, but a name built from what someone typed might.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def documents_folder() -> Path:
    """The user's Documents folder (Dokumenter), or the home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def file_name(*parts: object, suffix: str) -> str:
    """`file_name("risikovurdering", "2026-00042", suffix=".pdf")` → "risikovurdering-2026-00042.pdf";
    empty parts are left out and unsafe characters become a dash."""
    words = [_UNSAFE.sub("-", str(part)).strip(" .-") for part in parts if part not in (None, "")]
    return "-".join(word for word in words if word) + suffix


def in_documents(name: str) -> str:
    """The path to offer in a save dialog: `name` in the Documents folder."""
    return str(documents_folder() / name)
