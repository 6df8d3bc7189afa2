"""The analyst's corrections: word times kept through a text edit, speakers renamed everywhere."""

from __future__ import annotations

from desk.core.store import Project
from tests.core.store.conftest import two_segments


def test_text_edit_keeps_word_times_of_unchanged_words(tmp_project: Project) -> None:
    first, _ = two_segments(tmp_project)
    seg = tmp_project.edits.set_text(first, "Hello there wide world")
    assert [w.text for w in seg.words] == ["Hello", "there", "wide", "world"]
    assert (seg.words[0].start, seg.words[3].start) == (0.0, 1.2)
    assert seg.words[1].end <= seg.words[2].start <= seg.words[3].start
    assert seg.edited


def test_speaker_rename_flows_to_every_segment(tmp_project: Project) -> None:
    first, second = two_segments(tmp_project)
    tmp_project.edits.set_speaker([first, second], "SPEAKER_1")
    tmp_project.edits.rename_speaker("SPEAKER_1", "Donald Trump")
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"Donald Trump"}
    tmp_project.history.undo()
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"SPEAKER_1"}
