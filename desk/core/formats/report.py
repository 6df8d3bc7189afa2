"""The readable annotated transcript, once, for the HTML, Markdown and Word renderers.

A report is a summary per tag and per speaker (talk time, turns,
interruptions: the figures of `desk stats`), then a timeline: each segment
with the tags that label it (the one rule of coding/line_labels), its words
grouped into spans by the word-level codes that hold them (highlighted in
the codebook's colours), and the notes of the annotations whose first
labelled line it is.
Annotations over stretches without speech (the dead air before a delayed
livestream) get a row of their own, so nothing coded is missing from the page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.coding.stats import SpeakerStats, speaker_figures, union_length
from desk.core.formats.provenance import Fact, facts
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.records import Annotation, Segment, Tag
from desk.core.timecode import format_time


@dataclass
class Span:
    text: str
    tags: list[str]  # tags covering these words, in codebook order (empty: plain text)


@dataclass
class Row:
    start: float
    end: float
    segment: Segment | None  # None: annotations over a stretch without speech
    spans: list[Span] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)  # those starting here


@dataclass
class TagLine:
    tag: Tag
    count: int
    total: float
    covered: float
    share: float


@dataclass
class Report:
    title: str
    facts: list[tuple[str, str]]  # (label, value) lines under the title
    provenance: list[Fact]  # the same facts with machine names (meta, front matter)
    summary: list[TagLine]
    rows: list[Row]
    annotations: list[Annotation]
    colours: dict[str, str]
    speakers: list[SpeakerStats] = field(default_factory=list)  # empty: nobody is named

    def colour(self, tag: str) -> str:
        return self.colours.get(tag, "#888888")

    def speaker_colour(self, name: str) -> str:
        return next((s.colour for s in self.speakers if s.speaker == name and s.colour),
                    "#444444")


def clock(seconds: float) -> str:
    return format_time(seconds, millis=True)


def _spans(snapshot: ProjectSnapshot, segment: Segment) -> list[Span]:
    """Words grouped by the word-level codes that hold them (a stretch code marks no words)."""
    spans: list[Span] = []
    for word in segment.words:
        tags = snapshot.word_tags(word)
        if spans and spans[-1].tags == tags:
            spans[-1].text += " " + word.text
        else:
            spans.append(Span(word.text, tags))
    if not spans or " ".join(s.text for s in spans).split() != segment.text.split():
        # No words, or words out of step with the text: the line stays unmarked.
        return [Span(segment.text, [])]
    return spans


def _rows(snapshot: ProjectSnapshot) -> list[Row]:
    rows = [Row(s.start, s.end, s, _spans(snapshot, s), snapshot.line_tags(s))
            for s in snapshot.segments]
    starts = [r.start for r in rows]
    for annotation in snapshot.annotations:
        labelled = snapshot.lines_of(annotation)
        if labelled:  # its note goes under the first line it labels
            first = labelled[0]
            index = bisect.bisect_left(starts, first.start)
            while rows[index].segment is not first:
                index += 1
            rows[index].annotations.append(annotation)
        else:
            rows.append(Row(annotation.start, annotation.end, None, [], [annotation.tag],
                            [annotation]))
    rows.sort(key=lambda r: (r.start, r.segment is not None))
    return rows


def build_report(snapshot: ProjectSnapshot) -> Report:
    by_tag: dict[str, list[tuple[float, float]]] = {}
    for a in snapshot.annotations:
        by_tag.setdefault(a.tag, []).append((a.start, a.end))
    duration = snapshot.duration
    summary = []
    for tag in snapshot.tags:
        ranges = by_tag.get(tag.name, [])
        if tag.archived and not ranges:
            continue
        covered = union_length(ranges)
        summary.append(TagLine(tag, len(ranges), sum(e - s for s, e in ranges), covered,
                               covered / duration if duration else 0.0))
    provenance = facts(snapshot)
    shown = [(f.label, f.value) for f in provenance]
    shown.insert(1 if snapshot.media else 0, ("Duration", format_time(duration)))
    title = Path(snapshot.media.path).name if snapshot.media else snapshot.name
    return Report(title=f"Annotated transcript: {title}", facts=shown, provenance=provenance,
                  summary=summary,
                  rows=_rows(snapshot), annotations=list(snapshot.annotations),
                  colours={t.name: t.colour for t in snapshot.tags},
                  speakers=speaker_figures(snapshot.segments, duration, snapshot.speakers)
                  if snapshot.speakers else [])
