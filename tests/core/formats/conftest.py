"""Fixtures of the format tests: a coded project (see annotated.py) on the 30 s tone.

Each is built once per session and copied for every test: a copy of a closed
project file costs a millisecond, building one (ffprobe, codebook, history) a second.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.core.pipeline.media import probe
from desk.core.store import Project
from tests.core.formats.annotated import build_annotated_project


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory, tone_media: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("format-templates")
    build_annotated_project(folder / "coded.desk", tone_media).close()
    Project.create(folder / "blank.desk", media=probe(tone_media)).close()
    return {"coded": folder / "coded.desk", "blank": folder / "blank.desk"}


def _copy(template: Path, target: Path) -> Iterator[Project]:
    shutil.copyfile(template, target)
    project = Project.open(target)
    yield project
    project.close()


@pytest.fixture
def coded(tmp_path: Path, _templates: dict[str, Path]) -> Iterator[Project]:
    """Transcribed and coded: 6 segments, 3 speakers, 6 annotations and a suggestion."""
    yield from _copy(_templates["coded"], tmp_path / "coded.desk")


@pytest.fixture
def blank(tmp_path: Path, _templates: dict[str, Path]) -> Iterator[Project]:
    """A project on the same recording with no codebook: where imports land."""
    yield from _copy(_templates["blank"], tmp_path / "blank.desk")
