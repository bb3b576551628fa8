"""demo: fill a new vault with realistic synthetic data (never real people)."""

import argparse

from consultant_app.cli.common import add_json_option, add_vault_option, emit, read_passphrase, vault_path
from consultant_app.codes import load_codes
from consultant_app.demo import DEFAULT_INQUIRIES, DEMO_CONSULTANT, MAX_INQUIRIES, fill_vault
from consultant_app.i18n import Text
from consultant_app.storage.vault import Vault

_DONE = Text(
    da="Demodata skrevet til {path} på {seconds:.1f} s (opdigtede personer, ingen CPR-numre):\n"
    "  {inquiries} henvendelser modtaget {first} – {last}\n"
    "  {courses} rådgivningsforløb, heraf {open_courses} åbne\n"
    "  {professionals} fagpersoner, {contacts} kontakter, {citizens} borgere (initialer)\n"
    "  {notes} notater, {follow_ups} opfølgninger ({overdue_follow_ups} overskredne)\n"
    "  {risk_assessments} risikovurderinger",
    en="Demo data written to {path} in {seconds:.1f} s (invented people, no CPR numbers):\n"
    "  {inquiries} inquiries received {first} – {last}\n"
    "  {courses} advisory courses, {open_courses} of them open\n"
    "  {professionals} professionals, {contacts} contacts, {citizens} citizens (initials)\n"
    "  {notes} notes, {follow_ups} follow-ups ({overdue_follow_ups} overdue)\n"
    "  {risk_assessments} risk assessments",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="fill a new vault with realistic synthetic data (never real people)",
        description="Creates the vault when the file does not exist (profile 'Demo-konsulent'); "
        "refuses a vault that already holds inquiries.",
    )
    add_vault_option(p)
    p.add_argument(
        "--inquiries",
        type=_inquiry_count,
        default=DEFAULT_INQUIRIES,
        help=f"how many inquiries (default {DEFAULT_INQUIRIES})",
    )
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")
    p.add_argument(
        "--team",
        choices=load_codes()["team"].values(),
        default="aarhus",
        help="team of a new vault's profile (default aarhus)",
    )
    add_json_option(p)
    p.set_defaults(handler=demo)


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


def _inquiry_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_INQUIRIES:
        raise argparse.ArgumentTypeError(f"choose between 1 and {MAX_INQUIRIES}")
    return value
