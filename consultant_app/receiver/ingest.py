"""The rules for taking in a package, the same over the API and for files (`import`).

- Validation is the core's `Package` model (counts.package), strict: a package carries counts
  and nothing else. Problems are reported by place and rule, never by value: a key the model
  does not know is shown as '?' (it could hold anything).
- A package is stored once per (submitter, month, version). The same version again with the
  same counts is a duplicate (nothing new is stored); with different counts it is a conflict
  (two different packages cannot both be that version) and is refused.
- Every version is kept; the reports count the latest per submitter and month.
"""

import json
import re
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from consultant_app.counts.package import Package
from consultant_app.receiver.db import StoredPackage, TokenBinding, utcnow
from consultant_app.receiver.tokens import TokenEntry, TokenStore

STORED, DUPLICATE = "stored", "duplicate"
MAX_PROBLEMS = 10
_SAFE_PART = re.compile(r"^[a-z_]{1,40}$")  # field names and codes; anything else is not echoed
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


class InvalidPackage(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid package")
        self.problems = problems


class VersionConflict(Exception):
    """The same submitter, month and version is already stored with other counts."""


class SubmitterMismatch(Exception):
    """The token belongs to another submitter, or the submitter to another token (`owner`)."""

    def __init__(self, token_id: str, owner: str | None = None) -> None:
        super().__init__("submitter mismatch")
        self.token_id, self.owner = token_id, owner


@dataclass(frozen=True)
class Ingested:
    outcome: str  # stored | duplicate
    package_id: int
    submitter: str
    month: str
    version: int

    def as_json(self) -> dict:
        return {
            "outcome": self.outcome,
            "submitter": self.submitter,
            "month": self.month,
            "version": self.version,
        }


def parse_package(body: bytes | str) -> Package:
    try:
        return Package.model_validate_json(body)
    except ValidationError as exc:
        raise InvalidPackage([_problem(e) for e in exc.errors()[:MAX_PROBLEMS]]) from None


def _problem(error: ErrorDetails) -> str:
    where = ".".join(_safe(p) for p in error.get("loc", ())) or "-"
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "json_invalid":
        message = "Invalid JSON"  # pydantic's own text may quote the document
    elif error.get("type") == "value_error":  # the model's own rules may list the keys it got
        message = _QUOTED.sub(_quoted, message)
    return f"{where}: {message}"


def _quoted(match: re.Match) -> str:
    inner = match.group(1) if match.group(1) is not None else match.group(2)
    return match.group(0) if _SAFE_PART.match(inner) else "'?'"


def _safe(part: object) -> str:
    if isinstance(part, int):
        return str(part)
    text = str(part)
    return text if _SAFE_PART.match(text) else "?"


def canonical(package: Package) -> str:
    return json.dumps(package.as_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def check_binding(conn: Connection, entry: TokenEntry, submitter: str, tokens: TokenStore) -> None:
    """The token may send this submitter's packages, or `SubmitterMismatch` (in the caller's
    transaction; nothing is stored then).

    - A token issued for a submitter sends only that submitter's packages.
    - A token already bound sends only its own submitter's.
    - An unbound token binds the submitter of its package, unless another token owns it. The
      owner gives it up only to a token issued in its place (rotation, `--replace`: the new
      token's lineage holds the owner), or, once revoked, to a token the operator issued for
      that submitter. A fresh token can never take a laptop's id.
    The unique constraint on the submitter decides races: the loser's insert fails, and its
    retry (the caller's) finds the owner."""
    if entry.submitter is not None and entry.submitter != submitter:
        raise SubmitterMismatch(entry.id)
    bound = conn.scalar(select(TokenBinding.submitter).where(TokenBinding.token_id == entry.id))
    if bound is not None:
        if bound != submitter:
            raise SubmitterMismatch(entry.id)
        return
    owner = conn.scalar(select(TokenBinding.token_id).where(TokenBinding.submitter == submitter))
    if owner == entry.id:  # bound by a request of this token that committed since the read above
        return
    if owner is None:
        conn.execute(insert(TokenBinding).values(token_id=entry.id, submitter=submitter, bound_at=utcnow()))
        return
    owner_entry = tokens.get(owner)
    owner_live = owner_entry is not None and owner_entry.live
    if owner in tokens.lineage(entry) or (entry.submitter == submitter and not owner_live):
        conn.execute(
            update(TokenBinding)
            .where(TokenBinding.submitter == submitter, TokenBinding.token_id == owner)
            .values(token_id=entry.id, bound_at=utcnow())
        )
        return
    raise SubmitterMismatch(entry.id, owner)


def store(conn: Connection, package: Package, *, source: str, token_id: str | None = None) -> Ingested:
    """Store the package unless that version is already there (in the caller's transaction).
    `VersionConflict` when the stored version has other counts."""
    existing = conn.execute(
        select(StoredPackage.id, StoredPackage.payload).where(
            StoredPackage.submitter == package.submitter,
            StoredPackage.month == package.month,
            StoredPackage.version == package.version,
        )
    ).one_or_none()
    if existing is not None:
        try:
            stored = Package.from_stored(existing.payload)
        except ValidationError:  # stored before today's rules (#12.2): never the same counts
            raise VersionConflict() from None
        if not stored.same_counts(package):
            raise VersionConflict()
        return Ingested(DUPLICATE, existing.id, package.submitter, package.month, package.version)
    result = conn.execute(
        insert(StoredPackage).values(
            submitter=package.submitter,
            team=package.team,
            month=package.month,
            version=package.version,
            received_at=utcnow(),
            source=source,
            token_id=token_id,
            payload=canonical(package),
        )
    )
    inserted = result.inserted_primary_key
    if inserted is None:  # SQLAlchemy gives one for every single-row insert
        raise RuntimeError("the stored package has no primary key")
    return Ingested(STORED, inserted[0], package.submitter, package.month, package.version)


def store_with_retry(engine, package: Package, *, source: str, **kw) -> Ingested:
    """`store` in its own transaction; a concurrent insert of the same version is resolved by
    reading again (it is then a duplicate or a conflict)."""
    for attempt in range(2):
        try:
            with engine.begin() as conn:
                return store(conn, package, source=source, **kw)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
