"""Save dialogs start in Documents with a name that says what the file is (#14.11)."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ui.save_dialog import documents_folder, file_name, in_documents


def test_names_hold_what_the_file_is_and_nothing_unsafe():
    assert file_name("risikovurdering", "2026-00042", "2026-12-05", suffix=".pdf") == (
        "risikovurdering-2026-00042-2026-12-05.pdf"
    )
    assert file_name("sag", None, "", "2026-00042", suffix=".sag") == "sag-2026-00042.sag"
    assert file_name("kampagne", "../..\\evil:name?", suffix=".csv") == "kampagne-evil-name.csv"


def test_the_dialog_starts_in_documents(qapp):
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert documents_folder() == (Path(folder) if folder else Path.home())
    assert Path(in_documents("statistik.xlsx")) == documents_folder() / "statistik.xlsx"
