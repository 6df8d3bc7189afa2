"""Undo and redo over the recorded history, across reopening the file."""

from __future__ import annotations

from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project


def _transcript(project: Project) -> list[int]:
    t = project.transcripts.create(Transcript("openai", "tiny.en"))
    return project.transcripts.add_segments(t.id, [
        Segment(0.0, 2.0, "Hello there world",
                [Word(0.0, 0.5, "Hello"), Word(0.5, 1.0, "there"), Word(1.2, 2.0, "world")]),
        Segment(2.5, 4.0, "Second line", [Word(2.5, 3.0, "Second"), Word(3.1, 4.0, "line")]),
    ])


def test_text_edit_keeps_word_times_of_unchanged_words(tmp_project: Project) -> None:
    first, _ = _transcript(tmp_project)
    seg = tmp_project.edits.set_text(first, "Hello there wide world")
    assert [w.text for w in seg.words] == ["Hello", "there", "wide", "world"]
    assert (seg.words[0].start, seg.words[3].start) == (0.0, 1.2)
    assert seg.words[1].end <= seg.words[2].start <= seg.words[3].start
    assert seg.edited


def test_undo_redo_every_edit_kind(tmp_project: Project) -> None:
    first, second = _transcript(tmp_project)
    original = [(s.text, s.start, s.end, len(s.words)) for s in tmp_project.transcripts.segments()]
    a = tmp_project.annotations.add("delay", 0, 1)
    tmp_project.edits.set_text(first, "Hello there big world")
    tmp_project.edits.split(first, len("Hello there"))
    tmp_project.edits.set_speaker([second], "Elon Musk")
    tmp_project.edits.merge_with_next(first)
    tmp_project.tags.update("delay", colour="#000000")
    for _ in range(6):
        assert tmp_project.history.undo() is not None
    segs = tmp_project.transcripts.segments()
    assert [(s.text, s.start, s.end, len(s.words)) for s in segs] == original
    assert tmp_project.annotations.list() == [] and a.id
    assert tmp_project.tags.get("delay").colour == "#7f7f7f"
    # redo everything again, then reopen: the state is on disk
    while tmp_project.history.redo():
        pass
    path = tmp_project.path
    tmp_project.close()
    with Project.open(path) as project:
        segs = project.transcripts.segments()
        assert [s.text for s in segs] == ["Hello there big world", "Second line"]
        assert segs[1].speaker == "Elon Musk"
        assert project.tags.get("delay").colour == "#000000"
        assert [x.tag for x in project.annotations.list()] == ["delay"]


def test_new_edit_after_undo_discards_redo(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0, 1)
    tmp_project.history.undo()
    tmp_project.annotations.add("DDoS claim", 2, 3)
    assert tmp_project.history.redo() is None
    assert [a.tag for a in tmp_project.annotations.list()] == ["DDoS claim"]


def test_speaker_rename_flows_to_every_segment(tmp_project: Project) -> None:
    first, second = _transcript(tmp_project)
    tmp_project.edits.set_speaker([first, second], "SPEAKER_1")
    tmp_project.edits.rename_speaker("SPEAKER_1", "Donald Trump")
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"Donald Trump"}
    tmp_project.history.undo()
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"SPEAKER_1"}


def test_active_history_is_the_provenance_in_order(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0, 1, annotator="ana")
    tmp_project.annotations.add("DDoS claim", 2, 3, annotator="bea")
    tmp_project.annotations.add("delay", 4, 5, annotator="cem")
    tmp_project.history.undo()
    assert [(a.annotator, a.label) for a in tmp_project.history.active()][1:] == [
        ("ana", "tag delay"), ("bea", "tag DDoS claim")]
    assert not any(a.undone for a in tmp_project.history.active())
