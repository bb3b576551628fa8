"""The professional's name on each inquiry's own row: the copy the inquiry list shows (issue 17).

The list shows each row's professional by name. Read from the professionals, the first page
after unlock decrypted a page of names for nearly every row it showed (at 300 000 inquiries 114
of the 146 pages it read: the busy professionals are spread over the whole table, even in their
narrow index); from the inquiry's own row it reads none.

Triggers keep the copy in the same transaction as every write that could change it, whoever
writes (the ORM, the importer's bulk statements, a cascade):
- an inquiry written with a professional, or given another (or none: deleting a professional
  sets the inquiry's to NULL, which fires the same trigger): the copy is read from the
  professional;
- a professional renamed: every inquiry of theirs gets the new name.
The program never writes the column itself, and it is not in the ORM model (like the search
index and the monthly aggregate, it is derived: `migrate.include_name` leaves it out of the
comparison of models and schema). The triggers name `inquiry`, which SQLite refuses while a
migration rebuilds that table, so they go before every migration (db/env.py) and `ensure` makes
them again and corrects every copy once the schema is at the head (migrate.upgrade).
"""

from sqlalchemy import Connection, String, literal_column

TABLE = "inquiry"
COLUMN = "professional_name"

# For the list's statements, which select from the inquiry table itself.
NAME = literal_column(f"{TABLE}.{COLUMN}", String)

_FROM_PROFESSIONAL = "(SELECT name FROM professional WHERE professional.id = {ref})"


def trigger_sql() -> dict[str, str]:
    # Names from the constants above, never from input.
    copy = _FROM_PROFESSIONAL.format(ref="new.professional_id")
    own_row = f"UPDATE {TABLE} SET {COLUMN} = {copy} WHERE id = new.id;"  # noqa: S608
    renamed = f"UPDATE {TABLE} SET {COLUMN} = new.name WHERE professional_id = new.id;"  # noqa: S608
    return {
        f"{TABLE}_{COLUMN}_ai": f"AFTER INSERT ON {TABLE} WHEN new.professional_id IS NOT NULL BEGIN {own_row} END",
        f"{TABLE}_{COLUMN}_au": f"AFTER UPDATE OF professional_id ON {TABLE} BEGIN {own_row} END",
        f"professional_{COLUMN}_au": f"AFTER UPDATE OF id, name ON professional BEGIN {renamed} END",
    }


def ensure(conn: Connection, existing: set[str] | None = None) -> None:
    """At the head: triggers a migration dropped are made again, and every copy that differs
    from its professional's name is corrected (none, when nothing had changed). `existing`: the
    schema's names, when the caller has read them already."""
    if existing is None:
        existing = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    if all(name in existing for name in trigger_sql()):
        return
    for name, body in trigger_sql().items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    copy = _FROM_PROFESSIONAL.format(ref=f"{TABLE}.professional_id")
    # Only the rows that differ are written: after most migrations, none.
    conn.exec_driver_sql(f"UPDATE {TABLE} SET {COLUMN} = {copy} WHERE {COLUMN} IS NOT {copy}")  # noqa: S608


def drop_triggers(conn: Connection) -> None:
    """Before any migration (db/env.py); `ensure` makes them again afterwards."""
    for name in trigger_sql():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def stale_copies(conn: Connection) -> int:
    """How many inquiries show another name than their professional's (0; for the tests)."""
    copy = _FROM_PROFESSIONAL.format(ref=f"{TABLE}.professional_id")
    return conn.exec_driver_sql(f"SELECT count(*) FROM {TABLE} WHERE {COLUMN} IS NOT {copy}").scalar_one()  # noqa: S608
