"""kill -9 during tagging, import, export and migration: all or nothing, never garbled.

Each writer is the real `desk` command. First it is stopped where a crash
hurts most (writer_session.py: its writes done but not committed; a finished
temp file not yet renamed; just after it returned) and SIGKILLed there; then
the plain `python -m desk` is SIGKILLed after seeded random delays. Every
time the file passes a full integrity_check and holds either exactly what it
held before (same content hash, job claims aside: a dead job's is stale) or
the whole change, and a job killed so can be run again to its end; an export's target is
either the old file or the complete new one, and the next export removes the
temp file a kill left; an upgrade leaves one backup copy, however it ended.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.cli_run import run
from tests.conftest import REPO
from tests.faults.conftest import checked_digest
from tests.faults.writers import (
    CUES,
    Builder,
    Writer,
    content_digest,
    diarizing,
    importing,
    migration,
    srt,
    tagging,
    upgraded,
)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")

def _one_backup_after_reopening(path: Path) -> None:
    """Whatever an upgrade's kill left, the next opening leaves exactly one backup copy."""
    from desk.core.store import Project

    Project.open(path).close()
    left = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(("old.", ".old.")))
    assert len(left) == 2 and left[0] == "old.desk" and "-backup-" in left[1], left
    assert not left[1].endswith(".part")


def _env() -> dict[str, str]:
    """Desk importable in the child, with the open guard tests/conftest.py put on the path."""
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ["PYTHONPATH"]]))


def _stopped_at(stop: str, args: list[object]) -> str:
    child = subprocess.Popen([sys.executable, str(REPO / "tests" / "faults" /
                                                  "writer_session.py"), stop,
                              *map(str, args)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        while line and "step" not in json.loads(line):  # a job child's own events
            line = child.stdout.readline()
    finally:
        child.send_signal(signal.SIGKILL)
        _, err = child.communicate()
    assert line, err
    step: str = json.loads(line)["step"]
    return step


def _runs_again(writer: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    """A job killed anywhere runs again to its end (its dead claim is taken over)."""
    code, _, err = run(capsys, *writer.args)
    assert code == 0, err
    assert writer.done()


# (writer, where it is stopped, what it said there, whether its change is in)
STOPS = [
    (tagging, "commit:1", "inside", False),
    (tagging, "done", "done 0", True),
    (importing, "commit:1", "inside", False),
    (importing, "done", "done 0", True),
    (migration, "commit:1", "inside", False),  # inside the upgrade
    (migration, "commit:2", "inside", False),  # upgraded, the tag not committed
    (migration, "rename", "rename", False),  # upgraded, its backup not yet named
    (migration, "done", "done 0", True),
    # The speaker job's child: its claim, its one step (the speakers), its release.
    (diarizing, "commit:1", "inside", False),
    (diarizing, "commit:2", "inside", False),
    (diarizing, "commit:3", "inside", True),
    (diarizing, "done", "done 0", True),
]


@pytest.mark.parametrize(("make", "stop", "said", "changed"), STOPS,
                         ids=[f"{m.__name__}-{s}" for m, s, _, _ in STOPS])
def test_killed_at_the_worst_moment(make: Builder, stop: str, said: str, changed: bool,
                                    tmp_path: Path, project_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    writer = make(project_path, tmp_path)
    before = content_digest(writer.project)
    assert _stopped_at(stop, writer.child or writer.args) == said
    after = content_digest(writer.project)
    assert writer.done() is changed
    if not changed and make is migration and stop != "commit:1":
        assert upgraded(writer.project)  # the upgrade committed on its own, as it should
    elif not changed:
        assert after == before
    if make is migration:
        _one_backup_after_reopening(writer.project)
    if writer.child:
        _runs_again(writer, capsys)


def _killed_after(args: list[object], seconds: float) -> None:
    """`python -m desk ARGS`, SIGKILLed after `seconds` (or waited for, if negative)."""
    child = subprocess.Popen([sys.executable, "-m", "desk", *map(str, args)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    if seconds >= 0:
        time.sleep(seconds)
        child.send_signal(signal.SIGKILL)
    child.wait()


def _timed_run(args: list[object]) -> float:
    """How long the uninterrupted command takes here and now (start-up included)."""
    started = time.monotonic()
    _killed_after(args, -1)
    return time.monotonic() - started


KILLS = 4


def _child_gone(project: Path, seconds: float = 10.0) -> None:
    """Wait until no process works on `project` (a job's child dies with its parent)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = []
        for entry in Path("/proc").iterdir():
            with contextlib.suppress(OSError):
                if str(project).encode() in (entry / "cmdline").read_bytes():
                    busy.append(entry.name)
        if not busy:
            return
        time.sleep(0.05)
    raise AssertionError(f"still at work on {project}: processes {busy}")


@pytest.mark.parametrize("make", [tagging, importing, migration, diarizing])
def test_desk_killed_at_random_moments(make: Builder, tmp_path: Path, project_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(f"desk-kill-{make.__name__}")
    seconds = 0.0
    for attempt in range(KILLS + 1):  # the first runs to its end: how long it takes
        folder = tmp_path / str(attempt)
        folder.mkdir()
        project = folder / project_path.name
        shutil.copy(project_path, project)  # closed: no -wal beside it
        writer = make(project, folder)
        before = content_digest(writer.project)
        if attempt == 0:
            seconds = _timed_run(writer.args)
            assert writer.done()
        else:
            _killed_after(writer.args, rng.uniform(0.0, seconds))
            _child_gone(writer.project)
        after = content_digest(writer.project)
        assert writer.done() or after == before or (make is migration
                                                    and upgraded(writer.project))
        if make is migration:
            _one_backup_after_reopening(writer.project)
        if writer.child and attempt == KILLS:
            _runs_again(writer, capsys)


def _export(project: Path, out: Path, fmt: str = "json") -> list[object]:
    return ["export", project, "-f", fmt, "-o", out]


def _big(project: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The transcript of a long stream, so that writing an export takes a moment."""
    assert run(capsys, "import", project, srt(tmp / "cues.srt", CUES))[0] == 0


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_killed_before_its_rename_leaves_the_old_file(
        fmt: str, tmp_path: Path, project_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / f"export.{fmt}"
    out.parent.mkdir()
    olds = [out] if fmt == "json" else [out.with_suffix(f".{t}.csv")
                                        for t in ("segments", "annotations")]
    for old in olds:
        old.write_text("old", encoding="utf-8")
    before = checked_digest(project_path)
    assert _stopped_at("rename", _export(project_path, out, fmt)) == "rename"
    assert [old.read_text(encoding="utf-8") for old in olds] == ["old"] * len(olds)
    assert list(out.parent.glob(".*.part"))  # what the kill left
    assert checked_digest(project_path) == before
    assert run(capsys, *_export(project_path, out, fmt))[0] == 0
    assert not list(out.parent.glob(".*.part"))  # the next export removed it
    assert all(old.read_text(encoding="utf-8") != "old" for old in olds)


def test_export_killed_at_random_moments(tmp_path: Path, project_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _big(project_path, tmp_path, capsys)
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    before = checked_digest(project_path)
    rng = random.Random("desk-kill-export")
    seconds = _timed_run(_export(project_path, tmp_path / "timed.json"))
    for _ in range(KILLS):
        _killed_after(_export(project_path, out), rng.uniform(0.0, seconds))
        text = out.read_text(encoding="utf-8")
        assert text == "old" or len(json.loads(text)["transcript"]["segments"]) == CUES
        assert checked_digest(project_path) == before
    assert run(capsys, *_export(project_path, out))[0] == 0
    assert [p.name for p in out.parent.iterdir()] == ["export.json"]
