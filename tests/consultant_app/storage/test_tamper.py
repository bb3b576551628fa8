"""A flipped byte anywhere in the vault is refused (in the first pages at unlock, anywhere by the
full check that follows it and precedes every backup), nothing is deleted, and the latest backup
can be put back (the damaged file is moved aside and kept)."""

import json
import os
import shutil
from datetime import date

import pytest
from sqlalchemy import func, select

from consultant_app.demo import fill_vault
from consultant_app.domain import Inquiry
from consultant_app.errors import StorageWriteError, VaultCorruptError, WrongPassphraseError
from consultant_app.storage import backup_file, cipher, vault_files
from consultant_app.storage.file_check import salt_note_path
from consultant_app.storage.passphrase import Passphrase
from consultant_app.storage.recovery import latest_backups, sidecar_path
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

PAGE = 4096


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A vault of a few hundred pages and its backup, made once; each test works on a copy."""
    folder = tmp_path_factory.mktemp("filled")
    path = folder / "vault.db"
    with Vault.create(path, PASSPHRASE, name="T", team="aarhus") as vault:
        fill_vault(vault, 60, seed=3, today=date(2025, 6, 1))
        vault.backup(folder / "vault-sikkerhedskopi.bak")
    return folder


@pytest.fixture
def work(filled, tmp_path):
    target = tmp_path / "boks"
    shutil.copytree(filled, target)
    for lock in target.glob("*.lock"):
        lock.unlink()
    # The sidecar names the backup by absolute path: point it at this copy.
    sidecar_path(target / "vault.db").write_text(
        sidecar_path(filled / "vault.db").read_text(encoding="utf-8").replace(str(filled), str(target)),
        encoding="utf-8",
    )
    return target / "vault.db"


def inquiries(path) -> int:
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as s:
        return s.scalar(select(func.count()).select_from(Inquiry))


def flip(path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))


def snapshot(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.endswith(".lock")}


def offsets(size: int) -> dict[str, int]:
    pages = size // PAGE
    assert pages > 50
    return {
        "page 1": 1000,
        "middle page": (pages // 2) * PAGE + 1234,
        "last page": size - 17,  # inside the last page's HMAC
    }


def test_a_flipped_byte_in_page_1_is_refused_at_unlock_and_nothing_is_deleted(work):
    flip(work, offsets(work.stat().st_size)["page 1"])
    before = snapshot(work.parent)
    with pytest.raises(VaultCorruptError) as caught:
        Vault.open(work, PASSPHRASE)
    assert "beskadiget" in str(caught.value)
    assert snapshot(work.parent) == before  # not one byte changed, no file gone or added
    with pytest.raises(VaultCorruptError):  # and again: the refusal is not a one-off
        Vault.open(work, PASSPHRASE)


def _refused_at_unlock_or_by_the_full_check(path) -> str:
    try:
        vault = Vault.open(path, PASSPHRASE)
    except VaultCorruptError:
        return "unlock"
    try:
        with pytest.raises(VaultCorruptError) as caught:
            vault.verify_pages()
        assert "beskadiget" in str(caught.value)
        with pytest.raises(VaultCorruptError):  # a backup never copies the damage on
            vault.backup(path.with_name("kopi.bak"))
        assert not path.with_name("kopi.bak").exists()
    finally:
        vault.lock()
    return "full check"


@pytest.mark.parametrize("where", ["middle page", "last page"])
def test_a_flipped_byte_anywhere_is_refused_and_nothing_is_deleted(work, where):
    flip(work, offsets(work.stat().st_size)[where])
    before = snapshot(work.parent)
    print(where, "refused by", _refused_at_unlock_or_by_the_full_check(work))
    assert snapshot(work.parent) == before


def test_unlock_reads_the_first_pages_only_and_the_full_check_finds_the_rest(large, tmp_path):
    """Unlock costs the same whatever the size (issue 17): a damaged page deep in a table is not
    read by it, and is found by `verify_pages` before anything could copy it into a backup."""
    path = tmp_path / "vault.db"
    shutil.copyfile(large, path)
    flip(path, (path.stat().st_size // PAGE // 2) * PAGE + 1234)
    before = path.read_bytes()
    assert _refused_at_unlock_or_by_the_full_check(path) == "full check"
    assert path.read_bytes() == before


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """Thousands of pages, so the middle page is a leaf deep inside a table."""
    path = tmp_path_factory.mktemp("large") / "vault.db"
    with Vault.create(path, PASSPHRASE, name="T", team="aarhus") as vault:
        fill_vault(vault, 1500, seed=5, today=date(2025, 6, 1))
    path.with_name("vault.db.lock").unlink(missing_ok=True)
    return path


def test_a_wrong_passphrase_on_an_intact_vault_is_still_a_wrong_passphrase(work):
    with pytest.raises(WrongPassphraseError):
        Vault.open(work, "forkert hest batteri klamme")


def test_a_wrong_passphrase_on_a_damaged_page_1_is_not_called_damage(work):
    flip(work, 1000)
    with pytest.raises(WrongPassphraseError):
        Vault.open(work, "forkert hest batteri klamme")


def test_a_flipped_salt_byte_says_damaged_not_wrong_passphrase(work):
    """The first 16 bytes are the salt: a key derived from a changed salt verifies no page, as a
    wrong passphrase does. The salt note beside the vault tells the two apart."""
    flip(work, 5)
    before = snapshot(work.parent)
    with pytest.raises(VaultCorruptError, match=r"salt.*gendan en sikkerhedskopi"):
        Vault.open(work, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        Vault.open(work, "forkert hest batteri klamme")
    assert snapshot(work.parent) == before


def test_without_the_salt_note_a_flipped_salt_still_looks_like_a_wrong_passphrase(work):
    """The documented limit: a vault copied without its note cannot tell; refused, not deleted."""
    salt_note_path(work).unlink()
    flip(work, 5)
    with pytest.raises(WrongPassphraseError):
        Vault.open(work, PASSPHRASE)


def test_the_latest_backup_is_found_and_restores_the_damaged_vault(work):
    expected = inquiries(work)
    # Page 1: a page the constant-time unlock check always reads (the middle of the file is
    # only checked there if it happens to be a first or last leaf, which depends on the schema).
    flip(work, offsets(work.stat().st_size)["page 1"])
    damaged_bytes = work.read_bytes()
    # Found at unlock if it is a first page, otherwise by the full check that follows it.
    with pytest.raises(VaultCorruptError), Vault.open(work, PASSPHRASE) as vault:
        vault.verify_pages()

    backups = latest_backups(work)
    assert backups and backups[0].path.name == "vault-sikkerhedskopi.bak" and backups[0].recorded
    kept = Vault.restore(backups[0].path, work, PASSPHRASE, force=True)
    assert kept is not None and kept.read_bytes() == damaged_bytes  # moved aside, byte for byte
    assert inquiries(work) == expected
    # The file moved aside is never offered as a backup.
    assert all(".replaced-" not in b.path.name for b in latest_backups(work))


def test_backups_are_found_by_scanning_without_the_sidecar(work):
    sidecar_path(work).unlink()
    (work.parent / "ikke-en-kopi.txt").write_text("x")
    names = [b.path.name for b in latest_backups(work)]
    assert names == ["vault-sikkerhedskopi.bak"]


def test_no_backups_gives_an_empty_list(tmp_path):
    assert latest_backups(tmp_path / "vault.db") == []


def test_the_sidecar_holds_only_the_backup_path_and_time(work):
    text = sidecar_path(work).read_text(encoding="utf-8")
    assert set(json.loads(text)) == {"path", "written_at"}
    assert PASSPHRASE not in text


def hot_journal_copy(source, target_dir):
    """A crash in the middle of a transaction: the vault file and its hot journal, copied while
    the transaction holds its changes (spilled to the file) uncommitted."""
    target_dir.mkdir()
    conn = cipher.connect(str(source))
    try:
        cipher.apply_key(conn, Passphrase(PASSPHRASE))
        conn.execute("PRAGMA cache_size = 2")  # spill changed pages into the file before commit
        conn.execute("BEGIN")
        conn.execute("UPDATE inquiry SET notes = 'ændret ' || coalesce(notes, '')")
        journal = source.with_name(source.name + "-journal")
        assert journal.exists()
        shutil.copyfile(source, target_dir / source.name)
        shutil.copyfile(journal, target_dir / journal.name)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    return target_dir / source.name


def test_a_hot_journal_is_rolled_back_and_the_vault_is_clean(work, tmp_path):
    expected = inquiries(work)
    crashed = hot_journal_copy(work, tmp_path / "crash")
    with Vault.open(crashed, PASSPHRASE) as vault:
        vault.check_integrity()
        with vault.session() as s:
            assert s.scalar(select(func.count()).select_from(Inquiry)) == expected
            assert not s.scalar(select(func.count()).where(Inquiry.notes.like("ændret %")))


def test_a_flipped_byte_in_a_hot_journal_is_refused_or_rolled_back_cleanly(work, tmp_path):
    crashed = hot_journal_copy(work, tmp_path / "crash")
    journal = crashed.with_name(crashed.name + "-journal")
    size = journal.stat().st_size
    # Page records start after the 512-byte header; hit the middle of the first page image.
    flip(journal, 512 + 4 + PAGE // 2)
    assert journal.stat().st_size == size
    try:
        with Vault.open(crashed, PASSPHRASE) as vault:
            vault.check_integrity()  # if it opened, it must be fully clean
        outcome = "rolled back cleanly"
    except (VaultCorruptError, WrongPassphraseError) as exc:
        outcome = type(exc).__name__  # refused with a typed error: also acceptable
    print(f"flipped journal byte: {outcome}")
    assert crashed.exists()


def test_a_restore_over_a_vault_that_crashed_mid_transaction_is_not_rolled_back_into(work, tmp_path):
    """A crash mid-transaction leaves the vault's hot journal beside it. A restore then puts the
    backup in the vault's place: the old journal must go aside with the old file (so the kept copy
    still rolls back to its last commit), never be played back into the restored file."""
    expected = inquiries(work)
    crashed = hot_journal_copy(work, tmp_path / "crash")
    backup = work.with_name("vault-sikkerhedskopi.bak")
    kept = Vault.restore(backup, crashed, PASSPHRASE, force=True)
    assert not crashed.with_name(crashed.name + "-journal").exists()
    with Vault.open(crashed, PASSPHRASE) as vault:
        vault.check_integrity()
    assert kept is not None and kept.with_name(kept.name + "-journal").exists()
    with Vault.open(kept, PASSPHRASE) as old:  # rolled back to its last commit, whole
        old.check_integrity()
        with old.session() as s:
            assert s.scalar(select(func.count()).select_from(Inquiry)) == expected
            assert not s.scalar(select(func.count()).where(Inquiry.notes.like("ændret %")))


def test_a_journal_without_its_vault_is_set_aside_before_a_restore_takes_the_name(work, tmp_path):
    crashed = hot_journal_copy(work, tmp_path / "crash")
    crashed.unlink()  # a crash between moving the vault aside and moving its journal after it
    Vault.restore(work.with_name("vault-sikkerhedskopi.bak"), crashed, PASSPHRASE)
    with Vault.open(crashed, PASSPHRASE) as vault:
        vault.check_integrity()
    assert [p.name for p in crashed.parent.glob("*.stray-*")] != []


def test_a_backup_written_over_a_kept_copy_does_not_inherit_its_journal(work, tmp_path):
    """A kept copy sits beside its journal; picked as a backup's destination, the new backup
    takes the name and the old journal goes aside (played back it would corrupt the backup)."""
    crashed = hot_journal_copy(work, tmp_path / "crash")
    kept = Vault.restore(work.with_name("vault-sikkerhedskopi.bak"), crashed, PASSPHRASE, force=True)
    assert kept is not None and kept.with_name(kept.name + "-journal").exists()
    with Vault.open(crashed, PASSPHRASE) as vault:
        vault.backup(kept, overwrite=True)
    assert not kept.with_name(kept.name + "-journal").exists()
    backup_file.summarize(kept, Passphrase(PASSPHRASE), full=True)  # whole: no old pages played in


def test_two_restores_in_one_second_keep_both_replaced_vaults(work, tmp_path, monkeypatch):
    backup = work.with_name("vault-sikkerhedskopi.bak")
    monkeypatch.setattr(vault_files, "_stamp", lambda: "20261205-120000")
    first = Vault.restore(backup, work, PASSPHRASE, force=True)
    second = Vault.restore(backup, work, PASSPHRASE, force=True)
    assert first is not None and second is not None and first != second
    assert first.is_file() and second.is_file()


def test_a_journal_that_cannot_follow_puts_the_vault_back_and_refuses(work, tmp_path, monkeypatch):
    """Windows: another program holding the journal open makes its rename fail. The vault goes
    back to its name (still beside its journal), the restore is refused, nothing is torn apart."""
    crashed = hot_journal_copy(work, tmp_path / "crash")
    before = crashed.read_bytes()
    real_replace = os.replace

    def journal_held(source, target):
        if str(source).endswith("-journal"):
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(source, target)

    monkeypatch.setattr(vault_files.os, "replace", journal_held)
    with pytest.raises(StorageWriteError):
        Vault.restore(work.with_name("vault-sikkerhedskopi.bak"), crashed, PASSPHRASE, force=True)
    monkeypatch.setattr(vault_files.os, "replace", real_replace)
    assert crashed.read_bytes() == before and crashed.with_name(crashed.name + "-journal").exists()
    assert not list(crashed.parent.glob("*.replaced-*"))
    with Vault.open(crashed, PASSPHRASE) as vault:  # rolled back whole, as if nothing happened
        vault.check_integrity()
