"""Two analysts' project files on one real recording, coded differently (for merge tests)."""

from __future__ import annotations

from pathlib import Path

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.records import Segment, Tag, Transcript
from desk.core.store import Project

# (tag, start, end) each analyst coded on the 30 s tone.
ANNA = [("delay", 0.0, 4.0), ("praise exchange", 6.0, 12.0), ("Harris attacks", 15.0, 20.0)]
BEN = [("delay", 0.0, 4.5), ("praise exchange", 6.2, 11.8), ("migration remarks", 15.0, 20.0),
       ("crowd noise", 22.0, 25.0)]


def analyst_project(path: Path, media: Path, coder: str,
                    coding: list[tuple[str, float, float]],
                    speakers: tuple[str | None, str | None] = (None, None)) -> Path:
    """A project on `media` with a two-segment transcript and `coder`'s coding."""
    with Project.create(path, media=probe(media),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        transcript = project.transcripts.create(Transcript("openai", "tiny.en", "en",
                                                           status="complete", total=30.0))
        assert transcript.id is not None
        project.transcripts.add_segments(transcript.id, [
            Segment(0.0, 14.0, "first part", speaker=speakers[0]),
            Segment(14.0, 30.0, "second part", speaker=speakers[1])])
        for tag, _, _ in coding:
            if not any(t.name == tag for t in project.tags.list(include_archived=True)):
                project.tags.add(Tag(tag, colour="#123456", description="their own tag"))
        for tag, start, end in coding:
            project.annotations.add(tag, start, end, annotator=coder)
    return path
