"""Typed errors whose text is fit to show a user, in the current language.

No error ever carries a passphrase, a key or record content: messages are built from fixed
texts and a few safe parameters (paths, counts, codes, field names).
"""

from dataclasses import dataclass

from consultant_app.i18n import Text


class ConsultantAppError(Exception):
    """Base of every error the app expects and can explain."""

    text = Text(da="Der opstod en fejl.", en="An error occurred.")

    def __init__(self, text: Text | None = None, **params: object) -> None:
        if text is not None:
            self.text = text
        self.params = params
        super().__init__(self.text.render("en", **params))

    def __str__(self) -> str:
        return self.text.render(**self.params)


# --- Vault -----------------------------------------------------------------------------


class VaultError(ConsultantAppError):
    text = Text(da="Boksen kunne ikke bruges.", en="The vault could not be used.")


class WrongPassphraseError(VaultError):
    text = Text(
        da="Forkert adgangskode, eller filen er ikke en boks fra dette program.",
        en="Wrong passphrase, or the file is not a vault of this program.",
    )


class VaultNotFoundError(VaultError):
    text = Text(da="Boksen findes ikke: {path}", en="The vault does not exist: {path}")


class VaultExistsError(VaultError):
    text = Text(
        da="Der findes allerede en fil her, og den overskrives ikke: {path}",
        en="A file already exists here and will not be overwritten: {path}",
    )


class VaultInUseError(VaultError):
    text = Text(
        da="Boksen er allerede åben i et andet vindue eller program. Luk det først.",
        en="The vault is already open in another window or program. Close it first.",
    )


class VaultLockedError(VaultError):
    text = Text(da="Boksen er låst.", en="The vault is locked.")


class VaultTooNewError(VaultError):
    text = Text(
        da="Boksen er skrevet af en nyere version af programmet. Opdater programmet for at åbne den.",
        en="The vault was written by a newer version of the program. Update the program to open it.",
    )


class VaultUpgradeRequired(VaultError):
    text = Text(
        da="Boksen skal opgraderes til denne version af programmet. En kopi gemmes først.",
        en="The vault must be upgraded to this version of the program. A copy is kept first.",
    )


class VaultCorruptError(VaultError):
    text = Text(
        da="Boksen er beskadiget eller ændret udefra ({detail}). Intet er slettet; gendan en sikkerhedskopi.",
        en="The vault is damaged or was altered from outside ({detail}). Nothing was deleted; restore a backup.",
    )


class EncryptionSettingsError(VaultError):
    text = Text(
        da="Krypteringen har ikke de forventede indstillinger ({setting}). Boksen åbnes ikke.",
        en="The encryption does not have the expected settings ({setting}). The vault is not opened.",
    )


class WeakPassphraseError(VaultError):
    """Raised with every reason at once, so a form can show them all."""

    text = Text(da="Adgangskoden er for svag: {reasons}", en="The passphrase is too weak: {reasons}")

    def __init__(self, reasons: list[Text]) -> None:
        self.reasons = reasons
        super().__init__(reasons="")

    def __str__(self) -> str:
        return self.text.render(reasons="; ".join(r.render() for r in self.reasons))


class StorageWriteError(VaultError):
    text = Text(
        da="Kunne ikke skrive til disken ({detail}). Intet er gemt halvt; frigør plads og prøv igen.",
        en="Could not write to the disk ({detail}). Nothing was half saved; free some space and try again.",
    )


# --- Validation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field. `line` is set when the value came from a file."""

    field: str
    value: object
    text: Text
    params: tuple[tuple[str, object], ...] = ()
    line: int | None = None

    def message(self, language: str | None = None) -> str:
        return self.text.render(language, **dict(self.params))

    def located(self, language: str | None = None) -> str:
        where = _LINE_FIELD if self.line is not None else _FIELD
        prefix = where.render(language, line=self.line, field=self.field, value=self.value)
        return f"{prefix}: {self.message(language)}"


_FIELD = Text(da="{field} = '{value}'", en="{field} = '{value}'")
_LINE_FIELD = Text(
    da="Linje {line}, kolonne {field}, værdi '{value}'", en="Line {line}, column {field}, value '{value}'"
)


class ValidationError(ConsultantAppError):
    text = Text(da="{count} fejl: {first}", en="{count} problems: {first}")

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(count=len(problems), first="")

    def __str__(self) -> str:
        return self.text.render(
            count=len(self.problems), first=self.problems[0].located() if self.problems else ""
        )


class NotFoundError(ConsultantAppError):
    text = Text(da="{what} findes ikke (id {id}).", en="{what} does not exist (id {id}).")


# --- A case's life (hand-over and erasure) ---------------------------------------------


class CaseHandedOverError(ConsultantAppError):
    text = Text(
        da="Sagen {case} er overdraget til {to} og kan kun læses eller slettes her.",
        en="Case {case} was handed over to {to} and can only be read or erased here.",
    )


class CaseErasedError(ConsultantAppError):
    text = Text(
        da="Sagen {case} er slettet; kun den anonyme optælling er tilbage.",
        en="Case {case} was erased; only the anonymous count remains.",
    )


class CaseNotFoundError(ConsultantAppError):
    text = Text(
        da="Sagen '{case}' findes ikke i boksen.",
        en="The case '{case}' is not in the vault.",
    )
