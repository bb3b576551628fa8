"""The monthly aggregate: how many inquiries each month and region has, per code of every
category, kept by triggers in the same transaction as the records (counts.md rules 1-4).

`inquiry_month_count(month, region, category, code, n)`: `month` is the first seven characters
of `received_at` (rule 1), only inquiries registered in this vault count (rule 7), category
`inquiries` (code '') counts the inquiries (rule 2), the
single-code categories count each inquiry once under its code (rule 3), `by_reason` and
`by_advice_type` count its reason and advice rows (rule 4). The statistics read this table
instead of walking the inquiries, so twelve months cost the same in a vault of any age. Rows
whose count went back to 0 stay (harmless zeros). Rule 5 (courses open at a month end) depends
on the day a course closes and is still counted from the records, from one covering index.

Like the search index, the aggregate is derived data: `ensure` rebuilds it after an upgrade if a
table rebuild dropped its triggers, and `rebuild` recomputes it from the records.
"""

# ruff: noqa: S608 -- every statement here is built from the constant names below, never input.

from sqlalchemy import Connection

TABLE = "inquiry_month_count"
# Category -> the inquiry column holding its one code (counts/query.py SINGLE_COLUMNS).
SINGLE = {
    "by_inquirer_type": "inquirer_type",
    "by_channel": "channel",
    "by_kind": "kind",
    "age_group": "citizen_age_group",
    "trip_concern": "trip_concern",
}
# Category -> the table of its rows (each row: inquiry_id, code).
MULTI = {"by_reason": "inquiry_reason", "by_advice_type": "inquiry_advice"}

_CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    month TEXT NOT NULL,
    region TEXT NOT NULL,
    category TEXT NOT NULL,
    code TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (month, region, category, code)
) WITHOUT ROWID"""


def _month(row: str) -> str:
    return f"substr({row}.received_at, 1, 7)"


def _here(row: str) -> str:
    """Rule 7: counted by the vault it was registered in (not a case received from a colleague)."""
    return f"coalesce({row}.origin_submitter, '') = ''"


def _inquiry_keys(row: str) -> str:
    """The six (month, region, category, code) keys an inquiry row counts under (none for a
    case received from a colleague)."""
    parts = [
        f"SELECT {_month(row)} AS month, {row}.region AS region, 'inquiries' AS category, '' AS code "
        f"WHERE {_here(row)}"
    ]
    parts += [
        f"SELECT {_month(row)}, {row}.region, '{category}', {row}.{col} WHERE {_here(row)}"
        for category, col in SINGLE.items()
    ]
    return " UNION ALL ".join(parts)


def _add(keys: str, delta: int) -> str:
    # `WHERE true`: SQLite's parser needs it between a SELECT and ON CONFLICT.
    return (
        f"INSERT INTO {TABLE} (month, region, category, code, n) "
        f"SELECT month, region, category, code, {delta} FROM ({keys}) WHERE true "
        f"ON CONFLICT (month, region, category, code) DO UPDATE SET n = n + excluded.n;"
    )


def _codes_of(row: str, delta: int) -> str:
    """The reason and advice rows of inquiry `row`, counted at its month and region."""
    return "".join(
        _add(
            f"SELECT {_month(row)} AS month, {row}.region AS region, '{category}' AS category, c.code AS code "
            f"FROM {table} AS c WHERE c.inquiry_id = {row}.id AND {_here(row)}",
            delta,
        )
        for category, table in MULTI.items()
    )


def _code_row(row: str, category: str) -> str:
    """One reason or advice row, counted at its inquiry's month and region (none if the inquiry
    is gone: a cascade from its deletion, which counted its rows off already)."""
    return (
        f"SELECT {_month('i')} AS month, i.region AS region, '{category}' AS category, {row}.code AS code "
        f"FROM inquiry AS i WHERE i.id = {row}.inquiry_id AND {_here('i')}"
    )


def trigger_sql() -> dict[str, str]:
    counted = ", ".join(["received_at", "region", "origin_submitter", *SINGLE.values()])
    triggers = {
        f"{TABLE}_inquiry_ai": f"AFTER INSERT ON inquiry BEGIN {_add(_inquiry_keys('new'), 1)} END",
        # Before: the cascade that follows deletes the reason and advice rows with the inquiry
        # already gone, so they are counted off here, while they can still be found.
        f"{TABLE}_inquiry_bd": (
            f"BEFORE DELETE ON inquiry BEGIN {_add(_inquiry_keys('old'), -1)} {_codes_of('old', -1)} END"
        ),
        f"{TABLE}_inquiry_au": (
            f"AFTER UPDATE OF id, {counted} ON inquiry BEGIN "
            f"{_add(_inquiry_keys('old'), -1)} {_add(_inquiry_keys('new'), 1)} "
            f"{_codes_of('old', -1)} {_codes_of('new', 1)} END"
        ),
    }
    for category, table in MULTI.items():
        triggers |= {
            f"{TABLE}_{table}_ai": f"AFTER INSERT ON {table} BEGIN {_add(_code_row('new', category), 1)} END",
            f"{TABLE}_{table}_ad": f"AFTER DELETE ON {table} BEGIN {_add(_code_row('old', category), -1)} END",
            f"{TABLE}_{table}_au": (
                f"AFTER UPDATE ON {table} BEGIN {_add(_code_row('old', category), -1)} "
                f"{_add(_code_row('new', category), 1)} END"
            ),
        }
    return triggers


def install(conn: Connection) -> None:
    """Create the table and triggers and count the records already there (migration 0005)."""
    conn.exec_driver_sql(_CREATE)
    _create_triggers(conn)
    rebuild(conn)


def ensure(conn: Connection, existing: set[str] | None = None) -> None:
    """After an upgrade to the head: the aggregate made if missing; triggers dropped for the
    migration (or by a table rebuild) made again, and the counts redone from the records.
    `existing`: the schema's names, when the caller has read them already."""
    if existing is None:
        existing = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    if TABLE not in existing:
        install(conn)
        return
    if all(name in existing for name in trigger_sql()):
        return
    _create_triggers(conn)
    rebuild(conn)


def drop_triggers(conn: Connection) -> None:
    """Before any migration (db/env.py): a trigger on inquiry_reason names inquiry, and SQLite
    refuses to rename a rebuilt inquiry table into place, or drop a column, while a trigger names
    it. `ensure` afterwards creates them again and recounts whatever the migration changed."""
    for name in trigger_sql():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def rebuild(conn: Connection) -> None:
    """The aggregate recomputed from the records."""
    month = "substr(i.received_at, 1, 7)"
    parts = [
        f"SELECT {month} AS month, i.region AS region, 'inquiries' AS category, '' AS code FROM inquiry AS i WHERE {_here('i')}"
    ]
    parts += [
        f"SELECT {month}, i.region, '{category}', i.{col} FROM inquiry AS i WHERE {_here('i')}"
        for category, col in SINGLE.items()
    ]
    parts += [
        f"SELECT {month}, i.region, '{category}', c.code FROM {table} AS c JOIN inquiry AS i ON i.id = c.inquiry_id WHERE {_here('i')}"
        for category, table in MULTI.items()
    ]
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {TABLE} (month, region, category, code, n) "
        f"SELECT month, region, category, code, count(*) FROM ({' UNION ALL '.join(parts)}) "
        "GROUP BY month, region, category, code"
    )


def _create_triggers(conn: Connection) -> None:
    for name, body in trigger_sql().items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
