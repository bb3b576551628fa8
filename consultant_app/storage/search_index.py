"""The text-search index: FTS5 tables with the trigram tokenizer over what the inquiry list searches.

Each searched table has an external-content FTS5 table (the text lives once, in the table
itself; the index holds trigrams only, `detail=none` so no positions): a search of three or
more characters asks the index for the rows holding each of its trigrams and then tests the
candidates exactly (services/inquiry_list.py), so the index narrows and never decides.

Triggers keep every index in step inside the same transaction as the write, whoever writes
(ORM, the importer's bulk statements, a cascade). A table rebuilt by a migration (SQLite's
batch mode drops the old table, and its triggers with it) is repaired by `ensure` after every
upgrade: missing triggers are created again and the index rebuilt from the content.
"""

from dataclasses import dataclass

from sqlalchemy import Connection

# Below this a term has no trigram: the list searches such terms by scanning (inquiry_list.py).
MIN_INDEXED_CHARS = 3


@dataclass(frozen=True)
class Indexed:
    table: str  # the content table
    columns: tuple[str, ...]

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    def create_sql(self) -> str:
        return (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.fts} USING fts5("
            f"{', '.join(self.columns)}, content='{self.table}', content_rowid='id', "
            "tokenize='trigram', detail='none')"
        )

    def trigger_sql(self) -> list[str]:
        cols = ", ".join(self.columns)
        new = ", ".join(f"new.{c}" for c in self.columns)
        old = ", ".join(f"old.{c}" for c in self.columns)
        # Names from the constant INDEXED below, never from input.
        add = f"INSERT INTO {self.fts}(rowid, {cols}) VALUES (new.id, {new});"  # noqa: S608
        # External content: the index forgets a row only when told its old values exactly.
        remove = f"INSERT INTO {self.fts}({self.fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"  # noqa: S608
        return [
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_ai AFTER INSERT ON {self.table} BEGIN {add} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_ad AFTER DELETE ON {self.table} BEGIN {remove} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_au AFTER UPDATE OF id, {cols} ON {self.table} "
            f"BEGIN {remove} {add} END",
        ]

    def trigger_names(self) -> tuple[str, ...]:
        return (f"{self.fts}_ai", f"{self.fts}_ad", f"{self.fts}_au")


# Exactly the columns inquiry_search.text_condition searches.
INDEXED = (
    Indexed("inquiry", ("notes", "inquirer_other_note", "external_ref")),
    Indexed("note", ("text",)),
    Indexed("professional", ("name", "email", "organisation_name")),
    Indexed("citizen", ("pseudonym",)),
)
FTS_TABLES = frozenset(i.fts for i in INDEXED)
# FTS5 keeps its data in these shadow tables beside each virtual table.
_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")


def is_index_table(name: str) -> bool:
    """For Alembic's comparison: the index tables are not models."""
    return name in FTS_TABLES or any(name == fts + s for fts in FTS_TABLES for s in _SHADOW_SUFFIXES)


def install(conn: Connection) -> None:
    """Create the index tables and triggers and fill them from the content (migration 0005)."""
    for indexed in INDEXED:
        conn.exec_driver_sql(indexed.create_sql())
        for sql in indexed.trigger_sql():
            conn.exec_driver_sql(sql)
        _rebuild(conn, indexed)


def ensure(conn: Connection) -> None:
    """After an upgrade: an index whose triggers a table rebuild dropped is made whole again."""
    existing = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    for indexed in INDEXED:
        if indexed.fts not in existing:
            continue  # before migration 0005
        if all(name in existing for name in indexed.trigger_names()):
            continue
        for sql in indexed.trigger_sql():
            conn.exec_driver_sql(sql)
        _rebuild(conn, indexed)


def _rebuild(conn: Connection, indexed: Indexed) -> None:
    conn.exec_driver_sql(f"INSERT INTO {indexed.fts}({indexed.fts}) VALUES ('rebuild')")  # noqa: S608


def match_expression(term: str) -> str:
    """An FTS5 query for rows holding every trigram of `term` (at least 3 characters): a
    superset of the rows holding `term`, which the caller then tests exactly. detail=none keeps
    no positions, so the trigrams are separate tokens ANDed, not a phrase."""
    trigrams = dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2))
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
