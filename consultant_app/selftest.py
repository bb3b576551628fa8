"""selftest (cli.md): prove on this machine that the program can do its core work.

In a throw-away folder: the code lists load, a vault is created, an inquiry with Danish text is
written, the vault is locked, its file shows no plaintext, a wrong passphrase is refused, the
vault reopens and reads back what was written, passes the integrity checks, prints a PDF with
the embedded font, and makes a backup that opens. CI runs it from the PyInstaller build, so it
relies on nothing but the package and `consultant_app.resources`.

The passphrase is random, lives only in memory and is never shown; results carry fixed texts,
error messages of the app's own (which never hold record content) or an exception's type name.
"""

import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from consultant_app.codes import MUNICIPALITY_COUNT, load_codes
from consultant_app.counts.package import Package, build_package
from consultant_app.domain import Citizen, Inquiry, InquiryAdvice, InquiryReason, Note
from consultant_app.errors import ConsultantAppError, WrongPassphraseError
from consultant_app.i18n import Text
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.vault_summary import load_vault_summary, render_vault_summary
from consultant_app.storage.vault import Vault

_CONSULTANT = "Selvtest Ærø-Sørensen"
_RECEIVED = datetime(2024, 2, 29, 9, 41)
_REGION = "syddanmark"
_REASONS = ["fysisk_vold", "tvangsaegteskab", "udlandsophold"]
_ADVICE = ["genopdragelsesrejse", "sikkerhed"]
# Words that must never be readable in the vault file (besides the random marker).
_CITIZEN_NAME = "Åse Ødegård"
_SECRET_WORDS = ("tvangsægteskab", "genopdragelsesrejse", _CITIZEN_NAME, _CONSULTANT)


class CheckFailed(Exception):
    """A check ran and found something wrong; the text says what, without record content."""

    def __init__(self, text: Text, **params: object) -> None:
        super().__init__(text.render("en", **params))
        self.text, self.params = text, params

    def __str__(self) -> str:
        return self.text.render(**self.params)


_NOT_RUN = Text(da="ikke kørt: et tidligere trin fejlede", en="not run: an earlier step failed")
_DIFFERS = Text(da="det læste afviger fra det skrevne ({fields})", en="what was read differs ({fields})")
_PLAINTEXT = Text(da="filen indeholder læsbar tekst fra boksen", en="the file holds readable vault text")
_SQLITE_HEADER = Text(da="filen har en ukrypteret SQLite-header", en="the file has a plain SQLite header")
_WRONG_ACCEPTED = Text(da="en forkert adgangskode blev accepteret", en="a wrong passphrase was accepted")
_STILL_OPEN = Text(da="boksen er stadig åben", en="the vault is still open")
_NOT_OPEN = Text(da="boksen er ikke åben", en="the vault is not open")
_NOT_PDF = Text(da="resultatet er ikke en PDF", en="the result is not a PDF")
_NO_FONT = Text(da="skrifttypen er ikke indlejret i PDF'en", en="the font is not embedded in the PDF")
_PACKAGE_COUNT = Text(da="pakken tæller ikke henvendelsen", en="the package does not count the inquiry")
_CODES = Text(da="kodelisterne er ufuldstændige", en="the code lists are incomplete")


@dataclass(frozen=True)
class CheckResult:
    key: str
    label: Text
    ok: bool
    detail: str | None = None


@dataclass(frozen=True)
class _Step:
    key: str
    label: Text
    run: Callable[[], None]
    needs: tuple[str, ...] = ()


class _SelfTest:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "selvtest.db"
        self.backup_path = folder / "selvtest-kopi.db"
        self.passphrase = f"{secrets.token_urlsafe(24)} æøå"  # non-ASCII on purpose
        marker = f"selvtest-{secrets.token_hex(8)}"
        self.marker = marker
        self.note = (
            f"{marker}: Bekymring for tvangsægteskab og genopdragelsesrejse. "
            "Pigen på 16 år er bange for sin bror; skolen i Ærøskøbing følger op. Æ Ø Å æ ø å."
        )
        self.vault: Vault | None = None
        self.inquiry_id: int | None = None

    def steps(self) -> list[_Step]:
        return [
            _Step("codes", Text("Kodelister og kommuner indlæses", "Code lists and municipalities load"), self.codes),
            _Step("create", Text("Krypteret boks oprettes", "An encrypted vault is created"), self.create),
            _Step("write", Text("Henvendelse med dansk tekst gemmes", "An inquiry with Danish text is saved"), self.write, ("create",)),
            _Step("lock", Text("Boksen låses", "The vault is locked"), self.lock, ("create",)),
            _Step("no_plaintext", Text("Filen indeholder ingen klartekst", "The file holds no plaintext"), self.no_plaintext, ("write", "lock")),
            _Step("wrong_passphrase", Text("Forkert adgangskode afvises", "A wrong passphrase is refused"), self.wrong_passphrase, ("lock",)),
            _Step("reopen", Text("Boksen åbnes igen", "The vault opens again"), self.reopen, ("lock",)),
            _Step("read_back", Text("Det gemte læses uændret tilbage", "What was saved reads back unchanged"), self.read_back, ("write", "reopen")),
            _Step("integrity", Text("Integritetstjek (SQLite og SQLCipher)", "Integrity check (SQLite and SQLCipher)"), self.integrity, ("reopen",)),
            _Step("pdf", Text("PDF dannes med indlejret skrifttype", "A PDF renders with the embedded font"), self.pdf, ("reopen",)),
            _Step("package", Text("Pakke med optællinger dannes uden personoplysninger", "A count package builds without personal data"), self.package, ("read_back",)),
            _Step("backup", Text("Sikkerhedskopi skrives og åbnes", "A backup is written and opens"), self.backup, ("read_back",)),
        ]  # fmt: skip

    def close(self) -> None:
        if self.vault is not None:
            self.vault.lock()

    # --- the checks ----------------------------------------------------------------------

    def codes(self) -> None:
        codes = load_codes()
        if len(codes.municipalities) != MUNICIPALITY_COUNT or "barn" not in codes["age_group"]:
            raise CheckFailed(_CODES)

    def create(self) -> None:
        self.vault = Vault.create(self.path, self.passphrase, name=_CONSULTANT, team="odense")

    def write(self) -> None:
        with self._open().session() as session:
            citizen = Citizen(pseudonym="Æ.Ø.", full_name=_CITIZEN_NAME)
            inquiry = Inquiry(
                received_at=_RECEIVED,
                consultant=_CONSULTANT,
                region=_REGION,
                municipality_code="492",  # Ærø
                inquirer_type="skole",
                channel="telefon",
                citizen=citizen,
                citizen_age_group="barn",
                citizen_gender="kvinde",
                consent="samtykke",
                trip_concern="trussel_dk",
                kind="forloeb",
                notes=self.note,
                reasons=[InquiryReason(code=c) for c in _REASONS],
                advice=[InquiryAdvice(code=c) for c in _ADVICE],
                case_notes=[Note(text=self.note)],
            )
            session.add(inquiry)
            session.flush()
            self.inquiry_id = inquiry.id

    def lock(self) -> None:
        vault = self._open()
        vault.lock()
        if vault.is_open:
            raise CheckFailed(_STILL_OPEN)

    def no_plaintext(self) -> None:
        content = self.path.read_bytes()
        if content.startswith(b"SQLite format 3\x00"):
            raise CheckFailed(_SQLITE_HEADER)
        for text in (self.marker, *_SECRET_WORDS):
            if text.encode("utf-8") in content:
                raise CheckFailed(_PLAINTEXT)

    def wrong_passphrase(self) -> None:
        try:
            Vault.open(self.path, f"{secrets.token_urlsafe(24)} æøå").lock()
        except WrongPassphraseError:
            return
        raise CheckFailed(_WRONG_ACCEPTED)

    def reopen(self) -> None:
        self.vault = Vault.open(self.path, self.passphrase)

    def read_back(self) -> None:
        self._compare(self._open())

    def integrity(self) -> None:
        self._open().check_integrity()

    def pdf(self) -> None:
        with self._open().session() as session:
            summary = load_vault_summary(session)
        document = render_vault_summary(summary, PrintInfo(summary.consultant, datetime.now()))
        if not document.startswith(b"%PDF-") or b"%%EOF" not in document[-32:]:
            raise CheckFailed(_NOT_PDF)
        # A subset TrueType font: its program (FontFile2) and its name are in the file.
        if b"/FontFile2" not in document or b"+BitstreamVeraSans" not in document:
            raise CheckFailed(_NO_FONT)

    def package(self) -> None:
        """The month's package (what sync sends) counts the inquiry and carries none of its words."""
        with self._open().session() as session:
            package = build_package(session, _RECEIVED.strftime("%Y-%m"))
        text = package.to_json()
        if Package.from_json(text).regions[_REGION].inquiries != 1:
            raise CheckFailed(_PACKAGE_COUNT)
        if any(word.casefold() in text.casefold() for word in (self.marker, _CITIZEN_NAME, _CONSULTANT)):
            raise CheckFailed(_PLAINTEXT)

    def backup(self) -> None:
        self._open().backup(self.backup_path)
        with Vault.open(self.backup_path, self.passphrase) as copy:
            copy.check_integrity()
            self._compare(copy)

    # --- helpers -------------------------------------------------------------------------

    def _open(self) -> Vault:
        if self.vault is None or not self.vault.is_open:
            raise CheckFailed(_NOT_OPEN)
        return self.vault

    def _compare(self, vault: Vault) -> None:
        with vault.session() as session:
            inquiry = session.get(Inquiry, self.inquiry_id)
            if inquiry is None:
                raise CheckFailed(_DIFFERS, fields="inquiry")
            seen = {
                "received_at": inquiry.received_at == _RECEIVED,
                "notes": inquiry.notes == self.note,
                "reasons": inquiry.reason_codes == sorted(_REASONS),
                "advice": inquiry.advice_codes == sorted(_ADVICE),
                "citizen": inquiry.citizen is not None and inquiry.citizen.full_name == _CITIZEN_NAME,
                "case_notes": [n.text for n in inquiry.case_notes] == [self.note],
                "municipality_code": inquiry.municipality_code == "492",
                "count": len(session.scalars(select(Inquiry.id)).all()) == 1,
            }
        wrong = [name for name, ok in seen.items() if not ok]
        if wrong:
            raise CheckFailed(_DIFFERS, fields=", ".join(wrong))


def run_selftest() -> list[CheckResult]:
    """Run every check in a temporary folder that is removed afterwards. A check whose
    prerequisites failed is reported as failed, not run."""
    results: list[CheckResult] = []
    failed: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="consultant-app-selftest-", ignore_cleanup_errors=True) as folder:
        test = _SelfTest(Path(folder))
        try:
            for step in test.steps():
                if failed.intersection(step.needs):
                    detail: str | None = _NOT_RUN.render()
                else:
                    detail = _run(step.run)
                if detail is not None:
                    failed.add(step.key)
                results.append(CheckResult(step.key, step.label, detail is None, detail))
        finally:
            test.close()  # unlocked files cannot be removed on Windows
    return results


def _run(check: Callable[[], None]) -> str | None:
    """None when the check passed, else a message safe to print."""
    try:
        check()
    except (CheckFailed, ConsultantAppError) as exc:
        return str(exc)
    except Exception as exc:  # the self-test reports every failure rather than stopping
        return type(exc).__name__
    return None
