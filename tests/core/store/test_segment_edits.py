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


def test_split_and_merge_keep_punctuation_and_spacing_clean(tmp_project: Project) -> None:
    from desk.core.records import Segment, Transcript, Word
    from desk.core.store.segment_edits import join_text, split_text

    assert split_text("the late start, the servers", len("the late start")) == (
        "the late start,", "the servers")
    assert split_text("the late start , the servers", len("the late start ")) == (
        "the late start,", "the servers")
    assert split_text("a  b.  c", 4) == ("a b.", "c")
    assert join_text("the late start", ", the servers") == "the late start, the servers"
    assert join_text("Sorry ", " for the late start") == "Sorry for the late start"
    assert join_text("", "alone") == "alone"
    t = tmp_project.transcripts.create(Transcript("openai", "tiny.en"))
    words = [Word(0.0, 0.4, "the"), Word(0.4, 0.8, "late"), Word(0.8, 1.2, "start,"),
             Word(1.3, 1.6, "the"), Word(1.6, 2.0, "servers")]
    [segment_id] = tmp_project.transcripts.add_segments(
        t.id, [Segment(0.0, 2.0, "the late start, the servers", words)])
    left, right = tmp_project.edits.split(segment_id, len("the late start"))
    texts = [s.text for s in tmp_project.transcripts.segments(t.id)]
    assert texts == ["the late start,", "the servers"]
    assert tmp_project.transcripts.segment(right).start == 1.3  # at the first word after the cut
    merged = tmp_project.edits.merge_with_next(left)
    assert merged.text == "the late start, the servers" and merged.edited
    assert [w.text for w in merged.words] == ["the", "late", "start,", "the", "servers"]
