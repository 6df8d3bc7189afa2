"""A read-only copy of a project, shaped for exporters.

Exporters read everything once (a handful of queries, even for a two-hour
recording) and then work in memory: which tags cover each segment and each
word is answered here, with bisection, so that every format agrees and a
2,500-segment × 1,000-annotation export stays well under a second.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path

from desk import __version__
from desk.core.records import Annotation, Media, Segment, Speaker, Tag, Transcript
from desk.core.store import Project


@dataclass
class Action:
    """One entry of the edit history, for provenance."""

    at: str
    annotator: str
    label: str


@dataclass
class ProjectSnapshot:
    name: str  # the project's file name without suffix: the default title
    media: Media | None
    transcript: Transcript | None
    segments: list[Segment]
    speakers: list[Speaker]
    tags: list[Tag]  # the whole codebook, archived tags included, in codebook order
    annotations: list[Annotation]  # ordered by start
    history: list[Action] = field(default_factory=list)
    desk_version: str = __version__
    exported_at: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds").replace(
            "+00:00", "Z")
    )

    def __post_init__(self) -> None:
        self._tag_order = {t.name: i for i, t in enumerate(self.tags)}
        self._by_start = sorted(self.annotations, key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self._by_start]
        # Longest annotation: bounds how far back an overlapping one may start.
        self._longest = max((a.end - a.start for a in self.annotations), default=0.0)
        self._seg_sorted = sorted(self.segments, key=lambda s: (s.start, s.end))
        self._seg_starts = [s.start for s in self._seg_sorted]
        # Running maximum of ends: segments may overlap after corrections.
        self._seg_max_end = list(accumulate((s.end for s in self._seg_sorted), max))

    # -- derived facts ---------------------------------------------------------------
    @property
    def duration(self) -> float:
        """The recording's length, or the last time anything mentions when unknown."""
        if self.media and self.media.duration:
            return self.media.duration
        ends = [s.end for s in self.segments] + [a.end for a in self.annotations]
        return max(ends, default=0.0)

    @property
    def annotators(self) -> list[str]:
        names = {a.annotator for a in self.annotations if a.annotator}
        names |= {h.annotator for h in self.history if h.annotator}
        return sorted(names)

    def tag(self, name: str) -> Tag | None:
        index = self._tag_order.get(name)
        return None if index is None else self.tags[index]

    def colour(self, tag_name: str) -> str:
        tag = self.tag(tag_name)
        return tag.colour if tag else "#888888"

    def annotations_over(self, start: float, end: float) -> list[Annotation]:
        """Annotations that overlap [start, end) by more than an instant, by start."""
        hi = bisect.bisect_left(self._starts, end)
        lo = bisect.bisect_left(self._starts, start - self._longest)
        return [a for a in self._by_start[lo:hi] if a.end > start and a.start < end]

    def tags_over(self, start: float, end: float) -> list[str]:
        """Names of the tags covering part of [start, end), in codebook order, once each."""
        names = {a.tag for a in self.annotations_over(start, end)}
        return sorted(names, key=lambda n: self._tag_order.get(n, len(self._tag_order)))

    def segments_over(self, start: float, end: float) -> list[Segment]:
        """Segments overlapping [start, end): the transcript under an annotation."""
        hi = bisect.bisect_left(self._seg_starts, end)
        lo = bisect.bisect_right(self._seg_max_end, start)
        return [s for s in self._seg_sorted[lo:hi] if s.end > start and s.start < end]


def read_snapshot(project: Project, include_suggested: bool = False,
                  with_words: bool = True) -> ProjectSnapshot:
    """Everything an export needs from `project`, read in a few queries.

    Suggestions not yet accepted are left out unless `include_suggested`:
    an export is evidence, and a machine's guess is not a coding decision.
    """
    history = [Action(a.at, a.annotator, a.label) for a in project.history.active()]
    segments = project.transcripts.segments(with_words=with_words)
    used = {s.speaker for s in segments if s.speaker}
    return ProjectSnapshot(
        name=Path(project.path).stem,
        media=project.media.get(),
        transcript=project.transcripts.current(),
        segments=segments,
        speakers=[s for s in project.speakers.list() if s.name in used],
        tags=project.tags.list(include_archived=True),
        annotations=project.annotations.list(include_suggested=include_suggested),
        history=history,
    )
