"""Who is eligible for the survey link: phone or e-mail contact in the period, not yet asked."""

from datetime import date, datetime

from consultant_app.survey import eligible_professionals, get_campaign, likely_duplicates, record_dispatch


def eligible_ids(vault, campaign_id):
    with vault.session() as s:
        return [e.professional_id for e in eligible_professionals(s, campaign_id)]


def test_five_phone_contacts_make_one_eligible_row_and_one_dispatch(vault, world):
    campaign = world.campaign()
    pid = world.professional("Åse Østergaard", "aase@aarhus.dk", municipality="751")
    for day in (2, 5, 9, 20, 28):
        world.contact(pid, date(2025, 3, day), "telefon")

    with vault.session() as s:
        rows = eligible_professionals(s, campaign)
    assert len(rows) == 1
    assert (rows[0].professional_id, rows[0].contacts, rows[0].first_contact_on) == (pid, 5, date(2025, 3, 2))

    with vault.session() as s:
        dispatch = record_dispatch(s, campaign, pid, channel="mail")
    assert dispatch.status == "sent"
    assert eligible_ids(vault, campaign) == []
    with vault.session() as s:
        assert get_campaign(s, campaign).links_sent == 1


def test_meetings_only_or_contacts_outside_the_period_make_no_one_eligible(vault, world):
    campaign = world.campaign(date(2025, 3, 1), date(2025, 4, 15))
    met = world.professional("Kun Møder")
    for day in (3, 10, 17):
        world.contact(met, date(2025, 3, day), "moede")
    other = world.professional("Andet Kanal")
    world.contact(other, date(2025, 3, 3), "andet")
    outside = world.professional("Uden For Perioden")
    world.contact(outside, datetime(2025, 2, 28, 23, 59), "telefon")
    world.contact(outside, datetime(2025, 4, 16, 0, 0), "mail")

    assert eligible_ids(vault, campaign) == []


def test_both_period_days_are_included(vault, world):
    campaign = world.campaign(date(2025, 3, 1), date(2025, 4, 15))
    first = world.professional("Første Dag")
    world.contact(first, datetime(2025, 3, 1, 0, 0), "mail")
    last = world.professional("Sidste Dag")
    world.contact(last, datetime(2025, 4, 15, 23, 59), "telefon")
    assert sorted(eligible_ids(vault, campaign)) == sorted([first, last])


def test_not_relevant_also_leaves_the_list(vault, world):
    campaign = world.campaign()
    pid = world.professional("Ikke Relevant")
    world.contact(pid, date(2025, 3, 5), "mail")
    with vault.session() as s:
        record_dispatch(s, campaign, pid, status="not_relevant")
    assert eligible_ids(vault, campaign) == []


def test_region_municipality_first_then_first_eligible_inquiry_then_own_region(vault, world):
    campaign = world.campaign()
    odense_inquiry = world.inquiry("syddanmark")
    north_inquiry = world.inquiry("nordjylland")
    with_municipality = world.professional("Har Kommune", municipality="101")  # København
    world.contact(with_municipality, date(2025, 3, 2), "telefon", odense_inquiry)
    by_inquiry = world.professional("Via Sag")
    world.contact(by_inquiry, date(2025, 3, 2), "moede", north_inquiry)  # not eligible: a meeting
    world.contact(by_inquiry, date(2025, 3, 4), "telefon", odense_inquiry)
    world.contact(by_inquiry, date(2025, 3, 9), "mail", north_inquiry)
    nothing_known = world.professional("Ingen Sag")
    world.contact(nothing_known, date(2025, 3, 2), "mail")

    with vault.session() as s:
        regions = {e.professional_id: e.region for e in eligible_professionals(s, campaign)}
    assert regions == {
        with_municipality: "hovedstaden",
        by_inquiry: "syddanmark",
        nothing_known: "midtjylland",  # the vault's team is aarhus
    }


def test_same_person_entered_twice_is_offered_for_merging(vault, world):
    campaign = world.campaign()
    first = world.professional("Mette Hansen", "Mette.Hansen@Odense.dk")
    second = world.professional("Mette  Hansen", " mette.hansen@odense.dk ")
    alone = world.professional("Jens Jensen", "jens@odense.dk")
    for pid in (first, second, alone):
        world.contact(pid, date(2025, 3, 3), "mail")

    with vault.session() as s:
        rows = {e.professional_id: e for e in eligible_professionals(s, campaign)}
        groups = likely_duplicates(s, campaign)
    assert rows[first].shares_email_with == (second,)
    assert rows[second].shares_email_with == (first,)
    assert rows[alone].shares_email_with == ()
    assert len(groups) == 1
    assert groups[0].email == "mette.hansen@odense.dk"
    assert [m.professional_id for m in groups[0].members] == [first, second]


def test_a_duplicate_already_sent_the_link_is_shown_with_its_status(vault, world):
    campaign = world.campaign()
    first = world.professional("Mette Hansen", "mette.hansen@odense.dk")
    world.contact(first, date(2025, 3, 3), "mail")
    with vault.session() as s:
        record_dispatch(s, campaign, first)
    second = world.professional("M. Hansen", "METTE.HANSEN@odense.dk")
    world.contact(second, date(2025, 3, 20), "telefon")

    with vault.session() as s:
        (group,) = likely_duplicates(s, campaign)
    assert [(m.professional_id, m.eligible, m.dispatch_status) for m in group.members] == [
        (first, False, "sent"),
        (second, True, None),
    ]
