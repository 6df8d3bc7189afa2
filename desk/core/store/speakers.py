"""Speakers: the voices of a recording, numbered and coloured once, named by the analyst.

A speaker gets its number (`position`, the N of "Speaker N") and its colour
when it is made and keeps both through renames and merges, so the transcript,
the timeline lane and the Speakers pane always show it the same way.
"""

from __future__ import annotations

import sqlite3

from desk.core.errors import InputError
from desk.core.records import Speaker
from desk.core.store.database import Database, inserted_id
from desk.core.store.schema import speaker_colour

AUTO_NAME = "Speaker {}"  # what diarization calls a voice until it is named


class SpeakerStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self) -> list[Speaker]:
        """Every speaker in number order (the order of the pane and the lane)."""
        rows = self._db.query("SELECT * FROM speakers ORDER BY position, id")
        return [speaker_from_row(r) for r in rows]

    def get(self, which: int | str) -> Speaker:
        """A speaker by id or by name (exact, then ignoring case); one clear error if none."""
        if isinstance(which, int):
            rows = self._db.query("SELECT * FROM speakers WHERE id=?", (which,))
        else:
            rows = self._db.query("SELECT * FROM speakers WHERE name=?", (which,)) or \
                self._db.query("SELECT * FROM speakers WHERE name=? COLLATE NOCASE", (which,))
        if len(rows) != 1:
            known = ", ".join(s.name for s in self.list()) or "none yet"
            raise InputError(f"no speaker {which!r} (speakers: {known})")
        return speaker_from_row(rows[0])

    def segment_counts(self) -> dict[int, int]:
        """How many segments of the current transcript each speaker id has."""
        rows = self._db.query(
            "SELECT speaker_id, COUNT(*) AS n FROM segments WHERE speaker_id IS NOT NULL "
            "AND transcript_id = (SELECT transcript_id FROM current_transcript WHERE id=1) "
            "GROUP BY speaker_id")
        return {int(r["speaker_id"]): int(r["n"]) for r in rows}


def speaker_from_row(row: sqlite3.Row) -> Speaker:
    return Speaker(name=row["name"], colour=row["colour"], id=row["id"],
                   position=row["position"], origin=row["origin"],
                   matched_profile=row["matched_profile"], matched_score=row["matched_score"],
                   match_status=row["match_status"])


def insert_speaker(conn: sqlite3.Connection, name: str | None = None,
                   origin: str = "manual") -> int:
    """A new speaker with the next number and its colour; unnamed: "Speaker N".

    Runs inside the caller's transaction (which records it in the history).
    """
    position = int(conn.execute(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM speakers").fetchone()[0])
    if name is None:
        name = free_auto_name(conn, position)
    elif conn.execute("SELECT 1 FROM speakers WHERE name=?", (name,)).fetchone():
        raise InputError(f"there is already a speaker named '{name}'")
    cursor = conn.execute(
        "INSERT INTO speakers(name, colour, position, origin) VALUES (?,?,?,?)",
        (name, speaker_colour(position), position, origin))
    return inserted_id(cursor)


def free_auto_name(conn: sqlite3.Connection, position: int) -> str:
    """ "Speaker N" for the N given, or the next N no speaker is called."""
    number = position
    while conn.execute("SELECT 1 FROM speakers WHERE name=?",
                       (AUTO_NAME.format(number),)).fetchone():
        number += 1
    return AUTO_NAME.format(number)


def speaker_id_for(conn: sqlite3.Connection, name: str,
                   origin: str = "manual") -> tuple[int, bool]:
    """The id of the speaker called `name`, made if there is none: (id, made now).

    Runs inside the caller's transaction, which records a new speaker in the
    history when the change is the analyst's.
    """
    row = conn.execute("SELECT id FROM speakers WHERE name=?", (name,)).fetchone()
    if row:
        return int(row["id"]), False
    return insert_speaker(conn, name, origin), True
