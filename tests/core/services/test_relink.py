"""Relinking a moved or renamed recording by its content fingerprint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core.errors import InputError, MediaError, ProjectError
from desk.core.pipeline.media import probe
from desk.core.services.relink import (
    find_moved_recording,
    matches,
    recording_is_missing,
    relink,
)
from desk.core.store import Project
from tests.conftest import make_media


@pytest.fixture
def moved(tmp_path: Path, tone_media: Path) -> tuple[Path, Path]:
    """A project whose recording went from downloads/ to the project's media/ folder."""
    old_place = tmp_path / "downloads" / "stream.mp4"
    old_place.parent.mkdir()
    shutil.copy(tone_media, old_place)
    project_dir = tmp_path / "case"
    (project_dir / "media").mkdir(parents=True)
    Project.create(project_dir / "case.desk", media=probe(old_place)).close()
    new_place = project_dir / "media" / "renamed.mp4"
    old_place.rename(new_place)
    return project_dir / "case.desk", new_place


def test_a_moved_recording_is_found_and_relinked(moved: tuple[Path, Path]) -> None:
    project_path, new_place = moved
    with Project.open(project_path) as project:
        media = recording_is_missing(project)
        assert media is not None
        assert find_moved_recording(media, project_path) == new_place
        relinked = relink(project)
        assert Path(relinked.path) == new_place.resolve()
        assert relinked.fingerprint == media.fingerprint
        assert recording_is_missing(project) is None


def test_the_file_given_must_be_the_recording(moved: tuple[Path, Path],
                                              tmp_path: Path) -> None:
    project_path, new_place = moved
    other = make_media(tmp_path / "other.mp4", seconds=3)
    with Project.open(project_path) as project:
        media = project.media.get()
        assert media is not None and not matches(other, media) and matches(new_place, media)
        with pytest.raises(InputError, match="fingerprint differs"):
            relink(project, other)
        with pytest.raises(MediaError, match="recording not found"):
            relink(project, tmp_path / "nowhere.mp4")
        assert project.media.get() == media  # unchanged
        assert Path(relink(project, new_place).path) == new_place.resolve()


def test_nothing_found_changes_nothing(moved: tuple[Path, Path]) -> None:
    project_path, new_place = moved
    new_place.unlink()
    with Project.open(project_path) as project:
        before = project.media.get()
        with pytest.raises(InputError, match="was not found"):
            relink(project)
        assert project.media.get() == before


def test_a_read_only_project_cannot_keep_the_new_place(moved: tuple[Path, Path]) -> None:
    project_path, new_place = moved
    with Project.open(project_path, writable=False) as project:
        before = project.media.get()
        with pytest.raises(ProjectError, match="read-only"):
            relink(project, new_place)
        assert project.media.get() == before
