"""Settings that belong to the project file, not to one computer (blind coding).

Kept in the `meta` table as text, so a colleague who opens the file sees the
same rules; changing one is a transaction of its own, not an undoable edit.
"""

from __future__ import annotations

from desk.core.store.database import Database

BLIND_CODING = "blind_coding"


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
