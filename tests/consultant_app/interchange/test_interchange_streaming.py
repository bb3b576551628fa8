"""The streamed import (issue 17) and its honesty about cells (issue 12, point 8): batches give
the same result as one plan of the whole file, a cancel or a file changed mid-import writes
nothing, a formula without a stored value and an oversized cell are errors that say so."""

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent, Inquiry
from consultant_app.interchange import (
    ImportRejected,
    check_inquiry_file,
    export_inquiries,
    import_inquiries,
    import_plan,
)
from consultant_app.interchange.import_plan import ImportCancelled
from consultant_app.interchange.table_reader import CELL_LIMIT, InterchangeFileError
from consultant_app.storage.vault import Vault
from tests.consultant_app.interchange.conftest import PASSPHRASE
from tests.support import copy_vault

TODAY = date(2024, 6, 15)


def _rows(minimal: dict[str, str]) -> list[dict[str, str]]:
    """Rows that cross batch boundaries when a batch is 2: professionals first seen, then met
    again and completed in a later batch, rows without references, a repeated one skipped."""
    rows = []
    for n in range(9):
        row = dict(minimal, notes=f"række {n}", external_ref=f"R{n}")
        if n % 3 == 0:
            row |= {"professional_name": "Åse Holm", "professional_email": "aase@example.dk"}
        if n == 7:
            row |= {"professional_name": "Åse Holm", "professional_email": "aase@example.dk"}
            row["professional_phone"] = "+45 11 22 33 44"  # completes the professional made in row 0
        if n in (2, 5):
            row.pop("external_ref")  # gets the vault's own reference
        rows.append(row)
    rows.append(dict(minimal, external_ref="R1", notes="gentaget"))  # repeated: both lines rejected
    return rows


def _export(vault, path) -> str:
    export_inquiries(vault, path)
    return path.read_text(encoding="utf-8-sig")


def test_batches_give_what_one_plan_of_the_whole_file_gives(
    vault, vault_template, make_csv, minimal, tmp_path, monkeypatch
):
    path = make_csv(_rows(minimal))
    rejects = tmp_path / "afviste.csv"
    whole = import_inquiries(vault, path, skip_invalid=True, rejects_path=rejects, today=TODAY)
    expected = _export(vault, tmp_path / "hel.csv")

    # The same file into a copy of the same empty vault (the same own-reference prefix), two
    # rows at a time.
    (tmp_path / "b").mkdir()
    twin = copy_vault(vault_template(PASSPHRASE, "Karen Konsulent", "aarhus"), tmp_path / "b")
    with Vault.open(twin, PASSPHRASE) as fresh:
        monkeypatch.setattr(import_plan, "BATCH", 2)
        steps = []
        batched = import_inquiries(
            fresh,
            path,
            skip_invalid=True,
            rejects_path=tmp_path / "afviste2.csv",
            today=TODAY,
            progress=lambda phase, done, total: steps.append((phase, done, total)),
        )
        assert batched == whole
        assert (whole.added, whole.rejected, whole.professionals_added) == (8, 2, 1)
        assert _export(fresh, tmp_path / "batch.csv") == expected
        assert (tmp_path / "afviste2.csv").read_bytes() == rejects.read_bytes()
    assert [s for s in steps if s[0] == "write"][-1] == ("write", 10, 10)
    assert {s[0] for s in steps} == {"check", "write"}


def test_a_cancelled_import_writes_nothing(vault, make_csv, minimal, monkeypatch):
    monkeypatch.setattr(import_plan, "BATCH", 2)
    path = make_csv([dict(minimal, notes=f"n{n}") for n in range(7)])
    written = []  # batches written before the cancel

    def progress(phase: str, done: int, _total: int) -> None:
        if phase == "write":
            written.append(done)

    with pytest.raises(ImportCancelled):
        import_inquiries(vault, path, today=TODAY, progress=progress, cancelled=lambda: bool(written))
    assert written == [2]  # one batch was in the transaction when the user cancelled
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "import")) == 0


def test_the_check_alone_reports_its_progress_and_stops_when_cancelled(vault, make_csv, minimal, monkeypatch):
    """The desktop's first step (the import dialog's check) is the import's own check pass."""
    monkeypatch.setattr(import_plan, "BATCH", 2)
    path = make_csv([dict(minimal, notes=f"n{n}") for n in range(5)] + [dict(minimal, region="?")])
    steps: list[tuple[str, int, int]] = []
    check = check_inquiry_file(vault, path, today=TODAY, progress=lambda *step: steps.append(step))
    assert steps == [("check", 2, 6), ("check", 4, 6), ("check", 6, 6)]
    assert (check.summary.added, check.summary.rejected, [p.line for p in check.problems]) == (5, 1, [7])
    with pytest.raises(ImportCancelled):
        check_inquiry_file(
            vault,
            path,
            today=TODAY,
            progress=lambda *step: steps.append(step),
            cancelled=lambda: len(steps) > 3,
        )
    assert len(steps) == 4  # stopped after the first batch of the second check
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0


def test_a_file_changed_between_check_and_write_writes_nothing(vault, make_csv, minimal, monkeypatch):
    monkeypatch.setattr(import_plan, "BATCH", 2)
    path = make_csv([dict(minimal, notes=f"n{n}") for n in range(5)])

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "write" and done == 2:  # checked as it was; now someone saves over it
            path.write_bytes(path.read_bytes().replace(b"n4", b"=HYPERLINK(1)"))

    with pytest.raises(InterchangeFileError) as caught:
        import_inquiries(vault, path, today=TODAY, progress=progress)
    assert "ændret" in str(caught.value)
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0


def test_a_formula_without_a_stored_value_is_an_error_on_its_line(vault, tmp_path, minimal):
    """openpyxl writes formulas without computing them, as any program but a spreadsheet does."""
    path = tmp_path / "formler.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([*minimal, "notes"])
    sheet.append([*minimal.values(), "en note"])
    sheet.append([*minimal.values(), '=CONCAT("hem", "meligt")'])
    sheet.append([*list(minimal.values())[:-1], "=1+1", "x"])  # in a code column too
    workbook.save(path)
    with pytest.raises(ImportRejected) as caught:
        import_inquiries(vault, path, today=TODAY)
    messages = [p.located("da") for p in caught.value.problems]
    assert messages == [
        "Linje 3, kolonne notes, værdi '': formel uden gemt værdi — gem filen i Excel igen",
        "Linje 4, kolonne trip_concern, værdi '': formel uden gemt værdi — gem filen i Excel igen",
    ], messages


def test_a_cell_over_the_limit_names_the_limit(vault, make_csv, minimal):
    path = make_csv([minimal, dict(minimal, notes="x" * (CELL_LIMIT + 1))])
    with pytest.raises(InterchangeFileError) as caught:
        import_inquiries(vault, path, today=TODAY)
    assert str(caught.value).startswith("Linje 3 har en celle over grænsen på 1.000.000 tegn")
    ok = make_csv([dict(minimal, notes="x" * CELL_LIMIT)], name="ok.csv")
    assert import_inquiries(vault, ok, today=TODAY).added == 1
