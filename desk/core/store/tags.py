"""The project's codebook: tags with colour, key, order, archive flag and keyword rules."""

from __future__ import annotations

import builtins
import json
import sqlite3
from dataclasses import replace

from desk.core.coding.codebook import Codebook, validate_tag
from desk.core.errors import InputError
from desk.core.records import Tag
from desk.core.store.database import Database, inserted_id
from desk.core.store.history import History

EDITABLE = {"name", "description", "colour", "key", "position", "archived", "keywords"}


class TagStore:
    def __init__(self, database: Database, history: History) -> None:
        self._db = database
        self._history = history

    def list(self, include_archived: bool = False) -> list[Tag]:
        where = "" if include_archived else "WHERE archived=0"
        rows = self._db.query(f"SELECT * FROM tags {where} ORDER BY position, id")
        return [_tag(r) for r in rows]

    def get(self, name_or_id: str | int) -> Tag:
        """A tag by id or by name (case-insensitive); InputError names the choices."""
        if isinstance(name_or_id, int):
            rows = self._db.query("SELECT * FROM tags WHERE id=?", (name_or_id,))
        else:
            rows = self._db.query("SELECT * FROM tags WHERE name=? COLLATE NOCASE", (name_or_id,))
        if not rows:
            names = ", ".join(t.name for t in self.list()) or "none yet"
            raise InputError(f"unknown tag '{name_or_id}' (tags: {names})")
        return _tag(rows[0])

    def by_key(self, key: int) -> Tag | None:
        rows = self._db.query("SELECT * FROM tags WHERE key=? AND archived=0", (key,))
        return _tag(rows[0]) if rows else None

    def add(self, tag: Tag, annotator: str = "") -> Tag:
        validate_tag(tag)
        with self._history.action(f"add tag {tag.name}", annotator) as act:
            self._check_free(tag.name, tag.key)
            position = tag.position or self._next_position()
            cursor = self._db.conn.execute(
                "INSERT INTO tags(name, description, colour, key, position, archived, keywords) "
                "VALUES (?,?,?,?,?,?,?)",
                (tag.name, tag.description, tag.colour, tag.key, position,
                 int(tag.archived), json.dumps(tag.keywords, ensure_ascii=False)),
            )
            tag_id = inserted_id(cursor)
            act.record("tag", tag_id, None)
        return self.get(tag_id)

    def update(self, name_or_id: str | int, annotator: str = "", **changes: object) -> Tag:
        """Rename, recolour, re-key, reorder, archive or change keywords of one tag."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise InputError(f"cannot change {', '.join(sorted(unknown))} of a tag")
        current = self.get(name_or_id)
        updated = replace(current, **changes)  # type: ignore[arg-type]
        validate_tag(updated)
        with self._history.action(f"edit tag {current.name}", annotator) as act:
            before = act.before("tag", current.id)
            self._check_free(updated.name, None if updated.archived else updated.key, current.id)
            self._db.conn.execute(
                "UPDATE tags SET name=?, description=?, colour=?, key=?, position=?, archived=?, "
                "keywords=? WHERE id=?",
                (updated.name, updated.description, updated.colour,
                 None if updated.archived else updated.key, updated.position,
                 int(updated.archived), json.dumps(updated.keywords, ensure_ascii=False),
                 current.id),
            )
            act.record("tag", current.id, before)
        return self.get(current.id or updated.name)

    def reorder(self, names: builtins.list[str], annotator: str = "") -> None:
        with self._history.action("reorder tags", annotator) as act:
            for position, name in enumerate(names):
                tag = self.get(name)
                before = act.before("tag", tag.id)
                self._db.conn.execute("UPDATE tags SET position=? WHERE id=?", (position, tag.id))
                act.record("tag", tag.id, before)

    def apply_codebook(self, codebook: Codebook, annotator: str = "") -> tuple[int, int]:
        """Add the codebook's new tags and update the ones with the same name.

        Returns (added, updated). All or nothing: a clash (a key used by another
        tag) leaves the project unchanged.
        """
        added = updated = 0
        with self._history.action(f"import codebook {codebook.name}", annotator) as act:
            existing = {t.name.casefold(): t for t in self.list(include_archived=True)}
            # Free the keys first so that a codebook may swap keys between tags.
            incoming_keys = {t.key for t in codebook.tags if t.key is not None}
            for tag in existing.values():
                if tag.key in incoming_keys:
                    before = act.before("tag", tag.id)
                    self._db.conn.execute("UPDATE tags SET key=NULL WHERE id=?", (tag.id,))
                    act.record("tag", tag.id, before)
            position = self._next_position()  # once: MAX() per tag made imports quadratic
            for tag in codebook.tags:
                old = existing.get(tag.name.casefold())
                if old is None:
                    cursor = self._db.conn.execute(
                        "INSERT INTO tags(name, description, colour, key, position, archived, "
                        "keywords) VALUES (?,?,?,?,?,?,?)",
                        (tag.name, tag.description, tag.colour, tag.key, position,
                         int(tag.archived), json.dumps(tag.keywords, ensure_ascii=False)),
                    )
                    act.record("tag", inserted_id(cursor), None)
                    added += 1
                    position += 1
                else:
                    before = act.before("tag", old.id)
                    self._db.conn.execute(
                        "UPDATE tags SET description=?, colour=?, key=?, archived=?, keywords=? "
                        "WHERE id=?",
                        (tag.description, tag.colour, tag.key, int(tag.archived),
                         json.dumps(tag.keywords, ensure_ascii=False), old.id),
                    )
                    act.record("tag", old.id, before)
                    updated += 1
        return added, updated

    def to_codebook(self, name: str = "codebook") -> Codebook:
        return Codebook(name=name, tags=self.list(include_archived=True))

    def _next_position(self) -> int:
        row = self._db.conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM tags").fetchone()
        return int(row[0])

    def _check_free(self, name: str, key: int | None, own_id: int | None = None) -> None:
        clash = self._db.conn.execute(
            "SELECT name FROM tags WHERE name=? COLLATE NOCASE AND id IS NOT ?", (name, own_id)
        ).fetchone()
        if clash:
            raise InputError(f"a tag named '{clash['name']}' already exists")
        if key is not None:
            clash = self._db.conn.execute(
                "SELECT name FROM tags WHERE key=? AND archived=0 AND id IS NOT ?", (key, own_id)
            ).fetchone()
            if clash:
                raise InputError(f"key {key} is already used by tag '{clash['name']}'")


def _tag(row: sqlite3.Row) -> Tag:
    return Tag(
        id=row["id"], name=row["name"], description=row["description"], colour=row["colour"],
        key=row["key"], position=row["position"], archived=bool(row["archived"]),
        keywords=json.loads(row["keywords"] or "[]"),
    )
