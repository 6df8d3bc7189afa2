"""Another analyst's coding written in as a layer: one transaction, one undo step.

A merge may add tags, update tag definitions, add annotations and name
speakers; all of it is one history action, so one undo removes the whole
merge and a crash (even kill -9) leaves the file either without it or with
all of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.errors import ProjectError
from desk.core.records import Annotation, Tag
from desk.core.store.database import Database, inserted_id, utc_now
from desk.core.store.history import ActionRecorder, History
from desk.core.store.speakers import speaker_id_for


@dataclass
class LayerWrite:
    """What one merge writes. Annotations name their tag; new tags are made first."""

    label: str
    new_tags: list[Tag] = field(default_factory=list)
    tag_definitions: list[Tag] = field(default_factory=list)  # existing tags, by id
    annotations: list[Annotation] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (segment id, name)


class LayerStore:
    def __init__(self, database: Database, history: History) -> None:
        self._db = database
        self._history = history

    def annotators(self) -> list[tuple[str, int]]:
        """Everyone who coded (suggestions aside), with how many annotations, by name."""
        rows = self._db.query(
            "SELECT annotator, COUNT(*) AS n FROM annotations WHERE source != 'suggested' "
            "GROUP BY annotator ORDER BY annotator COLLATE NOCASE")
        return [(r["annotator"], int(r["n"])) for r in rows]

    def write(self, layer: LayerWrite, annotator: str = "") -> list[int]:
        """All of `layer` as ONE history action; returns the new annotations' ids."""
        conn = self._db.conn
        now = utc_now()
        ids: list[int] = []
        with self._history.action(layer.label, annotator) as act:
            position = int(conn.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM tags").fetchone()[0])
            for offset, tag in enumerate(layer.new_tags):
                cursor = conn.execute(
                    "INSERT INTO tags(name, description, colour, key, position, archived, "
                    "keywords) VALUES (?,?,?,?,?,?,?)",
                    (tag.name, tag.description, tag.colour, tag.key, position + offset,
                     int(tag.archived), json.dumps(tag.keywords, ensure_ascii=False)))
                act.record("tag", inserted_id(cursor), None)
            for tag in layer.tag_definitions:
                assert tag.id is not None
                before = act.before("tag", tag.id)
                conn.execute("UPDATE tags SET description=?, colour=?, keywords=? WHERE id=?",
                             (tag.description, tag.colour,
                              json.dumps(tag.keywords, ensure_ascii=False), tag.id))
                act.record("tag", tag.id, before)
            tag_ids = {str(r["name"]).casefold(): int(r["id"])
                       for r in conn.execute("SELECT id, name FROM tags")}
            for a in layer.annotations:
                cursor = conn.execute(
                    'INSERT INTO annotations(tag_id, start, "end", note, annotator, source, '
                    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                    (tag_ids[a.tag.casefold()], a.start, a.end, a.note, a.annotator, a.source,
                     a.created_at or now, now))
                ids.append(inserted_id(cursor))
                act.record("annotation", ids[-1], None)
            self._name_speakers(layer.speakers, act, now)
        return ids

    def _name_speakers(self, speakers: Sequence[tuple[int, str]], act: ActionRecorder,
                       now: str) -> None:
        conn = self._db.conn
        for segment_id, name in speakers:
            speaker_id, made = speaker_id_for(conn, name)
            if made:
                act.record("speaker", speaker_id, None)
            before = act.before("segment", segment_id)
            conn.execute("UPDATE segments SET speaker_id=?, updated_at=? WHERE id=?",
                         (speaker_id, now, segment_id))
            act.record("segment", segment_id, before)


def copy_project(path: Path, folder: Path) -> Path:
    """A consistent copy of a project file in `folder`, made with SQLite's backup API.

    For reading a colleague's file in an older format: the copy is migrated,
    their file is not touched.
    """
    target = Path(folder) / Path(path).name
    source = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"cannot read {Path(path).name}: {exc}") from exc
    finally:
        source.close()
    return target
