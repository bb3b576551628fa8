"""mailto: URLs: UTF-8 percent-encoding, CRLF line breaks, under 2,000 characters, link kept."""

from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from consultant_app.survey import MAILTO_LIMIT, mailto_for, mailto_url
from consultant_app.survey.errors import MailtoTooLongError, NoEmailError

LINK = "https://survey.example.dk/s/abc123?kilde=sik&id=42"


def decoded(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)  # decodes %XX as UTF-8; '+' stays '+'
    return unquote(parts.path), {k: v[0] for k, v in query.items()}


def test_danish_letters_and_line_breaks_are_encoded():
    link = mailto_url("søren@kommune.dk", "Spørgeskema", "Kære Søren\nÆble, øl & å?\n" + LINK, link=LINK)
    assert link.url.startswith("mailto:s%C3%B8ren@kommune.dk?subject=Sp%C3%B8rgeskema&body=")
    body = link.url.split("&body=")[1]
    assert body.startswith("K%C3%A6re%20S%C3%B8ren%0D%0A%C3%86ble%2C%20%C3%B8l%20%26%20%C3%A5%3F%0D%0A")
    assert "+" not in link.url and " " not in link.url and "\n" not in link.url
    to, query = decoded(link.url)
    assert to == "søren@kommune.dk"
    assert query["body"] == "Kære Søren\r\nÆble, øl & å?\r\n" + LINK
    assert not link.truncated


def test_crlf_is_never_doubled():
    url = mailto_url("a@b.dk", "x", "en\r\nto\rtre\nfire", link="tre").url
    assert url.endswith("body=en%0D%0Ato%0D%0Atre%0D%0Afire")


def test_a_long_body_is_cut_at_a_word_with_the_link_kept():
    before = "Kære Åse\n\n" + "Tak for samarbejdet om de svære sager i år. " * 20
    after = "\n\nMed venlig hilsen og på gensyn " + "æøå " * 300
    link = mailto_url("aase@aarhus.dk", "Spørgeskema om rådgivning", before + LINK + after, link=LINK)
    assert link.truncated
    assert len(link.url) < 2000
    assert len(link.url) <= MAILTO_LIMIT
    body = decoded(link.url)[1]["body"]
    assert LINK in body
    assert body.startswith(before.replace("\n", "\r\n"))  # the text before the link is whole
    assert body.endswith(" …")
    assert "%" not in body  # no escape was cut in half


def test_the_text_before_the_link_is_cut_when_it_alone_is_too_long():
    before = "Kære Åse\n\n" + "Ø " * 1500 + "\n\n"
    link = mailto_url("aase@aarhus.dk", "Emne", before + LINK + "\n\nHilsen", link=LINK)
    body = decoded(link.url)[1]["body"]
    assert len(link.url) <= MAILTO_LIMIT
    assert body.startswith("Kære Åse")
    assert body.endswith(LINK)
    assert "…" in body


def test_a_link_that_cannot_fit_is_an_error_not_a_broken_url():
    with pytest.raises(MailtoTooLongError) as refused:
        mailto_url("a@b.dk", "Emne", "x", link="https://example.dk/" + "æ" * 400)
    assert "Kopiér teksten i stedet" in str(refused.value)


def test_the_campaign_mailto_for_a_professional(vault, world):
    campaign = world.campaign(date(2025, 3, 1), date(2025, 4, 15))
    pid = world.professional("Åse Østergaard", "aase@aarhus.dk")
    world.contact(pid, date(2025, 3, 10), "telefon")
    with vault.session() as s:
        link = mailto_for(s, campaign, pid)
    to, query = decoded(link.url)
    assert to == "aase@aarhus.dk"
    assert query["subject"] == "Hvordan oplevede du sikkerhedskonsulenternes rådgivning?"
    assert query["body"].startswith("Kære Åse Østergaard\r\n\r\nTak for samarbejdet")
    assert "https://survey.example.dk/s/abc123" in query["body"]
    assert len(link.url) <= MAILTO_LIMIT


def test_no_address_no_mailto(vault, world):
    campaign = world.campaign()
    pid = world.professional("Uden Mail")
    with vault.session() as s, pytest.raises(NoEmailError):
        mailto_for(s, campaign, pid)
