"""Finding inquiries (services/inquiry_list.py): filters, text search, sorting, keyset pages,
cancellation. One small vault for the whole module: every test only reads."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import event

from consultant_app.domain import Inquiry
from consultant_app.services import inquiry_list
from consultant_app.services.case_actions import CaseForm, add_contact, add_note, close_case, create_case
from consultant_app.services.case_actions import ContactDraft as Contact
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.inquiry_list import (
    SORT_KEYS,
    InquiryFilter,
    InquiryQuery,
    InquiryRow,
    QueryCancelled,
    case_code,
    count_inquiries,
    fetch_page,
)
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


def _draft(n: int, **changes) -> InquiryDraft:
    return replace(BASE, received_at=datetime(2024, 1 + n % 12, 1 + n % 28, 9, n % 60), **changes)


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    """30 plain inquiries, and a few with something to find."""
    v = Vault.create(tmp_path_factory.mktemp("list") / "v.db", PASSPHRASE, name="K", team="aarhus")
    with v.session() as s:
        for n in range(30):
            create_case(s, CaseForm(_draft(n)), today=TODAY)
        special = {
            "søren": create_case(
                s,
                CaseForm(_draft(40, professional_name="SØREN Ærø", region="syddanmark"), "A.B."),
                today=TODAY,
            ),
            "note": create_case(s, CaseForm(_draft(41, citizen_age_group="barn")), today=TODAY),
            "inline": create_case(
                s,
                CaseForm(_draft(42, notes="Pigen nævnte 100% sikker_hed", trip_concern="udlandet")),
                today=TODAY,
            ),
            "contact": create_case(s, CaseForm(_draft(43, inquirer_type="politi")), today=TODAY),
            # A reason and a municipality; its notes hold none of the words of its reason label.
            "reason": create_case(
                s,
                CaseForm(
                    _draft(44, reasons=("tvangsaegteskab",), municipality_code="101", region="hovedstaden")
                ),
                today=TODAY,
            ),
        }
        add_note(s, special["note"].id, "Familien truer med en rejse til udlandet")
        add_contact(
            s,
            special["contact"].id,
            Contact(
                datetime(2024, 5, 1, 10),
                "mail",
                professional_name="Jens Holm",
                professional_email="jh@politi.dk",
            ),
            today=TODAY,
        )
        close_case(s, special["inline"].id, date(2024, 12, 1), "afsluttet", today=TODAY)
    v.special = {k: saved.id for k, saved in special.items()}
    yield v
    v.lock()


def page(vault, after=None, limit=200, **filters):
    sort = filters.pop("sort", "received")
    descending = filters.pop("descending", True)
    with vault.session() as s:
        return fetch_page(s, InquiryQuery(InquiryFilter(**filters), sort, descending), after, limit=limit)


def ids(vault, **filters) -> set[int]:
    return {r.id for r in page(vault, **filters).rows}


def test_rows_are_plain_data_newest_first(vault):
    result = page(vault)
    assert len(result.rows) == 35 and result.next is None
    assert all(isinstance(r, InquiryRow) for r in result.rows)
    received = [r.received_at for r in result.rows]
    assert received == sorted(received, reverse=True)
    first = result.rows[0]
    with vault.session() as s:
        assert first.case_code == s.get(Inquiry, first.id).case_code


def test_keyset_pages_cover_every_inquiry_once_in_order(vault):
    for sort in SORT_KEYS:
        for descending in (True, False):
            whole = [r.id for r in page(vault, sort=sort, descending=descending).rows]
            seen, after = [], None
            while True:
                part = page(vault, after=after, limit=7, sort=sort, descending=descending)
                seen += [r.id for r in part.rows]
                if part.next is None:
                    break
                after = part.next
            assert seen == whole, (sort, descending)
            assert len(set(seen)) == 35


def test_sorting_by_label_and_by_professional(vault):
    by_pro = page(vault, sort="professional", descending=True).rows
    assert by_pro[0].professional_name in ("SØREN Ærø", "Jens Holm")
    by_region = page(vault, sort="region", descending=False).rows
    # Region Midtjylland sorts before Region Syddanmark by its Danish label.
    assert by_region[-1].region == "syddanmark"


def test_filters(vault):
    sp = vault.special
    assert ids(vault, region="syddanmark") == {sp["søren"]}
    assert ids(vault, age_group="barn") == {sp["note"]}
    assert ids(vault, trip_concern="udlandet") == {sp["inline"]}
    assert ids(vault, inquirer_type="politi") == {sp["contact"]}
    assert ids(vault, status="closed") == {sp["inline"]}
    assert len(ids(vault, status="open")) == 34
    assert ids(vault, kind="forloeb") == set()
    march = ids(vault, received_from=date(2024, 3, 1), received_to=date(2024, 3, 31))
    with vault.session() as s:
        assert {s.get(Inquiry, i).received_at.month for i in march} == {3}
    with vault.session() as s:
        assert count_inquiries(s, InquiryFilter(status="open")) == 34


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("søren", "søren"),  # Danish letters in any case
        ("ÆRØ", "søren"),
        ("a.b.", "søren"),  # citizen pseudonym
        ("TRUER med", "note"),  # a case note
        ("100% sikker_hed", "inline"),  # LIKE's wildcards are plain text
        ("jh@POLITI", "contact"),  # a contact's professional
    ],
)
def test_text_search(vault, text, key):
    assert ids(vault, text=text) == {vault.special[key]}


def test_filters_by_reason_and_municipality(vault):
    sp = vault.special
    assert ids(vault, reason="tvangsaegteskab") == {sp["reason"]}
    assert ids(vault, reason="trusler") == set()
    assert ids(vault, municipality="101") == {sp["reason"]}
    assert ids(vault, municipality="101", region="midtjylland") == set()  # both apply
    with vault.session() as s:
        assert count_inquiries(s, InquiryFilter(reason="tvangsaegteskab", municipality="101")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "tvangsægteskab",  # the whole Danish label (indexed path: three letters or more)
        "ÆGTESKAB",  # part of it, in another case
        "forced marr",  # the English label
        "æg",  # short: the scanning path
    ],
)
def test_text_search_finds_the_label_of_a_reason(vault, text, monkeypatch):
    assert vault.special["reason"] in ids(vault, text=text)
    # Also when the page is found by walking the list's order (every term walked here).
    monkeypatch.setattr(inquiry_list, "MANY_HITS", 0)
    assert vault.special["reason"] in ids(vault, text=text)


def test_a_reason_label_is_matched_only_when_it_holds_the_term():
    assert inquiry_list.reason_codes_matching("vold") == ("fysisk_vold", "psykisk_vold")
    assert inquiry_list.reason_codes_matching("VIOLENCE") == ("fysisk_vold", "psykisk_vold")
    assert inquiry_list.reason_codes_matching("tvangsægteskab ") == ("tvangsaegteskab",)
    assert inquiry_list.reason_codes_matching("ingen sådan årsag") == ()
    assert inquiry_list.reason_codes_matching("   ") == ()


def test_text_search_by_case_code_and_reference(vault):
    target = vault.special["note"]
    with vault.session() as s:
        inquiry = s.get(Inquiry, target)
        code, ref = inquiry.case_code, inquiry.external_ref
    assert target in ids(vault, text=code)
    assert ids(vault, text=ref) == {target}
    assert ids(vault, text="100%") == {vault.special["inline"]}
    assert ids(vault, text="ingen sådan tekst") == set()


def test_a_cancelled_query_stops(vault, monkeypatch):
    monkeypatch.setattr(inquiry_list, "CANCEL_POLL_STEPS", 10)  # this vault is tiny
    with vault.session() as s, pytest.raises(QueryCancelled):
        fetch_page(s, InquiryQuery(), cancelled=lambda: True)
    calls = []

    def cancel_while_running() -> bool:
        calls.append(1)
        return len(calls) > 1  # not at the start: while SQLite works

    with vault.session() as s, pytest.raises(QueryCancelled):
        fetch_page(s, InquiryQuery(InquiryFilter(text="xyz")), cancelled=cancel_while_running)
    with vault.session() as s:  # the connection works on, without the handler
        assert len(fetch_page(s, InquiryQuery(), cancelled=lambda: False).rows) == 35


def test_case_code_matches_the_domain():
    assert case_code(datetime(2024, 3, 1), 42) == Inquiry(id=42, received_at=datetime(2024, 3, 1)).case_code


def test_a_page_shows_the_professionals_names_without_reading_the_professionals(vault):
    """A page shows each row's professional by name from the inquiry's own copy: on a cold cache
    every page read is decrypted, and the professionals of a page's rows are on as many pages."""
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_rest) -> None:
        statements.append(statement)

    event.listen(vault.engine, "before_cursor_execute", seen)
    try:
        shown = {r.professional_name for r in page(vault).rows}
        by_name = page(vault, sort="professional")
    finally:
        event.remove(vault.engine, "before_cursor_execute", seen)
    assert statements and not [s for s in statements if "professional " in s.replace("\n", " ")], statements
    assert {"SØREN Ærø"} <= shown  # the inquiry's own professional, by name
    assert {r.professional_name for r in by_name.rows} == shown  # and sorted by it
