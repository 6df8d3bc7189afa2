"""Praat TextGrid (long text format): interval tiers for speakers, words and tags.

Praat insists that the intervals of a tier tile it exactly, from the grid's
start to its end, so gaps are filled with empty intervals and overlapping
items (two annotations of one tag, overlapping segments after corrections)
go to extra tiers (`tag #2`). A tag interval's label is its note, or the
tag's name when there is no note, so that a coded stretch never looks empty.
The export's provenance is in `!` comment lines, which Praat skips.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from desk.core.atomic import atomic_writer
from desk.core.formats.provenance import facts
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.formats.tiers import assign_tiers, tier_name

NO_SPEAKER_TIER = "transcript"


@dataclass
class Interval:
    start: float
    end: float
    label: str


def _quote(text: str) -> str:
    """Praat strings double their quotes and cannot span lines usefully."""
    return '"' + " ".join(text.split()).replace('"', '""') + '"'


def tile(intervals: list[Interval], xmin: float, xmax: float) -> list[Interval]:
    """Non-overlapping intervals (sorted) with the gaps filled by empty ones.

    Times come from the project already rounded to milliseconds, so equal
    boundaries compare equal and the tiling is exact.
    """
    tiled: list[Interval] = []
    cursor = xmin
    for item in intervals:
        start, end = max(item.start, cursor), min(item.end, xmax)
        if end <= start:
            continue  # zero-length (or swallowed) items cannot be Praat intervals
        if start > cursor:
            tiled.append(Interval(cursor, start, ""))
        tiled.append(Interval(start, end, item.label))
        cursor = end
    if cursor < xmax or not tiled:
        tiled.append(Interval(cursor, xmax, ""))
    return tiled


def _tiers(snapshot: ProjectSnapshot, words: bool) -> list[tuple[str, list[Interval]]]:
    tiers: list[tuple[str, list[Interval]]] = []
    by_speaker: dict[str | None, list[Interval]] = defaultdict(list)
    for s in snapshot.segments:
        by_speaker[s.speaker].append(Interval(s.start, s.end, s.text))
    for speaker, items in by_speaker.items():
        for index, part in enumerate(assign_tiers(items, lambda i: i.start, lambda i: i.end)):
            tiers.append((tier_name(speaker or NO_SPEAKER_TIER, index), part))
    if words:
        items = [Interval(w.start, w.end, w.text) for s in snapshot.segments for w in s.words
                 if w.end > w.start]
        parts = assign_tiers(items, lambda i: i.start, lambda i: i.end) if items else [[]]
        for index, part in enumerate(parts):
            tiers.append((tier_name("words", index), part))
    by_tag: dict[str, list[Interval]] = defaultdict(list)
    for a in snapshot.annotations:
        by_tag[a.tag].append(Interval(a.start, a.end, a.note or a.tag))
    for tag in snapshot.tags:
        if tag.archived and tag.name not in by_tag:
            continue
        parts = assign_tiers(by_tag.get(tag.name, []), lambda i: i.start,
                             lambda i: i.end) or [[]]
        for index, part in enumerate(parts):
            tiers.append((tier_name(tag.name, index), part))
    return tiers


def _comments(snapshot: ProjectSnapshot) -> list[str]:
    """Provenance as Praat comments (`!` to the end of the line), after the grid's xmax:
    praatio reads the header lines by position, and splits the file at `item [`."""
    return [f"! desk {fact.key}: " + fact.value.replace("[", "(").replace("]", ")")
            for fact in facts(snapshot)]


def render_textgrid(snapshot: ProjectSnapshot, words: bool = True) -> str:
    tiers = _tiers(snapshot, words)
    ends = [i.end for _, items in tiers for i in items]
    xmax = round(max([snapshot.duration, *ends], default=0.0), 3) or 1.0
    lines = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "",
             "xmin = 0", f"xmax = {xmax!r}", *_comments(snapshot), "tiers? <exists>",
             f"size = {len(tiers)}", "item []:"]
    for number, (name, items) in enumerate(tiers, start=1):
        intervals = tile(items, 0.0, xmax)
        lines += [f"    item [{number}]:", '        class = "IntervalTier"',
                  f"        name = {_quote(name)}", "        xmin = 0",
                  f"        xmax = {xmax!r}", f"        intervals: size = {len(intervals)}"]
        for k, interval in enumerate(intervals, start=1):
            lines += [f"        intervals [{k}]:", f"            xmin = {interval.start!r}",
                      f"            xmax = {interval.end!r}",
                      f"            text = {_quote(interval.label)}"]
    return "\n".join(lines) + "\n"


def export_textgrid(snapshot: ProjectSnapshot, path: Path, words: bool = True) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_textgrid(snapshot, words))
    return path
