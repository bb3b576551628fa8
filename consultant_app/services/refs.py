"""The keys an inquiry gets before it is inserted: its id and, when none is given, its reference.

The reference (`external_ref`, interchange.md) is how a file or another vault knows an inquiry,
so every inquiry has one from the moment it is stored: the one a form or a file gave, or else
the vault's own, made by `own_ref` and nothing else (the form, the importer and the demo all
call it). The vault's random prefix (`Profile.ref_prefix`) keeps the own references of two
vaults apart; the id keeps them apart within a vault.
"""

from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from consultant_app.domain import Profile
from consultant_app.domain.base import Base, table_of
from consultant_app.domain.case_code import case_code
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text


class NoProfileError(ConsultantAppError):
    text = Text(
        da="Boksen har ingen profil, så en ny henvendelse kan ikke få en reference.",
        en="The vault has no profile, so a new inquiry cannot be given a reference.",
    )


def own_ref(prefix: str, received_at: date, inquiry_id: int) -> str:
    """The reference a vault gives an inquiry that came without one, e.g. `K7QH2M-2024-00042`.

    Stored once, when the inquiry is; a later change of the received date leaves it as it is."""
    return f"{prefix}-{case_code(received_at, inquiry_id)}"


def ref_prefix(session: Session) -> str:
    """This vault's prefix for its own references."""
    prefix = session.scalar(select(Profile.ref_prefix))
    if prefix is None:
        raise NoProfileError()
    return prefix


def next_id(session: Session, model: type[Base]) -> int:
    """The id the next row of `model` gets, known before the insert (so an own reference can be
    stored with the row). Safe because a vault has one connection, behind its file lock, and the
    caller's transaction holds it: nobody else can take an id meanwhile. For an AUTOINCREMENT
    table the highest id ever used counts too, so a deleted row's id is never reused."""
    table = table_of(model)
    highest = session.scalar(select(func.max(table.c.id))) or 0
    if table.dialect_options["sqlite"]["autoincrement"]:
        used = session.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name}
        ).scalar()
        highest = max(highest, used or 0)
    return highest + 1
