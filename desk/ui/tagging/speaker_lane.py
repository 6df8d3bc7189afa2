"""The timeline's speaker lane, prepared once per change: who speaks when, per speaker.

Each speaker's segments become sorted start/end arrays with the running
maximum of the ends, so a repaint bisects to the visible ones and rasterises
them with `coverage` (one image per speaker), without reading the project.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desk.core.records import Segment, Speaker
from desk.ui.tagging.timeline_layers import coverage

NO_COLOUR = "#808080"


@dataclass
class SpeakerTrack:
    name: str
    colour: str
    starts: np.ndarray  # sorted
    ends: np.ndarray  # in the starts' order
    reach: np.ndarray  # running maximum of `ends`: what may still reach into a view

    def columns(self, view_start: float, seconds_per_pixel: float, width: int) -> np.ndarray:
        """The pixel columns of a view `width` pixels wide in which this speaker talks."""
        first = int(np.searchsorted(self.reach, view_start, side="right"))
        last = int(np.searchsorted(self.starts, view_start + width * seconds_per_pixel,
                                   side="left"))
        return coverage(self.starts[first:last], self.ends[first:last], view_start,
                        seconds_per_pixel, width)

    def at(self, seconds: float) -> bool:
        """Does this speaker talk at `seconds`?"""
        first = int(np.searchsorted(self.reach, seconds, side="left"))
        last = int(np.searchsorted(self.starts, seconds, side="right"))
        return bool(np.any(self.ends[first:last] >= seconds))


def build_tracks(speakers: list[Speaker], segments: list[Segment]) -> list[SpeakerTrack]:
    """One track per speaker who has segments, in the speakers' (number) order."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for segment in segments:
        if segment.speaker:
            spans.setdefault(segment.speaker, []).append((segment.start, segment.end))
    tracks = []
    for speaker in speakers:
        mine = sorted(spans.get(speaker.name, []))
        if not mine:
            continue
        starts = np.array([s for s, _ in mine], dtype=np.float64)
        ends = np.array([e for _, e in mine], dtype=np.float64)
        tracks.append(SpeakerTrack(speaker.name, speaker.colour or NO_COLOUR, starts, ends,
                                   np.maximum.accumulate(ends)))
    return tracks


def speaker_at(tracks: list[SpeakerTrack], seconds: float) -> list[str]:
    """Who talks at `seconds` (several when voices overlap)."""
    return [t.name for t in tracks if t.at(seconds)]
