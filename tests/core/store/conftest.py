"""Store tests need no ffmpeg: their project's recording is a record, not a real file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.records import Media, Segment, Transcript, Word
from desk.core.store import Project


@pytest.fixture
def tmp_project(tmp_path: Path) -> Iterator[Project]:
    """A fresh project on a 30 s recording (described, never read), default codebook."""
    media = Media(path=str(tmp_path / "tone.mp4"), size=480_000, fingerprint="s3:tone",
                  duration=30.0, has_video=True)
    project = Project.create(tmp_path / "test.desk", media=media,
                             codebook=load_codebook(DEFAULT_PRESET))
    yield project
    project.close()


def two_segments(project: Project) -> list[int]:
    """Two segments with words, as a job would store them; their ids."""
    t = project.transcripts.create(Transcript("openai", "tiny.en"))
    return project.transcripts.add_segments(t.id, [
        Segment(0.0, 2.0, "Hello there world",
                [Word(0.0, 0.5, "Hello"), Word(0.5, 1.0, "there"), Word(1.2, 2.0, "world")]),
        Segment(2.5, 4.0, "Second line", [Word(2.5, 3.0, "Second"), Word(3.1, 4.0, "line")]),
    ])
