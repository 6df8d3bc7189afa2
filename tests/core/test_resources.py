"""Bundled resources are found in the source tree, or where $DESK_RESOURCES says."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.resources import resource_path, resources_root


def test_the_source_tree_holds_the_resources() -> None:
    root = resources_root()
    assert (root / "codebooks" / "trump-musk-x-2024.json").is_file()
    assert resource_path("sample", "sample.mp4").is_file()


def test_the_environment_can_point_elsewhere(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_RESOURCES", str(tmp_path))
    assert resource_path("icons", "desk.png") == tmp_path / "icons" / "desk.png"
