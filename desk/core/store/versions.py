"""Transcript versions: every transcription run is kept; one of them is current.

A new run never replaces the current version while it works: it becomes
current only when it completes (`complete`), and a cancelled or failed run
stays a partial version to resume or delete. Switching, renaming and
deleting are history actions (undoable, in `desk history`). A deleted version
loses only its row in `transcript_versions`; its segments stay in the file
so that undo brings it back whole. Annotations belong to the recording, not
to a version, so they survive every switch.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from desk.core.errors import InputError
from desk.core.records import Lines, Segment, Transcript, TranscriptVersion
from desk.core.store.database import Database, utc_now
from desk.core.store.history import ActionRecorder, History
from desk.core.store.transcripts import TranscriptStore, transcript_from_row

_LIST = (
    "SELECT t.*, v.name AS version_name, c.transcript_id IS t.id AS is_current, "
    "(SELECT COUNT(*) FROM segments s WHERE s.transcript_id = t.id) AS segment_count, "
    "EXISTS (SELECT 1 FROM segments s WHERE s.transcript_id = t.id AND s.edited = 1) "
    "AS is_edited "
    "FROM transcripts t JOIN transcript_versions v ON v.id = t.id "
    "LEFT JOIN current_transcript c ON c.id = 1"
)
CURRENT = 1  # the one row of current_transcript


class VersionStore:
    def __init__(self, database: Database, history: History,
                 transcripts: TranscriptStore) -> None:
        self._db = database
        self._history = history
        self._transcripts = transcripts

    def list(self) -> builtins.list[TranscriptVersion]:
        """Every version, oldest first."""
        return [_version(r) for r in self._db.query(_LIST + " ORDER BY t.id")]

    def get(self, transcript_id: int) -> TranscriptVersion:
        rows = self._db.query(_LIST + " WHERE t.id=?", (transcript_id,))
        if not rows:
            known = ", ".join(str(v.id) for v in self.list()) or "none"
            raise InputError(f"no transcript version {transcript_id} (versions: {known})")
        return _version(rows[0])

    def current_id(self) -> int | None:
        rows = self._db.query("SELECT transcript_id FROM current_transcript WHERE id=?",
                              (CURRENT,))
        return rows[0]["transcript_id"] if rows else None

    def newest(self, statuses: tuple[str, ...]) -> Transcript | None:
        """The newest version in one of `statuses` (the run to resume, the one running)."""
        marks = ",".join("?" for _ in statuses)
        rows = self._db.query(
            "SELECT t.* FROM transcripts t JOIN transcript_versions v ON v.id = t.id "
            f"WHERE t.status IN ({marks}) ORDER BY t.id DESC LIMIT 1", statuses)
        return transcript_from_row(rows[0]) if rows else None

    # -- the analyst's actions (undoable) ----------------------------------------------------
    def use(self, transcript_id: int, annotator: str = "") -> TranscriptVersion:
        """Make a version current: the view, the search and every export follow it."""
        version = self.get(transcript_id)
        with self._history.action(f"use transcript version {version.label}", annotator) as act:
            self._point_to(act, transcript_id)
        return self.get(transcript_id)

    def rename(self, transcript_id: int, name: str, annotator: str = "") -> TranscriptVersion:
        self.get(transcript_id)
        name = " ".join(name.split())
        with self._history.action(f"rename transcript version {transcript_id}",
                                  annotator) as act:
            before = act.before("version", transcript_id)
            self._db.conn.execute("UPDATE transcript_versions SET name=? WHERE id=?",
                                  (name, transcript_id))
            act.record("version", transcript_id, before)
        return self.get(transcript_id)

    def delete(self, transcript_id: int, annotator: str = "") -> None:
        """Remove a version from the list; deleting the current one makes the newest
        complete version (else the newest one) current, in the same step."""
        version = self.get(transcript_id)
        with self._history.action(f"delete transcript version {version.label}",
                                  annotator) as act:
            if version.current:
                others = [v for v in self.list() if v.id != transcript_id]
                complete = [v for v in others if not v.partial]
                successors = complete or others
                self._point_to(act, successors[-1].id if successors else None)
            before = act.before("version", transcript_id)
            self._db.conn.execute("DELETE FROM transcript_versions WHERE id=?", (transcript_id,))
            act.record("version", transcript_id, before)

    # -- what runs and imports do -------------------------------------------------------------
    def complete(self, transcript_id: int, total: float) -> None:
        """A run finished: it is complete and, unless it was deleted meanwhile, current.

        Becoming current is a history step, so undo returns to the version before.
        """
        with self._history.action(f"transcript version {transcript_id} complete") as act:
            self._db.conn.execute(
                "UPDATE transcripts SET status='complete', progress=?, updated_at=? WHERE id=?",
                (total, utc_now(), transcript_id))
            alive = self._db.conn.execute("SELECT 1 FROM transcript_versions WHERE id=?",
                                          (transcript_id,)).fetchone()
            if alive:
                self._point_to(act, transcript_id)

    def add(self, transcript: Transcript, segments: Sequence[Segment] | Lines, label: str,
            annotator: str = "") -> Transcript:
        """A complete transcript from a file, as a new current version: one undoable step
        (joins the caller's action, e.g. an import's)."""
        with self._history.action(label, annotator) as act:
            before = act.before("current", CURRENT)  # creating may point a first one at it
            created = self._transcripts.create(
                replace(transcript, status="complete", progress=transcript.total))
            assert created.id is not None
            self._transcripts.add_segments(created.id, segments)
            act.record("version", created.id, None)
            self._point_to(act, created.id, before)
        return self._transcripts.get(created.id)

    def _point_to(self, act: ActionRecorder, transcript_id: int | None,
                  before: dict[str, Any] | None = None) -> None:
        if before is None:
            before = act.before("current", CURRENT)
        if before is not None and before["transcript_id"] == transcript_id:
            return
        self._db.conn.execute(
            "INSERT INTO current_transcript(id, transcript_id) VALUES (?, ?) "
            "ON CONFLICT(id) DO UPDATE SET transcript_id=excluded.transcript_id",
            (CURRENT, transcript_id))
        act.record("current", CURRENT, before)


def _version(row: sqlite3.Row) -> TranscriptVersion:
    return TranscriptVersion(transcript=transcript_from_row(row), name=row["version_name"],
                             current=bool(row["is_current"]), edited=bool(row["is_edited"]),
                             segments=int(row["segment_count"]))
