"""Snapping coded ranges to word boundaries."""

from __future__ import annotations

from desk.core.coding.word_snap import snap_end, snap_range, snap_start, words_near
from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project

WORDS = [Word(1.0, 1.4, "we"), Word(1.5, 2.0, "are"), Word(2.1, 2.9, "live"),
         Word(8.0, 8.5, "again")]


def test_inside_a_word_snaps_outward() -> None:
    assert snap_start(1.7, WORDS) == 1.5
    assert snap_end(1.7, WORDS) == 2.0


def test_between_words_snaps_to_the_nearest_boundary() -> None:
    assert snap_start(2.05, WORDS) == 2.1
    assert snap_end(2.95, WORDS) == 2.9


def test_far_from_words_stays() -> None:
    assert snap_start(5.0, WORDS) == 5.0
    assert snap_end(5.5, WORDS) == 5.5
    assert snap_range(4.0, 6.0, []) == (4.0, 6.0)


def test_range_never_becomes_empty() -> None:
    assert snap_range(1.6, 1.7, WORDS) == (1.5, 2.0)
    gap = [Word(1.0, 2.0, "a"), Word(3.0, 4.0, "b")]
    assert snap_range(2.4, 2.6, gap) == (2.4, 2.6)


def test_words_near_reads_the_project(tmp_project: Project) -> None:
    transcript = tmp_project.transcripts.create(Transcript(engine="t", model="m"))
    tmp_project.transcripts.add_segments(transcript.id, [
        Segment(1.0, 2.9, "we are live", words=WORDS[:3]),
        Segment(8.0, 8.5, "again", words=WORDS[3:]),
        Segment(20.0, 21.0, "far", words=[Word(20.0, 21.0, "far")]),
    ])
    near = words_near(tmp_project, 1.7, 2.5)
    assert [w.text for w in near] == ["we", "are", "live"]
    assert snap_range(1.7, 2.5, near) == (1.5, 2.9)
