"""Two processes on one project; read-only and locked projects."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.store import Project
from tests.conftest import read_only_view

READER = """
import sys, time
from desk.core.store import Project
from tests.conftest import read_only_view
project = Project.open(sys.argv[1], writable=False)
seen = 0
deadline = time.monotonic() + 20
while seen < 50 and time.monotonic() < deadline:
    seen = project.annotations.count()
    time.sleep(0.01)
print(seen)
"""


def test_one_writer_and_one_reader_process(tmp_project: Project) -> None:
    reader = subprocess.Popen([sys.executable, "-c", READER, str(tmp_project.path)],
                              stdout=subprocess.PIPE, text=True)
    for i in range(50):
        tmp_project.annotations.add("delay", i * 0.5, i * 0.5 + 0.25)
    out, _ = reader.communicate(timeout=30)
    assert int(out) == 50


def test_locked_project_gives_a_clear_error(tmp_project: Project,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None);"
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(30)",
         str(tmp_project.path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        tmp_project.database.conn.execute("PRAGMA busy_timeout=200")
        started = time.monotonic()
        with pytest.raises(ProjectError, match="locked by another program"):
            tmp_project.annotations.add("delay", 0, 1)
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    assert tmp_project.annotations.count() == 0
    tmp_project.annotations.add("delay", 0, 1)  # works again once the lock is gone
    assert tmp_project.annotations.count() == 1


def test_read_only_project_refuses_edits_but_reads(tmp_project: Project,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_project.annotations.add("delay", 0, 1)
    path = tmp_project.path
    tmp_project.close()
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(ProjectError, match="read-only"):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path, writable=False) as project:
        assert project.annotations.count() == 1
        with pytest.raises(ProjectError, match="read-only"):
            project.annotations.add("delay", 2, 3)


def test_project_on_read_only_medium(tmp_project: Project, tmp_path: Path) -> None:
    """A read-only mount: no -shm can be created, so Desk reads the file as immutable."""
    tmp_project.annotations.add("delay", 0, 1)
    tmp_project.close()
    with read_only_view(tmp_path) as view:
        path = view / tmp_project.path.name
        with pytest.raises(ProjectError, match="read-only"):
            Project.open(path)
        with Project.open(path, writable=False) as project:
            assert project.annotations.list()[0].tag == "delay"
            assert project.transcripts.search("anything") == []
        assert not Path(f"{path}-shm").exists()


KILLED_WRITER = """
import os, sys
from desk.core.store import Project
from tests.conftest import read_only_view
project = Project.open(sys.argv[1])
project.database.conn.execute("PRAGMA wal_autocheckpoint=0")
project.annotations.add("delay", 2, 3)
os._exit(0)  # as if killed: the -wal keeps the edit, nothing is checkpointed
"""


def test_unclean_file_on_read_only_medium_is_refused_not_misread(tmp_project: Project,
                                                                  tmp_path: Path) -> None:
    """With a -wal left over, reading as immutable would hide an edit: refuse, in one line."""
    path = tmp_project.path
    tmp_project.close()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True)
    Path(f"{path}-shm").unlink()
    assert Path(f"{path}-wal").stat().st_size > 0
    with read_only_view(tmp_path) as view, pytest.raises(
            ProjectError, match="not closed cleanly .* copy it with its -wal file"):
        Project.open(view / path.name, writable=False)
    with Project.open(path, writable=False) as project:  # where it can be written, all is there
        assert project.annotations.count() == 1
