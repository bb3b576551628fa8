"""Deciding, row by row, what an import does: add, update, leave unchanged or reject.

The file is planned in batches of rows as it streams past (`plan_batches`), each batch a plan
that writes nothing; `import_writer` carries a batch's plan out in bulk. The importer plans the
whole file once to check it, and again to write it, so no more than a batch is ever held. Rows
are validated here against the inquiry they update, so a column the file lacks is checked with
the stored value it keeps. A row added without an external_ref gets the vault's own
(`own_ref`), as an inquiry made in the form does.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from consultant_app.codes import Codes
from consultant_app.domain import Inquiry, Professional
from consultant_app.domain.base import utcnow
from consultant_app.errors import ConsultantAppError, Problem
from consultant_app.i18n import Text
from consultant_app.interchange.file_check import CheckedRow, RefIndex, RowChecker, draft_for, row_problems
from consultant_app.interchange.table_reader import StreamedTable
from consultant_app.interchange.vault_state import (
    StoredInquiry,
    load_by_refs,
    load_professionals,
    owner_name,
    taken_refs,
)
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.inquiry_rules import OWN_REF_TAKEN
from consultant_app.services.professionals import (
    FILLABLE_PROFESSIONAL_COLUMNS,
    KnownProfessional,
    ProfessionalDirectory,
    new_professional_values,
    professional_fill_ins,
)
from consultant_app.services.refs import next_id, own_ref, ref_prefix

# Rows planned and written together: few enough that a batch's stored inquiries and statements
# are small, many enough that each bulk statement carries real work.
BATCH = 500


class NewProfessionalRow(KnownProfessional):
    """A professional an import adds, as its row is inserted."""

    created_at: datetime
    updated_at: datetime


class ImportCancelled(ConsultantAppError):
    text = Text(
        da="Importen blev afbrudt; intet er importeret.", en="The import was stopped; nothing was imported."
    )


@dataclass
class Rejected:
    row: CheckedRow
    problems: list[Problem]


@dataclass
class ImportPlan:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    new_inquiries: list[dict] = field(default_factory=list)
    inquiry_updates: list[dict] = field(default_factory=list)
    new_reasons: list[dict] = field(default_factory=list)
    new_advice: list[dict] = field(default_factory=list)
    # Updated inquiries whose reasons and advice are rewritten.
    codes_replaced: list[int] = field(default_factory=list)
    new_contacts: list[dict] = field(default_factory=list)
    contact_updates: list[dict] = field(default_factory=list)
    contact_deletes: list[int] = field(default_factory=list)
    new_professionals: dict[int, NewProfessionalRow] = field(default_factory=dict)
    professional_updates: dict[int, dict] = field(default_factory=dict)
    # Professionals that existed before the import and were completed by it (for the summary).
    professionals_completed: set[int] = field(default_factory=set)
    # The vault's own references given to added rows -> the line of each.
    own_refs: dict[str, int] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [problem for rejected in self.rejected for problem in rejected.problems]


def index_refs(table: StreamedTable, checker: RowChecker, cancelled: Callable[[], bool]) -> RefIndex:
    """The first pass: every reference the file gives, and which are given twice."""
    refs = RefIndex()
    for number, (_line, cells) in enumerate(table.rows()):
        if number % BATCH == 0 and cancelled():
            raise ImportCancelled()
        if not checker.is_blank(cells):
            refs.add(checker.ref(cells))
    refs.seal()
    if refs.maybe_repeated:  # rare: once more, for the lines of the references seen twice
        for line, cells in table.rows():
            if not checker.is_blank(cells):
                refs.add_line(checker.ref(cells), line)
    refs.settle()
    return refs


def plan_batches(
    session: Session,
    table: StreamedTable,
    checker: RowChecker,
    refs: RefIndex,
    codes: Codes,
    today: date,
    refused: dict[int, Problem],
) -> Iterator[ImportPlan]:
    """The plan of each batch of rows, in file order. `refused`: line -> why a row that is
    otherwise fine cannot be added (its own reference is taken, see `own_ref_clashes`)."""
    planner = _Planner(session, checker, codes, today, refused)
    batch: list[CheckedRow] = []
    for line, cells in table.rows():
        row = checker.check(line, cells)
        if row is None:
            continue
        refs.flag(row)
        batch.append(row)
        if len(batch) == BATCH:
            yield planner.plan_rows(batch)
            batch = []
    if batch:
        yield planner.plan_rows(batch)


def own_ref_clashes(session: Session, refs: RefIndex, plan: ImportPlan) -> dict[int, Problem]:
    """An own reference can only be taken when someone typed one in this vault's format (into
    the vault or the file): such a row is refused, asking for a reference, and the file planned
    again, since the ids of the rows after it (and so their references) move."""
    taken = {ref for ref in plan.own_refs if ref in refs} | taken_refs(session, plan.own_refs)
    return {
        line: Problem("external_ref", ref, OWN_REF_TAKEN, line=line)
        for ref, line in plan.own_refs.items()
        if ref in taken
    }


class _Planner:
    def __init__(
        self,
        session: Session,
        checker: RowChecker,
        codes: Codes,
        today: date,
        refused: dict[int, Problem],
    ) -> None:
        self.session = session
        self.checker = checker
        self.codes = codes
        self.today = today
        self.refused = refused
        self.plan = ImportPlan()
        self.professionals = load_professionals(session)
        self.existing_professionals = frozenset(self.professionals)
        self.directory = ProfessionalDirectory()
        for pro in self.professionals.values():
            self.directory.add(pro["id"], pro["name"], pro["email"], pro["phone"])
        self.next_inquiry_id = next_id(session, Inquiry)
        self.next_professional_id = next_id(session, Professional)
        self.consultant = owner_name(session)
        self.ref_prefix = ref_prefix(session)
        self.now = utcnow()

    def plan_rows(self, rows: list[CheckedRow]) -> ImportPlan:
        self.plan = ImportPlan(rows=len(rows))
        given = [ref.strip() for row in rows if isinstance(ref := row.values.get("external_ref"), str)]
        stored_by_ref = load_by_refs(self.session, given)
        for row in rows:
            ref = row.values.get("external_ref")
            stored = stored_by_ref.get(ref.strip()) if isinstance(ref, str) else None
            base = stored.draft(self.professionals) if stored else InquiryDraft()
            draft = draft_for(row, base)
            problems = row_problems(row, draft, self.codes, self.today, self.checker.index)
            if stored is None and row.line in self.refused:
                problems.append(self.refused[row.line])
            if problems:
                self.plan.rejected.append(Rejected(row, problems))
            elif stored is None:
                self._add(draft, row.line)
            else:
                self._update(stored, draft)
        return self.plan

    # --- rows ---------------------------------------------------------------------------

    def _add(self, draft: InquiryDraft, line: int) -> None:
        inquiry_id = self.next_inquiry_id
        self.next_inquiry_id += 1
        external_ref = draft.external_ref
        if external_ref is None:
            if draft.received_at is None:  # row_problems rejects a row without one
                raise ValueError("an own reference needs the received date")
            external_ref = own_ref(self.ref_prefix, draft.received_at, inquiry_id)
            self.plan.own_refs[external_ref] = line
        professional_id = self._professional_for(draft)
        self.plan.new_inquiries.append(
            {
                **draft.inquiry_values(),
                "id": inquiry_id,
                "external_ref": external_ref,
                "consultant": draft.consultant or self.consultant,
                "professional_id": professional_id,
                "created_at": self.now,
                "updated_at": self.now,
            }
        )
        self._add_codes(inquiry_id, draft)
        if professional_id is not None:
            self.plan.new_contacts.append(self._contact(inquiry_id, professional_id, draft))
        self.plan.added += 1

    def _update(self, stored: StoredInquiry, draft: InquiryDraft) -> None:
        if self.checker.has_professional_columns:
            professional_id = self._professional_for(draft)
            intake_with = professional_id
        else:  # the file says nothing about professionals: keep the link as it is
            professional_id = stored.professional_id
            intake_with = stored.intake.professional_id if stored.intake else None
        columns = draft.inquiry_values()
        wanted_intake = (intake_with, draft.received_at, draft.channel) if intake_with is not None else None
        intake = stored.intake
        current_intake = (intake.professional_id, intake.occurred_at, intake.channel) if intake else None
        codes_differ = set(draft.reasons) != stored.reasons or set(draft.advice_types) != stored.advice
        if (
            stored.columns == columns
            and stored.professional_id == professional_id
            and not codes_differ
            and wanted_intake == current_intake
        ):
            self.plan.unchanged += 1
            return
        self.plan.updated += 1
        self.plan.inquiry_updates.append(
            {**columns, "professional_id": professional_id, "id": stored.id, "updated_at": self.now}
        )
        if codes_differ:
            self.plan.codes_replaced.append(stored.id)
            self._add_codes(stored.id, draft)
        if wanted_intake != current_intake:
            self._update_intake(stored, draft, intake_with)

    def _update_intake(self, stored: StoredInquiry, draft: InquiryDraft, professional_id: int | None) -> None:
        intake = stored.intake
        if professional_id is None:
            if intake is not None:  # always: with neither, the intake is unchanged and this is not called
                self.plan.contact_deletes.append(intake.id)
        elif intake is None:
            self.plan.new_contacts.append(self._contact(stored.id, professional_id, draft))
        else:
            self.plan.contact_updates.append(
                {
                    "id": intake.id,
                    "professional_id": professional_id,
                    "occurred_at": draft.received_at,
                    "channel": draft.channel,
                    "updated_at": self.now,
                }
            )

    def _add_codes(self, inquiry_id: int, draft: InquiryDraft) -> None:
        self.plan.new_reasons.extend({"inquiry_id": inquiry_id, "code": code} for code in draft.reasons)
        self.plan.new_advice.extend({"inquiry_id": inquiry_id, "code": code} for code in draft.advice_types)

    def _contact(self, inquiry_id: int, professional_id: int, draft: InquiryDraft) -> dict:
        return {
            "inquiry_id": inquiry_id,
            "professional_id": professional_id,
            "occurred_at": draft.received_at,
            "channel": draft.channel,
            "is_intake": True,
            "summary": None,
            "created_at": self.now,
            "updated_at": self.now,
        }

    # --- professionals ------------------------------------------------------------------

    def _professional_for(self, draft: InquiryDraft) -> int | None:
        if not draft.has_professional:
            return None
        found = self.directory.find(
            draft.professional_name, draft.professional_email, draft.professional_phone
        )
        if found is None:
            return self._new_professional(draft)
        known = self.professionals[found]
        fill_ins = professional_fill_ins(known, draft)
        if fill_ins:
            known.update(fill_ins)  # a professional new in this batch is updated in place
            if found in self.existing_professionals:
                self.plan.professionals_completed.add(found)
            if found not in self.plan.new_professionals:  # written already: update it
                update: dict[str, object] = {"id": found, "updated_at": self.now}
                for name in FILLABLE_PROFESSIONAL_COLUMNS:
                    update[name] = known[name]
                self.plan.professional_updates[found] = update
        return found

    def _new_professional(self, draft: InquiryDraft) -> int:
        professional_id = self.next_professional_id
        self.next_professional_id += 1
        values = NewProfessionalRow(
            **new_professional_values(draft), id=professional_id, created_at=self.now, updated_at=self.now
        )
        # One dict in both: fill-ins from later rows of the batch complete the row to insert.
        self.plan.new_professionals[professional_id] = values
        self.professionals[professional_id] = values
        self.directory.add(professional_id, values["name"], values["email"], values["phone"])
        return professional_id
