"""Opening a project file safely: WAL and foreign keys, and clear refusals of anything else."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.store import Project
from desk.core.store.schema import SCHEMA_VERSION
from tests.conftest import project_digest, read_only_view

V1 = Path(__file__).resolve().parents[2] / "fixtures" / "v1.desk"
# Inside a big change of a rollback-mode file (as an upgrade of an older file runs), with
# pages already written over: killed there, it leaves a hot -journal.
STOPPED_INSIDE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=1")
conn.execute("BEGIN")
conn.execute("CREATE TABLE half(x)")
conn.executemany("INSERT INTO half VALUES (?)", (("y" * 500,) for _ in range(3000)))
print("inside", flush=True)
time.sleep(60)
"""


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


def _stopped_inside_a_change(path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", STOPPED_INSIDE, str(path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "inside\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert Path(f"{path}-journal").stat().st_size > 0


def test_reading_after_a_stopped_upgrade_puts_the_file_back_first(tmp_path: Path) -> None:
    """Read-only commands (export, stats) on a file a killed upgrade left: SQLite undoes the
    journal as any writer's opening would, then the reader sees the file as it was."""
    path = tmp_path / "old.desk"
    shutil.copy(V1, path)
    before = project_digest(path)
    _stopped_inside_a_change(path)
    with pytest.raises(ProjectError, match="uses an older file format .* open it for editing"):
        Project.open(path, writable=False)  # not "read-only", which it is not
    assert not Path(f"{path}-journal").exists() or Path(f"{path}-journal").stat().st_size == 0
    assert project_digest(path) == before
    Project.open(path).close()  # and it upgrades as usual


def test_a_stopped_change_in_a_read_only_place_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    shutil.copy(V1, folder / "old.desk")
    _stopped_inside_a_change(folder / "old.desk")
    with read_only_view(folder) as view, pytest.raises(ProjectError) as caught:
        Project.open(view / "old.desk", writable=False)
    assert str(caught.value) == (
        "old.desk was left half-changed by a Desk that stopped (its -journal is beside it) "
        "and cannot be repaired where it is; copy both somewhere writable to open it")


def test_a_nested_transaction_undoes_only_its_own_writes(tmp_project: Project) -> None:
    """Nested transactions are savepoints: a failed inner one rolls back alone, the outer
    one commits the rest, and a failed outer one rolls back everything."""
    database = tmp_project.database
    key = "SELECT value FROM meta WHERE key=?"
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError), database.transaction():
            conn.execute("INSERT INTO meta(key, value) VALUES ('inner', '1')")
            with database.transaction():  # two deep: each savepoint its own name
                conn.execute("INSERT INTO meta(key, value) VALUES ('deeper', '1')")
            raise ValueError
        with database.transaction():
            conn.execute("INSERT INTO meta(key, value) VALUES ('kept', '1')")
    assert [database.query(key, (k,)) != [] for k in ("outer", "inner", "deeper", "kept")] == [
        True, False, False, True]
    with pytest.raises(ValueError), database.transaction() as conn:
        with database.transaction():
            conn.execute("INSERT INTO meta(key, value) VALUES ('gone', '1')")
        raise ValueError
    assert database.query(key, ("gone",)) == [] and not database.conn.in_transaction
