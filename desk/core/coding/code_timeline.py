"""The data of a code timeline picture: each tag's coded ranges over the recording.

The picture itself is drawn by desk/ui/tagging/stats_picture.py (Qt); this
module decides what is in it, so the CLI, the statistics pane and the tests
agree. Suggestions are left out: they are not coded until accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.core.coding.stats import union_length
from desk.core.store import Project


@dataclass
class TimelineRow:
    tag: str
    colour: str
    ranges: list[tuple[float, float]] = field(default_factory=list)

    @property
    def covered(self) -> float:
        return union_length(self.ranges)


@dataclass
class CodeTimeline:
    title: str
    duration: float
    rows: list[TimelineRow]


def code_timeline(project: Project, title: str | None = None) -> CodeTimeline:
    """One row per tag in codebook order (archived tags only if they were used)."""
    by_tag: dict[str, list[tuple[float, float]]] = {}
    for annotation in project.annotations.list(include_suggested=False):
        by_tag.setdefault(annotation.tag, []).append((annotation.start, annotation.end))
    rows = [
        TimelineRow(tag.name, tag.colour, by_tag.get(tag.name, []))
        for tag in project.tags.list(include_archived=True)
        if not tag.archived or tag.name in by_tag
    ]
    duration = project.media.duration() or max(
        (end for ranges in by_tag.values() for _, end in ranges), default=0.0
    )
    return CodeTimeline(title or project.path.stem, duration, rows)
