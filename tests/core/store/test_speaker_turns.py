"""A diarization run applied to a transcript: one step, cut at changes, the analyst's kept."""

from __future__ import annotations

import pytest

from desk.core.errors import InputError
from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from desk.core.store.speaker_turns import LabelledWord, VoiceMatch


def _transcript(project: Project) -> None:
    """Three segments; the first holds two voices (host 0–2 s, guest 2–3 s)."""
    project.versions.add(Transcript("faster", "tiny.en", total=30.0), [
        Segment(0.0, 3.0, "we will win thank you",
                [Word(0.0, 0.5, "we"), Word(0.5, 1.0, "will"), Word(1.0, 2.0, "win"),
                 Word(2.0, 2.5, "thank"), Word(2.5, 3.0, "you")]),
        Segment(3.5, 5.0, "absolutely right", [Word(3.5, 4.2, "absolutely"),
                                               Word(4.2, 5.0, "right")]),
        Segment(5.5, 7.0, "no words here"),
    ], "test transcript")


def _run(host_until: float = 2.0) -> list[LabelledWord]:
    """Voice 0 up to `host_until`, voice 1 until 5 s, voice 0 again after."""
    words = []
    for i in range(14):
        start = i * 0.5
        label = 0 if start < host_until or start >= 5.0 else 1
        words.append(LabelledWord(start, start + 0.5, label, 0.5 if i == 4 else 1.0))
    return words


def _who(project: Project) -> list[tuple[str | None, str, str, float | None]]:
    return [(s.speaker, s.speaker_source, s.text, s.speaker_confidence)
            for s in project.transcripts.segments()]


def test_a_run_cuts_segments_at_voice_changes_in_one_undoable_step(tmp_project: Project) -> None:
    _transcript(tmp_project)
    before, actions = _who(tmp_project), len(tmp_project.history.actions())
    summary = tmp_project.speaker_turns.apply(_run())
    assert _who(tmp_project) == [
        ("Speaker 1", "auto", "we will win", 1.0),
        ("Speaker 2", "auto", "thank you", 0.75),  # one word of the two at 0.5
        ("Speaker 2", "auto", "absolutely right", 1.0),
        ("Speaker 1", "auto", "no words here", 1.0),  # scored whole, by its middle
    ]
    cut = tmp_project.transcripts.segments()[1]
    assert (cut.start, cut.end, [w.text for w in cut.words]) == (2.0, 3.0, ["thank", "you"])
    assert (summary.speakers, summary.segments, summary.split, summary.kept) == (
        ["Speaker 1", "Speaker 2"], 3, 1, 0)
    assert [(s.origin, s.colour) for s in tmp_project.speakers.list()] == [
        ("auto", "#0072B2"), ("auto", "#E69F00")]
    assert len(tmp_project.history.actions()) == actions + 1
    tmp_project.history.undo()
    assert _who(tmp_project) == before and tmp_project.speakers.list() == []
    tmp_project.history.redo()
    assert [s[0] for s in _who(tmp_project)] == ["Speaker 1", "Speaker 2", "Speaker 2",
                                                  "Speaker 1"]


def test_the_analysts_speakers_stay_unless_replaced(tmp_project: Project) -> None:
    _transcript(tmp_project)
    second = tmp_project.transcripts.segments()[1].id or 0
    tmp_project.speaker_edits.assign([second], "Elon Musk")
    summary = tmp_project.speaker_turns.apply(_run())
    assert summary.kept == 1
    # Musk is speaker 1 now, so the voices are numbered on from 2.
    assert [s[:2] for s in _who(tmp_project)] == [
        ("Speaker 2", "auto"), ("Speaker 3", "auto"), ("Elon Musk", "manual"),
        ("Speaker 2", "auto")]
    tmp_project.speaker_turns.apply(_run(), replace=True)
    assert [s[:2] for s in _who(tmp_project)][2] == ("Speaker 3", "auto")


def test_a_second_run_reuses_the_numbers_and_drops_a_voice_no_longer_heard(
        tmp_project: Project) -> None:
    _transcript(tmp_project)
    tmp_project.speaker_turns.apply(_run())
    colours = {s.name: s.colour for s in tmp_project.speakers.list()}
    one_voice = [LabelledWord(w.start, w.end, 0, 1.0) for w in _run()]
    assert tmp_project.speaker_turns.apply(one_voice).speakers == ["Speaker 1"]
    assert [s.name for s in tmp_project.speakers.list()] == ["Speaker 1"]
    assert tmp_project.speakers.list()[0].colour == colours["Speaker 1"]
    # The cut stays: each piece is a segment of its own now, labelled again.
    assert [s[0] for s in _who(tmp_project)] == ["Speaker 1"] * 4


def test_a_voice_profile_names_a_voice_for_the_analyst_to_check(tmp_project: Project) -> None:
    _transcript(tmp_project)
    summary = tmp_project.speaker_turns.apply(_run(), [VoiceMatch(1, "Elon Musk", 0.812)])
    assert summary.speakers == ["Speaker 1", "Elon Musk"]
    assert summary.matched == {"Elon Musk": 0.812}
    musk = tmp_project.speakers.get("Elon Musk")
    assert (musk.origin, musk.matched_profile, musk.matched_score, musk.match_status) == (
        "auto", "Elon Musk", 0.812, "suggested")
    rejected = tmp_project.speaker_edits.reject_match("Elon Musk")
    assert rejected.name == "Speaker 2" and rejected.match_status == "rejected"


def test_a_profile_naming_the_analysts_own_speaker_leaves_it_as_named(
        tmp_project: Project) -> None:
    _transcript(tmp_project)
    tmp_project.speaker_edits.add("Elon Musk")
    tmp_project.speaker_turns.apply(_run(), [VoiceMatch(1, "Elon Musk", 0.9)])
    musk = tmp_project.speakers.get("Elon Musk")
    assert (musk.origin, musk.match_status) == ("manual", "")
    assert [s[0] for s in _who(tmp_project)][1:3] == ["Elon Musk", "Elon Musk"]


def test_segments_edited_during_the_run_are_labelled_by_time(tmp_project: Project) -> None:
    _transcript(tmp_project)
    first = tmp_project.transcripts.segments()[0].id or 0
    tmp_project.edits.set_text(first, "we shall win thank you")
    tmp_project.speaker_turns.apply(_run())
    assert [s[:3] for s in _who(tmp_project)][:2] == [
        ("Speaker 1", "auto", "we shall win"), ("Speaker 2", "auto", "thank you")]


def test_no_transcript_or_no_words_is_refused_and_changes_nothing(tmp_project: Project) -> None:
    with pytest.raises(InputError, match="no transcript"):
        tmp_project.speaker_turns.apply(_run())
    _transcript(tmp_project)
    actions = len(tmp_project.history.actions())
    with pytest.raises(InputError, match="no speech"):
        tmp_project.speaker_turns.apply([])
    assert len(tmp_project.history.actions()) == actions


def test_a_voice_keeps_its_number_when_a_profile_names_the_other_one(
        tmp_project: Project) -> None:
    _transcript(tmp_project)
    tmp_project.speaker_turns.apply(_run())
    guest = tmp_project.speakers.get("Speaker 2")
    summary = tmp_project.speaker_turns.apply(_run(), [VoiceMatch(0, "Host", 0.8)])
    assert summary.speakers == ["Host", "Speaker 2"]
    assert tmp_project.speakers.get("Speaker 2").colour == guest.colour
    assert [s.name for s in tmp_project.speakers.list()] == ["Speaker 2", "Host"]


def test_a_voice_the_analyst_named_keeps_the_name_in_the_next_run(tmp_project: Project) -> None:
    _transcript(tmp_project)
    tmp_project.speaker_turns.apply(_run())
    tmp_project.speaker_edits.rename("Speaker 1", "Donald Trump")
    assert tmp_project.speaker_turns.apply(_run()).speakers == ["Donald Trump", "Speaker 2"]
    assert [s.name for s in tmp_project.speakers.list()] == ["Donald Trump", "Speaker 2"]
