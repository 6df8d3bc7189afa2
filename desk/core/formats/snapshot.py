"""A read-only copy of a project, shaped for exporters.

Exporters read everything once (a handful of queries, even for a two-hour
recording) and then work in memory: which annotations label each segment (the
one rule of coding/line_labels) and which word-level codes hold each word is
answered here, with bisection, so that every format agrees and a
2,500-segment × 1,000-annotation export stays well under a second.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import desk
from desk.core.coding.line_labels import LineLabels, WordBounds
from desk.core.formats.selection import Selection
from desk.core.records import (
    Annotation,
    Media,
    Segment,
    Speaker,
    Tag,
    Transcript,
    TranscriptVersion,
    Word,
)
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
    version: TranscriptVersion | None  # the exported transcript version (current by default)
    segments: list[Segment]
    speakers: list[Speaker]
    tags: list[Tag]  # the codebook (archived tags included) in codebook order, as selected
    annotations: list[Annotation]  # ordered by start
    history: list[Action] = field(default_factory=list)
    selection: Selection = field(default_factory=Selection)  # what the export includes
    desk_version: str = field(default_factory=desk.version)
    exported_at: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds").replace(
            "+00:00", "Z")
    )

    def __post_init__(self) -> None:
        self._tag_order = {t.name: i for i, t in enumerate(self.tags)}
        self._labels = LineLabels(self.segments, self.annotations)
        self._line_index = {id(s): i for i, s in enumerate(self.segments)}
        self._annotation_index = {id(a): i for i, a in enumerate(self.annotations)}
        bounds = WordBounds([w for s in self.segments for w in s.words])
        self._word_codes = sorted((a for a in self.annotations
                                   if bounds.is_word_level(a.start, a.end)),
                                  key=lambda a: (a.start, a.end))
        self._word_code_starts = [a.start for a in self._word_codes]
        # Longest word-level code: bounds how far back one holding a word may start.
        self._longest = max((a.end - a.start for a in self._word_codes), default=0.0)

    # -- derived facts ---------------------------------------------------------------
    @property
    def transcript(self) -> Transcript | None:
        return self.version.transcript if self.version is not None else None

    @property
    def duration(self) -> float:
        """The recording's length, or the last time anything mentions when unknown."""
        if self.media and self.media.duration:
            return self.media.duration
        ends = [s.end for s in self.segments] + [a.end for a in self.annotations]
        return max(ends, default=0.0)

    @property
    def annotators(self) -> list[str]:
        """Who coded what this file holds, and who edited the project."""
        names = {a.annotator for a in self.annotations if a.annotator}
        names |= {h.annotator for h in self.history if h.annotator}
        if self.selection.annotators is not None:
            names &= self.selection.annotators
        return sorted(names)

    def tag(self, name: str) -> Tag | None:
        index = self._tag_order.get(name)
        return None if index is None else self.tags[index]

    def colour(self, tag_name: str) -> str:
        tag = self.tag(tag_name)
        return tag.colour if tag else "#888888"

    def labels_of(self, segment: Segment) -> list[Annotation]:
        """The annotations that label `segment` by the labelling rule (line_labels)."""
        index = self._line_index[id(segment)]
        return [self.annotations[i] for i in self._labels.annotations_of(index)]

    def line_tags(self, segment: Segment) -> list[str]:
        """Names of the tags labelling `segment`, in codebook order, once each."""
        return self._in_codebook_order({a.tag for a in self.labels_of(segment)})

    def lines_of(self, annotation: Annotation) -> list[Segment]:
        """The segments `annotation` labels, in time order (its transcript in reports)."""
        index = self._annotation_index[id(annotation)]
        return [self.segments[i] for i in self._labels.lines_of(index)]

    def word_tags(self, word: Word) -> list[str]:
        """Tags of the word-level codes holding `word` (its middle), in codebook order."""
        middle = (word.start + word.end) / 2
        hi = bisect.bisect_right(self._word_code_starts, middle)
        lo = bisect.bisect_left(self._word_code_starts, middle - self._longest)
        return self._in_codebook_order({a.tag for a in self._word_codes[lo:hi]
                                        if a.start <= middle < a.end})

    def _in_codebook_order(self, names: set[str]) -> list[str]:
        return sorted(names, key=lambda n: self._tag_order.get(n, len(self._tag_order)))


def read_snapshot(project: Project, selection: Selection | None = None,
                  with_words: bool = True) -> ProjectSnapshot:
    """Everything an export needs from `project`, read in a few queries, as selected.

    Suggestions not yet accepted are left out unless selected: an export is
    evidence, and a machine's guess is not a coding decision.
    """
    selection = selection or Selection()
    history = [Action(a.at, a.annotator, a.label) for a in project.history.active()]
    if selection.transcript_id is not None:
        version: TranscriptVersion | None = project.versions.get(selection.transcript_id)
    else:
        current = project.transcripts.current()
        version = project.versions.get(current.id) if current and current.id else None
    segments = project.transcripts.segments(version.id, with_words=with_words) if (
        version is not None and selection.transcript) else []
    segments = selection.segments_of(segments)
    used = {s.speaker for s in segments if s.speaker}
    annotations = project.annotations.list(include_suggested=selection.suggestions)
    return ProjectSnapshot(
        name=Path(project.path).stem,
        media=project.media.get(),
        version=version,
        segments=segments,
        speakers=selection.speakers_of([s for s in project.speakers.list() if s.name in used]),
        tags=selection.tags_of(project.tags.list(include_archived=True)),
        annotations=selection.annotations_of(annotations),
        history=history,
        selection=selection,
    )
