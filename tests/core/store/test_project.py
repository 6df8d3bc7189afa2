"""Round trips of every table through the store, and opening rules."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desk.core.records import Media, Segment, Silence, Tag, Transcript, Word
from desk.core.store import Project


def _media() -> Media:
    return Media(path="/rec/Schlagabtausch ü.mp4", size=123, fingerprint="s3:ff", duration=600.0,
                 has_video=True)


def test_every_table_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "Projekt ü.desk"
    with Project.create(path, media=_media()) as project:
        tag = project.tags.add(Tag("praise exchange", "mutual admiration", "#2ca02c", key=3,
                                   keywords=["amazing"]))
        transcript = project.transcripts.create(
            Transcript("openai", "tiny.en", "en", {"beam_size": 5}, total=600.0))
        words = [Word(10.0, 10.4, "You're"), Word(10.4, 10.9, "amazing", 0.93)]
        project.transcripts.add_segments(transcript.id, [Segment(
            10.0, 11.0, "You're amazing", words, -0.25, 0.02, 1.1, speaker="Donald Trump")],
            progress=11.0)
        project.annotations.add("praise exchange", 10.0, 11.0, note="first", annotator="anna")
        project.media.set_silences([Silence(0.0, 9.5)])
        project.media.set_waveform("s3:ff", 10.0, np.array([[-0.5, 0.5], [-0.1, 0.2]]))
        project.transcripts.update(transcript.id, status="complete", progress=600.0)

    with Project.open(path, writable=False) as project:
        expected = _media()
        expected.id = 1
        assert project.media.get() == expected
        assert project.tags.get("Praise Exchange").keywords == ["amazing"]
        assert project.tags.get(tag.id).key == 3
        stored = project.transcripts.current()
        assert (stored.status, stored.progress, stored.settings) == ("complete", 600.0,
                                                                     {"beam_size": 5})
        (segment,) = project.transcripts.segments()
        assert (segment.text, segment.speaker, segment.avg_logprob) == (
            "You're amazing", "Donald Trump", -0.25)
        assert [(w.start, w.end, w.text, w.probability) for w in segment.words] == [
            (10.0, 10.4, "You're", None), (10.4, 10.9, "amazing", 0.93)]
        (annotation,) = project.annotations.list()
        assert (annotation.tag, annotation.start, annotation.end, annotation.note,
                annotation.annotator, annotation.source) == (
            "praise exchange", 10.0, 11.0, "first", "anna", "manual")
        assert project.media.silences()[0].end == 9.5
        bps, peaks = project.media.waveform("s3:ff")
        assert bps == 10.0 and peaks.shape == (2, 2) and peaks[0, 1] == 0.5
        assert project.edits.speakers() == ["Donald Trump"]
