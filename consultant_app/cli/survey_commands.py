"""survey new / list / eligible / duplicates / mark-sent / not-relevant / responses / report /
smtp / send (cli.md; the last two beyond the contract: the SMTP batch from a script)."""

import argparse
import getpass
import json
import os
import sys

from consultant_app.cli.common import CliError, emit, open_vault
from consultant_app.cli.parsers.survey import SMTP_PASSWORD_ENV
from consultant_app.i18n import Text
from consultant_app.survey import (
    KEEP,
    DispatchOutcome,
    create_campaign,
    eligible_professionals,
    likely_duplicates,
    list_campaigns,
    record_dispatches,
    report_json,
    save_smtp_settings,
    send_batch,
    set_responses,
    survey_report,
    write_report,
)
from consultant_app.survey.smtp_settings import DEFAULT_PORTS

_CREATED = Text(
    da="Kampagnen er oprettet med koden {code}.", en="The campaign was created with the code {code}."
)
_NONE_ELIGIBLE = Text(da="Ingen mangler at få linket.", en="No one is waiting for the link.")
_NO_DUPLICATES = Text(da="Ingen sandsynlige dubletter.", en="No likely duplicates.")
_RECORDED = Text(da="{count} registreret.", en="{count} recorded.")
_RESPONSES = Text(da="{count} svar registreret for {region}.", en="{count} responses recorded for {region}.")
_WRITTEN = Text(da="Rapporten er skrevet til {path}.", en="The report was written to {path}.")
_NEEDS_FILE = Text(da="--format {format} kræver -o FIL.", en="--format {format} needs -o FILE.")
_SMTP_SAVED = Text(da="Mailserveren er gemt i boksen.", en="The mail server was saved in the vault.")
_SMTP_PROMPT = Text(
    da="Adgangskode til mailserveren (tom: ingen): ", en="Mail server password (empty: none): "
)
_SENT = Text(
    da="{sent} sendt, {failed} ikke sendt, {skipped} sprunget over.",
    en="{sent} sent, {failed} not sent, {skipped} skipped.",
)


def new(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        info = create_campaign(
            s,
            name=args.name,
            link=args.link,
            period_from=args.date_from,
            period_to=args.date_to,
            code=args.code,
        )
    emit(args, str(info.id), {"id": info.id, "code": info.code})
    if not args.json:
        print(_CREATED.render(code=info.code), file=sys.stderr)
    return 0


def list_command(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        campaigns = list_campaigns(s)
    lines = [f"{c.id}\t{c.code}\t{c.period_from}–{c.period_to}\t{c.links_sent}\t{c.name}" for c in campaigns]
    data = [
        {"id": c.id, "code": c.code, "name": c.name, "from": c.period_from, "to": c.period_to,
         "links_sent": c.links_sent, "not_relevant": c.not_relevant}
        for c in campaigns
    ]  # fmt: skip
    emit(args, "\n".join(lines), data)
    return 0


def eligible(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        rows = eligible_professionals(s, args.campaign)
    data = [
        {"professional_id": r.professional_id, "name": r.name, "email": r.email,
         "organisation": r.organisation_name, "contacts": r.contacts, "first_contact": r.first_contact_on,
         "region": r.region, "shares_email_with": list(r.shares_email_with)}
        for r in rows
    ]  # fmt: skip
    lines = [f"{r.professional_id}\t{r.name}\t{r.email or '-'}\t{r.contacts}\t{r.region}" for r in rows]
    emit(args, "\n".join(lines) or _NONE_ELIGIBLE.render(), data)
    return 0


def duplicates(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        groups = likely_duplicates(s, args.campaign)
    data = [
        {"email": g.email, "members": [
            {"professional_id": m.professional_id, "name": m.name, "eligible": m.eligible,
             "dispatch": m.dispatch_status} for m in g.members]}
        for g in groups
    ]  # fmt: skip
    lines = [f"{g.email}: " + ", ".join(f"{m.professional_id} {m.name}" for m in g.members) for g in groups]
    emit(args, "\n".join(lines) or _NO_DUPLICATES.render(), data)
    return 0


def mark_sent(args: argparse.Namespace) -> int:
    return _record(args, status="sent", channel=args.channel)


def not_relevant(args: argparse.Namespace) -> int:
    return _record(args, status="not_relevant", channel=None)


def _record(args: argparse.Namespace, *, status: str, channel: str | None) -> int:
    with open_vault(args) as vault, vault.session() as s:
        outcome: DispatchOutcome = record_dispatches(
            s, args.campaign, args.professionals, status=status, channel=channel, method="manual"
        )
    data = {
        "recorded": [{"professional_id": d.professional_id, "region": d.region} for d in outcome.recorded],
        "refused": [{"professional_id": r.professional_id, "message": r.message} for r in outcome.refused],
    }
    emit(args, _RECORDED.render(count=len(outcome.recorded)), data)
    for refusal in outcome.refused:
        print(refusal.message, file=sys.stderr)
    return 1 if outcome.refused else 0


def responses(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        set_responses(s, args.campaign, args.region, args.count)
    emit(
        args,
        _RESPONSES.render(count=args.count, region=args.region),
        {"region": args.region, "responses": args.count},
    )
    return 0


def report(args: argparse.Namespace) -> int:
    if args.output is None and args.format != "json":
        raise CliError(_NEEDS_FILE, format=args.format)
    with open_vault(args) as vault:
        if args.output is not None:
            path = write_report(vault, args.campaign, args.output, args.format, overwrite=args.force)
            print(_WRITTEN.render(path=path), file=sys.stderr)
            return 0
        with vault.session() as s:
            data = report_json(survey_report(s, args.campaign))
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def smtp(args: argparse.Namespace) -> int:
    password = os.environ.get(SMTP_PASSWORD_ENV)
    if password is None and args.user and sys.stdin and sys.stdin.isatty():
        password = getpass.getpass(_SMTP_PROMPT.render())
    port = args.port or DEFAULT_PORTS[args.security]
    with open_vault(args) as vault, vault.session() as s:
        save_smtp_settings(
            s, host=args.host, port=port, security=args.security, username=args.user,
            password=KEEP if password is None else password or None,
            from_address=args.from_address, from_name=args.from_name, ca_file=args.ca_file,
        )  # fmt: skip
    emit(args, _SMTP_SAVED.render(), {"host": args.host, "port": port, "security": args.security})
    return 0


def send(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        ids = args.professionals
        if not ids:
            with vault.session() as s:
                ids = [r.professional_id for r in eligible_professionals(s, args.campaign)]
        result = send_batch(vault, args.campaign, ids)
    data = {
        "sent": [d.professional_id for d in result.sent],
        "failed": [{"professional_id": p.professional_id, "reason": p.reason} for p in result.failed],
        "skipped": [{"professional_id": p.professional_id, "reason": p.reason} for p in result.skipped],
    }
    summary = _SENT.render(sent=len(result.sent), failed=len(result.failed), skipped=len(result.skipped))
    emit(args, summary, data)
    for problem in (*result.failed, *result.skipped):
        print(problem.message, file=sys.stderr)
    return 1 if result.failed else 0
