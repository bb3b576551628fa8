"""Risk instruments as data: `resources/instruments/<id>/<version>.json`, checked at load.

Two kinds (domain.md, "Risk assessment"):
- `spj`, structured professional judgement: groups of risk factors, each rated now and earlier
  as nej / delvist / ja / ukendt with a note, and protective factors; no score decides, the
  consultant's summary judgements do;
- `checklist`, a screening: yes/no items, the count of yes answers gives a band by thresholds,
  and a professional override is recorded with its reason.

A published version never changes: a change of wording is a new version beside it, and every
assessment renders with the version it was made with (`InstrumentLibrary.get`).
"""

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from consultant_app.codes import load_codes
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text, current_language
from consultant_app.resources import resource

SPJ = "spj"
CHECKLIST = "checklist"
RISK = "risk"
PROTECTIVE = "protective"
# The answers each kind allows, in display order (code list "risk_rating").
SCALES = {SPJ: ("nej", "delvist", "ja", "ukendt"), CHECKLIST: ("ja", "nej")}
YES = "ja"


class InstrumentNotFoundError(ConsultantAppError):
    text = Text(
        da="Risikoinstrumentet '{id}' version {version} findes ikke i denne installation. "
        "Opdater programmet.",
        en="The risk instrument '{id}' version {version} is not in this installation. Update the program.",
    )


class InstrumentFileError(ConsultantAppError):
    """A shipped instrument file is broken: a packaging fault, never a user error."""

    text = Text(
        da="Risikoinstrumentet i {file} er ugyldigt: {detail}",
        en="The risk instrument in {file} is invalid: {detail}",
    )


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Label(_Data):
    da: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def text(self, language: str | None = None) -> str:
        return self.en if (language or current_language()) == "en" else self.da

    def as_text(self) -> Text:
        return Text(da=self.da, en=self.en)


class Item(_Data):
    id: str = Field(pattern=r"^[A-Z][0-9]{1,2}$")
    label: Label  # short, for grids and lists
    guidance: Label | None = None  # the question the consultant asks themself


class Group(_Data):
    id: str = Field(pattern=r"^[A-Z]$")
    kind: Literal["risk", "protective"]
    title: Label
    rated_earlier: bool = False  # rated for "earlier" as well as "now"
    items: tuple[Item, ...] = Field(min_length=1)


class Band(_Data):
    min_count: int = Field(ge=0)  # from this many yes answers on
    level: str  # code list "risk_level"


class Instrument(_Data):
    format: Literal[1]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]{1,62}$")
    version: str = Field(pattern=r"^[0-9]{1,6}(\.[0-9]{1,6}){0,2}$")
    kind: Literal["spj", "checklist"]
    name: Label
    description: Label
    groups: tuple[Group, ...] = Field(min_length=1)
    bands: tuple[Band, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> "Instrument":
        items = [item.id for item in self.items]
        if len(set(items)) != len(items):
            raise ValueError("an item id is repeated")
        if len({g.id for g in self.groups}) != len(self.groups):
            raise ValueError("a group id is repeated")
        if not self.risk_items:
            raise ValueError("no risk items")
        if any(g.kind == PROTECTIVE and g.rated_earlier for g in self.groups):
            raise ValueError("protective factors are rated for now only")
        if self.kind == SPJ and self.bands:
            raise ValueError("a structured judgement has no count bands: no score decides")
        if self.kind == CHECKLIST:
            self._check_bands(len(items))
            if any(g.kind == PROTECTIVE or g.rated_earlier for g in self.groups):
                raise ValueError("a checklist has yes/no risk items only, answered for now")
        return self

    def _check_bands(self, item_count: int) -> None:
        levels = load_codes()["risk_level"]
        starts = [b.min_count for b in self.bands]
        if not starts or starts[0] != 0 or starts != sorted(set(starts)) or starts[-1] > item_count:
            raise ValueError("bands must start at 0 and rise, within the number of items")
        if any(b.level not in levels for b in self.bands) or len({b.level for b in self.bands}) != len(
            starts
        ):
            raise ValueError("each band is a distinct risk_level code")

    # --- reading ----------------------------------------------------------------------

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for group in self.groups for item in group.items)

    @property
    def risk_items(self) -> tuple[Item, ...]:
        return tuple(item for g in self.groups if g.kind == RISK for item in g.items)

    @property
    def scale(self) -> tuple[str, ...]:
        return SCALES[self.kind]

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)

    def group_of(self, item_id: str) -> Group | None:
        return next((g for g in self.groups if any(i.id == item_id for i in g.items)), None)

    def rates_earlier(self, item_id: str) -> bool:
        group = self.group_of(item_id)
        return group is not None and group.rated_earlier

    def band_for(self, count: int) -> str | None:
        """The band a count of yes answers falls in (a checklist), else None."""
        band = None
        for b in self.bands:
            if count >= b.min_count:
                band = b.level
        return band

    def band_range(self, level: str) -> tuple[int, int] | None:
        """The counts (inclusive) that give the band `level`."""
        starts = [b.min_count for b in self.bands] + [len(self.risk_items) + 1]
        for n, b in enumerate(self.bands):
            if b.level == level:
                return (b.min_count, starts[n + 1] - 1)
        return None


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


class InstrumentLibrary:
    """The instruments in one folder; every version ever published stays loadable."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._loaded: dict[tuple[str, str], Instrument] = {}

    def get(self, instrument_id: str, version: str) -> Instrument:
        key = (instrument_id, version)
        if key not in self._loaded:
            self._loaded[key] = self._read(instrument_id, version)
        return self._loaded[key]

    def versions(self, instrument_id: str) -> list[str]:
        folder = self.directory / instrument_id
        found = [p.stem for p in folder.glob("*.json")] if folder.is_dir() else []
        return sorted((v for v in found if _is_version(v)), key=version_key)

    def latest(self, instrument_id: str) -> Instrument:
        versions = self.versions(instrument_id)
        if not versions:
            raise InstrumentNotFoundError(id=instrument_id, version="–")
        return self.get(instrument_id, versions[-1])

    def instrument_ids(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.name for p in self.directory.iterdir() if p.is_dir() and self.versions(p.name))

    def all_versions(self) -> list[Instrument]:
        """Every version of every instrument: what a check of the installation loads."""
        return [self.get(i, v) for i in self.instrument_ids() for v in self.versions(i)]

    def current(self) -> list[Instrument]:
        """The newest version of each instrument: what a new assessment chooses from."""
        return [self.latest(i) for i in self.instrument_ids()]

    def _read(self, instrument_id: str, version: str) -> Instrument:
        if not (_is_version(version) and _is_id(instrument_id)):
            raise InstrumentNotFoundError(id=instrument_id, version=version)
        path = self.directory / instrument_id / f"{version}.json"
        if not path.is_file():
            raise InstrumentNotFoundError(id=instrument_id, version=version)
        where = f"{instrument_id}/{version}.json"
        try:
            instrument = Instrument.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, ValidationError) as exc:
            raise InstrumentFileError(file=where, detail=_short(exc)) from None
        if instrument.key != (instrument_id, version):
            raise InstrumentFileError(file=where, detail="id/version differ from the file's place")
        return instrument


def _is_version(text: str) -> bool:
    parts = text.split(".")
    return 1 <= len(parts) <= 3 and all(p.isdigit() and p.isascii() for p in parts)


def _is_id(text: str) -> bool:
    return text.isascii() and text.replace("-", "").isalnum() and text == text.lower()


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or '-'}: {first['msg']}"
    return str(exc).splitlines()[0][:200]


@cache
def default_library() -> InstrumentLibrary:
    """The instruments shipped with the program."""
    return InstrumentLibrary(resource("instruments"))
