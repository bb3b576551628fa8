"""Cell parsing: dates in three spellings, codes by code or Danish label, `|` lists."""

from datetime import date

import pytest

from consultant_app.codes import load_codes
from consultant_app.interchange.cells import CellError, format_cell, parse_cell, parse_date
from consultant_app.interchange.columns import BY_NAME

CODES = load_codes()


def parse(column: str, raw: str):
    return parse_cell(BY_NAME[column], raw, CODES)


@pytest.mark.parametrize("raw", ["2024-03-05", "05-03-2024", "05.03.2024", "5.3.2024", " 2024-03-05 "])
def test_the_three_date_spellings(raw):
    assert parse_date(raw) == date(2024, 3, 5)


@pytest.mark.parametrize("raw", ["2024-02-30", "03/05/2024", "05-03.2024", "2024-03", "i går", "45356"])
def test_anything_else_is_not_a_date(raw):
    with pytest.raises(CellError) as caught:
        parse_date(raw)
    assert caught.value.value == raw
    assert "ÅÅÅÅ-MM-DD" in caught.value.text.da


@pytest.mark.parametrize(
    ("column", "raw", "code"),
    [
        ("region", "NORDJYLLAND", "nordjylland"),
        ("region", "  Region Sjælland ", "sjaelland"),
        ("region", "sjælland", "sjaelland"),
        ("inquirer_type", "Krisecenter", "krisecenter"),
        ("municipal_department", "Børn og unge", "boern_unge"),
        ("channel", "Møde", "moede"),
        ("citizen_age_group", "Barn (0-17 år)", "barn"),
        ("consent", "Med samtykke", "samtykke"),
        ("trip_concern", "trussel_dk", "trussel_dk"),
        ("kind", "Rådgivningsforløb", "forloeb"),
    ],
)
def test_codes_match_case_insensitively_trimmed_and_by_danish_label(column, raw, code):
    assert parse(column, raw) == code


def test_an_empty_cell_is_not_given():
    assert parse("region", "") is None
    assert parse("reasons", "   ") is None
    assert parse("notes", " \n ") is None


def test_lists_are_split_on_bars_and_resolved_item_by_item():
    assert parse("reasons", " Pres | fysisk_vold|Tvangsægteskab |") == (
        "pres",
        "fysisk_vold",
        "tvangsaegteskab",
    )
    assert parse("reasons", "pres|PRES") == ("pres",)


def test_an_unknown_list_item_is_named_on_its_own():
    with pytest.raises(CellError) as caught:
        parse("advice_types", "sikkerhed|kaffe")
    assert caught.value.value == "kaffe"


def test_municipality_by_code_or_name():
    assert parse("municipality_code", "751") == "751"
    assert parse("municipality_code", "aarhus") == "751"
    with pytest.raises(CellError):
        parse("municipality_code", "752")


def test_text_is_kept_as_written():
    assert parse("notes", '  "citat"; og\r\nlinjeskift ') == '  "citat"; og\r\nlinjeskift '


def test_export_writes_lists_in_code_list_order_and_iso_dates():
    assert format_cell(BY_NAME["reasons"], ["udlandsophold", "pres", "social_kontrol"], CODES) == (
        "social_kontrol|pres|udlandsophold"
    )
    assert format_cell(BY_NAME["closed_on"], date(2024, 1, 2), CODES) == "2024-01-02"
    assert format_cell(BY_NAME["notes"], None, CODES) == ""
