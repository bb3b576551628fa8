"""How often each code occurs in the demo data: plausible shapes, with every code present.

The weights are relative (they need not add up to 100). `DISTRIBUTIONS` names the code list
each one draws from, so `check_codes` fails loudly when a code is renamed or removed.
"""

from collections.abc import Mapping

from consultant_app.codes import load_codes

# Population in thousands, so inquiries come from where people live.
REGION_WEIGHTS = {
    "hovedstaden": 1870,
    "midtjylland": 1350,
    "syddanmark": 1230,
    "sjaelland": 850,
    "nordjylland": 595,
}
MUNICIPALITY_WEIGHTS = {
    "101": 650, "751": 360, "851": 220, "461": 210, "630": 120, "561": 115, "147": 105,
    "730": 100, "615": 98, "740": 97, "791": 97, "621": 95, "657": 90, "265": 90,
    "370": 84, "330": 80, "157": 75, "540": 74, "316": 73, "159": 70,
    "492": 6, "563": 3, "741": 4, "825": 2,
}  # fmt: skip
OTHER_MUNICIPALITY_WEIGHT = 40

AGE = {"barn": 37, "voksen": 57, "ukendt": 6}
GENDER = {"kvinde": 64, "mand": 29, "andet": 2, "ukendt": 5}
INQUIRER_ADULT = {
    "kommune": 44,
    "politi": 11,
    "krisecenter": 12,
    "skole": 4,
    "civilsamfund": 9,
    "borger": 17,
    "andet": 3,
}
INQUIRER_CHILD = {
    "kommune": 50,
    "politi": 8,
    "krisecenter": 3,
    "skole": 25,
    "civilsamfund": 6,
    "borger": 5,
    "andet": 3,
}
DEPARTMENT_ADULT = {"beskaeftigelse": 35, "voksne": 45, "boern_unge": 15, "skole": 5}
DEPARTMENT_CHILD = {"boern_unge": 65, "skole": 22, "beskaeftigelse": 5, "voksne": 8}
CHANNEL = {"telefon": 58, "mail": 26, "moede": 13, "andet": 3}
TRIP_ADULT = {"ingen": 88, "udlandet": 4, "trussel_dk": 8}
TRIP_CHILD = {"ingen": 80, "udlandet": 6, "trussel_dk": 14}
REASON = {
    "social_kontrol": 45,
    "psykisk_vold": 30,
    "trusler": 25,
    "pres": 25,
    "fysisk_vold": 20,
    "tvangsaegteskab": 10,
    "udlandsophold": 4,
    "andet": 5,
}
ADVICE = {
    "opmaerksomhed": 45,
    "risikovurdering": 30,
    "sikkerhed": 25,
    "samarbejde": 30,
    "koordinering": 15,
    "genopdragelsesrejse": 3,
    "andet": 4,
}
ORGANISATION_TYPE = {
    "kommune": 45,
    "politi": 12,
    "krisecenter": 10,
    "skole": 15,
    "civilsamfund": 10,
    "andet": 8,
}
# The code list each distribution draws from: checked, so a renamed code fails loudly.
DISTRIBUTIONS: tuple[tuple[str, Mapping[str, float]], ...] = (
    ("age_group", AGE),
    ("gender", GENDER),
    ("inquirer_type", INQUIRER_ADULT),
    ("inquirer_type", INQUIRER_CHILD),
    ("municipal_department", DEPARTMENT_ADULT),
    ("municipal_department", DEPARTMENT_CHILD),
    ("channel", CHANNEL),
    ("trip_concern", TRIP_ADULT),
    ("trip_concern", TRIP_CHILD),
    ("reason", REASON),
    ("advice_type", ADVICE),
    ("inquirer_type", ORGANISATION_TYPE),
    ("region", REGION_WEIGHTS),
)

CLOSING = {"afsluttet": 55, "overdraget": 25, "ingen_kontakt": 15, "andet": 5}
SINGLE_CLOSING = {"afsluttet": 92, "overdraget": 8}
FOLLOW_UP = {"opkald": 40, "moede": 20, "revurdering": 12, "koordinering": 22, "andet": 6}
CONTACT_CHANNEL = {"telefon": 55, "mail": 30, "moede": 15}
RATING = {"nej": 40, "delvist": 22, "ja": 26, "ukendt": 12}
LEVEL = {"lav": 45, "moderat": 35, "hoej": 20}
DISTRIBUTIONS += (
    ("closing_reason", CLOSING),
    ("closing_reason", SINGLE_CLOSING),
    ("follow_up_type", FOLLOW_UP),
    ("channel", CONTACT_CHANNEL),
    ("risk_rating", RATING),
    ("risk_level", LEVEL),
)
# Share of inquiries that become a course: a trip abroad almost always does.
COURSE_SHARE = {"ingen": 0.31, "trussel_dk": 0.55, "udlandet": 0.85}
ASSESSED_SHARE = 0.3  # of the courses where risk assessment was part of the advice


def check_codes() -> None:
    codes = load_codes()
    for list_name, weights in DISTRIBUTIONS:
        unknown = set(weights) - set(codes[list_name].values())
        if unknown:
            raise ValueError(f"demo weights name codes not in '{list_name}': {sorted(unknown)}")
