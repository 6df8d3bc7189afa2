"""The exporters' read-only copy: which codes label which lines, in codebook order."""

from __future__ import annotations

from desk.core.formats.selection import Selection
from desk.core.formats.snapshot import read_snapshot
from desk.core.records import Segment, Transcript
from desk.core.store import Project


def _snapshot_of(project: Project):  # type: ignore[no-untyped-def]
    transcript = project.transcripts.create(Transcript("faster", "tiny.en"))
    project.transcripts.add_segments(transcript.id, [
        Segment(0.0, 4.0, "one", speaker="A"), Segment(3.0, 9.0, "two", speaker="B"),
        Segment(10.0, 12.0, "three")])
    project.annotations.add("Harris attacks", 2.0, 3.5, annotator="ana")
    project.annotations.add("delay", 0.0, 20.0, annotator="ana")
    project.annotations.add("praise exchange", 11.0, 11.5, source="suggested")
    return read_snapshot(project)


def test_lines_and_their_labels(tmp_project: Project) -> None:
    snapshot = _snapshot_of(tmp_project)
    assert [a.tag for a in snapshot.annotations] == ["delay", "Harris attacks"]  # no guesses
    one, two, three = snapshot.segments
    codebook = [t.name for t in snapshot.tags]
    # Harris lies inside line one; delay covers every line.
    assert snapshot.line_tags(one) == sorted(["delay", "Harris attacks"], key=codebook.index)
    assert snapshot.line_tags(two) == snapshot.line_tags(three) == ["delay"]
    harris = next(a for a in snapshot.annotations if a.tag == "Harris attacks")
    assert snapshot.lines_of(harris) == [one]
    assert [a.tag for a in snapshot.labels_of(two)] == ["delay"]
    assert [s.name for s in snapshot.speakers] == ["A", "B"]
    assert snapshot.annotators == ["ana"] and snapshot.duration == 30.0
    assert snapshot.colour("nope") == "#888888" and snapshot.tag("delay") is not None


def test_suggestions_only_when_asked(tmp_project: Project) -> None:
    _snapshot_of(tmp_project)
    everything = read_snapshot(tmp_project, Selection(suggestions=True), with_words=False)
    assert "praise exchange" in [a.tag for a in everything.annotations]
    assert everything.history and everything.history[-1].label.startswith("tag ")
