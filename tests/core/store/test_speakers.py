"""Speakers are made on first use, once, and listed with their records."""

from __future__ import annotations

from desk.core.records import Segment, Transcript
from desk.core.store import Project
from desk.core.store.speakers import speaker_id_for


def test_a_speaker_is_made_once_and_reused(tmp_project: Project) -> None:
    with tmp_project.database.transaction() as conn:
        first, made = speaker_id_for(conn, "Elon Musk")
        again, made_again = speaker_id_for(conn, "Elon Musk")
    assert made and not made_again and first == again
    assert [s.name for s in tmp_project.speakers.list()] == ["Elon Musk"]


def test_segments_and_edits_share_the_speaker_records(tmp_project: Project) -> None:
    transcript = tmp_project.transcripts.create(Transcript("openai", "tiny.en"))
    ids = tmp_project.transcripts.add_segments(transcript.id, [
        Segment(0.0, 1.0, "Hello", speaker="Donald Trump"),
        Segment(1.0, 2.0, "Hi", speaker="Elon Musk")])
    tmp_project.edits.set_speaker([ids[1]], "Donald Trump")
    speakers = tmp_project.speakers.list()
    assert [s.name for s in speakers] == ["Donald Trump", "Elon Musk"]
    assert all(s.id is not None for s in speakers)
    assert {s.speaker for s in tmp_project.transcripts.segments()} == {"Donald Trump"}
