"""The project file's tables, as an ordered list of migrations.

`PRAGMA user_version` holds how many migrations a file has seen. Opening an
older file backs it up and runs the missing migrations in one transaction;
a file from a newer Desk is refused. Never edit a released migration: add one.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4445534B  # "DESK": lets Desk tell its files from other SQLite files


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    `executescript` would commit the open transaction first, so a failed
    migration could leave a half-migrated file; this keeps it all-or-nothing.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


_V1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            duration REAL NOT NULL,
            has_video INTEGER NOT NULL DEFAULT 0,
            has_audio INTEGER NOT NULL DEFAULT 1,
            added_at TEXT NOT NULL
        );
        CREATE TABLE transcripts (
            id INTEGER PRIMARY KEY,
            engine TEXT NOT NULL,
            model TEXT NOT NULL,
            language TEXT,
            settings TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'pending',
            progress REAL NOT NULL DEFAULT 0,
            total REAL NOT NULL DEFAULT 0,
            error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            colour TEXT
        );
        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
            start REAL NOT NULL,
            "end" REAL NOT NULL,
            text TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
            avg_logprob REAL,
            no_speech_prob REAL,
            compression_ratio REAL,
            edited INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX segments_time ON segments(transcript_id, start);
        CREATE TABLE words (
            id INTEGER PRIMARY KEY,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start REAL NOT NULL,
            "end" REAL NOT NULL,
            text TEXT NOT NULL,
            probability REAL
        );
        CREATE INDEX words_segment ON words(segment_id, idx);
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            description TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '#888888',
            key INTEGER,
            position INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE RESTRICT,
            start REAL NOT NULL,
            "end" REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'manual',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX annotations_time ON annotations(start, "end");
        CREATE INDEX annotations_tag ON annotations(tag_id);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX changes_action ON changes(action_id);
"""

_V2 = """
        CREATE INDEX words_time ON words(start);
        CREATE VIRTUAL TABLE segments_fts USING fts5(
            text, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO segments_fts(segments_fts) VALUES ('rebuild');
        CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
            INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER segments_fts_update AFTER UPDATE OF text ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
        END;
        ALTER TABLE tags ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE silences (
            id INTEGER PRIMARY KEY,
            start REAL NOT NULL,
            "end" REAL NOT NULL
        );
        CREATE TABLE waveform (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            buckets_per_second REAL NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE dismissed_suggestions (
            id INTEGER PRIMARY KEY,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            start REAL NOT NULL,
            "end" REAL NOT NULL,
            at TEXT NOT NULL
        );
"""




def _v1(conn: sqlite3.Connection) -> None:
    """The first released layout: media, transcript, codebook, annotations, history."""
    run_script(conn, _V1)


def _v2(conn: sqlite3.Connection) -> None:
    """Full-text search, dead air, waveform cache, suggestion rules and their refusals."""
    run_script(conn, _V2)


_V3 = """
        CREATE TABLE level_track (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            frame_seconds REAL NOT NULL,
            duration REAL NOT NULL,
            levels BLOB NOT NULL
        );
"""


def _v3(conn: sqlite3.Connection) -> None:
    """The recording's level track (dBFS per frame), so a resumed job need not scan again."""
    run_script(conn, _V3)


_V4 = """
        CREATE TABLE transcript_versions (
            id INTEGER PRIMARY KEY REFERENCES transcripts(id) ON DELETE CASCADE,
            name TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE current_transcript (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            transcript_id INTEGER REFERENCES transcripts(id) ON DELETE SET NULL
        );
        INSERT INTO transcript_versions(id) SELECT id FROM transcripts;
        INSERT INTO current_transcript(id, transcript_id) VALUES (1, (
            SELECT t.id FROM transcripts t ORDER BY
                t.status = 'complete' OR EXISTS (
                    SELECT 1 FROM segments s WHERE s.transcript_id = t.id AND s.edited = 1) DESC,
                t.id DESC
            LIMIT 1));
        CREATE TRIGGER transcript_versions_insert AFTER INSERT ON transcripts BEGIN
            INSERT INTO transcript_versions(id) VALUES (new.id);
            UPDATE current_transcript SET transcript_id = new.id WHERE transcript_id IS NULL;
        END;
"""


def _v4(conn: sqlite3.Connection) -> None:
    """Transcript versions: every run is kept; one is current until another run completes.

    A file from before versions showed its newest transcript, even a cancelled,
    empty one; its current version becomes the newest complete (or corrected) one.
    A version without a row in transcript_versions is deleted (undo brings it back).
    """
    run_script(conn, _V4)


_V5 = """
        CREATE TABLE adjudications (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            decided_by TEXT NOT NULL DEFAULT '',
            rule TEXT NOT NULL,
            sources TEXT NOT NULL DEFAULT '[]',
            results TEXT NOT NULL DEFAULT '[]'
        );
"""


def _v5(conn: sqlite3.Connection) -> None:
    """Adjudications: who settled a disagreement, how, from which annotators' ranges."""
    run_script(conn, _V5)


_V6 = """
        ALTER TABLE speakers ADD COLUMN position INTEGER;
        ALTER TABLE speakers ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';
        ALTER TABLE speakers ADD COLUMN matched_profile TEXT;
        ALTER TABLE speakers ADD COLUMN matched_score REAL;
        ALTER TABLE speakers ADD COLUMN match_status TEXT NOT NULL DEFAULT '';
        ALTER TABLE segments ADD COLUMN speaker_source TEXT NOT NULL DEFAULT '';
        ALTER TABLE segments ADD COLUMN speaker_confidence REAL;
        ALTER TABLE segments ADD COLUMN overlap INTEGER NOT NULL DEFAULT 0;
        UPDATE segments SET speaker_source = 'manual' WHERE speaker_id IS NOT NULL;
        CREATE INDEX segments_speaker ON segments(speaker_id);
"""


def _v6(conn: sqlite3.Connection) -> None:
    """Named speakers: a number and a stable colour each, who made them, a voice-profile match.

    Segments say who set their speaker ('auto': diarization, 'manual': the
    analyst), so a new diarization run leaves the analyst's choices alone.
    Speakers named before this version were named by hand.
    """
    run_script(conn, _V6)
    rows = conn.execute("SELECT id, colour FROM speakers ORDER BY id").fetchall()
    for position, (speaker_id, colour) in enumerate(rows, start=1):
        conn.execute("UPDATE speakers SET position=?, colour=? WHERE id=?",
                     (position, colour or speaker_colour(position), speaker_id))


# Distinct on light and dark backgrounds and for the common colour blindnesses
# (Okabe & Ito's palette, then Tableau's); a speaker keeps the one it was given.
SPEAKER_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
                   "#8C564B", "#7F7F7F", "#BCBD22", "#9467BD")


def speaker_colour(position: int) -> str:
    """The colour of the `position`-th speaker (1-based), repeating after the palette."""
    return SPEAKER_PALETTE[(position - 1) % len(SPEAKER_PALETTE)]


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)


@functools.cache
def tables_at(version: int) -> frozenset[str]:
    """The tables a file of format `version` has: its migrations run on an empty database."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            migration(conn)
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    finally:
        conn.close()
    return frozenset(r[0] for r in rows)
