"""Atomic writes: the file is replaced only by a complete write, never left half written."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.atomic import atomic_writer, write_bytes_atomic, write_text_atomic
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
