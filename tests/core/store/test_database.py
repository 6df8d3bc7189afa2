"""Opening a project file safely: WAL and foreign keys, and clear refusals of anything else."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.store import Project
from desk.core.store.schema import SCHEMA_VERSION


def test_file_is_wal_with_foreign_keys_and_version(tmp_project: Project) -> None:
    conn = tmp_project.database.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_new_project_refuses_to_overwrite(tmp_project: Project) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_project.path)


@pytest.mark.parametrize("content, message", [
    (b"", "not a Desk project"),
    (b"hello world, not a database at all" * 10, "not a Desk project"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
])
def test_non_projects_are_refused_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "thing.desk"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "other.desk"
    sqlite3.connect(path).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(ProjectError, match="not a Desk project"):
        Project.open(path)


def test_missing_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not found"):
        Project.open(tmp_path / "nope.desk")


def test_corrupt_project_is_reported(tmp_project: Project, tmp_path: Path) -> None:
    tmp_project.annotations.add("delay", 0, 5)
    tmp_project.close()
    broken = tmp_path / "broken.desk"
    shutil.copy(tmp_project.path, broken)
    data = bytearray(broken.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # smash pages after the header
    broken.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged|not a Desk project"):
        project = Project.open(broken)
        project.annotations.list()
