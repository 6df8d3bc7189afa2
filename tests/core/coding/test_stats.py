"""Statistics against a hand-computed example."""

from __future__ import annotations

import pytest

from desk.core.coding.stats import (
    Turn,
    is_interruption,
    speaker_figures,
    speaker_stats,
    tag_stats,
    turns,
    union_length,
)
from desk.core.records import Segment, Speaker, Transcript
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


def _seg(start: float, end: float, speaker: str | None, text: str = "Done.") -> Segment:
    return Segment(start, end, text, speaker=speaker)


def test_turns_join_a_speakers_consecutive_segments() -> None:
    found = turns([_seg(0, 2, "A"), _seg(2, 3, "A"), _seg(3, 5, "B"), _seg(5, 6, None),
                   _seg(6, 7, None), _seg(7, 8, "B")])
    assert [(t.speaker, t.start, t.end) for t in found] == [
        ("A", 0, 3), ("B", 3, 5), ("(unknown)", 5, 6), ("(unknown)", 6, 7), ("B", 7, 8)]


def test_an_interruption_overlaps_or_follows_an_unfinished_sentence() -> None:
    finished, unfinished = Turn("A", 0, 5, "We won."), Turn("A", 0, 5, "We won and the")
    assert is_interruption(finished, Turn("B", 4.0, 6, "No."))  # overlapping speech
    assert is_interruption(unfinished, Turn("B", 5.2, 6, "No."))  # cut off mid-sentence
    assert not is_interruption(unfinished, Turn("B", 5.4, 6, "No."))  # a pause: a handover
    assert not is_interruption(finished, Turn("B", 5.2, 6, "No."))  # took their turn
    assert not is_interruption(unfinished, Turn("B", 7.0, 8, "No."))  # after a pause
    assert not is_interruption(unfinished, Turn("(unknown)", 5.1, 6, "No."))


def test_speaker_figures_by_hand() -> None:
    # Trump talks 0–10 (one turn of two segments) and is cut off by Musk at 10.1;
    # Musk 10.1–14; Trump breaks in at 13.5 (overlap) and talks until 20.
    segments = [_seg(0, 4, "Trump", "The radical left"), _seg(4, 10, "Trump", "and Kamala"),
                _seg(10.1, 14, "Musk", "Right."), _seg(13.5, 20, "Trump", "Nobody has seen it."),
                _seg(21, 22, None)]
    speakers = [Speaker("Trump", "#0072B2", 1, 1), Speaker("Musk", "#E69F00", 2, 2),
                Speaker("Harris", "#009E73", 3, 3)]
    rows = {r.speaker: r for r in speaker_figures(segments, 40.0, speakers)}
    assert list(rows) == ["Trump", "Musk", "Harris", "(unknown)"]
    trump, musk = rows["Trump"], rows["Musk"]
    assert (trump.segments, trump.talk_time, trump.turns, trump.longest_turn) == (3, 16.5, 2, 10)
    assert (trump.interruptions, trump.interrupted) == (1, 1)
    assert (musk.interruptions, musk.interrupted, musk.colour) == (1, 1, "#E69F00")
    assert musk.share == pytest.approx(3.9 / 40)
    assert (rows["Harris"].segments, rows["Harris"].talk_time) == (0, 0)
    assert rows["(unknown)"].turns == 1
    assert trump.to_json()["longest_turn_seconds"] == 10
