"""demo: fill a new vault with realistic synthetic data (never real people)."""

import argparse

from consultant_app.cli.common import emit, read_passphrase, vault_path
from consultant_app.demo import DEMO_CONSULTANT, fill_vault
from consultant_app.i18n import Text
from consultant_app.storage.vault import Vault

_DONE = Text(
    da="Demodata skrevet til {path} på {seconds:.1f} s (opdigtede personer, ingen CPR-numre):\n"
    "  {inquiries} henvendelser modtaget {first} – {last}\n"
    "  {courses} rådgivningsforløb, heraf {open_courses} åbne\n"
    "  {professionals} fagpersoner, {contacts} kontakter, {citizens} borgere (initialer)\n"
    "  {notes} notater, {follow_ups} opfølgninger ({overdue_follow_ups} forfaldne)\n"
    "  {risk_assessments} risikovurderinger",
    en="Demo data written to {path} in {seconds:.1f} s (invented people, no CPR numbers):\n"
    "  {inquiries} inquiries received {first} – {last}\n"
    "  {courses} advisory courses, {open_courses} of them open\n"
    "  {professionals} professionals, {contacts} contacts, {citizens} citizens (initials)\n"
    "  {notes} notes, {follow_ups} follow-ups ({overdue_follow_ups} overdue)\n"
    "  {risk_assessments} risk assessments",
)


def demo(args: argparse.Namespace) -> int:
    path = vault_path(args)
    if path.exists():
        vault = Vault.open(path, read_passphrase())
    else:
        vault = Vault.create(path, read_passphrase(confirm=True), name=DEMO_CONSULTANT, team=args.team)
    with vault:
        summary = fill_vault(vault, args.inquiries, args.seed)
    data = summary.as_dict()
    human = _DONE.render(
        path=path,
        first=data["first_received"] or "-",
        last=data["last_received"] or "-",
        **{k: v for k, v in data.items() if k not in ("first_received", "last_received")},
    )
    emit(args, human, {"vault": str(path), **data})
    return 0
