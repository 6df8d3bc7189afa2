"""kill -9 during a merge leaves the project either unchanged or fully merged.

The merge is one SQLite transaction: killed inside it (after half of its
records are written), the file reopens exactly as before; killed after the
commit, it holds every merged annotation. The real `desk merge` command,
killed at several moments, always leaves one of those two states.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.records import Annotation
from desk.core.store import Project
from tests.conftest import REPO, project_digest

THEIRS = 6000  # annotations in the colleague's layer: a merge that takes a moment


def _pair(tmp_path: Path, media: Path) -> tuple[Path, Path]:
    paths = []
    for name, count in (("mine", 50), ("theirs", THEIRS)):
        path = tmp_path / f"{name}.desk"
        with Project.create(path, media=probe(media),
                            codebook=load_codebook("trump-musk-x-2024")) as project:
            tag = project.tags.get("delay")
            made = [Annotation("delay", round(i * 29.0 / count, 3),
                               round(i * 29.0 / count + 0.5, 3), annotator=name,
                               tag_id=tag.id) for i in range(count)]
            project.annotations.add_many(made, "coding", name)
        paths.append(path)
    return paths[0], paths[1]


def _state(path: Path) -> tuple[str, int, int]:
    with Project.open(path) as project:
        assert project.database.query("PRAGMA integrity_check")[0][0] == "ok"
        return (project_digest(path), project.annotations.count(),
                len(project.history.actions(limit=10_000)))


def _run_until(step: str, args: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, str(REPO / "tests" / "faults" /
                                                  "merge_session.py"), *args],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        said = json.loads(child.stdout.readline())
        assert said["step"] == step, said
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


def test_killed_inside_the_merge_leaves_the_project_unchanged(tmp_path: Path,
                                                              tone_media: Path) -> None:
    mine, theirs = _pair(tmp_path, tone_media)
    before = _state(mine)
    _run_until("inside", [str(mine), str(theirs), str(THEIRS // 2)])
    assert _state(mine) == before


def test_killed_after_the_merge_keeps_all_of_it(tmp_path: Path, tone_media: Path) -> None:
    mine, theirs = _pair(tmp_path, tone_media)
    _, count, actions = _state(mine)
    _run_until("merged", [str(mine), str(theirs), str(10**9)])
    _, after, after_actions = _state(mine)
    assert (after, after_actions) == (count + THEIRS, actions + 1)


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 3.0])
def test_desk_merge_killed_at_any_moment_is_all_or_nothing(tmp_path: Path, tone_media: Path,
                                                           delay: float) -> None:
    mine, theirs = _pair(tmp_path, tone_media)
    digest, count, _ = _state(mine)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, "-m", "desk", "merge", str(mine), str(theirs)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    new_digest, after, _ = _state(mine)
    assert (after == count and new_digest == digest) or after == count + THEIRS
