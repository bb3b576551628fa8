"""The shipped code lists: complete, consistent with domain.md, and tolerant in matching."""

import csv

import pytest

from consultant_app import codes as codes_module
from consultant_app.codes import REQUIRED_LISTS, CodeListError, load_codes
from consultant_app.resources import resource

DOMAIN_CODES = {
    "region": ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"],
    "inquirer_type": ["kommune", "politi", "krisecenter", "skole", "civilsamfund", "borger", "andet"],
    "municipal_department": ["beskaeftigelse", "boern_unge", "voksne", "skole"],
    "channel": ["telefon", "mail", "moede", "andet"],
    "age_group": ["barn", "voksen", "ukendt"],
    "consent": ["samtykke", "anonym"],
    "trip_concern": ["ingen", "udlandet", "trussel_dk"],
    "reason": [
        "social_kontrol",
        "fysisk_vold",
        "psykisk_vold",
        "trusler",
        "pres",
        "tvangsaegteskab",
        "udlandsophold",
        "andet",
    ],
    "advice_type": [
        "opmaerksomhed",
        "risikovurdering",
        "sikkerhed",
        "genopdragelsesrejse",
        "samarbejde",
        "koordinering",
        "andet",
    ],
    "kind": ["enkelt", "forloeb"],
    "team": ["aalborg", "aarhus", "odense", "koebenhavn"],
    "risk_rating": ["nej", "delvist", "ja", "ukendt"],
    "risk_level": ["lav", "moderat", "hoej"],
}


@pytest.mark.parametrize("name", sorted(DOMAIN_CODES))
def test_codes_are_exactly_those_of_domain_md(name):
    assert list(load_codes()[name].values()) == DOMAIN_CODES[name]


def test_every_code_has_danish_and_english_labels():
    for name in REQUIRED_LISTS:
        for code in load_codes()[name]:
            assert code.da.strip() and code.en.strip(), (name, code.code)


def test_98_municipalities_each_in_one_known_region():
    codes = load_codes()
    assert len(codes.municipalities) == 98
    with resource("codes", "municipalities.csv").open(encoding="utf-8") as f:
        assert sum(1 for _ in csv.DictReader(f)) == 98
    assert codes.municipality("101").region == "hovedstaden"
    assert codes.municipality("851").name == "Aalborg"
    assert codes.municipality(" aarhus ").code == "751"
    assert codes.municipality("999") is None


def test_labels_and_aliases_resolve_case_and_space_insensitively():
    codes = load_codes()
    assert codes["region"].resolve("  region sjælland ") == "sjaelland"
    assert codes["inquirer_type"].resolve("KRISECENTER") == "krisecenter"
    assert codes["channel"].resolve("Møde") == "moede"
    assert codes["reason"].resolve("Tvangsægteskab") == "tvangsaegteskab"
    assert codes["region"].resolve("Jylland") is None


def test_labels_follow_the_language():
    region = load_codes()["region"]
    assert region.label("sjaelland", "da") == "Region Sjælland"
    assert region.label("sjaelland", "en") == "Region Zealand"


def test_a_broken_code_file_fails_loudly(tmp_path, monkeypatch):
    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "codes.json").write_text('{"lists": {"team": []}}', encoding="utf-8")
    monkeypatch.setattr(codes_module, "resource", lambda *parts: tmp_path.joinpath(*parts))
    load_codes.cache_clear()
    try:
        with pytest.raises(CodeListError, match="missing"):
            load_codes()
    finally:
        load_codes.cache_clear()
