"""What an agreement study compares: each annotator's coded ranges of each tag.

Times are whole milliseconds (Desk stores annotation bounds rounded to the
millisecond), so every coefficient works on exact integers and two runs on
the same project give the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.store.adjudications import CONSENSUS  # never one of the compared coders


@dataclass
class Study:
    """Ranges per tag and annotator as (k, 2) int64 arrays of [start, end) ms, by start."""

    duration_ms: int
    annotators: tuple[str, ...]
    tags: tuple[str, ...]
    ranges: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)

    def units(self, tag: str, annotator: str) -> np.ndarray:
        """The ranges as coded (overlaps kept): what γ aligns."""
        return self.ranges[tag][annotator]

    def merged(self, tag: str, annotator: str) -> np.ndarray:
        """The union of the ranges: what slices and α_u compare (a time is coded or not)."""
        return merge_ranges(self.ranges[tag][annotator])

    def unit_count(self, tag: str, annotator: str) -> int:
        return len(self.ranges[tag][annotator])

    def coded_ms(self, tag: str, annotator: str) -> int:
        merged = self.merged(tag, annotator)
        return int((merged[:, 1] - merged[:, 0]).sum())


def merge_ranges(ranges: np.ndarray) -> np.ndarray:
    """Overlapping or touching [start, end) ranges joined; sorted by start."""
    if len(ranges) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((ranges[:, 1], ranges[:, 0]))
    starts, ends = ranges[order, 0], ranges[order, 1]
    running_end = np.maximum.accumulate(ends)
    new_run = np.ones(len(starts), dtype=bool)
    new_run[1:] = starts[1:] > running_end[:-1]
    run_id = np.cumsum(new_run) - 1
    merged_starts = starts[new_run]
    merged_ends = np.zeros(len(merged_starts), dtype=np.int64)
    np.maximum.at(merged_ends, run_id, ends)
    return np.column_stack([merged_starts, merged_ends])


class TooFewAnnotators(InputError):
    """Fewer than two coders to compare; `present` are the project's (the window words it)."""

    def __init__(self, present: list[str]) -> None:
        self.present = present
        super().__init__("agreement needs at least two annotators "
                         f"(this project has {', '.join(present) or 'none'}); "
                         "merge a colleague's coding first (desk merge)")


def annotators_of(annotations: Iterable[Annotation]) -> list[str]:
    """The coders who can be compared: named, not the consensus, suggestions left out."""
    names = {a.annotator for a in annotations
             if a.annotator and a.annotator != CONSENSUS and a.source != "suggested"}
    return sorted(names, key=str.casefold)


def build_study(annotations: Sequence[Annotation], duration: float,
                annotators: Sequence[str] | None = None,
                tags: Sequence[str] | None = None) -> Study:
    """The study over `annotations` (suggestions not yet accepted are never compared).

    `annotators` default to everyone who coded; `tags` to every tag any of them
    used. Unknown names are an InputError that lists the choices.
    """
    coded = [a for a in annotations if a.source != "suggested"]
    present = annotators_of(coded) + ([CONSENSUS] if any(
        a.annotator == CONSENSUS for a in coded) else [])
    chosen = list(dict.fromkeys(annotators)) if annotators else [
        n for n in present if n != CONSENSUS]
    missing = [n for n in chosen if n not in present]
    if missing:
        raise InputError(f"no annotations by {', '.join(missing)} "
                         f"(annotators: {', '.join(present) or 'none yet'})")
    if len(chosen) < 2:
        raise TooFewAnnotators(present)
    mine = [a for a in coded if a.annotator in chosen]
    used = list(dict.fromkeys(a.tag for a in sorted(mine, key=lambda a: a.tag.casefold())))
    if tags:
        by_fold = {t.casefold(): t for t in used}
        unknown = [t for t in tags if t.casefold() not in by_fold]
        if unknown:
            raise InputError(f"no annotations with tag {', '.join(unknown)} by these "
                             f"annotators (tags: {', '.join(used) or 'none'})")
        used = list(dict.fromkeys(by_fold[t.casefold()] for t in tags))
    duration_ms = round(duration * 1000) if duration > 0 else 0
    duration_ms = max(duration_ms, max((_ms(a.end) for a in mine), default=0))
    ranges: dict[str, dict[str, list[tuple[int, int]]]] = {
        t: {n: [] for n in chosen} for t in used}
    for a in mine:
        if a.tag in ranges:
            start, end = _ms(a.start), _ms(a.end)
            if end > start:
                ranges[a.tag][a.annotator].append((start, end))
    arrays = {t: {n: _sorted_array(r) for n, r in by_coder.items()}
              for t, by_coder in ranges.items()}
    return Study(duration_ms, tuple(chosen), tuple(used), arrays)


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _sorted_array(ranges: list[tuple[int, int]]) -> np.ndarray:
    if not ranges:
        return np.zeros((0, 2), dtype=np.int64)
    return np.array(sorted(ranges), dtype=np.int64)
