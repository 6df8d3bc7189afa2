"""Statistics against a hand-computed example."""

from __future__ import annotations

import pytest

from desk.core.coding.stats import speaker_stats, tag_stats, union_length
from desk.core.records import Segment, Transcript
from desk.core.store import Project


def test_union_length() -> None:
    assert union_length([]) == 0
    assert union_length([(0, 2), (1, 3), (5, 6), (5.5, 5.7)]) == 4


def test_hand_computed_example(tmp_project: Project) -> None:
    # recording: 30 s.  delay 0–6 and 4–8 (covered 8 s, total 10 s); Harris 20–23;
    # a suggestion does not count until accepted.
    tmp_project.annotations.add("delay", 0, 6)
    tmp_project.annotations.add("delay", 4, 8)
    tmp_project.annotations.add("Harris attacks", 20, 23)
    tmp_project.annotations.add("praise exchange", 10, 12, source="suggested")
    t = tmp_project.transcripts.create(Transcript("openai", "tiny.en"))
    tmp_project.transcripts.add_segments(t.id, [
        Segment(9, 12, "a", speaker="Musk"), Segment(12, 18, "b", speaker="Trump"),
        Segment(18, 21, "c", speaker="Trump")])
    stats = {s.tag: s for s in tag_stats(tmp_project)}
    assert (stats["delay"].count, stats["delay"].total, stats["delay"].covered) == (2, 10, 8)
    assert stats["delay"].share == pytest.approx(8 / 30)
    assert stats["Harris attacks"].share == pytest.approx(0.1)
    assert stats["praise exchange"].count == 0
    speakers = {s.speaker: s for s in speaker_stats(tmp_project)}
    assert (speakers["Trump"].segments, speakers["Trump"].talk_time) == (2, 9)
    assert speakers["Musk"].share == pytest.approx(0.1)
