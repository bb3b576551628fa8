"""How many guesses a passphrase would take: zxcvbn, taught Danish and the consultant's own words.

zxcvbn (Dropbox's estimator) finds the patterns an attacker's cracker tries first — dictionary
words, names, l33t substitutions, repeats, sequences, dates, keyboard rows — and estimates the
guesses needed. Its own lists are English, so it is given a Danish word-frequency list
(`resources/wordlists/danish_words.txt`: the 20 000 most frequent Danish words of 3 letters or
more, made once from the `wordfreq` package, see docs/passphrase.md) and, where known, the
profile's own words (name, team, region).

The rule: below 10^12 estimated guesses a passphrase is refused (an offline attack on a stolen
laptop at ~10^4 guesses a second per core against SQLCipher's 256 000 PBKDF2 rounds is then
still months on a rack of machines, not hours). zxcvbn judges at most the first 72 characters;
a longer passphrase is judged on those. Spaces between words add little for an attacker who
tries word lists: the estimate is the smaller of the text as typed and without its spaces.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

from consultant_app.i18n import Text
from consultant_app.resources import resource

MIN_GUESSES = 10**12
MAX_JUDGED = 72  # zxcvbn's own limit: beyond it a passphrase is judged on its first 72 characters
_BAR_TOP = 10**16  # the strength bar is full here

_TOO_WEAK = Text(
    da="den kan gættes på omkring {guesses} forsøg; den skal tåle mindst en billion (10^12)",
    en="it can be guessed in about {guesses} attempts; it must withstand at least a trillion (10^12)",
)
# Orders of magnitude in words, so the refusal reads as a sentence (the long scale in Danish).
_ORDERS = {
    "da": (
        (12, "billion", "billioner"),
        (9, "milliard", "milliarder"),
        (6, "million", "millioner"),
        (3, "tusind", "tusind"),
    ),
    "en": (
        (12, "trillion", "trillion"),
        (9, "billion", "billion"),
        (6, "million", "million"),
        (3, "thousand", "thousand"),
    ),
}
_OWN_WORDS = Text(
    da="den bygger på dit navn, dit team eller din region, som en angriber prøver først",
    en="it is built on your name, team or region, which an attacker tries first",
)
_CONTROL = Text(da="den indeholder usynlige kontroltegn", en="it contains invisible control characters")

# zxcvbn's feedback, in the app's languages. An unknown text (a newer zxcvbn) is shown as it is.
FEEDBACK: dict[str, Text] = {
    t.en: t
    for t in (
        Text(da="Brug nogle få ord, og undgå kendte vendinger.", en="Use a few words, avoid common phrases."),
        Text(
            da="Symboler, tal og store bogstaver er ikke nødvendige.",
            en="No need for symbols, digits, or uppercase letters.",
        ),
        Text(
            da="Tilføj et ord eller to mere. Usædvanlige ord er bedst.",
            en="Add another word or two. Uncommon words are better.",
        ),
        Text(da="Lige rækker af taster er lette at gætte.", en="Straight rows of keys are easy to guess."),
        Text(da="Korte tastaturmønstre er lette at gætte.", en="Short keyboard patterns are easy to guess."),
        Text(
            da="Brug et længere tastaturmønster med flere sving.",
            en="Use a longer keyboard pattern with more turns.",
        ),
        Text(da='Gentagelser som "aaa" er lette at gætte.', en='Repeats like "aaa" are easy to guess.'),
        Text(
            da='Gentagelser som "abcabcabc" er kun lidt sværere at gætte end "abc".',
            en='Repeats like "abcabcabc" are only slightly harder to guess than "abc".',
        ),
        Text(da="Undgå gentagne ord og tegn.", en="Avoid repeated words and characters."),
        Text(
            da='Rækkefølger som "abc" eller "6543" er lette at gætte.',
            en='Sequences like "abc" or "6543" are easy to guess.',
        ),
        Text(da="Undgå rækkefølger.", en="Avoid sequences."),
        Text(da="Nylige årstal er lette at gætte.", en="Recent years are easy to guess."),
        Text(da="Undgå nylige årstal.", en="Avoid recent years."),
        Text(da="Undgå årstal, der har med dig at gøre.", en="Avoid years that are associated with you."),
        Text(da="Datoer er ofte lette at gætte.", en="Dates are often easy to guess."),
        Text(
            da="Undgå datoer og årstal, der har med dig at gøre.",
            en="Avoid dates and years that are associated with you.",
        ),
        Text(da="Det er en af de 10 mest brugte adgangskoder.", en="This is a top-10 common password."),
        Text(da="Det er en af de 100 mest brugte adgangskoder.", en="This is a top-100 common password."),
        Text(da="Det er en meget almindelig adgangskode.", en="This is a very common password."),
        Text(
            da="Den ligner en almindeligt brugt adgangskode.",
            en="This is similar to a commonly used password.",
        ),
        Text(da="Et ord alene er let at gætte.", en="A word by itself is easy to guess."),
        Text(
            da="Navne og efternavne alene er lette at gætte.",
            en="Names and surnames by themselves are easy to guess.",
        ),
        Text(
            da="Almindelige fornavne og efternavne er lette at gætte.",
            en="Common names and surnames are easy to guess.",
        ),
        Text(da="Store bogstaver hjælper ikke ret meget.", en="Capitalization doesn't help very much."),
        Text(
            da="Kun store bogstaver er næsten lige så let at gætte som kun små.",
            en="All-uppercase is almost as easy to guess as all-lowercase.",
        ),
        Text(
            da="Baglæns ord er ikke meget sværere at gætte.", en="Reversed words aren't much harder to guess."
        ),
        Text(
            da="Forudsigelige udskiftninger som '@' i stedet for 'a' hjælper ikke ret meget.",
            en="Predictable substitutions like '@' instead of 'a' don't help very much.",
        ),
    )
}


@dataclass(frozen=True)
class Strength:
    guesses: float  # zxcvbn's estimate, for the text as judged
    reasons: tuple[Text, ...]  # why it is refused; empty when it is strong enough
    advice: tuple[Text, ...]  # zxcvbn's suggestions, translated

    @property
    def acceptable(self) -> bool:
        return not self.reasons

    @property
    def fraction(self) -> float:
        """0..1 on a log scale, for a strength bar: the threshold sits at three quarters."""
        if self.guesses <= 1:
            return 0.0
        return min(1.0, math.log10(self.guesses) / math.log10(_BAR_TOP))


@cache
def _danish_words() -> list[str]:
    text = resource("wordlists", "danish_words.txt").read_text(encoding="utf-8")
    return [w for w in text.split() if w]


@cache
def _zxcvbn():
    # Imported and taught Danish once, when a passphrase is first judged (not at start-up).
    from zxcvbn import zxcvbn
    from zxcvbn.matching import add_frequency_lists

    add_frequency_lists({"danish": _danish_words()})
    return zxcvbn


def own_words(*texts: str | None) -> list[str]:
    """The words of the profile an attacker would try: each word, and each text whole, with
    and without its spaces ("Karen Konsulent", "karenkonsulent", "karen", "konsulent")."""
    words: list[str] = []
    for text in texts:
        if not text:
            continue
        folded = unicodedata.normalize("NFC", text).casefold().strip()
        parts = [p for p in folded.replace("-", " ").split() if len(p) >= 2]
        words += [folded, folded.replace(" ", ""), *parts]
    return list(dict.fromkeys(w for w in words if w))


def assess(passphrase: str, user_words: list[str] | tuple[str, ...] = ()) -> Strength:
    text = unicodedata.normalize("NFC", passphrase)
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        return Strength(0, (_CONTROL,), ())
    judged = text[:MAX_JUDGED]
    estimate = _zxcvbn()
    inputs = list(user_words)
    results = [estimate(judged, user_inputs=inputs)]
    squeezed = "".join(judged.split())
    if squeezed and squeezed != judged:
        results.append(estimate(squeezed, user_inputs=inputs))
    weakest = min(results, key=lambda r: float(r["guesses"]))
    guesses = float(weakest["guesses"])
    feedback = weakest["feedback"]
    advice = tuple(_translated(s) for s in [feedback.get("warning"), *feedback.get("suggestions", [])] if s)
    if guesses >= MIN_GUESSES:
        return Strength(guesses, (), ())
    reasons: list[Text] = [
        Text(
            _TOO_WEAK.da.format(guesses=_figure(guesses, "da")),
            _TOO_WEAK.en.format(guesses=_figure(guesses, "en")),
        )
    ]
    if any(m.get("dictionary_name") == "user_inputs" for m in weakest["sequence"]):
        reasons.append(_OWN_WORDS)
    return Strength(guesses, (*reasons, *advice), advice)


def _translated(english: str) -> Text:
    return FEEDBACK.get(english) or Text(da=english, en=english)


def _figure(guesses: float, language: str) -> str:
    """'10 milliarder (10^10)': an order of magnitude is all an estimate can honestly say."""
    k = max(0, int(math.log10(max(guesses, 1))))
    for order, one, many in _ORDERS[language]:
        if k >= order:
            lead = 10 ** (k - order)
            return f"{lead} {one if lead == 1 else many} (10^{k})"
    if k == 0:
        return "nogle få" if language == "da" else "a few"
    return str(10**k)
