"""Imported lines and annotations kept as columns, made into records one at a time.

A million-annotation ELAN file held as `Segment`/`Annotation` objects and their
origin strings takes ~500 bytes a row (1.2 GB in all, issue #11); kept here as
arrays of times and lists of shared strings it takes ~150. Each class is a
read-only sequence of the records the rest of the import code expects, built
on access, so the preview and `desk merge` read them as lists; `apply_bundle`
reads the columns themselves (`spans`, `annotation_columns`, `lines_of`) and
hands them to the store zipped, without a record or a Python loop a row.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import NamedTuple, overload

from desk.core.records import Annotation, Lines, Segment


def _reordered(values: list[str], order: Sequence[int]) -> list[str]:
    return list(map(values.__getitem__, order))


class SegmentRows(Sequence[Segment]):
    """Lines of a transcript: times, text and the speaker's name (one shared string)."""

    def __init__(self) -> None:
        self._starts = array("d")
        self._ends = array("d")
        self._texts: list[str] = []
        self._speakers: list[str | None] = []

    def append(self, start: float, end: float, text: str, speaker: str | None) -> None:
        self._starts.append(start)
        self._ends.append(end)
        self._texts.append(text)
        self._speakers.append(speaker)

    def extend(self, starts: Iterable[float], ends: Iterable[float], texts: Sequence[str],
               speaker: str | None) -> None:
        """Lines of one speaker (an ELAN tier), as columns of one length."""
        self._starts.extend(starts)
        self._ends.extend(ends)
        self._texts.extend(texts)
        self._speakers.extend(repeat(speaker, len(texts)))

    def starts(self) -> Sequence[float]:
        return self._starts

    def lines(self) -> Lines:
        return Lines(self._starts, self._ends, self._texts, self._speakers)

    def reorder(self, order: Sequence[int]) -> None:
        """Put the rows in `order` (a permutation of their indexes)."""
        self._starts = array("d", map(self._starts.__getitem__, order))
        self._ends = array("d", map(self._ends.__getitem__, order))
        self._texts = _reordered(self._texts, order)
        self._speakers = list(map(self._speakers.__getitem__, order))

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[Segment]:
        for start, end, text, speaker in zip(self._starts, self._ends, self._texts,
                                             self._speakers, strict=True):
            yield Segment(start, end, text, speaker=speaker)

    @overload
    def __getitem__(self, index: int) -> Segment: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Segment]: ...

    def __getitem__(self, index: int | slice) -> Segment | Sequence[Segment]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Segment(self._starts[index], self._ends[index], self._texts[index],
                       speaker=self._speakers[index])


class AnnotationColumns(NamedTuple):
    """Annotations as columns; `sources` and `created` may be endless (`repeat`)."""

    tags: Sequence[str]
    starts: Sequence[float]
    ends: Sequence[float]
    notes: Sequence[str]
    annotators: Sequence[str]
    sources: Iterable[str]
    created: Iterable[str | None]


class AnnotationRows(Sequence[Annotation]):
    """Imported annotations: times, note, and the tag and coder as shared strings."""

    def __init__(self) -> None:
        self._starts = array("d")
        self._ends = array("d")
        self._tags: list[str] = []
        self._notes: list[str] = []
        self._annotators: list[str] = []

    def append(self, tag: str, start: float, end: float, note: str, annotator: str) -> None:
        self._tags.append(tag)
        self._starts.append(start)
        self._ends.append(end)
        self._notes.append(note)
        self._annotators.append(annotator)

    def extend(self, tags: Iterable[str], starts: Iterable[float], ends: Iterable[float],
               notes: Iterable[str], annotator: str) -> None:
        """Annotations of one coder (an ELAN tier), as columns of one length."""
        before = len(self._tags)
        self._tags.extend(tags)
        self._starts.extend(starts)
        self._ends.extend(ends)
        self._notes.extend(notes)
        self._annotators.extend(repeat(annotator, len(self._tags) - before))

    def columns(self) -> AnnotationColumns:
        return AnnotationColumns(self._tags, self._starts, self._ends, self._notes,
                                 self._annotators, repeat("imported"), repeat(None))

    def __len__(self) -> int:
        return len(self._tags)

    def __iter__(self) -> Iterator[Annotation]:
        for tag, start, end, note, annotator in zip(self._tags, self._starts, self._ends,
                                                    self._notes, self._annotators,
                                                    strict=True):
            yield Annotation(tag, start, end, note, annotator, "imported")

    @overload
    def __getitem__(self, index: int) -> Annotation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Annotation]: ...

    def __getitem__(self, index: int | slice) -> Annotation | Sequence[Annotation]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Annotation(self._tags[index], self._starts[index], self._ends[index],
                          self._notes[index], self._annotators[index], "imported")


class OriginRows(Sequence[str]):
    """Where each row came from ("TIER 'A', ANNOTATION 'a7'"), written only when asked."""

    def __init__(self) -> None:
        self._tiers: list[str] = []
        self._tier_of = array("I")
        self._ids: list[str] = []

    def append(self, tier: str, annotation_id: str) -> None:
        if not self._tiers or self._tiers[-1] != tier:
            self._tiers.append(tier)
        self._tier_of.append(len(self._tiers) - 1)
        self._ids.append(annotation_id)

    def extend(self, tier: str, annotation_ids: Iterable[str]) -> None:
        before = len(self._ids)
        self._ids.extend(annotation_ids)
        if not self._tiers or self._tiers[-1] != tier:
            self._tiers.append(tier)
        self._tier_of.extend(array("I", [len(self._tiers) - 1]) * (len(self._ids) - before))

    def reorder(self, order: Sequence[int]) -> None:
        self._tier_of = array("I", map(self._tier_of.__getitem__, order))
        self._ids = _reordered(self._ids, order)

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return f"TIER '{self._tiers[self._tier_of[index]]}', ANNOTATION '{self._ids[index]}'"


def spans(records: Sequence[Segment | Annotation]) -> tuple[Sequence[float], Sequence[float]]:
    """(starts, ends) of records, or the columns of rows."""
    if isinstance(records, SegmentRows):
        return records.lines()[:2]
    if isinstance(records, AnnotationRows):
        return records.columns()[1:3]
    return [r.start for r in records], [r.end for r in records]


def annotation_columns(annotations: Sequence[Annotation]) -> AnnotationColumns:
    if isinstance(annotations, AnnotationRows):
        return annotations.columns()
    return AnnotationColumns(
        [a.tag for a in annotations], [a.start for a in annotations],
        [a.end for a in annotations], [a.note for a in annotations],
        [a.annotator for a in annotations], [a.source for a in annotations],
        [a.created_at for a in annotations])


def lines_of(segments: Sequence[Segment]) -> Lines | None:
    """The columns of rows read into columns; None for records (with words and scores)."""
    return segments.lines() if isinstance(segments, SegmentRows) else None
