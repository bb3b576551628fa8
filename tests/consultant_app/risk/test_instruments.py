"""Instruments as data: the shipped ones load and say what the domain needs, a broken file is a
clear error, every version stays loadable, and a published version never changes."""

import hashlib
import json

import pytest

from consultant_app.demo.risk import INSTRUMENT_ID, INSTRUMENT_VERSION, RISK_ITEMS
from consultant_app.resources import resource
from consultant_app.risk import (
    CHECKLIST,
    SPJ,
    InstrumentFileError,
    InstrumentLibrary,
    InstrumentNotFoundError,
    default_library,
)

# A published version is frozen: assessments made with it must print the same wording forever.
# Changing the wording means a new version file beside it (and a new line here). The digest is
# of the parsed content, so line endings of a checkout do not matter.
PUBLISHED = {
    "sk-spj/1.json": "a2eaf50dc297561e9760d7a34cad23bc9197fe2fd0aa5060ad56c47bcd6fb542",
    "sk-screening/1.json": "176f0bc2e1e455ba3951215139128daede21f93e5d9bdadfe50e8f6360d51987",
}


def test_published_versions_never_change():
    for name, digest in PUBLISHED.items():
        data = json.loads(resource("instruments", name).read_text(encoding="utf-8"))
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        assert hashlib.sha256(canonical).hexdigest() == digest, (
            f"{name} was published and must not change: add a new version instead"
        )


def test_every_shipped_version_loads_and_is_published():
    library = default_library()
    loaded = {f"{i.id}/{i.version}.json" for i in library.all_versions()}
    assert loaded == set(PUBLISHED)


def test_the_structured_judgement_has_the_three_groups_the_demo_rates_and_protective_factors():
    spj = default_library().latest("sk-spj")
    assert (spj.kind, spj.version, spj.bands) == (SPJ, "1", ())
    assert spj.key == (INSTRUMENT_ID, INSTRUMENT_VERSION)
    assert [item.id for item in spj.risk_items] == list(RISK_ITEMS)
    assert [(g.id, g.kind, g.rated_earlier) for g in spj.groups] == [
        ("A", "risk", True),
        ("B", "risk", True),
        ("C", "risk", True),
        ("P", "protective", False),
    ]
    assert spj.scale == ("nej", "delvist", "ja", "ukendt")
    assert "æresrelaterede" in spj.groups[0].title.da and "honour" in spj.groups[0].title.en


def test_the_screening_counts_yes_answers_into_bands():
    screening = default_library().latest("sk-screening")
    assert screening.kind == CHECKLIST and screening.scale == ("ja", "nej")
    assert len(screening.items) == 12
    assert [screening.band_for(n) for n in (0, 3, 4, 7, 8, 12)] == [
        "lav",
        "lav",
        "moderat",
        "moderat",
        "hoej",
        "hoej",
    ]
    assert screening.band_range("moderat") == (4, 7)
    assert screening.band_range("hoej") == (8, 12)


def test_every_label_is_worded_in_both_languages():
    for instrument in default_library().all_versions():
        labels = [instrument.name, instrument.description] + [g.title for g in instrument.groups]
        labels += [item.label for item in instrument.items]
        labels += [item.guidance for item in instrument.items if item.guidance]
        for label in labels:
            assert label.da.strip() and label.en.strip()
        danish = [label.da for label in labels]
        assert sum(label.da != label.en for label in labels) >= len(labels) - 2  # translated
        assert any(letter in "".join(danish) for letter in "æøå")


def write(directory, data, instrument_id=None, version=None):
    folder = directory / (instrument_id or data["id"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{version or data['version']}.json").write_text(json.dumps(data), encoding="utf-8")


def shipped(name="sk-screening/1.json"):
    return json.loads(resource("instruments", name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "breakage, detail",
    [
        (lambda d: d.update(extra_field=1), "extra_field"),
        (lambda d: d["groups"][0]["items"].append(d["groups"][0]["items"][0]), "repeated"),
        (lambda d: d.update(bands=[{"min_count": 1, "level": "lav"}]), "bands"),
        (lambda d: d.update(bands=[{"min_count": 0, "level": "kritisk"}]), "risk_level"),
        (lambda d: d.update(bands=[]), "bands"),
        (lambda d: d["groups"][0].update(rated_earlier=True), "checklist"),
        (lambda d: d["name"].update(en=""), "name.en"),
        (lambda d: d.update(kind="spj"), "no score decides"),
    ],
)
def test_a_broken_instrument_file_is_a_clear_error(tmp_path, breakage, detail):
    data = shipped()
    breakage(data)
    write(tmp_path, data)
    with pytest.raises(InstrumentFileError) as raised:
        InstrumentLibrary(tmp_path).get("sk-screening", "1")
    assert detail in str(raised.value) and "sk-screening/1.json" in str(raised.value)


def test_a_file_whose_id_or_version_differs_from_its_place_is_refused(tmp_path):
    write(tmp_path, shipped(), version="2")
    with pytest.raises(InstrumentFileError, match="id/version"):
        InstrumentLibrary(tmp_path).get("sk-screening", "2")


def test_versions_coexist_and_the_newest_is_chosen_by_number(tmp_path):
    for version in ("1", "2", "10"):
        write(tmp_path, {**shipped(), "version": version})
    library = InstrumentLibrary(tmp_path)
    assert library.versions("sk-screening") == ["1", "2", "10"]
    assert library.latest("sk-screening").version == "10"
    assert library.get("sk-screening", "2").version == "2"
    assert [i.version for i in library.current()] == ["10"]


@pytest.mark.parametrize(
    "instrument_id, version", [("sk-spj", "9"), ("nope", "1"), ("../x", "1"), ("sk-spj", "a")]
)
def test_a_missing_version_is_a_clear_error(instrument_id, version):
    with pytest.raises(InstrumentNotFoundError) as raised:
        default_library().get(instrument_id, version)
    assert "Opdater programmet" in str(raised.value)
