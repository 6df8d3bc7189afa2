"""Fixtures of the format tests: a coded project (see annotated.py) on the 30 s tone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.formats.annotated import build_annotated_project


@pytest.fixture
def coded(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    project = build_annotated_project(tmp_path / "coded.desk", tone_media)
    yield project
    project.close()


@pytest.fixture
def blank(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    """A project on the same recording with no codebook: where imports land."""
    from desk.core.media import probe

    project = Project.create(tmp_path / "blank.desk", media=probe(tone_media))
    yield project
    project.close()
