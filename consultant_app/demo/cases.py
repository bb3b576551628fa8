"""One demo inquiry and what hangs on it: the citizen, reasons and advice, contacts, notes,
follow-ups and risk assessments, as rows appended to the batch's tables."""

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from consultant_app.demo import words
from consultant_app.demo.risk import assessments
from consultant_app.demo.weights import (
    ASSESSED_SHARE,
    CLOSING,
    CONTACT_CHANNEL,
    COURSE_SHARE,
    FOLLOW_UP,
    LEVEL,
    RATING,
    SINGLE_CLOSING,
)
from consultant_app.domain import (
    Base,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    InquiryAdvice,
    InquiryReason,
    Note,
)
from consultant_app.services.refs import own_ref

if TYPE_CHECKING:
    from consultant_app.demo.rows import DemoRows


class CaseRows:
    def __init__(self, rows: "DemoRows", consultant: str) -> None:
        self.g = rows  # the generator: shared draws, ids, professionals
        self.rng = rows.rng
        self.consultant = consultant
        self.today = rows.today
        self.yesterday = rows.today - timedelta(days=1)
        self.closing = rows.choice(CLOSING)
        self.single_closing = rows.choice(SINGLE_CLOSING)
        self.follow_up_type = rows.choice(FOLLOW_UP)
        self.contact_channel = rows.choice(CONTACT_CHANNEL)
        self.rating = rows.choice(RATING)
        self.level = rows.choice(LEVEL)
        self.courses = self.open_courses = self.overdue = 0

    def inquiry(self, received: datetime, t: dict[type[Base], list[dict]]) -> None:
        g, rng = self.g, self.rng
        iid = g.new_id(Inquiry)
        day = received.date()
        age = g.age()
        child = age == "barn"
        inquirer = g.inquirer[child]()
        trip = g.trip[child]()
        region = g.region()
        professional = g.professional(inquirer, region) if inquirer != "borger" else None
        municipality: str | None
        if professional is not None and inquirer == "kommune":
            municipality = g.professional_municipality[professional]
        else:
            municipality = g.municipality[region]() if rng.random() < 0.88 else None
        channel = g.channel()
        consent = "samtykke" if rng.random() < (0.7 if inquirer == "borger" else 0.42) else "anonym"
        reasons = g.reasons.some(rng.choice((1, 1, 1, 2, 2, 3)))
        advice = g.advice.some(rng.choice((1, 1, 2, 2, 2, 3)))
        if trip != "ingen":
            reasons = [*(c for c in reasons if c != "udlandsophold"), "udlandsophold"]
            advice = [*(c for c in advice if c != "genopdragelsesrejse"), "genopdragelsesrejse"]
        course = rng.random() < COURSE_SHARE[trip]
        closed_on, closing_reason = self._closing(day, course, trip)
        last = closed_on or self.yesterday  # the last day anything can happen in the case
        t[Inquiry].append(
            {
                "id": iid,
                "external_ref": own_ref(g.ref_prefix, received, iid),
                "received_at": received,
                "consultant": self.consultant,
                "region": region,
                "municipality_code": municipality,
                "inquirer_type": inquirer,
                "municipal_department": g.department[child]()
                if inquirer == "kommune" and rng.random() < 0.9
                else None,
                "inquirer_other_note": rng.choice(words.OTHER_INQUIRERS) if inquirer == "andet" else None,
                "channel": channel,
                "professional_id": professional,
                "citizen_id": self._citizen(received, t) if consent == "samtykke" else None,
                "citizen_age_group": age,
                "citizen_gender": g.gender(),
                "consent": consent,
                "trip_concern": trip,
                "kind": "forloeb" if course else "enkelt",
                "closed_on": closed_on,
                "closing_reason": closing_reason,
                "notes": rng.choice(words.INQUIRY_NOTES) if rng.random() < 0.5 else None,
                "created_at": received,
                "updated_at": max(received, self.stamp(last)) if closed_on else received,
            }
        )
        t[InquiryReason].extend({"inquiry_id": iid, "code": code} for code in reasons)
        t[InquiryAdvice].extend({"inquiry_id": iid, "code": code} for code in advice)
        self._contacts(iid, received, last, professional, region, channel, course, t)
        self._notes(iid, received, last, course, t)
        still_open = closed_on is None
        review = None
        if course and "risikovurdering" in advice and rng.random() < ASSESSED_SHARE:
            review = assessments(self, iid, day, last, still_open, t)
        self._follow_ups(iid, day, last, course, still_open, review, t)
        self.courses += course
        self.open_courses += course and still_open

    # --- the parts of a case -------------------------------------------------------------

    def _closing(self, day: date, course: bool, trip: str) -> tuple[date | None, str | None]:
        if course:
            end = day + timedelta(days=self._course_days(trip))
            return (end, self.closing()) if end < self.today else (None, None)
        end = day + timedelta(days=self.rng.choice((0, 0, 0, 0, 1, 2, 6)))
        return (end, self.single_closing()) if end < self.today else (None, None)

    def _course_days(self, trip: str) -> int:
        r = self.rng.random()
        if trip == "udlandet":  # handled with the foreign ministry: these last years
            r = 0.5 + r / 2
        if r < 0.35:
            return self.rng.randint(14, 180)
        if r < 0.65:
            return self.rng.randint(180, 730)
        if r < 0.9:
            return self.rng.randint(730, 1800)
        return self.rng.randint(1800, 3500)  # open since the first years of the scheme

    def _citizen(self, received: datetime, t: dict[type[Base], list[dict]]) -> int:
        rng = self.rng
        first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
        cid = self.g.new_id(Citizen)
        t[Citizen].append(
            {
                "id": cid,
                "pseudonym": f"{first[0]}.{last[0]}.",
                "full_name": f"{first} {last}" if rng.random() < 0.15 else None,
                "cpr": None,  # never generated, not even in a fake format
                "note": None,
                "created_at": received,
                "updated_at": received,
            }
        )
        return cid

    def _contacts(self, iid, received, last, professional, region, channel, course, t) -> None:
        rng = self.rng
        if professional is not None:
            t[Contact].append(self._contact(iid, professional, received, channel, True, None))
        if course:
            count = min(30, 1 + (last - received.date()).days // 50 + rng.randint(0, 2))
        elif rng.random() < 0.15:
            count, last = 1, min(last, received.date() + timedelta(days=14))
        else:
            count = 0
        for _ in range(count):
            other = professional is None or rng.random() < 0.35  # coordination with other actors
            who = self.g.professional(None, region) if other else professional
            if who is not None:
                summary = rng.choice(words.CONTACT_SUMMARIES) if rng.random() < 0.6 else None
                at = self._after(received, last)
                t[Contact].append(self._contact(iid, who, at, self.contact_channel(), False, summary))

    def _contact(self, iid, professional, at, channel, intake, summary) -> dict:
        return {
            "id": self.g.new_id(Contact),
            "professional_id": professional,
            "inquiry_id": iid,
            "occurred_at": at,
            "channel": channel,
            "is_intake": intake,
            "summary": summary,
            "created_at": at,
            "updated_at": at,
        }

    def _notes(self, iid, received, last, course, t) -> None:
        if course:
            count = min(8, 1 + (last - received.date()).days // 150)
        else:
            count = 1 if self.rng.random() < 0.25 else 0
        for _ in range(count):
            at = self._after(received, last)
            t[Note].append(
                {
                    "id": self.g.new_id(Note),
                    "inquiry_id": iid,
                    "text": self.rng.choice(words.CASE_NOTES),
                    "created_at": at,
                    "updated_at": at,
                }
            )

    def _follow_ups(self, iid, day, last, course, still_open, review, t) -> None:
        rng, today = self.rng, self.today

        def add(kind, due, done_at=None, snoozed=None, assessment=None) -> None:
            stamp = self.stamp(max(day, min(due - timedelta(days=14), last)))
            t[FollowUp].append(
                {
                    "id": self.g.new_id(FollowUp),
                    "inquiry_id": iid,
                    "type": kind,
                    "due_on": due,
                    "snoozed_until": snoozed,
                    "done_at": done_at,
                    "note": rng.choice(words.FOLLOW_UP_NOTES),
                    "risk_measure_id": None,
                    "risk_assessment_id": assessment,
                    "created_at": stamp,
                    "updated_at": done_at or stamp,
                }
            )
            if done_at is None and due < today and (snoozed is None or snoozed < today):
                self.overdue += 1

        def done(due: date) -> datetime:
            return self.stamp(min(due + timedelta(days=rng.randint(0, 3)), last))

        if not course:
            if still_open:  # a single inquiry waiting for a call back
                add(self.follow_up_type(), day + timedelta(days=rng.randint(1, 7)))
            elif rng.random() < 0.08:
                due = min(day + timedelta(days=2), last)
                add(self.follow_up_type(), due, done(due))
            return
        for _ in range(min(6, (last - day).days // 120)):
            due = self._day_between(day + timedelta(days=7), last)
            add(self.follow_up_type(), due, done(due))
        if review is not None:
            assessment, due = review
            if still_open and due >= today - timedelta(days=30):
                add("revurdering", due, assessment=assessment)
            elif due <= last:
                add("revurdering", due, done(due), assessment=assessment)
        if still_open:
            r = rng.random()
            if r < 0.15:
                add(self.follow_up_type(), today - timedelta(days=rng.randint(1, 21)))
            elif r < 0.2:
                snoozed = today + timedelta(days=rng.randint(1, 14))
                add(self.follow_up_type(), today - timedelta(days=rng.randint(1, 10)), snoozed=snoozed)
            else:
                add(self.follow_up_type(), today + timedelta(days=rng.randint(0, 60)))

    # --- time helpers --------------------------------------------------------------------

    def _day_between(self, first: date, last: date) -> date:
        if last <= first:
            return min(first, last)
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def _after(self, received: datetime, last: date) -> datetime:
        """A moment after the inquiry came in and no later than the case's last day."""
        day = self._day_between(received.date() + timedelta(days=1), last)
        at = self.g.moment(day)
        return at if at > received else received + timedelta(minutes=30)

    def stamp(self, day: date) -> datetime:
        return datetime.combine(min(day, self.yesterday), time(15, 0))
