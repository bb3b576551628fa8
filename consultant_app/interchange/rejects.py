"""The rejects file: the rows an import skipped, as they were, with the reasons in a last column.

Corrected, the file can be imported again as it is: the importer ignores `import_errors`.
"""

from dataclasses import replace
from pathlib import Path

from consultant_app.interchange.columns import ERRORS_COLUMN
from consultant_app.interchange.csv_output import stage_csv
from consultant_app.interchange.import_plan import Rejected

# Between two messages in one cell; the messages themselves use `;` and `,`.
MESSAGE_SEPARATOR = " | "


def stage_rejects(path: Path, header: list[str], rejected: list[Rejected]) -> Path:
    """Write the rejects file beside `path` (see `csv_output.commit_staged`)."""
    dropped = {i for i, name in enumerate(header) if name.strip().lower() == ERRORS_COLUMN}
    width = max([len(header), *(len(r.row.cells) for r in rejected)])
    kept = [i for i in range(width) if i not in dropped]
    names = [header[i] if i < len(header) else "" for i in kept]
    rows = ([*(r.row.cells[i] if i < len(r.row.cells) else "" for i in kept), reasons(r)] for r in rejected)
    return stage_csv(path, [*names, ERRORS_COLUMN], rows)


def reasons(rejected: Rejected) -> str:
    # Without the line number: the row has another line in the rejects file.
    return MESSAGE_SEPARATOR.join(replace(p, line=None).located() for p in rejected.problems)
