"""Live coding: ranges opened at the playhead by a tag's key and closed by pressing it again.

Several tags may be open at once (a DDoS claim inside a delay); each open range
is only in memory until it is closed, when it becomes one annotation (one undo
step). Esc cancels all of them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from desk.core.records import Tag

MIN_LENGTH = 0.05  # seconds; a shorter live range is a double press, not a code


@dataclass
class OpenRange:
    tag: Tag
    start: float  # seconds of the recording
    opened_at: float = field(default_factory=time.monotonic)


class LiveCoder(QObject):
    """The open ranges, by tag id; `changed` fires whenever one opens, closes or is dropped."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open: dict[int, OpenRange] = {}

    def is_open(self, tag: Tag) -> bool:
        return tag.id in self._open

    def open_ranges(self) -> list[OpenRange]:
        return sorted(self._open.values(), key=lambda r: r.opened_at)

    def open(self, tag: Tag, position: float) -> None:
        self._open[tag.id] = OpenRange(tag, position)  # type: ignore[index]
        self.changed.emit()

    def close(self, tag: Tag, position: float) -> tuple[float, float] | None:
        """The closed range in time order, or None if it is too short to be a code."""
        found = self._open.pop(tag.id, None)  # type: ignore[arg-type]
        if found is None:
            return None
        self.changed.emit()
        start, end = sorted((found.start, position))
        return (start, end) if end - start >= MIN_LENGTH else None

    def cancel_all(self) -> int:
        count = len(self._open)
        self._open.clear()
        if count:
            self.changed.emit()
        return count
