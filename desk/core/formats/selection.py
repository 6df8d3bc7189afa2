"""What an export includes: the choices of File → Export… and of `desk export`'s flags.

Applied once, to the snapshot every exporter reads, so each format leaves out
the same things; the choice itself goes into the file's provenance, so an
export of one coder's "Harris attacks" codes says that it is only that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desk.core.records import Annotation, Segment, Speaker, Tag


@dataclass(frozen=True)
class Selection:
    transcript: bool = True
    annotations: bool = True
    tags: frozenset[str] | None = None  # None: every tag
    annotators: frozenset[str] | None = None  # None: every annotator
    suggestions: bool = False  # suggestions not yet accepted (a machine's guess)
    speakers: bool = True
    notes: bool = True
    transcript_id: int | None = None  # None: the current version
    only_speakers: frozenset[str] | None = None  # None: every speaker's segments

    def keeps(self, annotation: Annotation) -> bool:
        if not self.annotations:
            return False
        if self.tags is not None and annotation.tag.casefold() not in _folded(self.tags):
            return False
        return self.annotators is None or annotation.annotator in self.annotators

    def annotations_of(self, annotations: list[Annotation]) -> list[Annotation]:
        kept = [a for a in annotations if self.keeps(a)]
        return kept if self.notes else [replace(a, note="") for a in kept]

    def segments_of(self, segments: list[Segment]) -> list[Segment]:
        """The segments kept: only the chosen speakers' ("what did Musk say"), if chosen."""
        if not self.transcript:
            return []
        if self.only_speakers is not None:
            wanted = _folded(self.only_speakers)
            segments = [s for s in segments if (s.speaker or "").casefold() in wanted]
        return segments if self.speakers else [replace(s, speaker=None) for s in segments]

    def speakers_of(self, speakers: list[Speaker]) -> list[Speaker]:
        return speakers if self.transcript and self.speakers else []

    def tags_of(self, tags: list[Tag]) -> list[Tag]:
        if self.tags is None:
            return tags
        return [t for t in tags if t.name.casefold() in _folded(self.tags)]

    def describe(self) -> dict[str, object]:
        """The choice, for provenance: what this file holds of the project."""
        described: dict[str, object] = {
            "transcript": self.transcript, "annotations": self.annotations,
            "tags": "all" if self.tags is None else sorted(self.tags),
            "annotators": "all" if self.annotators is None else sorted(self.annotators),
            "suggestions": self.suggestions, "speakers": self.speakers, "notes": self.notes,
        }
        if self.only_speakers is not None:
            described["only_speakers"] = sorted(self.only_speakers)
        return described


def _folded(names: frozenset[str]) -> set[str]:
    return {n.casefold() for n in names}
