"""Figures about a coded recording: per tag and per speaker.

Shares are of the recording's duration. Overlapping annotations of one tag
are counted once in `covered` (the union), so a share never exceeds 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk.core.store import Project


@dataclass
class TagStats:
    tag: str
    colour: str
    count: int
    total: float  # seconds, summed over annotations
    covered: float  # seconds of the recording covered at least once
    share: float  # covered / duration, 0..1

    def to_json(self) -> dict[str, Any]:
        return {"tag": self.tag, "count": self.count, "total_seconds": round(self.total, 3),
                "covered_seconds": round(self.covered, 3), "share": round(self.share, 4)}


@dataclass
class SpeakerStats:
    speaker: str
    segments: int
    talk_time: float
    share: float

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "segments": self.segments,
                "talk_seconds": round(self.talk_time, 3), "share": round(self.share, 4)}


def union_length(ranges: list[tuple[float, float]]) -> float:
    """How much of the time line the ranges cover together (overlaps counted once)."""
    total = 0.0
    current: tuple[float, float] | None = None
    for start, end in sorted(ranges):
        if current is None or start > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0]
    return total


def tag_stats(project: Project, include_suggested: bool = False) -> list[TagStats]:
    duration = project.media.duration()
    by_tag: dict[str, list[tuple[float, float]]] = {}
    for annotation in project.annotations.list(include_suggested=include_suggested):
        by_tag.setdefault(annotation.tag, []).append((annotation.start, annotation.end))
    result = []
    for tag in project.tags.list(include_archived=True):
        ranges = by_tag.get(tag.name, [])
        if tag.archived and not ranges:
            continue
        covered = union_length(ranges)
        result.append(TagStats(
            tag=tag.name, colour=tag.colour, count=len(ranges),
            total=sum(e - s for s, e in ranges), covered=covered,
            share=covered / duration if duration else 0.0,
        ))
    return result


def speaker_stats(project: Project) -> list[SpeakerStats]:
    duration = project.media.duration()
    talk: dict[str, list[float]] = {}
    for segment in project.transcripts.segments(with_words=False):
        talk.setdefault(segment.speaker or "(unknown)", []).append(segment.end - segment.start)
    return [
        SpeakerStats(name, len(times), sum(times), sum(times) / duration if duration else 0.0)
        for name, times in sorted(talk.items())
    ]
