"""What an export includes: one choice applied alike to annotations, lines, speakers and tags."""

from __future__ import annotations

from desk.core.formats.selection import Selection
from desk.core.records import Annotation, Segment, Speaker, Tag

ANNOTATIONS = [Annotation("Harris attacks", 1.0, 2.0, "n1", "ana"),
               Annotation("delay", 0.0, 5.0, "n2", "bea")]


def test_everything_by_default() -> None:
    everything = Selection()
    assert everything.annotations_of(ANNOTATIONS) == ANNOTATIONS
    assert everything.describe()["tags"] == "all" and not everything.describe()["suggestions"]


def test_one_coders_codes_of_one_tag_without_notes() -> None:
    chosen = Selection(tags=frozenset({"harris ATTACKS"}), annotators=frozenset({"ana"}),
                       notes=False)
    [kept] = chosen.annotations_of(ANNOTATIONS)
    assert (kept.tag, kept.note) == ("Harris attacks", "")
    assert not chosen.keeps(ANNOTATIONS[1])
    assert [t.name for t in chosen.tags_of([Tag("Harris attacks"), Tag("delay")])] == [
        "Harris attacks"]
    assert chosen.describe()["annotators"] == ["ana"]


def test_without_speakers_or_transcript() -> None:
    segments = [Segment(0.0, 1.0, "hello", speaker="HOST")]
    assert Selection(speakers=False).segments_of(segments)[0].speaker is None
    assert Selection(speakers=False).speakers_of([Speaker("HOST")]) == []
    assert Selection(transcript=False).segments_of(segments) == []
    assert Selection(annotations=False).annotations_of(ANNOTATIONS) == []
