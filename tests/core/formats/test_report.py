"""The report every document export shares: facts, per-tag summary, rows with their codes."""

from __future__ import annotations

from desk.core.formats.report import build_report, clock
from desk.core.formats.snapshot import read_snapshot
from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project


def test_rows_summary_and_notes(tmp_project: Project) -> None:
    transcript = tmp_project.transcripts.create(Transcript("faster", "tiny.en", "en",
                                                           status="complete"))
    tmp_project.transcripts.add_segments(transcript.id, [
        Segment(1.0, 3.0, "Hello there", [Word(1.0, 1.5, "Hello"), Word(1.6, 3.0, "there")],
                speaker="HOST"),
        Segment(10.0, 12.0, "Kamala is a disaster",
                [Word(10.0, 10.5, "Kamala"), Word(10.6, 11.0, "is"), Word(11.1, 11.4, "a"),
                 Word(11.5, 12.0, "disaster")], speaker="GUEST")])
    tmp_project.annotations.add("Harris attacks", 10.0, 12.0, note="the attack", annotator="ana")
    tmp_project.annotations.add("delay", 20.0, 25.0, annotator="bea")  # over no speech
    report = build_report(read_snapshot(tmp_project))
    assert report.title == "Annotated transcript: tone.mp4"
    facts = dict(report.facts)
    assert "faster tiny.en, language en" in facts["Transcript version"]
    assert facts["Annotators"] == "ana, bea"
    harris = next(line for line in report.summary if line.tag.name == "Harris attacks")
    assert (harris.count, harris.total) == (1, 2.0)
    assert [r.start for r in report.rows] == [1.0, 10.0, 20.0]
    assert report.rows[1].tags == ["Harris attacks"]
    assert [a.note for a in report.rows[1].annotations] == ["the attack"]
    assert report.rows[2].segment is None and report.rows[2].tags == ["delay"]
    assert report.colour("Harris attacks").startswith("#") and report.colour("x") == "#888888"
    assert clock(3723.5) == "01:02:03.500"
