"""The fixed words of risk assessments in both languages: the names of the sections, the
summary judgements and the directions of change. The printout uses them, and the desktop can
use the same ones, so a field is called the same on screen and on paper."""

from consultant_app.i18n import Text

# --- heading and key facts -----------------------------------------------------------------
TITLE = Text(da="Risikovurdering {case}", en="Risk assessment {case}")
TITLE_DRAFT = Text(da="Risikovurdering {case} (udkast)", en="Risk assessment {case} (draft)")
HEADING = Text(da="Risikovurdering", en="Risk assessment")
DRAFT_WARNING = Text(
    da="UDKAST – vurderingen er ikke afsluttet og kan stadig ændres.",
    en="DRAFT – the assessment is not finalised and may still change.",
)
CASE = Text(da="Sag", en="Case")
CITIZEN = Text(da="Borger", en="Citizen")
ASSESSOR = Text(da="Vurderet af", en="Assessed by")
ASSESSED_ON = Text(da="Dato for vurderingen", en="Date of the assessment")
INSTRUMENT = Text(da="Instrument", en="Instrument")
INSTRUMENT_VALUE = Text(da="{name} ({id}, version {version})", en="{name} ({id}, version {version})")
STATUS = Text(da="Status", en="Status")
STATUS_DRAFT = Text(da="Udkast", en="Draft")
STATUS_FINALISED = Text(da="Afsluttet {date}", en="Finalised {date}")
PREVIOUS = Text(da="Forrige vurdering", en="Previous assessment")
PREVIOUS_VALUE = Text(da="Nr. {id} af {date}", en="No. {id} of {date}")

# --- sections ------------------------------------------------------------------------------
SOURCES = Text(da="Kilder til oplysninger", en="Sources of information")
MISSING = Text(da="Manglende oplysninger", en="Missing information")
FACTORS = Text(da="Risikofaktorer", en="Risk factors")
FACTORS_LEGEND = Text(
    da="Hver faktor er vurderet for nu og tidligere: nej, delvist, ja eller ukendt. Der tælles ikke "
    "point; den samlede vurdering nedenfor er konsulentens faglige skøn.",
    en="Each factor is rated for now and earlier: no, partly, yes or unknown. No points are "
    "counted; the summary judgement below is the consultant's professional judgement.",
)
QUESTIONS = Text(da="Screeningsspørgsmål", en="Screening questions")
CHECKLIST_LEGEND = Text(
    da="Antallet af ja-svar giver et udgangspunkt for risikoniveauet, som konsulenten kan fravige med en begrundelse.",
    en="The number of yes answers gives a starting point for the level of risk, which the consultant "
    "may depart from with a reason.",
)
PROTECTIVE = Text(da="Beskyttende faktorer", en="Protective factors")
PROTECTIVE_OTHER = Text(da="Øvrige beskyttende forhold", en="Other protective circumstances")
SCENARIOS = Text(da="Risikoscenarier", en="Risk scenarios")
JUDGEMENT = Text(da="Samlet vurdering", en="Summary judgement")
CHANGES = Text(
    da="Ændringer siden forrige vurdering ({date})", en="Changes since the previous assessment ({date})"
)
MEASURES = Text(da="Sikkerhedstiltag", en="Safety measures")
NEXT_REVIEW = Text(da="Næste revurdering", en="Next review")
SHARED = Text(da="Deling af vurderingen", en="Sharing of the assessment")

# --- grid columns ---------------------------------------------------------------------------
NUMBER = Text(da="Nr.", en="No.")
ITEM = Text(da="Faktor", en="Factor")
ITEM_PROTECTIVE = Text(da="Beskyttende faktor", en="Protective factor")
ITEM_QUESTION = Text(da="Spørgsmål", en="Question")
NOW = Text(da="Nu", en="Now")
EARLIER = Text(da="Tidligere", en="Earlier")
PRESENT = Text(da="Til stede", en="Present")
ANSWER = Text(da="Svar", en="Answer")
NOTE = Text(da="Note", en="Note")

# --- judgements ------------------------------------------------------------------------------
SERIOUS_VIOLENCE = Text(da="Risiko for alvorlig vold", en="Risk of serious violence")
IMMINENT_RISK = Text(da="Umiddelbar risiko", en="Imminent risk")
SCREENING = Text(da="Screeningsresultat", en="Screening result")
JUDGEMENT_NAMES = {
    "serious_violence": SERIOUS_VIOLENCE,
    "imminent_risk": IMMINENT_RISK,
    "screening": SCREENING,
}
YES_COUNT = Text(da="Antal ja-svar", en="Number of yes answers")
YES_COUNT_VALUE = Text(da="{yes} af {items}", en="{yes} of {items}")
BAND = Text(da="Udgangspunkt efter optælling", en="Starting point from the count")
BAND_VALUE = Text(da="{level} ({low}–{high} ja-svar)", en="{level} ({low}–{high} yes answers)")
OVERRIDE = Text(da="Faglig fravigelse", en="Professional override")
OVERRIDE_REASON = Text(da="Begrundelse", en="Reason")
RESULT = Text(da="Samlet risikoniveau", en="Overall level of risk")
NOT_MADE = Text(da="Ikke vurderet", en="Not assessed")
UNRATED = Text(da="ikke vurderet", en="not rated")

# --- changes -------------------------------------------------------------------------------
DIRECTIONS = {
    "up": Text(da="op", en="up"),
    "down": Text(da="ned", en="down"),
    "changed": Text(da="ændret", en="changed"),
}
# In words, not with an arrow: the embedded font has no arrow glyph.
FACTOR_MOVED = Text(
    da="{item} {label}: fra {before} til {after} ({direction})",
    en="{item} {label}: from {before} to {after} ({direction})",
)
JUDGEMENT_MOVED = Text(
    da="{name}: fra {before} til {after} ({direction})", en="{name}: from {before} to {after} ({direction})"
)
MEASURE_ADDED = Text(da="Nyt tiltag: {action}", en="New measure: {action}")
MEASURE_DROPPED = Text(da="Tiltag udgået: {action}", en="Measure dropped: {action}")
NEW_VERSION = Text(
    da="Vurderet med en nyere version af instrumentet (før: version {before}).",
    en="Assessed with a newer version of the instrument (before: version {before}).",
)
NO_CHANGES = Text(
    da="Ingen ændringer i faktorer, vurderinger eller tiltag.",
    en="No changes in factors, judgements or measures.",
)

# --- measures and sharing --------------------------------------------------------------------
ACTION = Text(da="Tiltag", en="Action")
RESPONSIBLE = Text(da="Ansvarlig", en="Responsible")
DEADLINE = Text(da="Frist", en="Deadline")
SHARED_WHO = Text(da="Delt med", en="Shared with")
SHARED_BASIS = Text(da="Grundlag for deling", en="Basis for sharing")
NOT_SHARED = Text(da="Ikke delt", en="Not shared")
NOT_GIVEN = Text(da="Ikke angivet", en="Not stated")
NOT_SET = Text(da="Ikke fastsat", en="Not set")
NONE = Text(da="Ingen", en="None")
