"""keys / handover / receive / erase / retention due (docs/cli.md)."""

import argparse

from consultant_app.cli.common import emit, open_vault
from consultant_app.domain import Profile
from consultant_app.errors import ConsultantAppError
from consultant_app.handover.errors import UnknownSenderError
from consultant_app.handover.keys import add_colleague, colleagues, own_key
from consultant_app.handover.receive import open_handover, read_handover_file
from consultant_app.handover.receive import receive as receive_case
from consultant_app.handover.send import hand_over
from consultant_app.i18n import Text
from consultant_app.retention.due import due_cases, retention_due_json
from consultant_app.retention.erase import OLDER_BACKUPS, erase_case
from consultant_app.services.case_ref import find_case

_FINGERPRINT = Text(da="Fingeraftryk: {fingerprint}", en="Fingerprint: {fingerprint}")
_ADDED = Text(
    da="{name} er tilføjet. Fingeraftryk: {fingerprint} (sammenlign det med {name}, fx i telefonen).",
    en="{name} was added. Fingerprint: {fingerprint} (compare it with {name}, e.g. on the phone).",
)
_NO_COLLEAGUES = Text(da="Ingen kollegers nøgler endnu (keys add).", en="No colleagues' keys yet (keys add).")
_HANDED = Text(
    da="Sag {case} er krypteret til {to} (fingeraftryk {fingerprint}) og skrevet til {path}. "
    "Sagen er nu skrivebeskyttet her og tilbudt til sletning (retention due).",
    en="Case {case} is encrypted for {to} (fingerprint {fingerprint}) and written to {path}. "
    "The case is now read-only here and offered for erasure (retention due).",
)
_SENDER = Text(
    da="Afsender: {name} (fingeraftryk {fingerprint})", en="Sender: {name} (fingerprint {fingerprint})"
)
_UNKNOWN = Text(da="ukendt; kalder sig {name}", en="unknown; calls themselves {name}")
_HOLDS = Text(
    da="Indhold: sag {case}{citizen} · notater: {notes}, kontakter: {contacts}, opfølgninger: {follow_ups}, "
    "risikovurderinger: {risk}",
    en="Contents: case {case}{citizen} · notes: {notes}, contacts: {contacts}, follow-ups: {follow_ups}, "
    "risk assessments: {risk}",
)
_WITH_CITIZEN = Text(da=" med borger", en=" with citizen")
_RECEIVED = Text(da="Modtaget som sag {case}.", en="Received as case {case}.")
_ALREADY = Text(
    da="Sagen findes allerede i boksen ({case}); intet er tilføjet.",
    en="The case is already in the vault ({case}); nothing was added.",
)
_WRONG_FINGERPRINT = Text(
    da="Fingeraftrykket {given} passer ikke med afsenderens ({fingerprint}); intet er modtaget.",
    en="The fingerprint {given} does not match the sender's ({fingerprint}); nothing was received.",
)
_NEEDS_YES = Text(
    da="Sletning kan ikke fortrydes. Gentag med --yes for at slette sag {case}.",
    en="Erasure cannot be undone. Repeat with --yes to erase case {case}.",
)
_ERASED = Text(
    da="Sag {case} er slettet; kun den anonyme optælling er tilbage.",
    en="Case {case} was erased; only the anonymous count remains.",
)
_NONE_DUE = Text(
    da="Ingen sager skal slettes ({years} års opbevaring).", en="No case is due ({years} years)."
)
_DUE_HEAD = Text(
    da="Sager til sletning ({years} års opbevaring efter afslutning):",
    en="Cases due for erasure ({years} years after closing):",
)


class ConfirmationNeeded(ConsultantAppError):
    pass


def keys_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        key = own_key(s, s.get_one(Profile, 1).name)  # every vault has its profile from the start
    emit(
        args,
        f"{_FINGERPRINT.render(fingerprint=key.fingerprint)}\n{key.line}",
        {"name": key.name, "fingerprint": key.fingerprint, "key": key.line},
    )
    return 0


def keys_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        key = add_colleague(s, args.name, args.key)
    emit(
        args,
        _ADDED.render(name=key.name, fingerprint=key.fingerprint),
        {"name": key.name, "fingerprint": key.fingerprint, "key": key.line},
    )
    return 0


def keys_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        keys = colleagues(s)
    lines = [f"{k.name}\t{k.fingerprint}\t{k.line}" for k in keys]
    emit(
        args,
        "\n".join(lines) or _NO_COLLEAGUES.render(),
        [{"name": k.name, "fingerprint": k.fingerprint, "key": k.line} for k in keys],
    )
    return 0


def handover(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        done = hand_over(s, args.case, args.to, args.output)
    human = _HANDED.render(case=done.case_code, to=done.to, fingerprint=done.to_fingerprint, path=done.path)
    emit(
        args,
        f"{human}\n{OLDER_BACKUPS.render()}",
        {"case": done.case_code, "to": done.to, "fingerprint": done.to_fingerprint, "file": str(done.path)},
    )
    return 0


def receive(args: argparse.Namespace) -> int:
    data = read_handover_file(args.file)
    with open_vault(args) as vault, vault.session() as s:
        incoming = open_handover(s, data)
        trusted = incoming.known_as is not None
        if not trusted and args.trust_fingerprint is not None:
            given = args.trust_fingerprint.strip().upper()
            if given != incoming.sender_fingerprint:
                raise ConfirmationNeeded(
                    _WRONG_FINGERPRINT, given=given, fingerprint=incoming.sender_fingerprint
                )
            trusted = True
        if not trusted:
            raise UnknownSenderError(fingerprint=incoming.sender_fingerprint)
        got = receive_case(s, incoming, confirm_unknown_sender=True)
    name = incoming.known_as or _UNKNOWN.render(name=incoming.sender_name)
    lines = [
        _SENDER.render(name=name, fingerprint=incoming.sender_fingerprint),
        _HOLDS.render(
            case=incoming.origin_code,
            citizen=_WITH_CITIZEN.render() if incoming.has_citizen else "",
            notes=incoming.notes,
            contacts=incoming.contacts,
            follow_ups=incoming.follow_ups,
            risk=incoming.risk_assessments,
        ),
        (_RECEIVED if got.added else _ALREADY).render(case=got.case_code),
    ]
    emit(
        args,
        "\n".join(lines),
        {
            "sender": {
                "name": incoming.known_as,
                "claims": incoming.sender_name,
                "fingerprint": incoming.sender_fingerprint,
            },
            "origin_case": incoming.origin_code,
            "case": got.case_code,
            "added": got.added,
        },
    )
    return 0


def erase(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        with vault.session() as s:
            inquiry = find_case(s, args.case)
            code = inquiry.case_code
            if not args.yes:
                raise ConfirmationNeeded(_NEEDS_YES, case=code)
            reason = args.reason or next(
                (d.reason for d in due_cases(s) if d.inquiry_id == inquiry.id), "not_needed"
            )
        erase_case(vault, code, reason)
    emit(args, f"{_ERASED.render(case=code)}\n{OLDER_BACKUPS.render()}", {"case": code, "reason": reason})
    return 0


def retention_due(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        data = retention_due_json(s, args.today)
        due = due_cases(s, args.today)
    years = data["retention_years"]
    if due:
        lines = [_DUE_HEAD.render(years=years)]
        lines += [f"  {d.case_code}\t{d.due_on}\t{d.label()}" for d in due]
        human = "\n".join(lines)
    else:
        human = _NONE_DUE.render(years=years)
    emit(args, human, data)
    return 0
