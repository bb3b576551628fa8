"""The first run as a plain state machine (after Electrum's wallet wizard): which step is showing,
what it needs before the user may go on, and what the vault is created with. A window only draws
it and passes on what was typed; every rule lives here and is tested without a screen.

Steps: the passphrase (twice, with its weaknesses as they are typed), the safekeeping warning (a
lost passphrase cannot be recovered; keep a backup), the profile (name, team, default region),
then creating. The passphrase is held only until the vault exists.
"""

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from consultant_app.codes import Codes, load_codes
from consultant_app.errors import Problem
from consultant_app.i18n import Text
from consultant_app.retention.limits import DEFAULT_YEARS, MAX_YEARS, MIN_YEARS
from consultant_app.storage.passphrase import profile_words
from consultant_app.storage.strength import assess

NAME_LIMIT = 200  # Profile.name
REQUIRED = Text(da="skal udfyldes", en="is required")
TOO_LONG = Text(da="højst {limit} tegn", en="at most {limit} characters")
UNKNOWN = Text(da="ukendt værdi", en="unknown value")
PASSPHRASE_FROM_PROFILE = Text(
    da="adgangskoden bygger på dit navn, dit team eller din region og er derfor for svag; "
    "gå tilbage og vælg en anden",
    en="the passphrase is built on your name, team or region and so is too weak; go back and choose another",
)


class Step(StrEnum):
    PASSPHRASE = "passphrase"  # noqa: S105 (a step's name)
    SAFEKEEPING = "safekeeping"
    PROFILE = "profile"
    CREATING = "creating"
    DONE = "done"


ASKING = (Step.PASSPHRASE, Step.SAFEKEEPING, Step.PROFILE)


@dataclass(frozen=True)
class PassphraseCheck:
    weaknesses: tuple[str, ...]  # why it is too weak, in the current language
    repeated: bool  # the second field holds the same passphrase
    mismatch: bool  # the second field differs already (not just unfinished)
    strength: float = 0.0  # 0..1 for the strength bar (storage/strength.py)

    @property
    def acceptable(self) -> bool:
        return not self.weaknesses and self.repeated


def check_passphrase(passphrase: str, repeat: str, words: list[str]) -> PassphraseCheck:
    """A new passphrase as it is typed (twice): the first run's and the change of passphrase's."""
    strength = assess(passphrase, words) if passphrase else None
    reasons = tuple(reason.render() for reason in strength.reasons) if strength else ()
    repeated = bool(repeat)
    # While the second one is still being typed it is not wrong yet: only a typo is.
    typo = repeated and not passphrase.startswith(repeat)
    fraction = strength.fraction if strength else 0.0
    return PassphraseCheck(reasons, repeated and repeat == passphrase, typo, fraction)


@dataclass(frozen=True)
class VaultRequest:
    """What `Vault.create` is called with."""

    path: Path
    passphrase: str
    name: str
    team: str
    default_region: str | None
    retention_years: int = 5  # the organisation decides (docs/retention.md)


class FirstRunWizard:
    def __init__(self, vault_path: Path, codes: Codes | None = None) -> None:
        self.vault_path = vault_path
        self.codes = codes or load_codes()
        self.step = Step.PASSPHRASE
        self.error: str | None = None  # why creating failed, for the profile step to show
        self._passphrase = ""
        self._repeat = ""
        self.understood = False
        self.name = ""
        self.team: str | None = None
        self.default_region: str | None = None
        self.retention_years = DEFAULT_YEARS

    # --- what the user types ---------------------------------------------------------------

    def set_passphrase(self, passphrase: str, repeat: str) -> PassphraseCheck:
        self._passphrase, self._repeat = passphrase, repeat
        return self.passphrase_check()

    def passphrase_check(self) -> PassphraseCheck:
        # The profile comes after this step: its words count once they are typed (profile step).
        words = profile_words(self.name, self.team, self.default_region)
        return check_passphrase(self._passphrase, self._repeat, words)

    def set_understood(self, understood: bool) -> None:
        self.understood = understood

    def set_profile(self, name: str, team: str | None, default_region: str | None) -> list[Problem]:
        self.name, self.team, self.default_region = name.strip(), team, default_region
        return self.profile_problems()

    def set_retention_years(self, years: int) -> None:
        """Asked on the profile step, which says that the organisation decides."""
        self.retention_years = years

    def profile_problems(self) -> list[Problem]:
        problems = []
        if not self.name:
            problems.append(Problem("name", "", REQUIRED))
        elif len(self.name) > NAME_LIMIT:
            problems.append(Problem("name", self.name, TOO_LONG, (("limit", NAME_LIMIT),)))
        if self.team is None:
            problems.append(Problem("team", "", REQUIRED))
        elif self.team not in self.codes["team"]:
            problems.append(Problem("team", self.team, UNKNOWN))
        if self.default_region is not None and self.default_region not in self.codes["region"]:
            problems.append(Problem("default_region", self.default_region, UNKNOWN))
        if not MIN_YEARS <= self.retention_years <= MAX_YEARS:
            problems.append(Problem("retention_years", str(self.retention_years), UNKNOWN))
        if self._passphrase and not problems and self.passphrase_check().weaknesses:
            problems.append(Problem("passphrase", "", PASSPHRASE_FROM_PROFILE))
        return problems

    def suggested_region(self, team: str) -> str | None:
        """The region of the team's host municipality (the team is named after it)."""
        if team not in self.codes["team"]:
            return None
        host = self.codes.municipality(self.codes["team"].label(team, "da"))
        return host.region if host else None

    # --- moving between steps --------------------------------------------------------------

    def can_go_on(self) -> bool:
        if self.step is Step.PASSPHRASE:
            return self.passphrase_check().acceptable
        if self.step is Step.SAFEKEEPING:
            return self.understood
        if self.step is Step.PROFILE:
            return not self.profile_problems()
        return False

    def go_on(self) -> Step:
        if not self.can_go_on():
            raise ValueError(f"step {self.step} is not complete")
        self.step = ASKING[ASKING.index(self.step) + 1] if self.step is not Step.PROFILE else Step.CREATING
        return self.step

    def go_back(self) -> Step:
        if self.step in ASKING[1:]:
            self.step = ASKING[ASKING.index(self.step) - 1]
        return self.step

    def position(self) -> tuple[int, int]:
        """(this step's number from 1, the number of steps) while asking."""
        index = ASKING.index(self.step) if self.step in ASKING else len(ASKING) - 1
        return index + 1, len(ASKING)

    # --- creating --------------------------------------------------------------------------

    def request(self) -> VaultRequest:
        """What to create the vault with; only once every step is complete (step CREATING)."""
        if self.step is not Step.CREATING:
            raise ValueError("the wizard is not complete")
        return VaultRequest(
            self.vault_path,
            self._passphrase,
            self.name,
            self.team or "",
            self.default_region,
            self.retention_years,
        )

    def created(self) -> None:
        self.step = Step.DONE
        self._passphrase = self._repeat = ""  # the vault has it now; the wizard forgets it

    def failed(self, message: str) -> None:
        """Creating failed: back to the profile step with the reason (nothing was written)."""
        self.step = Step.PROFILE
        self.error = message
