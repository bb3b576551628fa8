"""Writing interchange CSV files: UTF-8 with BOM and `;`, as Danish Excel expects.

These files leave the vault unencrypted and hold personal data, so they are written to a
staging file readable by the owner only and renamed into place once complete
(consultant_app.files): an interrupted write never leaves a half file, and an existing file is
replaced only when asked. Every text cell that a spreadsheet would run as a formula gets one
leading apostrophe (consultant_app.spreadsheet_safety); the importer removes exactly that one.
"""

import csv
import os
from collections.abc import Iterable
from pathlib import Path

from consultant_app import files
from consultant_app.errors import ConsultantAppError, StorageWriteError
from consultant_app.i18n import Text
from consultant_app.spreadsheet_safety import csv_row

ENCODING = "utf-8-sig"  # the BOM makes Excel read the file as UTF-8
DELIMITER = ";"
LINE_END = "\r\n"


class OutputExistsError(ConsultantAppError):
    text = Text(
        da="Filen findes allerede og overskrives ikke: {path}",
        en="The file already exists and will not be overwritten: {path}",
    )


def refuse_existing(path: Path, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise OutputExistsError(path=str(path))


def stage_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> Path:
    """Write the complete file beside `path`; `commit_staged` puts it in place."""
    staging = files.staging_path(files.replace_target(Path(path)))
    try:
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
        with open(fd, "w", encoding=ENCODING, newline="") as f:
            writer = csv.writer(f, delimiter=DELIMITER, lineterminator=LINE_END)
            writer.writerow(csv_row(header))
            writer.writerows(csv_row(row) for row in rows)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return staging


def commit_staged(staging: Path, path: Path) -> None:
    files.commit_staged(staging, path)


def discard_staged(staging: Path | None) -> None:
    if staging is not None:
        staging.unlink(missing_ok=True)
