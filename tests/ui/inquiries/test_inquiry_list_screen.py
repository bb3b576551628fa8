"""The inquiry list (ui/inquiries/section.py) on a real vault: active filters as chips that the
keyboard reaches and removes, an empty list that says which filters emptied it, the new
filters (reason, municipality), search by a reason's label, and Ctrl+End to the very last row."""

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from consultant_app.services.case_actions import CaseForm, create_case
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.inquiry_list import PAGE_SIZE
from tests.ui.support import keys, press, seed_case
from ui.inquiries import section as list_section
from ui.inquiries.filter_chips import ActiveFilter, FilterChips

CTRL = Qt.KeyboardModifier.ControlModifier


def show_list(qtbot, window):
    window.show_section("inquiries")
    inquiries = window.section("inquiries")
    qtbot.waitUntil(lambda: not inquiries.model.loading and inquiries.model.count >= 0, timeout=5_000)
    return inquiries


def settle(qtbot, inquiries, count: int) -> None:
    qtbot.waitUntil(lambda: not inquiries.model.loading and inquiries.model.count == count, timeout=5_000)


def chip_texts(inquiries) -> list[str]:
    return [chip.text() for chip in inquiries.chips.chips]


def choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code, Qt.ItemDataRole.UserRole))


def test_filters_show_as_chips_that_the_keyboard_removes(qtbot, main_window):
    vault = main_window.session.vault
    seed_case(vault, region="hovedstaden", municipality_code="101", reasons=("trusler",))
    seed_case(vault, region="syddanmark")
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, 2)
    assert chip_texts(inquiries) == [] and not inquiries.chips.isVisible()

    filters = inquiries.filters
    choose(filters.region, "hovedstaden")
    settle(qtbot, inquiries, 1)
    # The municipalities follow the region: only Hovedstaden's are offered.
    assert filters.municipality.findText("Odense") < 0 and filters.municipality.findText("København") > 0
    choose(filters.municipality, "101")
    choose(filters.reason, "trusler")
    settle(qtbot, inquiries, 1)
    assert chip_texts(inquiries) == [
        "Region: Hovedstaden ✕",
        "Kommune: København ✕",
        "Årsag: Trusler ✕",
    ]
    chip = inquiries.chips.chips[1]
    assert chip.isVisible() and chip.focusPolicy() & Qt.FocusPolicy.TabFocus
    name = QAccessible.queryAccessibleInterface(chip).text(QAccessible.Text.Name)
    assert name == "Fjern filteret Kommune: København"

    # Tab from the last filter reaches the chips, then the table.
    filters.last.setFocus()
    press(Qt.Key.Key_Tab)
    assert inquiries.chips.chips[0].hasFocus()
    press(Qt.Key.Key_Tab)
    assert inquiries.chips.chips[1].hasFocus()
    press(Qt.Key.Key_Space)  # removes "Kommune"; the keyboard stays in the row
    qtbot.waitUntil(lambda: chip_texts(inquiries) == ["Region: Hovedstaden ✕", "Årsag: Trusler ✕"])
    assert filters.municipality.code() is None
    assert inquiries.chips.chips[1].hasFocus()
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: chip_texts(inquiries) == ["Region: Hovedstaden ✕"])
    inquiries.chips.chips[0].click()
    qtbot.waitUntil(lambda: chip_texts(inquiries) == [])
    settle(qtbot, inquiries, 2)
    assert filters.region.code() is None and filters.reason.code() is None


def test_an_empty_list_names_its_filters_and_clears_them(qtbot, main_window):
    seed_case(main_window.session.vault, region="hovedstaden")
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, 1)
    assert not inquiries.empty_box.isVisible()
    choose(inquiries.filters.reason, "tvangsaegteskab")
    inquiries.filters.status.setCurrentIndex(inquiries.filters.status.findData("open"))
    settle(qtbot, inquiries, 0)
    qtbot.waitUntil(inquiries.empty_box.isVisible)
    assert inquiries.empty_text.text() == (
        "Ingen henvendelser passer til disse filtre: Status: Åbne; Årsag: Tvangsægteskab."
    )
    assert inquiries.clear_button.text() == "Ryd &filtre"
    # Tab in reading order: the last chip, "Ryd filtre" above the empty table, the table.
    inquiries.chips.chips[-1].setFocus()
    press(Qt.Key.Key_Tab)
    assert inquiries.clear_button.hasFocus()
    press(Qt.Key.Key_Tab)
    assert inquiries.table.hasFocus()
    inquiries.clear_button.click()
    settle(qtbot, inquiries, 1)
    assert not inquiries.empty_box.isVisible() and chip_texts(inquiries) == []
    assert inquiries.filters.search.hasFocus()


def test_a_filter_restored_after_the_lock_is_shown_as_a_chip(qtbot, main_window):
    inquiries = main_window.section("inquiries")
    inquiries.restore({"filters": {"period": "all", "region": "syddanmark", "municipality": "461"}})
    assert chip_texts(inquiries) == ["Region: Syddanmark ✕", "Kommune: Odense ✕"]
    assert inquiries.filters.current_filter().municipality == "461"


def test_search_finds_a_reason_by_its_label(qtbot, main_window):
    vault = main_window.session.vault
    wanted = seed_case(vault, reasons=("tvangsaegteskab",)).id
    seed_case(vault, reasons=("pres",))
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, 2)
    inquiries.filters.search.setFocus()
    keys("tvangsægt")
    press(Qt.Key.Key_Return)
    settle(qtbot, inquiries, 1)
    assert inquiries.model.inquiry_id(0) == wanted
    assert chip_texts(inquiries) == ["Søgning: “tvangsægt” ✕"]


def test_ctrl_end_goes_to_the_last_row_of_the_whole_list(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(list_section, "TO_END_PAGE", 7)  # several trips to the end of this list
    vault = main_window.session.vault
    start = datetime.now() - timedelta(days=40)
    base = InquiryDraft(
        region="hovedstaden",
        inquirer_type="politi",
        channel="telefon",
        citizen_age_group="voksen",
        trip_concern="ingen",
    )
    total = PAGE_SIZE + 30  # one page is read at first; the rest only when asked for
    with vault.session() as s:
        ids = [
            create_case(s, CaseForm(replace(base, received_at=start + timedelta(minutes=n)))).id
            for n in range(total)
        ]
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, total)
    assert inquiries.model.rowCount() == PAGE_SIZE
    inquiries.focus_results()
    press(Qt.Key.Key_End, CTRL)
    oldest = ids[0]  # newest first: the oldest is the last row
    qtbot.waitUntil(lambda: inquiries.selected_id() == oldest, timeout=10_000)
    assert inquiries.model.rowCount() == total and not inquiries.model.canFetchMore()
    assert inquiries.table.currentIndex().row() == total - 1 and inquiries.table.hasFocus()
    assert inquiries.source.least_rows == 0  # later pages are ordinary again


def test_chips_that_do_not_fit_wrap_onto_another_row_never_clipped(qtbot):
    chips = FilterChips()
    qtbot.addWidget(chips)
    before, after, home = QLineEdit(), QLineEdit(), QLineEdit()
    active = [ActiveFilter(f"key{n}", "Rejsestatus", f"Borgeren er i udlandet {n}") for n in range(5)]
    chips.show_filters(active, before, after, home)
    one_row = chips.chips[0].sizeHint().height()
    chips.resize(420, chips.heightForWidth(420))
    chips.show()
    qtbot.waitExposed(chips)
    assert chips.heightForWidth(420) > 2 * one_row  # several rows
    assert chips.minimumSizeHint().width() <= 420  # it does not widen the window
    for chip in chips.chips:
        assert chip.isVisible() and chip.geometry().right() <= 420
    tops = {chip.geometry().top() for chip in chips.chips}
    assert len(tops) > 1


def test_a_long_search_does_not_widen_the_window(qtbot, main_window):
    """A pasted paragraph (or one long word) as the search: its chip and the empty-list text
    are cut to fit, the whole term stays in the chip's tooltip, the window stays on a laptop
    screen (it grew to the chip's width, 2208 px for 300 characters)."""
    seed_case(main_window.session.vault, region="hovedstaden")
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, 1)
    for term in ("Familien har kontaktet skolen om pigens fravær og en mulig rejse " * 5, "x" * 400):
        inquiries.filters.search.setText(term)
        inquiries.filters.search.returnPressed.emit()
        settle(qtbot, inquiries, 0)
        qtbot.waitUntil(inquiries.empty_box.isVisible)
        QApplication.processEvents()
        assert main_window.minimumSizeHint().width() <= 1280
        (chip,) = inquiries.chips.chips
        assert term.strip() in chip.toolTip()
        assert len(chip.text()) < 100


def test_an_ampersand_in_the_search_is_shown_not_made_a_shortcut(qtbot, main_window):
    """'R&D' on a chip showed as 'RD' with an Alt+D shortcut that removed the filter."""
    seed_case(main_window.session.vault, region="hovedstaden")
    inquiries = show_list(qtbot, main_window)
    settle(qtbot, inquiries, 1)
    inquiries.filters.search.setText("R&D")
    inquiries.filters.search.returnPressed.emit()
    settle(qtbot, inquiries, 0)
    (chip,) = inquiries.chips.chips
    assert QKeySequence.mnemonic(chip.text()).isEmpty()
    assert chip.text().replace("&&", "&") == "Søgning: “R&D” ✕"
