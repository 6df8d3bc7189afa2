"""The guard itself: plain file I/O on an open project is caught, here and in children."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.guard_site import sitecustomize as open_guard


@pytest.fixture
def caught() -> Iterator[Callable[[], list[str]]]:
    """The violations a test provokes on purpose (forgotten after it, so the suite passes)."""
    before = len(open_guard.violations)
    yield lambda: open_guard.violations[before:]
    del open_guard.violations[before:]


def test_plain_open_of_an_open_project_or_its_journal_is_caught(
        tmp_project: Project, caught: Callable[[], list[str]]) -> None:
    path = tmp_project.path
    for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with pytest.raises(open_guard.ProjectFileOpened):
            target.open("rb")
    with pytest.raises(open_guard.ProjectFileOpened):
        os.open(os.path.relpath(path), os.O_RDONLY)  # another spelling of the same file
    tmp_project.close()
    with path.open("rb") as handle:  # closed: plain reads are harmless again
        assert handle.read(16) == b"SQLite format 3\x00"
    assert len(caught()) == 4


def test_desk_itself_never_trips_it_opening_one_project_twice(tmp_project: Project) -> None:
    """What a job's end once did in the app: a second Project on the open file."""
    with Project.open(tmp_project.path) as second:
        second.annotations.add("delay", 0, 1)
    assert tmp_project.annotations.count() == 1


def test_children_run_the_guard_too(tmp_project: Project) -> None:
    script = ("import sys; from desk.core.store import Project; "
              "p = Project.open(sys.argv[1]); open(sys.argv[1], 'rb').close()")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_project.path)],
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "open-guard:" in done.stderr and "ProjectFileOpened" in done.stderr
