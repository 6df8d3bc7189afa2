"""Atomic writes: the file is replaced only by a complete write, never left half written."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.atomic import all_or_nothing, atomic_writer, write_bytes_atomic, write_text_atomic
from desk.core.errors import FormatError


def test_text_and_bytes_replace_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_text_atomic(target, "first ü\n")
    write_text_atomic(target, "second\r\nline")  # newline="" keeps what was written
    assert target.read_bytes() == b"second\r\nline"
    write_bytes_atomic(tmp_path / "clip.bin", b"\x00\x01")
    assert (tmp_path / "clip.bin").read_bytes() == b"\x00\x01"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)  # an ordinary document
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.bin", "report.md"]


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    target = tmp_path / "export.srt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half of the new")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.srt"]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="folder does not exist"):
        write_text_atomic(tmp_path / "gone" / "x.txt", "x")


def test_a_full_disk_is_a_format_error_and_leaves_no_part(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FormatError, match="cannot write x.json: no space left on device"):
        write_text_atomic(tmp_path / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_parts_of_a_killed_writer_go_at_the_next_write(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".out.srt.{dead.stdout.strip()}-abc123.part"
    stale.write_text("half", encoding="utf-8")
    alive = tmp_path / f".out.srt.{os.getppid()}-def456.part"  # a live writer's: kept
    alive.write_text("going", encoding="utf-8")
    other = tmp_path / ".other.srt.1-xyz.part"  # another file's: not ours to judge
    other.write_text("x", encoding="utf-8")
    write_text_atomic(tmp_path / "out.srt", "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.srt", alive.name, other.name])


def test_a_group_of_files_appears_together_or_not_at_all(tmp_path: Path) -> None:
    first, second = tmp_path / "x.segments.csv", tmp_path / "x.annotations.csv"
    first.write_text("old", encoding="utf-8")
    with pytest.raises(FormatError, match="no space"), all_or_nothing():
        write_text_atomic(first, "new")
        assert first.read_text(encoding="utf-8") == "old"  # waits for the group
        raise FormatError("cannot write x.annotations.csv: no space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.segments.csv"]
    assert first.read_text(encoding="utf-8") == "old"
    with all_or_nothing():
        write_text_atomic(first, "new")
        with all_or_nothing():  # an inner group belongs to the outer one
            write_text_atomic(second, "both")
        assert not second.exists()
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == (
        "new", "both")
    assert sorted(p.name for p in tmp_path.iterdir()) == [second.name, first.name]
