"""Unlocking a vault for the desktop: one use case, asked before an upgrade.

The command line upgrades an outdated vault at once (a copy is kept aside first); a person at
the desktop is asked first, because an upgraded vault no longer opens in the older program
that another laptop of theirs may still run.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from consultant_app.domain import Profile
from consultant_app.i18n import Text
from consultant_app.retention.limits import DEFAULT_YEARS
from consultant_app.retention.period import set_retention_years
from consultant_app.storage.vault import Vault
from consultant_app.wizard import VaultRequest

UPGRADE_TITLE = Text(da="Opgradér boksen?", en="Upgrade the vault?")
UPGRADE_QUESTION = Text(
    da="Boksen {path} er skrevet af en ældre version af programmet (skema {current}) og skal "
    "opgraderes til skema {head}, før den kan bruges.\n\n"
    "Før opgraderingen gemmes en uændret kopi ved siden af boksen ({path}.before-{current}-…bak), "
    "beskyttet af den samme adgangskode. Opgraderingen ændrer kun boksens opbygning: ingen "
    "henvendelser, notater eller andre oplysninger slettes eller ændres.\n\n"
    "En opgraderet boks kan ikke åbnes af den ældre version af programmet.",
    en="The vault {path} was written by an older version of the program (schema {current}) and "
    "must be upgraded to schema {head} before it can be used.\n\n"
    "Before the upgrade an unchanged copy is kept beside the vault ({path}.before-{current}-…bak), "
    "protected by the same passphrase. The upgrade changes only how the vault is organised: no "
    "inquiries, notes or other records are deleted or changed.\n\n"
    "An upgraded vault cannot be opened by the older version of the program.",
)
UPGRADE_BUTTON = Text(da="&Opgradér", en="&Upgrade")
UPGRADE_DECLINED = Text(
    da="Boksen er ikke opgraderet og ikke ændret.", en="The vault was not upgraded and is unchanged."
)


@dataclass(frozen=True)
class UnlockedVault:
    vault: Vault
    profile: Profile  # detached: readable on the GUI thread without touching the database


def open_vault(path: Path, passphrase: str, *, upgrade: bool = False) -> UnlockedVault:
    """Unlock and read the profile. An outdated schema raises `VaultUpgradeRequired` (with the
    `current` and `head` revisions) unless `upgrade` says the person agreed."""
    return _with_profile(Vault.open(path, passphrase, upgrade=upgrade))


def _with_profile(vault: Vault) -> UnlockedVault:
    try:
        with vault.session() as session:
            profile = session.scalars(select(Profile)).one()
    except BaseException:
        vault.lock()
        raise
    return UnlockedVault(vault, profile)


def create_vault(request: VaultRequest) -> UnlockedVault:
    """The first run's last step: a new vault with the consultant's profile, opened."""
    vault = Vault.create(
        request.path,
        request.passphrase,
        name=request.name,
        team=request.team,
        default_region=request.default_region,
    )
    if request.retention_years != DEFAULT_YEARS:
        with vault.session() as session:
            set_retention_years(session, request.retention_years)
    return _with_profile(vault)


def reopened(vault: Vault) -> UnlockedVault:
    """The open vault with its profile read again: after a restore replaced what it holds, the
    desktop starts a new session on it (the profile, the screens) without locking it."""
    return _with_profile(vault)
