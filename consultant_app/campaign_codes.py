"""Campaign codes: the only text of the consultant's that leaves the laptop (in the package).

A code travels to SIRI in every month's package, so it must never carry what a person typed
about a citizen. The default code is therefore random and opaque (`kmp-` and consonants: no
vowels, so no words, and no digits, so no dates or CPR numbers). A code the user gives must
look like an agency code — letters, digits and dashes, at most 24 characters — and is refused
when it holds a run of 6 or more digits (a CPR number or a birth date), an e-mail address, or
a name the vault knows (the profile, a professional, a citizen's name or pseudonym).

`is_agency_code` is the shape alone; the package schema checks it on both sides of the sync.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.errors import Problem
from consultant_app.i18n import Text

MAX_LENGTH = 24
PREFIX = "kmp-"
_CONSONANTS = "bcdfghjklmnpqrstvwxz"
_RANDOM_LENGTH = 8  # 20**8 ≈ 2.6e10 codes: two campaigns never draw the same one in practice
_SHAPE = re.compile(rf"^[A-Za-z0-9](?:[A-Za-z0-9-]{{0,{MAX_LENGTH - 2}}}[A-Za-z0-9])?$")
# Six digits in a row, or a CPR number written with dashes (01-01-90-1234).
_DIGIT_RUN = re.compile(r"\d{6,}|\d{2}-?\d{2}-?\d{2}-?\d{4}")
_EMAIL = re.compile(r"\S+@\S+")
_FOLDS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
MIN_NAME_WORD = 3  # "Bo", "Li": too short to tell a name from an agency abbreviation
MIN_RUN_IN_WORD = 5  # inside a longer word, shorter names match too much ("Fred" in "tilfredshed")

BAD_SHAPE = Text(
    da="koden må kun have bogstaverne a-z, tal og bindestreger (højst {limit} tegn)",
    en="the code may only have the letters a-z, digits and dashes (at most {limit} characters)",
)
DIGIT_RUN = Text(
    da="koden må ikke have 6 eller flere cifre i træk (det kan være et CPR-nummer eller en fødselsdato)",
    en="the code must not hold 6 or more digits in a row (it could be a CPR number or a birth date)",
)
EMAIL = Text(
    da="koden må ikke indeholde en e-mailadresse",
    en="the code must not hold an e-mail address",
)
KNOWN_NAME = Text(
    da="koden indeholder et navn fra boksen; koden sendes til SIRI og må ikke kunne pege på en person",
    en="the code holds a name from the vault; the code is sent to SIRI and must not point to a person",
)


def generate_code() -> str:
    """A fresh opaque code, e.g. `kmp-trvdkbxz`."""
    return PREFIX + "".join(secrets.choice(_CONSONANTS) for _ in range(_RANDOM_LENGTH))


def is_agency_code(code: str) -> bool:
    """The shape every code in a package has: letters, digits, inner dashes, no digit run."""
    return bool(_SHAPE.match(code)) and not _DIGIT_RUN.search(code)


def code_problems(code: str, known_names: list[str]) -> list[Problem]:
    """Why a code the user typed may not be used; empty when it may."""
    if _EMAIL.search(code):
        return [Problem("code", "…", EMAIL)]  # the value is not echoed: it is the address
    problems = []
    if _DIGIT_RUN.search(code):
        problems.append(Problem("code", "…", DIGIT_RUN))
    if not _SHAPE.match(code):
        problems.append(
            Problem("code", code if len(code) <= 40 else code[:40] + "…", BAD_SHAPE, (("limit", MAX_LENGTH),))
        )
    if holds_a_name(code, known_names):
        problems.append(Problem("code", "…", KNOWN_NAME))
    return problems


def holds_a_name(code: str, known_names: list[str]) -> bool:
    """True when the code holds a word of a known name (as a word of the code, or run into
    other letters when 5 letters or longer), or a whole name with its words run together:
    `anna-hansen-2025`, `annahansenkode` and `FatimaAlKhalil` all hold a name."""
    code_words = set(_words(code))
    code_letters = "".join(_words(code))
    for name in known_names:
        words = _words(name)
        if any(w in code_words for w in words if len(w) >= MIN_NAME_WORD):
            return True
        if any(w in code_letters for w in words if len(w) >= MIN_RUN_IN_WORD):
            return True
        joined = "".join(words)
        if len(words) > 1 and len(joined) >= MIN_RUN_IN_WORD and joined in code_letters:
            return True
    return False


def known_names(session: Session) -> list[str]:
    """Every name the vault holds: the profile's, the professionals', the citizens' (full name
    and pseudonym). Read once per check; a campaign is created a few times a year."""
    from consultant_app.domain import Citizen, Professional, Profile

    names: list[str] = []
    names += session.scalars(select(Profile.name)).all()
    names += session.scalars(select(Professional.name)).all()
    for full_name, pseudonym in session.execute(select(Citizen.full_name, Citizen.pseudonym)):
        names += [n for n in (full_name, pseudonym) if n]
    return names


def _words(text: str) -> list[str]:
    """Lower-case ASCII letter runs: 'Søren Ærø-Hansen' -> ['soeren', 'aeroe', 'hansen']."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLDS)).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z]+", folded.lower())
