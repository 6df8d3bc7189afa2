"""The plain records: durations, and the documented JSON of an annotation."""

from __future__ import annotations

from desk.core.records import Annotation, Silence


def test_annotation_json_is_the_documented_shape() -> None:
    annotation = Annotation("delay", 0.12345, 40.0004, "late start", "ana", "suggested", id=7,
                            tag_id=1, created_at="2026-01-01T00:00:00.000Z",
                            updated_at="2026-01-02T00:00:00.000Z")
    assert annotation.to_json() == {
        "id": 7, "tag": "delay", "start": 0.123, "end": 40.0, "note": "late start",
        "annotator": "ana", "source": "suggested", "created_at": "2026-01-01T00:00:00.000Z",
        "updated_at": "2026-01-02T00:00:00.000Z"}
    assert annotation.duration == 40.0004 - 0.12345


def test_silence_duration() -> None:
    assert Silence(2.5, 10.0).duration == 7.5
