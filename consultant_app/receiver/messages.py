"""Every word `consultant-app-receiver` shows a person: help and messages, Danish by default,
English with CONSULTANT_APP_LANG=en (the same `Text` mechanism as the laptop's command line).
In one place so that a command never mixes the two languages and a translation is checked
in one file. HTTP answers stay English: they are read by programs and logged by proxies."""

from consultant_app.i18n import Text

T = Text

# --- help ----------------------------------------------------------------------------------
DESCRIPTION = T(
    da="SIRI's modtager af de anonymiserede månedstal.", en="SIRI's receiver of the anonymised counts."
)
H_DEBUG = T(da="vis tracebacks og fejlsøgningslog", en="show tracebacks and debug logging")
H_DB = T(
    da="databasens URL (standard: ${env}, ellers {default})",
    en="database URL (default: ${env}, else {default})",
)
H_SERVE = T(da="kør modtagerens API", en="run the receiving API")
H_HOST = T(da="adressen der lyttes på", en="the address to listen on")
H_PORT = T(da="porten der lyttes på", en="the port to listen on")
H_TOKENS = T(da="nøglefilen (tokens add)", en="the tokens file (tokens add)")
H_TLS_CERT = T(da="servercertifikatet (PEM, med kæde)", en="the server certificate (PEM, with its chain)")
H_TLS_KEY = T(da="dets private nøgle (PEM)", en="its private key (PEM)")
H_WORKERS = T(
    da="antal arbejdsprocesser (flere end 1 kræver PostgreSQL)",
    en="number of worker processes (more than 1 needs PostgreSQL)",
)
H_JSON_LOGS = T(da="log som JSON-linjer (én pr. hændelse)", en="log as JSON lines (one per event)")
H_REPORT = T(da="rapporter over de modtagne pakker", en="reports from the received packages")
H_NATIONAL = T(
    da="de nationale tabeller (JSON eksakt; csv, xlsx, pdf med småtalsbeskyttelse)",
    en="the national tables (JSON exact; csv, xlsx, pdf protected)",
)
H_FROM = T(da="første måned, ÅÅÅÅ-MM", en="first month, YYYY-MM")
H_TO = T(da="sidste måned, ÅÅÅÅ-MM", en="last month, YYYY-MM")
H_FORMAT = T(da="standard: fra filnavnet, ellers json", en="default: from the file name, else json")
H_OUTPUT = T(
    da="filen der skrives (standard: stdout, json og csv)",
    en="the file to write (default: stdout, json and csv)",
)
H_ADD_TOKEN = T(
    da="udsted en nøgle; vises én gang, alene, på sidste linje (samme som tokens add)",
    en="issue a token; printed once, alone, on the last line (same as tokens add)",
)
H_TOKENS_GROUP = T(da="nøgler: udsted, vis, tilbagekald, forny", en="tokens: issue, list, revoke, rotate")
H_TOKENS_FILE = T(da="nøglefilen (oprettes hvis den mangler)", en="the tokens file (created if missing)")
H_NAME = T(
    da="hvis bærbare (eller hvilken analytiker) den er til", en="whose laptop (or which analyst) it is for"
)
H_ANALYST = T(da="en nøgle der læser den nationale rapport", en="a token that reads the national report")
H_SUBMITTER_ID = T(
    da="den bærbares indsender-id, hvis det kendes (ellers bundet ved første brug)",
    en="the laptop's submitter id, if known (else bound on first use)",
)
H_REPLACE = T(
    da="indsender-id'et har allerede en nøgle: tilbagekald den straks og udsted denne i stedet",
    en="the submitter id already has a token: revoke it at once and issue this one in its place",
)
H_TOKEN_DB = T(
    da="databasen med bundne indsender-id'er og sidste brug (standard: ${env}, hvis sat)",
    en="the database with bound submitter ids and last use (default: ${env}, if set)",
)
H_LIST = T(
    da="vis nøglerne uden hemmeligheder (id, navn, type, indsender, oprettet, sidst brugt)",
    en="list the tokens without their secrets (id, name, kind, submitter, created, last used)",
)
H_LIST_JSON = T(da="maskinlæsbart output på stdout", en="machine-readable output on stdout")
H_REVOKE = T(
    da="tilbagekald en nøgle: den kørende tjeneste afviser den straks",
    en="revoke a token: the running service refuses it at once",
)
H_ROTATE = T(
    da="en ny nøgle til samme bærbare og indsender; den gamle tilbagekaldes",
    en="a new token for the same laptop and submitter; the old one revoked",
)
H_TOKEN_ID = T(da="nøglens id (se tokens list)", en="the token's id (see tokens list)")
H_IMPORT = T(
    da="importér pakkefiler (fra `consultant-app package`)",
    en="import package files (from `consultant-app package`)",
)
H_FILES = T(da="pakkefilerne", en="the package files")
H_IMPORT_JSON = T(da="maskinlæsbart output på stdout", en="machine-readable output on stdout")
H_MIGRATE = T(
    da="bring databasens skema op til dato (serve afviser en database der er bagud)",
    en="bring the database schema up to date (serve refuses one that is behind)",
)

# --- messages ------------------------------------------------------------------------------
TLS_REQUIRED = T(
    da="Uden TLS lyttes kun på denne maskine (127.0.0.1): angiv --tls-cert og --tls-key.",
    en="Without TLS the service only listens on this machine (127.0.0.1): give --tls-cert and --tls-key.",
)
TLS_PAIR = T(da="--tls-cert og --tls-key hører sammen.", en="--tls-cert and --tls-key go together.")
WORKERS_NEED_POSTGRES = T(
    da="Flere arbejdsprocesser kræver PostgreSQL (SQLite har én skriver ad gangen).",
    en="Several worker processes need PostgreSQL (SQLite has one writer at a time).",
)
NEEDS_FILE = T(
    da="Formatet {fmt} skal skrives til en fil: angiv -o FIL.",
    en="The format {fmt} must be written to a file: give -o FILE.",
)
ISSUED = T(
    da="Nøgle udstedt til {name} ({kind}, id {id}). Kun dens SHA-256 er gemt i {path}.\n"
    "Den vises kun denne ene gang (sidste linje): giv den sikkert videre.",
    en="Token issued to {name} ({kind}, id {id}). Only its SHA-256 is stored in {path}.\n"
    "It is shown this once only (the last line): hand it over securely.",
)
REPLACED = T(
    da="Nøgle {old} er tilbagekaldt; den nye overtager dens indsender.",
    en="Token {old} is revoked; the new one takes over its submitter.",
)
REVOKED = T(
    da="Nøgle {id} ({name}) er tilbagekaldt; tjenesten afviser den fra nu af.",
    en="Token {id} ({name}) is revoked; the service refuses it from now on.",
)
INVALID_SUBMITTER = T(da="Ugyldigt --submitter-id.", en="Invalid --submitter-id.")
LIST_HEADER = (
    T(da="id", en="id"),
    T(da="navn", en="name"),
    T(da="type", en="kind"),
    T(da="indsender", en="submitter"),
    T(da="oprettet", en="created"),
    T(da="sidst brugt", en="last used"),
    T(da="status", en="state"),
)
LIVE = T(da="aktiv", en="live")
REVOKED_STATE = T(da="tilbagekaldt {at}", en="revoked {at}")
UNKNOWN = T(da="-", en="-")
NO_TOKENS = T(da="Ingen nøgler endnu (tokens add).", en="No tokens yet (tokens add).")
IMPORTED = {
    "stored": T(
        da="{file}: gemt ({month}, version {version})", en="{file}: stored ({month}, version {version})"
    ),
    "duplicate": T(
        da="{file}: findes allerede ({month}, version {version})",
        en="{file}: already stored ({month}, version {version})",
    ),
}
REFUSED = T(da="{file}: afvist: {reason}", en="{file}: refused: {reason}")
SOME_REFUSED = T(da="{n} fil(er) blev afvist.", en="{n} file(s) were refused.")
NO_DATABASE = T(
    da="Databasen kunne ikke bruges ({kind}): kontrollér --db.",
    en="The database could not be used ({kind}): check --db.",
)
WROTE = T(da="Skrevet: {path}", en="Written: {path}")
UNEXPECTED = T(
    da="Uventet fejl ({kind}). Kør igen med --debug for detaljer.",
    en="Unexpected error ({kind}). Run again with --debug for details.",
)
MIGRATED = T(
    da="Databasen er på skemaversion {revision}.", en="The database is at schema revision {revision}."
)
SCHEMA_BEHIND = T(
    da="Databasens skema er bagud ({current}, nyeste {head}): kør `consultant-app-receiver migrate` først.",
    en="The database schema is behind ({current}, newest {head}): run `consultant-app-receiver migrate` first.",
)
SCHEMA_AHEAD = T(
    da="Databasens skema ({current}) er nyere end dette program kender: opgradér programmet.",
    en="The database schema ({current}) is newer than this program knows: upgrade the program.",
)
