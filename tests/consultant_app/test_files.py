"""The one private-file writer: owner-only, atomic, through symlinks, nothing left on failure."""

import os
import stat

import pytest

from consultant_app.errors import StorageWriteError
from consultant_app.files import make_private_dir, private_file, write_private, write_private_with

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


@posix_only
def test_a_new_file_is_owner_only(tmp_path):
    target = tmp_path / "out.csv"
    write_private(target, "a;b\r\n")
    assert target.read_bytes() == b"a;b\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_replacing_a_world_readable_file_leaves_it_owner_only(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_staging(tmp_path):
    target = tmp_path / "data.json"
    target.write_bytes(b"old")

    def produce(f):
        f.write(b"half")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_private_with(target, produce)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_text_mode_with_newline_control(tmp_path):
    target = tmp_path / "x.ics"
    with private_file(target, "w", encoding="utf-8", newline="") as f:
        f.write("A\r\nB\r\n")
    assert target.read_bytes() == b"A\r\nB\r\n"


@posix_only
def test_writing_through_a_symlink_replaces_the_real_file_not_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_private(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_missing_folder_is_a_clear_storage_error(tmp_path):
    with pytest.raises(StorageWriteError):
        write_private(tmp_path / "no" / "such" / "file.txt", b"x")


@posix_only
def test_folders_the_app_creates_are_owner_only(tmp_path):
    folder = make_private_dir(tmp_path / "a" / "b")
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
