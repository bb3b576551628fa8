"""The SMTP batch against a REAL local mail server (aiosmtpd on 127.0.0.1) with TLS from a
test CA (trustme): implicit TLS and STARTTLS, a refused recipient, plain servers refused."""

import socket
import ssl
from datetime import date
from email import message_from_bytes, policy

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import func, select

from consultant_app.domain import SurveyDispatch
from consultant_app.errors import ValidationError
from consultant_app.survey import (
    KEEP,
    eligible_professionals,
    save_smtp_settings,
    send_batch,
    smtp_settings,
)
from consultant_app.survey.errors import (
    SmtpCertificateError,
    SmtpLoginError,
    SmtpNotConfiguredError,
    SmtpTlsError,
    SmtpTlsNotOfferedError,
)

HOST = "127.0.0.1"
USER, PASSWORD = "karen@aarhus.dk", "smtp-hemmelighed æøå"
REFUSED = "bo.berg@odense.dk"


class Recorder:
    """Accepts every recipient but those it is told to refuse; keeps what it receives."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.refuse = set(refuse)
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_tls(ca) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(HOST).configure_cert(context)
    return context


@pytest.fixture
def ca_file(ca, tmp_path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def start(handler, **kw) -> Controller:
    controller = Controller(handler, hostname=HOST, port=free_port(), authenticator=authenticator, **kw)
    controller.start()
    return controller


@pytest.fixture
def servers(server_tls):
    started: list[Controller] = []

    def make(kind: str, handler: Recorder) -> int:
        if kind == "tls":
            controller = start(handler, ssl_context=server_tls, auth_require_tls=False)
        elif kind == "starttls":
            controller = start(handler, tls_context=server_tls, require_starttls=True)
        else:  # plain: no encryption offered at all
            controller = start(handler, auth_require_tls=False)
        started.append(controller)
        return controller.port

    yield make
    for controller in started:
        controller.stop()


@pytest.fixture
def campaign_with_three(world):
    campaign = world.campaign(date(2025, 3, 1), date(2025, 4, 15), code="SIRI-25")
    ids = []
    for name, email in (
        ("Åse Østergaard", "aase@aarhus.dk"),
        ("Bo Berg", REFUSED),
        ("Cille Ærø", "cille@aalborg.dk"),
    ):
        pid = world.professional(name, email)
        world.contact(pid, date(2025, 3, 10), "telefon")
        ids.append(pid)
    return campaign, ids


def configure(vault, port, security, ca_file, password=PASSWORD):
    with vault.session() as s:
        save_smtp_settings(
            s,
            host=HOST,
            port=port,
            security=security,
            username=USER,
            password=password,
            from_address="karen@aarhus.dk",
            from_name="Karen Konsulent",
            ca_file=ca_file,
        )


def dispatched(vault) -> set[int]:
    with vault.session() as s:
        return set(s.scalars(select(SurveyDispatch.professional_id)))


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_batch_over_tls_marks_only_what_the_server_accepted(
    vault, servers, ca_file, campaign_with_three, security
):
    campaign, (aase, bo, cille) = campaign_with_three
    handler = Recorder(refuse=(REFUSED,))
    configure(vault, servers(security, handler), security, ca_file)
    steps = []

    result = send_batch(vault, campaign, [aase, bo, cille], progress=lambda d, t: steps.append((d, t)))

    assert [d.professional_id for d in result.sent] == [aase, cille]
    assert [(p.professional_id, p.reason) for p in result.failed] == [(bo, "refused")]
    assert "afviste modtageren" in result.failed[0].message and "550" in result.failed[0].message
    assert result.skipped == ()
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert dispatched(vault) == {aase, cille}
    with vault.session() as s:
        assert [e.professional_id for e in eligible_professionals(s, campaign)] == [bo]
        methods = set(s.execute(select(SurveyDispatch.channel, SurveyDispatch.method)).all())
    assert methods == {("mail", "smtp")}

    assert [rcpt for _, rcpt, _ in handler.messages] == [["aase@aarhus.dk"], ["cille@aalborg.dk"]]
    mail = message_from_bytes(handler.messages[0][2], policy=policy.default)
    assert mail["Subject"] == "Hvordan oplevede du sikkerhedskonsulenternes rådgivning?"
    assert mail["To"] == "Åse Østergaard <aase@aarhus.dk>"
    assert mail["From"] == "Karen Konsulent <karen@aarhus.dk>"
    body = mail.get_content().replace("\r\n", "\n")
    assert body.startswith("Kære Åse Østergaard\n")
    assert "https://survey.example.dk/s/abc123" in body


def test_a_second_batch_sends_nothing_twice(vault, servers, ca_file, campaign_with_three):
    campaign, ids = campaign_with_three
    handler = Recorder()
    configure(vault, servers("starttls", handler), "starttls", ca_file)
    assert len(send_batch(vault, campaign, ids).sent) == 3
    again = send_batch(vault, campaign, ids)
    assert again.sent == () and {p.reason for p in again.skipped} == {"already_dispatched"}
    assert len(handler.messages) == 3


def test_skips_without_address_and_twins_by_email(vault, world, servers, ca_file):
    campaign = world.campaign(code="SIRI-25")
    no_mail = world.professional("Uden Mail")
    first = world.professional("Mette Hansen", "mette@odense.dk")
    twin = world.professional("Mette H.", "METTE@odense.dk")
    met = world.professional("Kun Møde", "moede@odense.dk")
    for pid in (no_mail, first, twin):
        world.contact(pid, date(2025, 3, 10), "mail")
    world.contact(met, date(2025, 3, 10), "moede")
    handler = Recorder()
    configure(vault, servers("tls", handler), "tls", ca_file)

    broken = world.professional("Forkert Adresse", "broken@@odense.dk")
    world.contact(broken, date(2025, 3, 10), "mail")

    result = send_batch(vault, campaign, [no_mail, broken, first, twin, met])

    assert [d.professional_id for d in result.sent] == [first]
    assert [(p.professional_id, p.reason) for p in result.failed] == [(broken, "failed")]
    assert [(p.professional_id, p.reason) for p in result.skipped] == [
        (no_mail, "no_email"),
        (twin, "duplicate_email"),
        (met, "not_eligible"),
    ]
    assert len(handler.messages) == 1


@pytest.mark.parametrize(("security", "error"), [("starttls", SmtpTlsNotOfferedError), ("tls", SmtpTlsError)])
def test_a_plain_server_is_refused_and_nothing_is_sent(
    vault, servers, ca_file, campaign_with_three, security, error
):
    campaign, ids = campaign_with_three
    handler = Recorder()
    configure(vault, servers("plain", handler), security, ca_file)
    with pytest.raises(error) as refused:
        send_batch(vault, campaign, ids, timeout=5)
    assert "Intet er sendt" in str(refused.value) or "intet sendt" in str(refused.value)
    assert handler.messages == []
    assert dispatched(vault) == set()


def test_an_unknown_certificate_is_refused(vault, servers, campaign_with_three):
    campaign, ids = campaign_with_three
    handler = Recorder()
    configure(vault, servers("tls", handler), "tls", ca_file=None)  # the system's trust store only
    with pytest.raises(SmtpCertificateError):
        send_batch(vault, campaign, ids, timeout=5)
    assert handler.messages == [] and dispatched(vault) == set()


def test_the_password_comes_from_the_vault(vault, servers, ca_file, campaign_with_three):
    campaign, ids = campaign_with_three
    handler = Recorder()
    port = servers("starttls", handler)
    configure(vault, port, "starttls", ca_file, password="forkert kodeord")
    with pytest.raises(SmtpLoginError) as refused:
        send_batch(vault, campaign, ids)
    assert "forkert kodeord" not in str(refused.value)
    with vault.session() as s:  # a new password; then everything else unchanged keeps it
        save_smtp_settings(
            s, host=HOST, port=port, security="starttls", username=USER, password=PASSWORD,
            from_address="karen@aarhus.dk", ca_file=ca_file,
        )  # fmt: skip
    with vault.session() as s:
        view = save_smtp_settings(
            s, host=HOST, port=port, security="starttls", username=USER, password=KEEP,
            from_address="karen@aarhus.dk", ca_file=ca_file,
        )  # fmt: skip
    assert view.has_password and not hasattr(view, "password")
    assert len(send_batch(vault, campaign, ids).sent) == 3


def test_no_server_configured(vault, campaign_with_three):
    campaign, ids = campaign_with_three
    with pytest.raises(SmtpNotConfiguredError):
        send_batch(vault, campaign, ids)


def test_settings_refuse_an_unencrypted_connection_and_bad_values(vault, tmp_path):
    with vault.session() as s, pytest.raises(ValidationError) as invalid:
        save_smtp_settings(
            s, host="", port=70000, security="none", from_address="ikke-en-adresse",
            ca_file=str(tmp_path / "mangler.pem"),
        )  # fmt: skip
    assert [p.field for p in invalid.value.problems] == [
        "host",
        "port",
        "security",
        "from_address",
        "ca_file",
    ]
    assert "ukrypteret forbindelse er ikke tilladt" in invalid.value.problems[2].message()
    with vault.session() as s:
        assert smtp_settings(s) is None
        assert s.scalar(select(func.count()).select_from(SurveyDispatch)) == 0
