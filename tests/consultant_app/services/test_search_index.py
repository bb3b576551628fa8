"""The trigram index behind the inquiry list's text search (storage/search_index.py).

The index only narrows: for any term, the indexed search must find exactly the inquiries the
scanning search finds, also after records were changed, deleted and cascaded away (the
triggers), and a vault migrated from before the index gets it built from its records.
"""

import random
from dataclasses import replace
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import and_, select, text

from consultant_app.domain import Citizen, Inquiry, Note, Professional
from consultant_app.services import inquiry_list, inquiry_search
from consultant_app.services.case_actions import CaseForm, add_contact, add_note, create_case
from consultant_app.services.case_actions import ContactDraft as Contact
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.inquiry_list import InquiryFilter, count_inquiries
from consultant_app.storage import migrate, search_index
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

TODAY = date(2024, 12, 31)
BASE = InquiryDraft(
    received_at=datetime(2024, 1, 1, 9, 0),
    region="midtjylland",
    inquirer_type="kommune",
    channel="telefon",
    citizen_age_group="voksen",
    trip_concern="ingen",
)
WORDS = [
    "søren", "SØREN", "Ærø", "ærøskøbing", "hansen", "Hansen-Holm", "grænse", "bekymring",
    "Æblehaven", "rejse", "udlandet", "skole", "lærer", "100%", "sikker_hed", "o'brien",
    'citat"tegn', "jh@politi.dk", "AaBbÅå", "øøø", "ÉCOLE", "straße", "ÿr", "zz",
]  # fmt: skip
ALPHABET = "abeghnorsøæåÆØÅÉé -%_.@'\"ß"


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _draft(n: int, **changes) -> InquiryDraft:
    return replace(BASE, received_at=datetime(2024, 1 + n % 12, 1 + n % 28, 9, n % 60), **changes)


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    """Inquiries with random text in every searched place, then changed, so the index has seen
    inserts, updates, deletes and cascades."""
    rng = random.Random(17)
    v = Vault.create(tmp_path_factory.mktemp("search") / "v.db", PASSPHRASE, name="K", team="aarhus")
    with v.session() as s:
        for n in range(40):
            draft = _draft(
                n,
                notes=_phrase(rng) if rng.random() < 0.7 else None,
                professional_name=_phrase(rng) if rng.random() < 0.4 else None,
            )
            saved = create_case(s, CaseForm(draft, _phrase(rng) if rng.random() < 0.5 else None), today=TODAY)
            if rng.random() < 0.5:
                add_note(s, saved.id, _phrase(rng))
            if rng.random() < 0.3:
                contact = Contact(
                    datetime(2024, 5, 1, 10), "mail", professional_name=_phrase(rng), professional_email=None
                )
                add_contact(s, saved.id, contact, today=TODAY)
    with v.session() as s:
        inquiries = s.scalars(select(Inquiry).order_by(Inquiry.id)).all()
        for inquiry in inquiries[:8]:
            inquiry.notes = _phrase(rng)  # updated
        for note in s.scalars(select(Note).order_by(Note.id).limit(4)):
            note.text = _phrase(rng)
        s.delete(s.scalars(select(Note).order_by(Note.id.desc())).first())
        s.delete(inquiries[-1])  # cascades into its notes and contacts
        for professional in s.scalars(select(Professional).limit(3)):
            professional.name = _phrase(rng)
        for citizen in s.scalars(select(Citizen).limit(3)):
            citizen.pseudonym = _phrase(rng)
    yield v
    v.lock()


def found(vault, condition) -> set[int]:
    with vault.session() as s:
        return set(s.scalars(select(Inquiry.id).where(condition)))


def terms() -> st.SearchStrategy[str]:
    corpus = " ".join(WORDS)
    substrings = st.tuples(st.integers(0, len(corpus) - 1), st.integers(3, 12)).map(
        lambda t: corpus[t[0] : t[0] + t[1]]
    )
    return st.one_of(substrings, st.text(alphabet=ALPHABET, min_size=3, max_size=8))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=terms())
def test_indexed_search_finds_exactly_what_the_scan_finds(vault, term):
    term = term.strip()
    expected = found(vault, inquiry_search._scanned_text_condition(term))
    assert found(vault, inquiry_search.text_condition(term)) == expected
    if inquiry_search.indexable(term):
        assert found(vault, inquiry_search._indexed_text_condition(term)) == expected
    # The per-inquiry test a walk in the list's order makes (both of its forms).
    assert found(vault, inquiry_search.row_matches(term)) == expected


def test_the_property_is_not_vacuous(vault):
    """The random vault holds hits for the words, and most are searched through the index."""
    for word in ("søren", "ÆRØ", "Hansen", "grænse", "100%"):
        assert inquiry_search.indexable(word)
        assert found(vault, inquiry_search._indexed_text_condition(word))
    assert not inquiry_search.indexable("zz")  # one or two characters: no trigram
    assert not inquiry_search.indexable("straße")  # ß has no one-letter upper case
    assert found(vault, inquiry_search.text_condition("zz"))  # scanned, still found


def test_a_search_and_its_count_read_no_table_from_end_to_end(vault):
    """The plan of an indexed count: the index and key lookups, no scan of a searched table."""
    with vault.session() as s:
        counting = select(Inquiry.id).where(inquiry_search.text_condition("hansen"))
        plan = s.execute(text("EXPLAIN QUERY PLAN " + _sql(s, counting))).all()
    details = [row[-1] for row in plan]
    scans = [d for d in details if d.startswith("SCAN") and "VIRTUAL TABLE" not in d]
    assert not [d for d in scans if d.split()[1] in ("inquiry", "note", "professional", "citizen")], details
    assert any("VIRTUAL TABLE INDEX" in d for d in details), details
    expected = len(found(vault, inquiry_search._scanned_text_condition("hansen")))
    with vault.session() as s:
        assert count_inquiries(s, InquiryFilter(text="hansen")) == expected > 0


def _sql(session, statement) -> str:
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return str(compiled)


def test_migration_builds_the_index_for_an_existing_vault(vault_path):
    v = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with v.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0004")
        assert not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'inquiry_fts'").first()
        # Frozen SQL, as a vault of revision 0004 holds it.
        conn.exec_driver_sql(
            "INSERT INTO inquiry (received_at, consultant, region, inquirer_type, channel, "
            "citizen_age_group, consent, trip_concern, kind, notes, created_at, updated_at) VALUES "
            "('2024-05-01 09:00:00', 'T', 'nordjylland', 'skole', 'mail', 'barn', 'anonym', "
            "'udlandet', 'forloeb', 'Bekymring for Ærøskøbing-rejsen', "
            "'2024-05-01 09:00:00', '2024-05-01 09:00:00')"
        )
    with v.engine.begin() as conn:
        migrate.upgrade(conn)
        hits = conn.exec_driver_sql(
            "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?",
            (search_index.match_expression("ærøskøbing"),),
        ).all()
    assert len(hits) == 1
    assert found(v, inquiry_search._indexed_text_condition("ÆRØSKØBING")) == {hits[0][0]}
    v.lock()


def test_an_index_whose_triggers_a_table_rebuild_dropped_is_repaired(vault_path):
    v = Vault.create(vault_path, PASSPHRASE, name="T", team="odense")
    with v.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER note_fts_ai")  # as DROP TABLE note in a rebuild does
    with v.session() as s:
        saved = create_case(s, CaseForm(_draft(1)), today=TODAY)
        add_note(s, saved.id, "en note skrevet uden trigger")
    assert found(v, inquiry_search._indexed_text_condition("uden trigger")) == set()
    with v.engine.begin() as conn:
        migrate.upgrade(conn)  # at head already: only the repair runs
    assert found(v, inquiry_search._indexed_text_condition("uden trigger")) == {saved.id}
    with v.session() as s:
        add_note(s, saved.id, "og en med trigger igen")
    assert found(v, inquiry_search._indexed_text_condition("trigger igen")) == {saved.id}
    v.lock()


# The walk (inquiry_list._walk): a search's page found by testing the inquiries one by one in
# the list's order must be the page the gathered hits give. Forced here onto a small vault:
# every indexable term walked, windows of a few rows, pages of three, so a walk fills its page,
# runs out of windows and hands over to the gathered hits, or reaches the end.
SMALL_WALK = {"MANY_HITS": 0, "WALK_WINDOW_PAGES": 1, "WALK_WINDOWS": 2, "SHORT_TERM_WINDOWS": 2}
NO_WALK = {"WALK_WINDOWS": 0, "SHORT_TERM_WINDOWS": 0}
PAGE = 3


def _every_page(vault, query, settings) -> list[int]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setattr(inquiry_list, name, value)
        seen, after = [], None
        with vault.session() as s:
            while True:
                page = inquiry_list.fetch_page(s, query, after, limit=PAGE)
                assert len(page.rows) == PAGE or page.next is None
                seen += [row.id for row in page.rows]
                if page.next is None:
                    return seen
                after = page.next


def _in_list_order(vault, ids: set[int], query) -> list[int]:
    with vault.session() as s:
        rows = s.execute(select(Inquiry.id, Inquiry.received_at).where(Inquiry.id.in_(ids))).all()
    key = (lambda r: (r.received_at, r.id)) if query.sort == "received" else (lambda r: r.id)
    return [r.id for r in sorted(rows, key=key, reverse=query.descending)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    term=st.one_of(terms(), st.text(alphabet=ALPHABET, min_size=1, max_size=2)),
    sort=st.sampled_from(["received", "case"]),
    descending=st.booleans(),
    since=st.sampled_from([None, date(2024, 4, 1)]),
)
def test_a_walked_search_pages_exactly_like_the_gathered_hits(vault, term, sort, descending, since):
    query = inquiry_list.InquiryQuery(InquiryFilter(received_from=since, text=term), sort, descending)
    if not term.strip():
        return
    expected = found(vault, and_(*inquiry_list.conditions(replace(query.filter, text=""))))
    expected &= found(vault, inquiry_search._scanned_text_condition(term.strip()))
    in_order = _in_list_order(vault, expected, query)
    assert _every_page(vault, query, SMALL_WALK) == in_order
    assert _every_page(vault, query, NO_WALK) == in_order


def test_the_walk_is_taken_and_each_of_its_ends_is_reached(vault, monkeypatch):
    """Not vacuous: with the small walk, common and rare terms fill a page inside the windows,
    run out of windows and hand over, and walk to the end."""
    ends = []
    walk = inquiry_list._walk

    def spy(*args, **kwargs):
        found_rows, position = walk(*args, **kwargs)
        ends.append("done" if position is inquiry_list._DONE else "handed over")
        return found_rows, position

    monkeypatch.setattr(inquiry_list, "_walk", spy)
    for word in ("søren", "hansen", "rejse", "zz", "xyzzy"):
        _every_page(vault, inquiry_list.InquiryQuery(InquiryFilter(text=word)), SMALL_WALK)
    assert {"done", "handed over"} <= set(ends)
