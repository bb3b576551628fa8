"""Attack: reach the vault by another name (a symlink, a hard link, a second path), or put
something that is not a vault at its path.

- change-passphrase and restore through a symlink replace the real vault and keep the link;
- the "already open" lock belongs to the real file, whatever name opens it;
- an empty or non-SQLCipher file is refused with a message that says so, left untouched.
"""

import os
import stat

import pytest

from consultant_app.errors import VaultInUseError, WrongPassphraseError
from consultant_app.storage.file_check import NotAVaultError
from consultant_app.storage.recovery import latest_backups
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE, copy_vault

NEW = "en helt anden sætning om grønne cykler i regnvejr"

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks and modes as on POSIX")


@pytest.fixture
def real(tmp_path, vault_template):
    folder = tmp_path / "rigtig"
    folder.mkdir()
    return copy_vault(vault_template(PASSPHRASE, "Karen Konsulent", "aarhus"), folder)


@pytest.fixture
def link(tmp_path, real):
    link = tmp_path / "genvej.db"
    link.symlink_to(real)
    return link


@posix_only
def test_change_passphrase_through_a_symlink_rekeys_the_real_vault_and_keeps_the_link(real, link):
    with Vault.open(link, PASSPHRASE) as vault:
        vault.change_passphrase(NEW)
    assert link.is_symlink() and link.resolve() == real
    with pytest.raises(WrongPassphraseError):
        Vault.open(real, PASSPHRASE)
    Vault.open(real, NEW).lock()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


@posix_only
def test_restore_through_a_symlink_replaces_the_real_vault_and_keeps_the_link(tmp_path, real, link):
    backup = tmp_path / "kopi.bak"
    with Vault.open(real, PASSPHRASE) as vault:
        vault.backup(backup)
        vault.change_passphrase(NEW)
    assert latest_backups(link)[0].path == backup  # the notes are the real file's, found by the link
    kept = Vault.restore(backup, link, PASSPHRASE, force=True)
    assert link.is_symlink() and link.resolve() == real
    assert kept is not None and kept.parent == real.parent  # the replaced vault, beside the real one
    Vault.open(real, PASSPHRASE).lock()  # the backup's passphrase: the real file was replaced
    Vault.open(kept, NEW).lock()


@posix_only
@pytest.mark.parametrize("way", ["symlink", "hard link", "second path"])
def test_the_already_open_lock_belongs_to_the_real_file(tmp_path, real, way):
    other = tmp_path / "anden.db"
    if way == "symlink":
        other.symlink_to(real)
    elif way == "hard link":
        os.link(real, other)
    else:
        (tmp_path / "via").symlink_to(real.parent)
        other = tmp_path / "via" / ".." / "rigtig" / real.name
    with Vault.open(real, PASSPHRASE), pytest.raises(VaultInUseError, match="allerede åben"):
        Vault.open(other, PASSPHRASE)
    Vault.open(other, PASSPHRASE).lock()  # free again once the first is locked


@posix_only
def test_the_lock_follows_the_vault_when_a_new_passphrase_replaces_the_file(real, tmp_path):
    with Vault.open(real, PASSPHRASE) as vault:
        vault.change_passphrase(NEW)  # a new file: a new inode
        os.link(real, tmp_path / "ny-hardlink.db")
        with pytest.raises(VaultInUseError):
            Vault.open(tmp_path / "ny-hardlink.db", NEW)


@posix_only
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"tom \(0 byte\)"),
        (b"SQLite format 3\x00" + bytes(4080), "ukrypteret SQLite-database"),
        (b"Kaere dagbog\n", "ikke en krypteret boks"),
    ],
)
def test_a_file_that_is_not_a_vault_is_refused_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "vault.db"
    path.write_bytes(content)
    mode = stat.S_IMODE(path.stat().st_mode)
    with pytest.raises(NotAVaultError, match=message):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content and stat.S_IMODE(path.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.db"]


def test_a_keyed_but_empty_sqlcipher_file_is_not_made_into_a_vault(tmp_path):
    import sqlcipher3

    path = tmp_path / "vault.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = 'x'")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises((NotAVaultError, WrongPassphraseError)):
        Vault.open(path, "x")
    assert path.read_bytes() == before
