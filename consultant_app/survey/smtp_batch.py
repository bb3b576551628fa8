"""Sending the survey link to several professionals through the configured SMTP server.

TLS is required: implicit TLS or STARTTLS, with the certificate and host name verified (an
optional CA file for an organisation's own CA). A server that offers no encryption is refused
before anything is sent. Each mail is recorded as sent (method smtp, channel mail) in its own
unit of work right after the server accepts it, so a crash never loses a sent link and a
recipient the server refuses is never marked sent.
"""

import base64
import smtplib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Professional, SurveyDispatch
from consultant_app.errors import ConsultantAppError, VaultLockedError
from consultant_app.i18n import Text
from consultant_app.storage.vault import Vault
from consultant_app.survey.campaigns import load_campaign
from consultant_app.survey.dispatch import DispatchInfo, DispatchMessage, message_for, record_dispatch
from consultant_app.survey.eligibility import has_eligible_contact
from consultant_app.survey.errors import (
    SmtpCertificateError,
    SmtpConnectionError,
    SmtpLoginError,
    SmtpNotConfiguredError,
    SmtpTlsError,
    SmtpTlsNotOfferedError,
)
from consultant_app.survey.smtp_settings import SmtpCredentials, smtp_credentials, tls_context

# The EHLO name: neutral, so the laptop's own host name (often its owner's name) is not sent.
EHLO_NAME = "localhost"
TIMEOUT_SECONDS = 30.0

SKIPPED = {
    "not_found": Text(
        da="Fagperson {professional} findes ikke.", en="Professional {professional} does not exist."
    ),
    "already_dispatched": Text(
        da="Fagperson {professional} har allerede fået linket (eller er markeret som ikke relevant).",
        en="Professional {professional} has already been sent the link (or is marked not relevant).",
    ),
    "not_eligible": Text(
        da="Fagperson {professional} har ingen kontakt pr. telefon eller mail i perioden.",
        en="Professional {professional} has no contact by phone or e-mail in the period.",
    ),
    "no_email": Text(
        da="Fagperson {professional} har ingen e-mailadresse.",
        en="Professional {professional} has no e-mail address.",
    ),
    "duplicate_email": Text(
        da="Fagperson {professional} har samme e-mailadresse som en anden, der får eller har fået linket.",
        en="Professional {professional} shares the e-mail address of another who gets or got the link.",
    ),
}
FAILED = {
    "refused": Text(
        da="Mailserveren afviste modtageren for fagperson {professional} (kode {code}). Ikke markeret som sendt.",
        en="The mail server refused the recipient of professional {professional} (code {code}). Not marked sent.",
    ),
    "failed": Text(
        da="Mailen til fagperson {professional} kunne ikke sendes ({detail}). Ikke markeret som sendt.",
        en="The mail to professional {professional} could not be sent ({detail}). Not marked sent.",
    ),
    "not_attempted": Text(
        da="Forbindelsen til mailserveren blev afbrudt; fagperson {professional} fik ikke mailen.",
        en="The connection to the mail server was lost; professional {professional} did not get the mail.",
    ),
    "not_recorded": Text(
        da="Mailen til fagperson {professional} er sendt, men kunne ikke registreres: {detail}",
        en="The mail to professional {professional} was sent but could not be recorded: {detail}",
    ),
}


@dataclass(frozen=True)
class BatchProblem:
    professional_id: int
    reason: str  # a key of SKIPPED or FAILED
    message: str


@dataclass(frozen=True)
class BatchResult:
    sent: tuple[DispatchInfo, ...]
    failed: tuple[BatchProblem, ...]  # tried and not sent (or not recorded)
    skipped: tuple[BatchProblem, ...]  # not tried: nothing to send, or not to be sent


def send_batch(
    vault: Vault,
    campaign_id: int,
    professional_ids: Iterable[int],
    *,
    progress: Callable[[int, int], None] | None = None,
    timeout: float = TIMEOUT_SECONDS,
    in_vault: Callable[[Callable[[Session], Any]], Any] | None = None,
) -> BatchResult:
    """Send the campaign's e-mail to each professional and record each one the server accepts.
    Raises a typed SmtpError (nothing sent) when the server cannot be reached securely.

    The vault is used in short units through `in_vault` (default `vault.run`), never while the
    mail server is talked to: the desktop runs them on its database lane, the batch on its
    network lane, so a slow server never holds the vault and a lock never waits for one."""
    in_vault = in_vault or vault.run
    ids = list(dict.fromkeys(professional_ids))

    def plan(session: Session):
        credentials = smtp_credentials(session)
        if credentials is None:
            raise SmtpNotConfiguredError()
        return (credentials, *_plan(session, campaign_id, ids))

    credentials, planned, skipped = in_vault(plan)
    sent: list[DispatchInfo] = []
    failed: list[BatchProblem] = []
    if not planned:
        return BatchResult((), (), tuple(skipped))
    with _connect(credentials, timeout) as smtp:
        for done, message in enumerate(planned, start=1):
            pid = message.professional_id
            try:
                smtp.send_message(
                    _email(credentials, message), credentials.from_address, [message.to_address]
                )
            except smtplib.SMTPRecipientsRefused as exc:
                code = next(iter(exc.recipients.values()), ("?",))[0]
                failed.append(_problem(FAILED, pid, "refused", code=code))
            except (smtplib.SMTPServerDisconnected, OSError):  # this one and the rest: unknown
                failed += [_problem(FAILED, m.professional_id, "not_attempted") for m in planned[done - 1 :]]
                break
            except (smtplib.SMTPException, ValueError, MessageError) as exc:  # incl. an invalid address
                failed.append(_problem(FAILED, pid, "failed", detail=_smtp_code(exc)))
            else:
                try:
                    sent.append(
                        in_vault(
                            partial(
                                record_dispatch,
                                campaign_id=campaign_id,
                                professional_id=pid,
                                channel="mail",
                                method="smtp",
                            )
                        )
                    )
                except VaultLockedError:
                    raise  # locked meanwhile: stop here, nothing more is recorded
                except ConsultantAppError as exc:
                    failed.append(_problem(FAILED, pid, "not_recorded", detail=str(exc)))
            if progress is not None:
                progress(done, len(planned))
    return BatchResult(tuple(sent), tuple(failed), tuple(skipped))


def _plan(session, campaign_id: int, ids: list[int]) -> tuple[list[DispatchMessage], list[BatchProblem]]:
    campaign = load_campaign(session, campaign_id)
    dispatched = dict(
        session.execute(
            select(SurveyDispatch.professional_id, Professional.email_normalised)
            .join(Professional, SurveyDispatch.professional_id == Professional.id)
            .where(SurveyDispatch.campaign_id == campaign_id)
        ).all()
    )
    taken = {email for email in dispatched.values() if email}
    planned, skipped = [], []
    for pid in ids:
        professional = session.get(Professional, pid)
        reason = None
        if professional is None:
            reason = "not_found"
        elif pid in dispatched:
            reason = "already_dispatched"
        elif not has_eligible_contact(session, campaign, pid):
            reason = "not_eligible"
        elif not professional.email_normalised:
            reason = "no_email"
        elif professional.email_normalised in taken:
            reason = "duplicate_email"
        if reason:
            skipped.append(_problem(SKIPPED, pid, reason))
            continue
        taken.add(professional.email_normalised)
        planned.append(message_for(session, campaign_id, pid))
    return planned, skipped


def _connect(credentials: SmtpCredentials, timeout: float) -> smtplib.SMTP:
    host, port = credentials.host, credentials.port
    smtp: smtplib.SMTP | None = None
    try:
        context = tls_context(credentials.ca_file)
        if credentials.security == "tls":
            smtp = smtplib.SMTP_SSL(host, port, local_hostname=EHLO_NAME, timeout=timeout, context=context)
            smtp.ehlo()
        elif credentials.security == "starttls":
            smtp = smtplib.SMTP(host, port, local_hostname=EHLO_NAME, timeout=timeout)
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise SmtpTlsNotOfferedError(host=host, port=port)
            smtp.starttls(context=context)
            smtp.ehlo()
        else:
            raise SmtpTlsNotOfferedError(host=host, port=port)
        if credentials.username:
            _login(smtp, credentials.username, credentials.password or "")
        return smtp
    except BaseException as exc:
        if smtp is not None:
            smtp.close()
        if isinstance(exc, ConsultantAppError):
            raise
        raise _connection_error(exc, host, port) from None


def _login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """smtplib encodes credentials as ASCII; a password with æøå goes as UTF-8 AUTH PLAIN
    (RFC 4616), which is what servers expect."""
    try:
        if (username + password).isascii():
            smtp.login(username, password)
            return
        if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
            raise SmtpLoginError()
        token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
        code, _reply = smtp.docmd("AUTH", f"PLAIN {token}")
        if code not in (235, 503):  # 503: already authenticated
            raise SmtpLoginError()
    except smtplib.SMTPException:  # refused, or no AUTH offered
        raise SmtpLoginError() from None


def _connection_error(exc: BaseException, host: str, port: int) -> BaseException:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return SmtpCertificateError(host=host, port=port)
    if isinstance(exc, ssl.SSLError | smtplib.SMTPNotSupportedError):
        return SmtpTlsError(host=host, port=port)
    if isinstance(exc, smtplib.SMTPException) and not isinstance(exc, smtplib.SMTPServerDisconnected):
        return SmtpConnectionError(host=host, port=port, detail=_smtp_code(exc))
    if isinstance(exc, OSError | smtplib.SMTPServerDisconnected):
        detail = getattr(exc, "strerror", None) or type(exc).__name__
        return SmtpConnectionError(host=host, port=port, detail=detail)
    return exc


def _email(credentials: SmtpCredentials, message: DispatchMessage) -> EmailMessage:
    email = EmailMessage(policy=SMTP_POLICY)
    sender_domain = credentials.from_address.rpartition("@")[2]
    email["From"] = Address(credentials.from_name or "", addr_spec=credentials.from_address)
    email["To"] = Address(message.to_name, addr_spec=message.to_address)
    email["Subject"] = message.email.subject
    email["Date"] = formatdate(localtime=True)
    email["Message-ID"] = make_msgid(domain=sender_domain)
    email.set_content(message.email.body)
    return email


def _smtp_code(exc: BaseException) -> str:
    code = getattr(exc, "smtp_code", None)
    return str(code) if code else type(exc).__name__


def _problem(texts: dict[str, Text], professional_id: int, reason: str, **params: object) -> BatchProblem:
    return BatchProblem(
        professional_id, reason, texts[reason].render(None, professional=professional_id, **params)
    )
