"""The one check every reader of a user's file makes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import FormatError, InputError, MediaError
from desk.core.file_checks import require_file


def test_a_file_with_bytes_passes_and_gives_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"12345")
    assert require_file(path) == 5


def test_missing_folder_and_empty_are_named(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"^recording not found: .*gone\.mp4$"):
        require_file(tmp_path / "gone.mp4")
    with pytest.raises(MediaError, match="is a folder, not a recording"):
        require_file(tmp_path)
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    with pytest.raises(FormatError, match=r"^empty\.srt is empty \(0 bytes\)$"):
        require_file(empty, "file", missing=InputError, empty=FormatError)
    with pytest.raises(InputError, match="file not found"):
        require_file(tmp_path / "x.srt", "file", missing=InputError, empty=FormatError)
