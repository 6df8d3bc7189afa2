"""Figures about a coded recording: per tag, and per speaker (talk time, turns, interruptions).

Shares are of the recording's duration. Overlapping annotations of one tag
are counted once in `covered` (the union), so a share never exceeds 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk.core.records import Segment, Speaker
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
    talk_time: float  # seconds the speaker's segments cover (overlaps once)
    share: float  # talk_time / duration, 0..1
    colour: str | None = None
    turns: int = 0  # runs of consecutive segments by this speaker
    longest_turn: float = 0.0  # seconds
    interruptions: int = 0  # turns that broke in on someone (see `interruptions`)
    interrupted: int = 0  # times someone broke in on this speaker

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "colour": self.colour, "segments": self.segments,
                "talk_seconds": round(self.talk_time, 3), "share": round(self.share, 4),
                "turns": self.turns, "longest_turn_seconds": round(self.longest_turn, 3),
                "interruptions": self.interruptions, "interrupted": self.interrupted}


@dataclass
class Turn:
    """What one speaker says before another speaker (or no speaker) takes over."""

    speaker: str
    start: float
    end: float
    text: str


UNKNOWN = "(unknown)"
CUT_OFF_GAP = 0.3  # seconds: a turn this soon after an unfinished sentence broke in on it
_SENTENCE_END = (".", "?", "!", "…", '"', "”", "»")


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


def turns(segments: list[Segment]) -> list[Turn]:
    """Consecutive segments of one speaker (time order) joined; no speaker breaks a run."""
    result: list[Turn] = []
    previous: str | None = None
    for segment in sorted(segments, key=lambda s: (s.start, s.end)):
        name = segment.speaker or UNKNOWN
        if result and name == previous and name != UNKNOWN:
            last = result[-1]
            last.end = max(last.end, segment.end)
            last.text = f"{last.text} {segment.text}"
        else:
            result.append(Turn(name, segment.start, segment.end, segment.text))
        previous = name
    return result


def is_interruption(before: Turn, turn: Turn) -> bool:
    """Did `turn` break in on `before`?

    Yes when it starts while `before` still runs (overlapping speech), or
    within CUT_OFF_GAP of a turn that stopped mid-sentence (its text has no
    closing punctuation, as Whisper writes it when a sentence is finished).
    """
    if UNKNOWN in (before.speaker, turn.speaker) or before.speaker == turn.speaker:
        return False
    if turn.start < before.end - 0.05:
        return True
    unfinished = not before.text.rstrip().endswith(_SENTENCE_END)
    return unfinished and turn.start - before.end < CUT_OFF_GAP


def speaker_figures(segments: list[Segment], duration: float,
                    speakers: list[Speaker]) -> list[SpeakerStats]:
    """Talk time, turns, longest turn and interruptions per speaker, in the speakers' order.

    Every known speaker is listed (a named one nobody assigned yet shows 0);
    segments without a speaker come last as "(unknown)".
    """
    colours = {s.name: s.colour for s in speakers}
    order = [s.name for s in speakers]
    ranges: dict[str, list[tuple[float, float]]] = {}
    for segment in segments:
        ranges.setdefault(segment.speaker or UNKNOWN, []).append((segment.start, segment.end))
    order += sorted(name for name in ranges if name not in colours and name != UNKNOWN)
    if UNKNOWN in ranges:
        order.append(UNKNOWN)
    rows = {name: SpeakerStats(name, len(ranges.get(name, [])), 0.0, 0.0, colours.get(name))
            for name in order}
    for name, spans in ranges.items():
        rows[name].talk_time = union_length(spans)
        rows[name].share = rows[name].talk_time / duration if duration else 0.0
    all_turns = turns(segments)
    for k, turn in enumerate(all_turns):
        row = rows[turn.speaker]
        row.turns += 1
        row.longest_turn = max(row.longest_turn, turn.end - turn.start)
        if k and is_interruption(all_turns[k - 1], turn):
            row.interruptions += 1
            rows[all_turns[k - 1].speaker].interrupted += 1
    return list(rows.values())


def speaker_stats(project: Project) -> list[SpeakerStats]:
    """The figures of the current transcript's speakers."""
    return speaker_figures(project.transcripts.segments(with_words=False),
                           project.media.duration(), project.speakers.list())
