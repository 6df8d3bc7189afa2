"""Annotations: coded time ranges of the recording (tag, start, end, note, annotator)."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.store.database import Database, inserted_id, utc_now, where_terms
from desk.core.store.history import History
from desk.core.store.tags import TagStore
from desk.core.timecode import format_time, seconds_text

SOURCES = ("manual", "suggested", "imported")
# What `add_new` stores: (tag_id, start, end, note, annotator, source, created_at or None).
NewAnnotation = tuple[int, float, float, str, str, str, str | None]
_COLUMNS = 'tag_id, start, "end", note, annotator, source, created_at, updated_at'
# An incoming row `i` and a row `a` that code the same thing.
_SAME = ('a.start = i.start AND a."end" = i."end" AND a.tag_id = i.tag_id '
         "AND a.note = i.note AND a.annotator = i.annotator")
_SELECT = (
    'SELECT a.*, t.name AS tag_name FROM annotations a JOIN tags t ON t.id = a.tag_id'
)


class AlreadyCoded(InputError):
    """The same coder already gave this range this tag with this note (a key pressed twice,
    a command repeated): a second, identical row would only double its counts."""


class AnnotationStore:
    def __init__(self, database: Database, history: History, tags: TagStore,
                 duration: Callable[[], float]) -> None:
        self._db = database
        self._history = history
        self._tags = tags
        self._duration = duration  # the recording's length, for range checks

    def list(self, tag: str | None = None, start: float | None = None, end: float | None = None,
             annotator: str | None = None, source: str | None = None,
             include_suggested: bool = True) -> list[Annotation]:
        """Annotations ordered by start; optional filters; a time window keeps overlaps."""
        where, params = where_terms([
            ("a.tag_id=?", None if tag is None else self._tags.get(tag).id),
            ('a."end" > ?', start), ("a.start < ?", end), ("a.annotator=?", annotator),
            ("a.source=?", source)])
        if source is None and not include_suggested:
            where.append("a.source != 'suggested'")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.query(f"{_SELECT}{clause} ORDER BY a.start, a.id", tuple(params))
        return [_annotation(r) for r in rows]

    def get(self, annotation_id: int) -> Annotation:
        rows = self._db.query(f"{_SELECT} WHERE a.id=?", (annotation_id,))
        if not rows:
            raise InputError(f"no annotation with id {annotation_id}")
        return _annotation(rows[0])

    def add(self, tag: str | int, start: float, end: float, note: str = "", annotator: str = "",
            source: str = "manual") -> Annotation:
        tag_row = self._tags.get(tag)
        start, end = self._check_range(start, end)
        if source not in SOURCES:
            raise InputError(f"unknown annotation source '{source}'")
        twin = self._db.conn.execute(  # what an import skips as already there (_SAME)
            'SELECT a.id FROM annotations a JOIN (SELECT ? AS tag_id, ? AS start, ? AS "end", '
            f"? AS note, ? AS annotator) i ON {_SAME} WHERE a.source != 'suggested' LIMIT 1",
            (tag_row.id, start, end, note, annotator)).fetchone()
        if twin is not None:
            raise AlreadyCoded(
                f"{tag_row.name} {format_time(start, True)}–{format_time(end, True)} is already "
                f"coded{f' by {annotator}' if annotator else ''} (annotation {twin[0]}); "
                "nothing added")
        made = Annotation(tag_row.name, start, end, note, annotator, source, tag_id=tag_row.id)
        return self.get(self.add_many([made], f"tag {tag_row.name}", annotator)[0])

    def add_many(self, annotations: Sequence[Annotation], label: str,
                 annotator: str = "") -> builtins.list[int]:
        """Store annotations (tag_id set, ranges checked by the caller) as ONE history action.

        Suggestions and imports arrive by the hundred: one undo removes them all.
        Each keeps its own annotator, source and creation time (now if unset).
        """
        now = utc_now()
        with self._history.action(label, annotator) as act:
            last = self._last_id()
            self._db.conn.executemany(
                f"INSERT INTO annotations({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                ((a.tag_id, a.start, a.end, a.note, a.annotator, a.source,
                  a.created_at or now, now) for a in annotations))
            act.record_added("annotation", last)
            return [int(r[0]) for r in self._db.conn.execute(
                "SELECT id FROM annotations WHERE id > ? ORDER BY id", (last,))]

    def add_new(self, rows: Iterable[NewAnnotation], label: str,
                annotator: str = "") -> tuple[int, int]:
        """Store those of the rows the project does not hold yet, in order, as ONE history
        action: (added, skipped).

        A row is (tag_id, start, end, note, annotator, source, created_at or None),
        times in whole milliseconds (`round(t, 3)`): an import hands over 10⁶ of
        them as tuples zipped from its columns, not as records. One already stored
        or earlier in `rows` with the same tag, times, note and coder is skipped.
        SQLite compares them in a temporary table, so no set of keys is held in memory.
        """
        now = utc_now()
        conn = self._db.conn
        with self._history.action(label, annotator) as act:
            # Made and dropped inside the transaction: a failure rolls it back too.
            conn.execute("CREATE TEMP TABLE import_rows(tag_id INTEGER, start REAL, "
                         '"end" REAL, note TEXT, annotator TEXT, source TEXT, created_at TEXT)')
            incoming = conn.executemany(
                "INSERT INTO temp.import_rows VALUES (?,?,?,?,?,?,?)", rows).rowcount
            conn.execute('CREATE INDEX temp.import_rows_span ON import_rows(start, "end")')
            last = self._last_id()
            conn.execute(
                f"INSERT INTO annotations({_COLUMNS}) "
                'SELECT tag_id, start, "end", note, annotator, source, '
                "coalesce(nullif(created_at, ''), :now), :now FROM temp.import_rows i "
                f"WHERE NOT EXISTS (SELECT 1 FROM main.annotations a WHERE {_SAME}) "
                f"AND NOT EXISTS (SELECT 1 FROM temp.import_rows a WHERE {_SAME} "
                "AND a.rowid < i.rowid) ORDER BY i.rowid", {"now": now})
            conn.execute("DROP TABLE temp.import_rows")
            added = act.record_added("annotation", last)
        return added, incoming - added

    def update(self, annotation_id: int, annotator: str = "", *, tag: str | int | None = None,
               start: float | None = None, end: float | None = None, note: str | None = None,
               source: str | None = None) -> Annotation:
        """Change any of tag, bounds, note or source (accepting a suggestion) in one step."""
        current = self.get(annotation_id)
        tag_id = self._tags.get(tag).id if tag is not None else current.tag_id
        new_start, new_end = self._check_range(
            current.start if start is None else start, current.end if end is None else end
        )
        if source is not None and source not in SOURCES:
            raise InputError(f"unknown annotation source '{source}'")
        with self._history.action(f"edit annotation {annotation_id}", annotator) as act:
            before = act.before("annotation", annotation_id)
            self._db.conn.execute(
                'UPDATE annotations SET tag_id=?, start=?, "end"=?, note=?, source=?, '
                "updated_at=? WHERE id=?",
                (tag_id, new_start, new_end, current.note if note is None else note,
                 current.source if source is None else source, utc_now(), annotation_id),
            )
            act.record("annotation", annotation_id, before)
        return self.get(annotation_id)

    def delete(self, annotation_id: int, annotator: str = "") -> None:
        self.get(annotation_id)
        with self._history.action(f"delete annotation {annotation_id}", annotator) as act:
            before = act.before("annotation", annotation_id)
            self._db.conn.execute("DELETE FROM annotations WHERE id=?", (annotation_id,))
            act.record("annotation", annotation_id, before)

    # -- suggestions: accepted become manual, rejected are deleted and remembered ---------
    def accept_suggestions(self, chosen: Sequence[Annotation], label: str,
                           annotator: str = "") -> None:
        """Make suggestions coding decisions, of `annotator` (else their own), in one step."""
        now = utc_now()
        with self._history.action(label, annotator) as act:
            for annotation in chosen:
                assert annotation.id is not None
                before = act.before("annotation", annotation.id)
                self._db.conn.execute(
                    "UPDATE annotations SET source='manual', annotator=?, updated_at=? WHERE id=?",
                    (annotator or annotation.annotator, now, annotation.id),
                )
                act.record("annotation", annotation.id, before)

    def reject_suggestions(self, chosen: Sequence[Annotation], label: str,
                           annotator: str = "") -> None:
        """Delete suggestions and remember their ranges as dismissed, in one step."""
        now = utc_now()
        conn = self._db.conn
        with self._history.action(label, annotator) as act:
            for annotation in chosen:
                assert annotation.id is not None
                before = act.before("annotation", annotation.id)
                conn.execute("DELETE FROM annotations WHERE id=?", (annotation.id,))
                act.record("annotation", annotation.id, before)
                cursor = conn.execute(
                    'INSERT INTO dismissed_suggestions(tag_id, start, "end", at) '
                    "VALUES (?,?,?,?)",
                    (annotation.tag_id, annotation.start, annotation.end, now),
                )
                act.record("dismissal", inserted_id(cursor), None)

    def dismissed(self) -> builtins.list[tuple[str, float, float]]:
        """Rejected suggestions as (tag name, start, end), by start: what must not come back."""
        rows = self._db.query(
            'SELECT t.name AS tag, d.start, d."end" FROM dismissed_suggestions d '
            "JOIN tags t ON t.id = d.tag_id ORDER BY d.start"
        )
        return [(r["tag"], r["start"], r["end"]) for r in rows]

    def _last_id(self) -> int:
        """The highest id so far: rows inserted after it in a transaction get higher ones."""
        return int(self._db.conn.execute("SELECT coalesce(max(id), 0) FROM annotations")
                   .fetchone()[0])

    def count(self) -> int:
        return int(self._db.query("SELECT COUNT(*) FROM annotations")[0][0])

    def checked_range(self, start: float, end: float) -> tuple[float, float]:
        """The range rounded to milliseconds, or InputError when it cannot be coded."""
        return self._check_range(start, end)

    def _check_range(self, start: float, end: float) -> tuple[float, float]:
        start, end = round(float(start), 3), round(float(end), 3)
        if start < 0:
            raise InputError(f"start {seconds_text(start)} is before the recording begins")
        if end <= start:
            raise InputError(f"end ({seconds_text(end)}) must be after start "
                             f"({seconds_text(start)})")
        duration = self._duration()
        if duration and end > duration + 0.001:
            raise InputError(f"end {seconds_text(end)} is after the end of the recording "
                             f"({seconds_text(duration)})")
        return start, end


def _annotation(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"], tag=row["tag_name"], tag_id=row["tag_id"], start=row["start"],
        end=row["end"], note=row["note"], annotator=row["annotator"], source=row["source"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )
