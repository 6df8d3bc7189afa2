"""Desk's model folder: hashes checked once per file state, files written whole."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desk.core.errors import ModelError
from desk.core.weights import model_folder
from desk.core.weights.model_folder import sha256_file, verify_sha256, write_atomically


def test_a_verified_file_is_not_hashed_again_until_it_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = tmp_path / "w.bin"
    write_atomically(weights, b"weights" * 1000)
    expected = hashlib.sha256(b"weights" * 1000).hexdigest()
    assert sha256_file(weights) == expected
    verify_sha256(weights, expected, "the test weights", "reinstall them")
    hashed: list[Path] = []
    monkeypatch.setattr(model_folder, "sha256_file", lambda p, *_: hashed.append(p) or "x")
    verify_sha256(weights, expected, "the test weights", "reinstall them")
    assert hashed == []  # remembered by size, mtime and hash
    os.utime(weights, ns=(0, 0))
    with pytest.raises(ModelError, match="the test weights is corrupt .* reinstall them"):
        verify_sha256(weights, expected, "the test weights", "reinstall them")
    assert hashed == [weights]


def test_missing_weights_and_no_partial_files(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="is missing"):
        verify_sha256(tmp_path / "none.bin", "0" * 64, "the weights", "get them")
    write_atomically(tmp_path / "sub" / "x.bin", b"1")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["x.bin"]
