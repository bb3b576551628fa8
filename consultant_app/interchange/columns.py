"""The columns of inquiry interchange format v1 (interchange.md), in the order export writes them."""

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"
    DATE = "date"
    CODE = "code"
    CODES = "codes"  # a `|`-separated list of codes
    MUNICIPALITY = "municipality"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    # The InquiryDraft field the column fills (services/inquiries.py).
    field: str
    required: bool = False
    code_list: str | None = None


COLUMNS: tuple[Column, ...] = (
    Column("external_ref", Kind.TEXT, "external_ref"),
    Column("received_on", Kind.DATE, "received_at", required=True),
    Column("region", Kind.CODE, "region", required=True, code_list="region"),
    Column("municipality_code", Kind.MUNICIPALITY, "municipality_code"),
    Column("inquirer_type", Kind.CODE, "inquirer_type", required=True, code_list="inquirer_type"),
    Column("municipal_department", Kind.CODE, "municipal_department", code_list="municipal_department"),
    Column("channel", Kind.CODE, "channel", required=True, code_list="channel"),
    Column("citizen_age_group", Kind.CODE, "citizen_age_group", required=True, code_list="age_group"),
    Column("citizen_gender", Kind.CODE, "citizen_gender", code_list="gender"),
    Column("consent", Kind.CODE, "consent", code_list="consent"),
    Column("trip_concern", Kind.CODE, "trip_concern", required=True, code_list="trip_concern"),
    Column("reasons", Kind.CODES, "reasons", code_list="reason"),
    Column("advice_types", Kind.CODES, "advice_types", code_list="advice_type"),
    Column("kind", Kind.CODE, "kind", code_list="kind"),
    Column("closed_on", Kind.DATE, "closed_on"),
    Column("notes", Kind.TEXT, "notes"),
    Column("professional_name", Kind.TEXT, "professional_name"),
    Column("professional_email", Kind.TEXT, "professional_email"),
    Column("professional_phone", Kind.TEXT, "professional_phone"),
    Column("professional_organisation", Kind.TEXT, "professional_organisation"),
)
BY_NAME = {c.name: c for c in COLUMNS}
HEADER = tuple(c.name for c in COLUMNS)
# Draft field -> column, to say where in the file a problem lies.
COLUMN_OF_FIELD = {c.field: c.name for c in COLUMNS}

LIST_SEPARATOR = "|"
# The rejects file adds this column; reading a corrected rejects file back must just work.
ERRORS_COLUMN = "import_errors"
