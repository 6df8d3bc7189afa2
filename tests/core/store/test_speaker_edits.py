"""Speaker edits: each one step in the durable history, marked as the analyst's."""

from __future__ import annotations

import pytest

from desk.core.errors import InputError
from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from desk.core.store.speakers import AUTO_NAME


def _diarized(project: Project) -> list[int]:
    """Three segments as diarization would leave them: Speaker 1, 2, 1 (automatic)."""
    t = project.transcripts.create(Transcript("faster", "tiny.en"))
    conn = project.database.conn
    with project.database.transaction():
        for n in (1, 2):
            conn.execute("INSERT INTO speakers(name, colour, position, origin) "
                         "VALUES (?, '#000000', ?, 'auto')", (AUTO_NAME.format(n), n))
    segments = [
        Segment(0.0, 3.0, "we will win big",
                [Word(0.0, 0.5, "we"), Word(0.5, 1.0, "will"), Word(1.0, 2.0, "win"),
                 Word(2.0, 3.0, "big")], speaker="Speaker 1", speaker_source="auto"),
        Segment(3.0, 5.0, "thank you", [Word(3.0, 4.0, "thank"), Word(4.0, 5.0, "you")],
                speaker="Speaker 2", speaker_source="auto"),
        Segment(5.0, 6.0, "absolutely", [Word(5.0, 6.0, "absolutely")], speaker="Speaker 1",
                speaker_source="auto"),
    ]
    return project.transcripts.add_segments(t.id, segments)


def _who(project: Project) -> list[tuple[str | None, str, str]]:
    return [(s.speaker, s.speaker_source, s.text) for s in project.transcripts.segments()]


def test_rename_flows_everywhere_and_undoes(tmp_project: Project) -> None:
    _diarized(tmp_project)
    speaker = tmp_project.speaker_edits.rename("Speaker 1", "Donald Trump")
    assert (speaker.name, speaker.origin, speaker.position) == ("Donald Trump", "manual", 1)
    assert [s.speaker for s in tmp_project.transcripts.segments()] == [
        "Donald Trump", "Speaker 2", "Donald Trump"]
    assert tmp_project.history.undo() is not None
    assert tmp_project.speakers.get(speaker.id or 0).name == "Speaker 1"
    assert tmp_project.speakers.get(speaker.id or 0).origin == "auto"
    tmp_project.history.redo()
    assert tmp_project.speakers.get("donald trump").name == "Donald Trump"


def test_rename_refuses_a_taken_name_but_rename_or_merge_merges(tmp_project: Project) -> None:
    _diarized(tmp_project)
    with pytest.raises(InputError, match="merge"):
        tmp_project.speaker_edits.rename("Speaker 1", "Speaker 2")
    tmp_project.speaker_edits.rename_or_merge("Speaker 1", "Speaker 2")
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"Speaker 2"}


def test_merge_is_one_step_and_marks_segments_manual(tmp_project: Project) -> None:
    _diarized(tmp_project)
    before = _who(tmp_project)
    actions = len(tmp_project.history.actions())
    kept = tmp_project.speaker_edits.merge("Speaker 2", "Speaker 1")
    assert kept.name == "Speaker 1"
    assert [s.name for s in tmp_project.speakers.list()] == ["Speaker 1"]
    assert _who(tmp_project) == [("Speaker 1", "auto", "we will win big"),
                                 ("Speaker 1", "manual", "thank you"),  # moved: by hand
                                 ("Speaker 1", "auto", "absolutely")]
    assert len(tmp_project.history.actions()) == actions + 1
    tmp_project.history.undo()
    assert _who(tmp_project) == before
    assert [s.name for s in tmp_project.speakers.list()] == ["Speaker 1", "Speaker 2"]
    tmp_project.history.redo()
    assert [s.name for s in tmp_project.speakers.list()] == ["Speaker 1"]


def test_merge_with_itself_or_an_unknown_speaker_is_refused(tmp_project: Project) -> None:
    _diarized(tmp_project)
    with pytest.raises(InputError, match="itself"):
        tmp_project.speaker_edits.merge("Speaker 1", "speaker 1")
    with pytest.raises(InputError, match="no speaker 'Kamala'"):
        tmp_project.speaker_edits.merge("Kamala", "Speaker 1")


def test_split_off_words_cuts_the_segment_at_word_boundaries(tmp_project: Project) -> None:
    _diarized(tmp_project)
    before = _who(tmp_project)
    moved = tmp_project.speaker_edits.reassign_span(0.9, 2.1, "Elon Musk")
    assert moved == 1
    segments = tmp_project.transcripts.segments()
    assert [(s.speaker, s.text, s.start, s.end) for s in segments[:3]] == [
        ("Speaker 1", "we will", 0.0, 1.0), ("Elon Musk", "win", 1.0, 2.0),
        ("Speaker 1", "big", 2.0, 3.0)]
    assert segments[1].speaker_source == "manual" and segments[0].speaker_source == "auto"
    assert [w.text for w in segments[1].words] == ["win"]
    assert tmp_project.speakers.get("Elon Musk").origin == "manual"
    tmp_project.history.undo()
    assert _who(tmp_project) == before
    assert [w.text for w in tmp_project.transcripts.segments()[0].words] == [
        "we", "will", "win", "big"]
    with pytest.raises(InputError):
        tmp_project.speakers.get("Elon Musk")


def test_split_off_only_one_speakers_words(tmp_project: Project) -> None:
    _diarized(tmp_project)
    moved = tmp_project.speaker_edits.reassign_span(0.0, 6.0, "Elon Musk",
                                                    from_speaker="Speaker 2")
    assert moved == 1
    assert [s.speaker for s in tmp_project.transcripts.segments()] == [
        "Speaker 1", "Elon Musk", "Speaker 1"]


def test_split_off_refuses_an_empty_span(tmp_project: Project) -> None:
    _diarized(tmp_project)
    with pytest.raises(InputError, match="end after"):
        tmp_project.speaker_edits.reassign_span(2.0, 2.0, "X")


def test_assign_marks_manual_and_new_speakers_get_number_and_colour(
        tmp_project: Project) -> None:
    ids = _diarized(tmp_project)
    tmp_project.edits.set_speaker([ids[2]], "Elon Musk")
    musk = tmp_project.speakers.get("Elon Musk")
    assert (musk.position, musk.colour, musk.origin) == (3, "#009E73", "manual")
    assert _who(tmp_project)[2] == ("Elon Musk", "manual", "absolutely")
    with pytest.raises(InputError, match="no segment"):
        tmp_project.speaker_edits.assign([99999], "Elon Musk")


def test_add_names_a_new_speaker_after_the_last_number(tmp_project: Project) -> None:
    _diarized(tmp_project)
    assert tmp_project.speaker_edits.add().name == "Speaker 3"
    assert tmp_project.speaker_edits.add("Kamala Harris").position == 4
    with pytest.raises(InputError, match="already"):
        tmp_project.speaker_edits.add("Kamala Harris")


def test_colour_is_checked_and_undoable(tmp_project: Project) -> None:
    _diarized(tmp_project)
    assert tmp_project.speaker_edits.set_colour("Speaker 2", "#ff0000").colour == "#FF0000"
    with pytest.raises(InputError, match="#RRGGBB"):
        tmp_project.speaker_edits.set_colour("Speaker 2", "red")
    tmp_project.history.undo()
    assert tmp_project.speakers.get("Speaker 2").colour == "#000000"


def test_a_voice_match_is_confirmed_or_rejected(tmp_project: Project) -> None:
    _diarized(tmp_project)
    with tmp_project.database.transaction() as conn:  # what diarization writes
        conn.execute("UPDATE speakers SET name='Elon Musk', matched_profile='Elon Musk', "
                     "matched_score=0.81, match_status='suggested' WHERE position=2")
    with pytest.raises(InputError, match="not matched"):
        tmp_project.speaker_edits.confirm_match("Speaker 1")
    confirmed = tmp_project.speaker_edits.confirm_match("Elon Musk")
    assert (confirmed.match_status, confirmed.origin) == ("confirmed", "manual")
    tmp_project.history.undo()
    rejected = tmp_project.speaker_edits.reject_match("Elon Musk")
    assert (rejected.name, rejected.match_status, rejected.matched_score) == (
        "Speaker 2", "rejected", 0.81)
    tmp_project.history.undo()
    assert tmp_project.speakers.get(rejected.id or 0).name == "Elon Musk"
