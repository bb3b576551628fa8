"""The retention period's bounds and wording: light (no database), for the first-run wizard."""

from consultant_app.i18n import Text

DEFAULT_YEARS = 5
MIN_YEARS, MAX_YEARS = 1, 30
ORGANISATION_DECIDES = Text(
    da="Hvor længe en afsluttet sag må gemmes, bestemmer jeres organisation (databeskyttelsesforordningens "
    "artikel 5, stk. 1, litra e). Standard er 5 år efter afslutning; spørg jeres databeskyttelsesrådgiver.",
    en="How long a closed case may be kept is decided by your organisation (GDPR article 5(1)(e)). "
    "The default is 5 years after closing; ask your data protection officer.",
)
