"""The project for a recording: one codebook default, the same checks for every front."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.errors import InputError, MediaError
from desk.core.services.project_setup import (
    belongs_to,
    create_project,
    project_for_target,
    project_path_for,
)
from desk.core.store import Project


def test_a_new_project_sits_beside_the_recording_with_the_default_codebook(
        tmp_path: Path, tone_media: Path) -> None:
    recording = tmp_path / "stream.mp4"
    shutil.copy(tone_media, recording)
    with create_project(recording) as project:
        assert project.path == tmp_path / "stream.desk" == project_path_for(recording)
        names = [t.name for t in project.tags.list()]
        media = project.media.get()
    assert names == [t.name for t in load_codebook(DEFAULT_PRESET).tags]
    assert media is not None and Path(media.path) == recording.resolve()
    assert media.duration == pytest.approx(30.0, abs=0.1)


def test_a_broken_recording_leaves_no_project_behind(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    with pytest.raises(MediaError, match="empty"):
        create_project(empty)
    assert not (tmp_path / "empty.desk").exists()


def test_the_target_of_a_command_is_made_once_then_reused(tmp_path: Path,
                                                          tone_media: Path) -> None:
    recording = tmp_path / "stream.mp4"
    shutil.copy(tone_media, recording)
    path, made = project_for_target(recording)
    assert made and path == tmp_path / "stream.desk" and belongs_to(path, recording)
    assert project_for_target(recording) == (path, False)
    assert project_for_target(path) == (path, False)


def test_a_project_of_another_recording_or_none_is_refused(tmp_path: Path,
                                                           tone_media: Path) -> None:
    other = tmp_path / "other.mp4"
    shutil.copy(tone_media, other)
    Project.create(tmp_path / "stream.desk").close()  # no recording attached
    with pytest.raises(InputError, match="belongs to another recording"):
        project_for_target(other, tmp_path / "stream.desk")
    with pytest.raises(InputError, match="project not found"):
        project_for_target(tmp_path / "none.desk")
