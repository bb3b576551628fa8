"""What can go wrong with keys and handover files, in words a consultant can act on."""

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text


class KeyTextError(ConsultantAppError):
    text = Text(
        da="Det er ikke en gyldig offentlig nøgle. Den skal være én linje, der begynder med 'ckey1-'.",
        en="This is not a valid public key. It must be one line beginning with 'ckey1-'.",
    )


class ColleagueExistsError(ConsultantAppError):
    text = Text(
        da="Der findes allerede en kollega med det navn eller den nøgle ({name}).",
        en="A colleague with that name or that key already exists ({name}).",
    )


class OwnKeyError(ConsultantAppError):
    text = Text(
        da="Det er denne boks' egen nøgle; tilføj kollegaens nøgle.",
        en="That is this vault's own key; add the colleague's key.",
    )


class ColleagueNotFoundError(ConsultantAppError):
    text = Text(
        da="Ingen kollega hedder '{name}'. Tilføj kollegaens nøgle først (keys add).",
        en="No colleague is called '{name}'. Add the colleague's key first (keys add).",
    )


class HandoverFileError(ConsultantAppError):
    """Every reason a file cannot be received; nothing in the vault has changed."""

    text = Text(
        da="Filen kan ikke modtages: {reason} Intet er ændret i boksen.",
        en="The file cannot be received: {reason} Nothing in the vault has changed.",
    )


NOT_A_HANDOVER = Text(
    da="den er ikke en sagsoverdragelse fra dette program.",
    en="it is not a case handover from this program.",
)
UNREADABLE = Text(da="den kan ikke læses ({detail}).", en="it cannot be read ({detail}).")
TOO_NEW = Text(
    da="den er lavet af en nyere version af programmet; opdater programmet.",
    en="it was made by a newer version of the program; update the program.",
)
NOT_FOR_THIS_VAULT = Text(
    da="den er krypteret til en anden boks (modtagerens fingeraftryk {fingerprint}).",
    en="it is encrypted for another vault (recipient's fingerprint {fingerprint}).",
)
DAMAGED = Text(
    da="den er ændret, beskadiget eller ufuldstændig (kontrollen af afsenderen og indholdet fejlede).",
    en="it was changed, damaged or is incomplete (the check of the sender and contents failed).",
)
BAD_CONTENT = Text(
    da="indholdet følger ikke formatet ({detail}).",
    en="the contents do not follow the format ({detail}).",
)


class UnknownSenderError(ConsultantAppError):
    text = Text(
        da="Afsenderen er ukendt (fingeraftryk {fingerprint}). Bekræft fingeraftrykket med afsenderen, "
        "fx i telefonen, før sagen modtages.",
        en="The sender is unknown (fingerprint {fingerprint}). Confirm the fingerprint with the sender, "
        "e.g. on the phone, before the case is received.",
    )
