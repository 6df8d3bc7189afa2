"""Imported rows kept as columns read back as the records the import code expects."""

from __future__ import annotations

from array import array

from desk.core.formats.import_rows import (
    AnnotationRows,
    OriginRows,
    SegmentRows,
    annotation_columns,
    lines_of,
    spans,
)
from desk.core.records import Annotation, Lines, Segment


def test_segment_rows_read_as_segments_and_reorder() -> None:
    rows = SegmentRows()
    rows.append(5.0, 6.0, "later", "Ben")
    rows.append(1.0, 2.0, "first", None)
    assert len(rows) == 2 and list(rows.starts()) == [5.0, 1.0]
    rows.reorder([1, 0])
    assert list(rows) == [Segment(1.0, 2.0, "first"), Segment(5.0, 6.0, "later", speaker="Ben")]
    assert rows[-1] == Segment(5.0, 6.0, "later", speaker="Ben")
    assert rows[:1] == [Segment(1.0, 2.0, "first")]


def test_annotation_rows_are_imported_annotations() -> None:
    rows = AnnotationRows()
    rows.append("joke", 1.5, 2.0, "", "coder1")
    rows.append("claim", 3.0, 4.0, "a note", "")
    expected = [Annotation("joke", 1.5, 2.0, "", "coder1", "imported"),
                Annotation("claim", 3.0, 4.0, "a note", "", "imported")]
    assert list(rows) == expected and rows[1] == expected[1] and rows[0:2] == expected


def test_origins_are_written_when_read_and_follow_a_reorder() -> None:
    origins = OriginRows()
    for tier, ann in (("A", "a1"), ("A", "a2"), ("B", "a3")):
        origins.append(tier, ann)
    origins.reorder([2, 0, 1])
    assert list(origins) == ["TIER 'B', ANNOTATION 'a3'", "TIER 'A', ANNOTATION 'a1'",
                             "TIER 'A', ANNOTATION 'a2'"]
    assert origins[1:] == ["TIER 'A', ANNOTATION 'a1'", "TIER 'A', ANNOTATION 'a2'"]


def test_columns_go_in_by_tier_and_come_out_as_the_store_takes_them() -> None:
    segments, origins = SegmentRows(), OriginRows()
    segments.extend(array("d", [1.0, 2.0]), [1.5, 2.5], ["a", "b"], "Anna")
    origins.extend("A", ["a1", "a2"])
    segments.extend([0.5], [0.7], ["c"], None)
    origins.extend("B", iter(["b1"]))
    assert segments.lines() == Lines(array("d", [1.0, 2.0, 0.5]), array("d", [1.5, 2.5, 0.7]),
                                     ["a", "b", "c"], ["Anna", "Anna", None])
    assert lines_of(segments) == segments.lines() and lines_of(list(segments)) is None
    assert [list(c) for c in spans(segments)] == [list(c) for c in spans(list(segments))] == [
        [1.0, 2.0, 0.5], [1.5, 2.5, 0.7]]
    assert list(origins) == ["TIER 'A', ANNOTATION 'a1'", "TIER 'A', ANNOTATION 'a2'",
                             "TIER 'B', ANNOTATION 'b1'"]
    annotations = AnnotationRows()
    annotations.extend(["joke", "claim"], [1.0, 2.0], [1.5, 2.5], ["", "n"], "coder1")
    columns = annotation_columns(annotations)
    from_records = annotation_columns(list(annotations))
    assert columns[:5] == (["joke", "claim"], array("d", [1.0, 2.0]), array("d", [1.5, 2.5]),
                           ["", "n"], ["coder1", "coder1"])
    assert [list(column) for column in from_records[:5]] == [list(c) for c in columns[:5]]
    assert list(zip(*columns, strict=False)) == list(zip(*from_records, strict=True))
