"""Speakers: the names that flow into every export, created on first use."""

from __future__ import annotations

import sqlite3

from desk.core.records import Speaker
from desk.core.store.database import Database, inserted_id


class SpeakerStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self) -> list[Speaker]:
        rows = self._db.query("SELECT id, name, colour FROM speakers ORDER BY name")
        return [Speaker(name=r["name"], colour=r["colour"], id=r["id"]) for r in rows]


def speaker_id_for(conn: sqlite3.Connection, name: str) -> tuple[int, bool]:
    """The id of the speaker called `name`, made if there is none: (id, made now).

    Runs inside the caller's transaction, which records a new speaker in the
    history when the change is the analyst's.
    """
    row = conn.execute("SELECT id FROM speakers WHERE name=?", (name,)).fetchone()
    if row:
        return int(row["id"]), False
    cursor = conn.execute("INSERT INTO speakers(name) VALUES (?)", (name,))
    return inserted_id(cursor), True
