"""The domain code lists (domain.md) and the 98 municipalities, loaded from `resources/codes`.

Codes are the stored values and never change with the language; labels are what users see.
`load_codes()` checks the files at start, so a broken installation fails loudly and early.
"""

import csv
import json
import unicodedata
from dataclasses import dataclass
from functools import cache

from consultant_app.i18n import current_language
from consultant_app.resources import resource

# Every list the domain needs; a missing one means a broken installation.
REQUIRED_LISTS = (
    "team",
    "region",
    "inquirer_type",
    "municipal_department",
    "channel",
    "age_group",
    "gender",
    "consent",
    "trip_concern",
    "reason",
    "advice_type",
    "kind",
    "closing_reason",
    "follow_up_type",
    "risk_rating",
    "risk_level",
)
MUNICIPALITY_COUNT = 98


@dataclass(frozen=True)
class Code:
    code: str
    da: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str | None = None) -> str:
        return self.en if (language or current_language()) == "en" else self.da


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str


def fold(text: str) -> str:
    """Case-, space- and Unicode-insensitive key for matching a code or a label."""
    return unicodedata.normalize("NFC", text).strip().casefold()


class CodeList:
    def __init__(self, name: str, codes: list[Code]) -> None:
        self.name = name
        self.codes = tuple(codes)
        self._by_code = {c.code: c for c in codes}
        self._lookup: dict[str, str] = {}
        for c in codes:
            for key in (c.code, c.da, c.en, *c.aliases):
                self._lookup.setdefault(fold(key), c.code)

    def __iter__(self):
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def values(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes)

    def resolve(self, text: str) -> str | None:
        """The code for a code, label or alias (case and surrounding space ignored), else None."""
        return self._lookup.get(fold(text))

    def label(self, code: str, language: str | None = None) -> str:
        return self._by_code[code].label(language)


class Codes:
    def __init__(self, lists: dict[str, CodeList], municipalities: list[Municipality]) -> None:
        self.lists = lists
        self.municipalities = tuple(municipalities)
        self._municipality_by_code = {m.code: m for m in municipalities}
        self._municipality_by_name = {fold(m.name): m for m in municipalities}

    def __getitem__(self, name: str) -> CodeList:
        return self.lists[name]

    def municipality(self, code_or_name: str) -> Municipality | None:
        key = code_or_name.strip()
        if key.isdigit():
            return self._municipality_by_code.get(key.zfill(3))
        return self._municipality_by_name.get(fold(key))


class CodeListError(RuntimeError):
    """The shipped code lists are broken: a packaging fault, never a user error."""


@cache
def load_codes() -> Codes:
    raw = json.loads(resource("codes", "codes.json").read_text(encoding="utf-8"))
    lists: dict[str, CodeList] = {}
    for name in REQUIRED_LISTS:
        entries = raw["lists"].get(name)
        if not entries:
            raise CodeListError(f"code list '{name}' is missing from codes.json")
        codes = [Code(e["code"], e["da"], e["en"], tuple(e.get("aliases", ()))) for e in entries]
        for c in codes:
            if not c.code.isascii() or c.code != c.code.lower() or " " in c.code:
                raise CodeListError(f"code '{c.code}' in '{name}' is not a lower-case ASCII code")
        if len({c.code for c in codes}) != len(codes):
            raise CodeListError(f"code list '{name}' repeats a code")
        lists[name] = CodeList(name, codes)

    with resource("codes", "municipalities.csv").open(encoding="utf-8", newline="") as f:
        municipalities = [Municipality(r["code"], r["name"], r["region"]) for r in csv.DictReader(f)]
    if len(municipalities) != MUNICIPALITY_COUNT:
        raise CodeListError(f"{len(municipalities)} municipalities, expected {MUNICIPALITY_COUNT}")
    if len({m.code for m in municipalities}) != MUNICIPALITY_COUNT:
        raise CodeListError("a municipality code is repeated")
    for m in municipalities:
        if m.region not in lists["region"] or len(m.code) != 3 or not m.code.isdigit():
            raise CodeListError(f"municipality {m.code} has an invalid code or region")
    return Codes(lists, municipalities)
