"""The passphrase: held so it cannot leak, and checked for strength before it is used
(the same rule for the wizard, `init`, `change-passphrase` and the desktop: storage/strength.py).

`Passphrase` never shows its text in repr, str, logs or tracebacks and cannot be pickled;
only the storage layer calls `reveal()`, to hand it to SQLCipher.
"""

import unicodedata
from collections.abc import Sequence

from consultant_app.errors import WeakPassphraseError
from consultant_app.i18n import Text
from consultant_app.storage.strength import assess, own_words


class Passphrase:
    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError("a passphrase is text")
        # One Unicode form, so 'å' typed on two keyboards opens the same vault.
        self._text = unicodedata.normalize("NFC", text)

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("a passphrase is never serialised")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._text == self._text

    def __hash__(self) -> int:
        return hash(("Passphrase", len(self._text)))


def weaknesses(text: str, user_words: Sequence[str] = ()) -> list[Text]:
    """Every reason the passphrase is too weak (storage/strength.py); empty when acceptable.
    `user_words`: the profile's own words (`strength.own_words(name, team, region)`)."""
    return list(assess(text, list(user_words)).reasons)


def profile_words(name: str | None, team: str | None, region: str | None) -> list[str]:
    """The profile's words an attacker would try: the name, the team and the region, as codes
    and as their Danish labels ("koebenhavn", "København", "Region Hovedstaden")."""
    from consultant_app.codes import load_codes  # the code lists: only when a passphrase is set

    codes = load_codes()
    labels = [
        codes[kind].label(code, "da")
        for kind, code in (("team", team), ("region", region))
        if code and code in codes[kind]
    ]
    return own_words(name, team, region, *labels)


def require_strong(text: str, user_words: Sequence[str] = ()) -> Passphrase:
    reasons = weaknesses(text, user_words)
    if reasons:
        raise WeakPassphraseError(reasons)
    return Passphrase(text)
