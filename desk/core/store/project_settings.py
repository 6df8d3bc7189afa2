"""Settings that belong to the project file, not to one computer (blind coding, the view).

Kept in the `meta` table as text, so a colleague who opens the file sees the
same rules; changing one is a transaction of its own, not an undoable edit.
The view (playhead, speed, timeline zoom) is kept here too, so reopening a
project puts the analyst back where they stopped, on any computer.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from desk.core.store.database import Database

BLIND_CODING = "blind_coding"
VIEW_STATE = "view_state"


@dataclass(frozen=True)
class ViewState:
    """Where the analyst was: playhead and speed, and the timeline's visible stretch."""

    position: float = 0.0
    rate: float = 1.0
    view_start: float = 0.0
    seconds_per_pixel: float = 0.0  # 0: the whole recording

    @classmethod
    def from_text(cls, text: str) -> ViewState:
        """The stored state; anything unreadable is the default (a fresh view)."""
        try:
            data = json.loads(text) if text else {}
            values = {key: float(data[key]) for key in asdict(cls()) if key in data}
        except (ValueError, TypeError, AttributeError):
            return cls()
        if not all(math.isfinite(v) and v >= 0 for v in values.values()):
            return cls()
        return cls(**values)

    def to_text(self) -> str:
        return json.dumps({key: round(value, 9) for key, value in asdict(self).items()})


class ProjectSettings:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, key: str, default: str = "") -> str:
        rows = self._db.query("SELECT value FROM meta WHERE key=?", (key,))
        return str(rows[0]["value"]) if rows and rows[0]["value"] is not None else default

    def set(self, key: str, value: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    @property
    def blind_coding(self) -> bool:
        """Coders see only their own layer (annotations, timeline, suggestions)."""
        return self.get(BLIND_CODING) == "1"

    def set_blind_coding(self, on: bool) -> None:
        self.set(BLIND_CODING, "1" if on else "0")

    def view_state(self) -> ViewState:
        return ViewState.from_text(self.get(VIEW_STATE))

    def set_view_state(self, state: ViewState) -> None:
        """Kept only when it changed, so closing an untouched project writes nothing."""
        text = state.to_text()
        if text != self.get(VIEW_STATE):
            self.set(VIEW_STATE, text)
