"""What can go wrong with a survey dispatch, in words fit for the user (Danish by default).

Messages name records by id only: never a name, an address or a server's reply text.
"""

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text


class SurveyError(ConsultantAppError):
    text = Text(da="Spørgeskemaet kunne ikke sendes.", en="The survey could not be sent.")


class AlreadyDispatchedError(SurveyError):
    """The database refused a second dispatch (UNIQUE campaign_id, professional_id)."""

    text = Text(
        da="Fagperson {professional} har allerede fået linket i kampagnen {campaign} (registreret {on}). "
        "Linket sendes kun én gang pr. kampagne, uanset antallet af kontakter.",
        en="Professional {professional} has already been sent the link in campaign {campaign} "
        "(recorded {on}). The link is sent once per campaign, however many contacts there were.",
    )


class AlreadyMarkedNotRelevantError(AlreadyDispatchedError):
    text = Text(
        da="Fagperson {professional} er allerede markeret som ikke relevant i kampagnen {campaign} "
        "(registreret {on}). Fortryd markeringen først, hvis linket alligevel skal sendes.",
        en="Professional {professional} is already marked not relevant in campaign {campaign} "
        "(recorded {on}). Undo the marking first if the link is to be sent after all.",
    )


class NotEligibleError(SurveyError):
    text = Text(
        da="Fagperson {professional} har ingen kontakt pr. telefon eller mail i kampagnens periode "
        "({period}) og skal ikke have linket.",
        en="Professional {professional} has no contact by phone or e-mail in the campaign's period "
        "({period}) and is not to be sent the link.",
    )


class SharedEmailError(SurveyError):
    text = Text(
        da="Fagperson {professional} har samme e-mailadresse som fagperson {other}, der allerede har fået "
        "linket i denne kampagne. Det er sandsynligvis samme person: flet dem i stedet for at sende igen.",
        en="Professional {professional} has the same e-mail address as professional {other}, who has "
        "already been sent the link in this campaign. Probably the same person: merge them instead.",
    )


class NoEmailError(SurveyError):
    text = Text(
        da="Fagperson {professional} har ingen e-mailadresse.",
        en="Professional {professional} has no e-mail address.",
    )


class MailtoTooLongError(SurveyError):
    text = Text(
        da="Linket og emnet er for lange til et mailprogram ({length} tegn, højst {limit}). "
        "Kopiér teksten i stedet.",
        en="The link and subject are too long for a mail program ({length} characters, at most {limit}). "
        "Copy the text instead.",
    )


class CampaignCodeTakenError(SurveyError):
    text = Text(
        da="Kampagnekoden '{code}' bruges allerede af en anden kampagne.",
        en="The campaign code '{code}' is already used by another campaign.",
    )


# --- sending by SMTP --------------------------------------------------------------------


class SmtpError(SurveyError):
    text = Text(da="Mailserveren kunne ikke bruges.", en="The mail server could not be used.")


class SmtpNotConfiguredError(SmtpError):
    text = Text(
        da="Der er ikke angivet nogen mailserver (SMTP) i indstillingerne.",
        en="No mail server (SMTP) has been set up in the settings.",
    )


class SmtpTlsNotOfferedError(SmtpError):
    text = Text(
        da="Mailserveren {host}:{port} tilbyder ikke kryptering (STARTTLS). Der er intet sendt: "
        "mails sendes kun krypteret.",
        en="The mail server {host}:{port} does not offer encryption (STARTTLS). Nothing was sent: "
        "mail is only sent encrypted.",
    )


class SmtpTlsError(SmtpError):
    text = Text(
        da="Der kunne ikke oprettes en krypteret forbindelse (TLS) til mailserveren {host}:{port}. "
        "Intet er sendt. Tjek port og sikkerhedstype (TLS eller STARTTLS).",
        en="No encrypted connection (TLS) could be made to the mail server {host}:{port}. Nothing was "
        "sent. Check the port and the security type (TLS or STARTTLS).",
    )


class SmtpCertificateError(SmtpError):
    text = Text(
        da="Mailserverens certifikat kunne ikke bekræftes ({host}:{port}). Intet er sendt. "
        "Angiv evt. organisationens CA-certifikat i indstillingerne.",
        en="The mail server's certificate could not be verified ({host}:{port}). Nothing was sent. "
        "If needed, give your organisation's CA certificate in the settings.",
    )


class SmtpLoginError(SmtpError):
    text = Text(
        da="Mailserveren afviste brugernavn eller adgangskode. Intet er sendt.",
        en="The mail server refused the user name or password. Nothing was sent.",
    )


class SmtpConnectionError(SmtpError):
    text = Text(
        da="Kunne ikke forbinde til mailserveren {host}:{port} ({detail}). Intet er sendt.",
        en="Could not connect to the mail server {host}:{port} ({detail}). Nothing was sent.",
    )
