"""What a search term matches in the inquiry list (inquiry_list.py pages the matches).

Text search looks in the inquiry's notes, its case notes, the professionals in it (name,
e-mail, organisation), the citizen's pseudonym, its reference and the labels of its reasons
(a reason is stored as a code, so the term is matched against the labels here and the inquiries
with a matching code are found by code: no text index needed); a case code (2024-00042)
finds its case at once, without reading any text. It ignores
case for every letter, Danish ones included: a fast LIKE (which folds ASCII only, so other
letters are left open in it) picks candidates and a GLOB with both cases of each letter decides.
A term of three or more characters first asks the trigram index (storage/search_index.py) for
the few rows that can hold it, and only those are tested, so a search, its count and a search
without a hit cost what the hits cost, not what the vault holds. A shorter term has no trigram
and is searched by scanning.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy import column as sql_column

from consultant_app.codes import fold, load_codes
from consultant_app.domain import Citizen, Contact, Inquiry, InquiryReason, Note, Professional
from consultant_app.domain.case_code import CaseCode
from consultant_app.storage import search_index

IndexedModel = type[Inquiry] | type[Note] | type[Professional] | type[Citizen]
Column = SQLColumnExpression[Any]


def text_condition(term: str) -> ColumnElement[bool]:
    term = term.strip()
    code = CaseCode.parse(term)
    if code:  # a case code finds its case (or a reference that is exactly it) without reading text
        year = f"{code.year:04d}"
        by_code = and_(Inquiry.id == code.inquiry_id, func.strftime("%Y", Inquiry.received_at) == year)
        return or_(by_code, Inquiry.external_ref == term)
    if indexable(term):
        return _indexed_text_condition(term)
    return _scanned_text_condition(term)


def _scanned_text_condition(term: str) -> ColumnElement[bool]:
    """Every searched text tested: the path for terms the index cannot narrow."""
    matches = matcher(term)
    professionals = select(Professional.id).where(
        or_(matches(Professional.name), matches(Professional.email), matches(Professional.organisation_name))
    )
    found = [
        matches(Inquiry.notes),
        matches(Inquiry.inquirer_other_note),
        matches(Inquiry.external_ref),
        Inquiry.id.in_(select(Note.inquiry_id).where(matches(Note.text))),
        Inquiry.professional_id.in_(professionals),
        Inquiry.id.in_(select(Contact.inquiry_id).where(Contact.professional_id.in_(professionals))),
        Inquiry.citizen_id.in_(select(Citizen.id).where(matches(Citizen.pseudonym))),
    ]
    reasons = reason_codes_matching(term)
    if reasons:
        found.append(Inquiry.id.in_(with_reasons(reasons)))
    return or_(*found)


def row_matches(term: str) -> ColumnElement[bool]:
    """The same test as `_scanned_text_condition`, for one inquiry at a time, as a walk in the
    list's order needs: the inquiry's notes and contacts are looked up by its id, never gathered.
    The professionals the term finds are few: with an indexable term they are gathered once
    from their index; otherwise each one is looked up from the inquiry or contact."""
    matches = matcher(term)

    def professional_found() -> ColumnElement[bool]:
        return or_(
            matches(Professional.name), matches(Professional.email), matches(Professional.organisation_name)
        )

    by_professional: ColumnElement[bool]
    if indexable(term):
        found = select(Professional.id).where(_candidates(Professional, term), professional_found())
        by_professional = Inquiry.professional_id.in_(found)
        by_contact = select(Contact.id).where(
            Contact.inquiry_id == Inquiry.id, Contact.professional_id.in_(found)
        )
    else:
        professional = select(Professional.id).where(
            Professional.id == Inquiry.professional_id, professional_found()
        )
        by_professional = professional.exists()
        by_contact = (
            select(Contact.id)
            .join(Professional, Professional.id == Contact.professional_id)
            .where(Contact.inquiry_id == Inquiry.id, professional_found())
        )
    # Cheapest first: the row's own text, then one lookup each, then its notes and contacts.
    tests = [
        matches(Inquiry.notes),
        matches(Inquiry.inquirer_other_note),
        matches(Inquiry.external_ref),
        select(Citizen.id).where(Citizen.id == Inquiry.citizen_id, matches(Citizen.pseudonym)).exists(),
        by_professional,
        select(Note.id).where(Note.inquiry_id == Inquiry.id, matches(Note.text)).exists(),
        by_contact.exists(),
    ]
    reasons = reason_codes_matching(term)
    if reasons:  # its reasons, by their key (inquiry, code)
        tests.append(
            select(InquiryReason.code)
            .where(InquiryReason.inquiry_id == Inquiry.id, InquiryReason.code.in_(reasons))
            .exists()
        )
    return or_(*tests)


def _candidates(model: IndexedModel, term: str) -> ColumnElement[bool]:
    """The rows of `model` its trigram index says can hold `term` (a superset)."""
    fts = f"{model.__tablename__}_fts"
    rowids = select(table(fts, sql_column("rowid")).c.rowid).where(
        literal_column(fts).op("MATCH")(search_index.match_expression(term))
    )
    return model.id.in_(rowids)


def _indexed_text_condition(term: str) -> ColumnElement[bool]:
    """The same rows as `_scanned_text_condition`, but each source is first narrowed to the rows
    its index says hold every trigram of the term; the exact test then runs on those only."""
    matches = matcher(term)

    def candidates(model: IndexedModel) -> ColumnElement[bool]:
        return _candidates(model, term)

    professionals = select(Professional.id).where(
        candidates(Professional),
        or_(matches(Professional.name), matches(Professional.email), matches(Professional.organisation_name)),
    )
    found: list[Select] = [
        select(Inquiry.id).where(
            candidates(Inquiry),
            or_(matches(Inquiry.notes), matches(Inquiry.inquirer_other_note), matches(Inquiry.external_ref)),
        ),
        select(Note.inquiry_id).where(candidates(Note), matches(Note.text)),
        select(Inquiry.id).where(Inquiry.professional_id.in_(professionals)),
        select(Contact.inquiry_id).where(Contact.professional_id.in_(professionals)),
        select(Inquiry.id).where(
            Inquiry.citizen_id.in_(select(Citizen.id).where(candidates(Citizen), matches(Citizen.pseudonym)))
        ),
    ]
    reasons = reason_codes_matching(term)
    if reasons:
        found.append(with_reasons(reasons))
    # One set of ids, gathered from the few candidates, which the outer query looks up by key.
    return Inquiry.id.in_(union(*found))


def reason_codes_matching(term: str) -> tuple[str, ...]:
    """The reason codes whose label, in Danish or English, holds `term` (case ignored)."""
    wanted = fold(term)
    if not wanted:
        return ()
    return tuple(c.code for c in load_codes()["reason"] if wanted in fold(c.da) or wanted in fold(c.en))


def with_reasons(codes: tuple[str, ...]) -> Select[Any]:
    return select(InquiryReason.inquiry_id).where(InquiryReason.code.in_(codes))


def indexable(term: str) -> bool:
    """Whether the index may narrow a search for `term` without losing a row the exact test
    would find: at least one trigram, and only letters whose case pairs the index folds the way
    the exact test does (ASCII and the Latin-1 letters, Danish ones included)."""
    return len(term) >= search_index.MIN_INDEXED_CHARS and all(_folds_alike(ch) for ch in term)


def _folds_alike(ch: str) -> bool:
    if ch.isascii():
        return ch != "\x00"
    # À..þ without × ÷ ß: one-to-one upper/lower pairs inside the range (ÿ's upper is not).
    return "\u00c0" <= ch <= "\u00fe" and ch not in "\u00d7\u00f7\u00df"


def matcher(term: str) -> Callable[[Column], ColumnElement[bool]]:
    like = "%" + "".join(_like_char(ch) for ch in term) + "%"
    if term.isascii():
        return lambda column: column.like(like, escape="\\")
    glob = "*" + "".join(_glob_char(ch) for ch in term) + "*"
    return lambda column: and_(column.like(like, escape="\\"), column.op("GLOB")(glob))


def _like_char(ch: str) -> str:
    if not ch.isascii():
        return "_"  # LIKE folds ASCII only: the GLOB checks this letter in both cases
    return "\\" + ch if ch in "%_\\" else ch


def _glob_char(ch: str) -> str:
    cases = dict.fromkeys((ch, ch.lower(), ch.upper()))
    variants = [v for v in cases if len(v) == 1]  # 'ß'.upper() is two letters
    if len(variants) == 1 and ch not in "*?[]":
        return ch
    return "[" + "".join(variants) + "]"
