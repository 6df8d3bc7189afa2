"""The copy before an upgrade: one per upgrade that happened, however often it was tried."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from desk.core.store import Project
from desk.core.store.backups import settle_parts

V1 = Path(__file__).resolve().parents[2] / "fixtures" / "v1.desk"


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def _part(folder: Path, pid: int, stamp: str = "20260101-120000") -> Path:
    part = folder / f".p.desk.v1-backup-{stamp}.{pid}.part"
    part.write_bytes(b"copy")
    return part


def test_a_killed_upgrades_copy_is_named_if_it_committed_else_removed(tmp_path: Path) -> None:
    project = tmp_path / "p.desk"
    dead = _dead_pid()
    _part(tmp_path, dead)
    settle_parts(project, 1)  # the file is still at format 1: the upgrade rolled back
    assert list(tmp_path.iterdir()) == []
    _part(tmp_path, dead)
    settle_parts(project, 6)  # the file is at 6: the copy was complete before the commit
    assert [p.name for p in tmp_path.iterdir()] == ["p.desk.v1-backup-20260101-120000"]


def test_the_journal_of_a_copy_killed_mid_way_goes_too(tmp_path: Path) -> None:
    project = tmp_path / "p.desk"
    dead = _dead_pid()
    part = _part(tmp_path, dead)
    part.with_name(part.name + "-journal").write_bytes(b"journal")
    settle_parts(project, 1)
    assert list(tmp_path.iterdir()) == []


def test_the_copy_keeps_no_journal(tmp_path: Path) -> None:
    project = tmp_path / "p.desk"
    shutil.copy(V1, project)
    Project.open(project).close()  # upgraded: the copy is named, nothing else beside it
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and names[1].startswith("p.desk.v1-backup-"), names
    with sqlite3.connect(tmp_path / names[1]) as copy:  # a whole, readable format-1 file
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA user_version").fetchone() == (1,)


def test_a_running_upgrades_copy_is_left_alone(tmp_path: Path) -> None:
    alive = _part(tmp_path, os.getppid())
    other = tmp_path / ".q.desk.v1-backup-20260101-120000.1.part"  # another project's
    other.write_bytes(b"x")
    settle_parts(tmp_path / "p.desk", 1)
    assert sorted(tmp_path.iterdir()) == sorted([alive, other])


def test_retrying_a_killed_upgrade_leaves_one_backup(tmp_path: Path) -> None:
    project = tmp_path / "p.desk"
    shutil.copy(V1, project)
    _part(tmp_path, _dead_pid())  # what an upgrade killed mid-way left
    Project.open(project).close()
    names = [p.name for p in tmp_path.iterdir() if p.name != "p.desk"]
    assert len(names) == 1 and names[0].startswith("p.desk.v1-backup-"), names
