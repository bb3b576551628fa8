"""The passphrase: held so it cannot leak, and checked for strength before it is used.

`Passphrase` never shows its text in repr, str, logs or tracebacks and cannot be pickled;
only the storage layer calls `reveal()`, to hand it to SQLCipher.
"""

import unicodedata
from itertools import pairwise

from consultant_app.errors import WeakPassphraseError
from consultant_app.i18n import Text

MIN_LENGTH = 12
MIN_DISTINCT = 6

_TOO_SHORT = Text(
    da="den skal have mindst {n} tegn (en sætning af flere ord er nemmest at huske)",
    en="it must have at least {n} characters (a sentence of several words is easiest to remember)",
)
_TOO_FEW_DISTINCT = Text(da="den gentager de samme få tegn", en="it repeats the same few characters")
_SEQUENCE = Text(da="den er en tastatur- eller talrække", en="it is a keyboard or number sequence")
_COMMON = Text(
    da="den består af et almindeligt ord og tal, som gættes først",
    en="it is a common word with numbers, which is guessed first",
)
_CONTROL = Text(da="den indeholder usynlige kontroltegn", en="it contains invisible control characters")

_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyzæøå", "qwertyuiopåasdfghjklæøzxcvbnm")
_COMMON_WORDS = (
    "password",
    "passw0rd",
    "adgangskode",
    "kodeord",
    "sikkerhed",
    "velkommen",
    "sommer",
    "vinter",
    "efterår",
    "forår",
    "danmark",
    "kobenhavn",
    "københavn",
    "aarhus",
    "odense",
    "aalborg",
    "qwerty",
    "letmein",
    "admin",
    "konsulent",
)


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


def weaknesses(text: str) -> list[Text]:
    """Every reason the passphrase is too weak; empty when it is acceptable."""
    text = unicodedata.normalize("NFC", text)
    reasons: list[Text] = []
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        reasons.append(_CONTROL)
    if len(text) < MIN_LENGTH:
        reasons.append(Text(_TOO_SHORT.da.format(n=MIN_LENGTH), _TOO_SHORT.en.format(n=MIN_LENGTH)))
    if len(set(text.casefold())) < MIN_DISTINCT:
        reasons.append(_TOO_FEW_DISTINCT)
    folded = "".join(ch for ch in text.casefold() if not ch.isspace())
    if _mostly_sequential(folded):
        reasons.append(_SEQUENCE)
    # "Sommer2024!!" is "sommer" plus decoration: guessed in the first minutes of an attack.
    if "".join(ch for ch in folded if ch.isalpha()) in _COMMON_WORDS:
        reasons.append(_COMMON)
    return reasons


# Neighbouring characters on a keyboard row, in the alphabet or among digits, both directions.
_NEIGHBOURS = {(s[i], s[(i + 1) % len(s)]) for s in _SEQUENCES for i in range(len(s))}
_NEIGHBOURS |= {(b, a) for a, b in _NEIGHBOURS}


def _mostly_sequential(folded: str) -> bool:
    pairs = list(pairwise(folded))
    return len(pairs) >= 3 and sum(p in _NEIGHBOURS for p in pairs) >= 0.8 * len(pairs)


def require_strong(text: str) -> Passphrase:
    reasons = weaknesses(text)
    if reasons:
        raise WeakPassphraseError(reasons)
    return Passphrase(text)
