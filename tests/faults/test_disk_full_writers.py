"""A full disk during each writer: exit 2 and one line, the project unchanged or fully changed.

The project sits on its own small tmpfs, filled until 0, 40 or 160 KiB are
left, so SQLite meets the real ENOSPC wherever it comes: creating the -shm,
growing the -wal, copying an upgrade's backup, checkpointing at close. The
real `desk` command (in-process) must then either succeed with its whole
change, or fail with exit 2 and one `desk: error:` line saying the disk is
full, nothing changed (a job's claim aside: bookkeeping, stale once it is
gone), and a job (`desk speakers`, whose child writes) then runs again.
Edits the CLI cannot make (segment corrections, annotation and tag edits,
undo) run through the open `Project` as the app's,
and must raise one ProjectError and work once space is freed, on the same
connection. After each case the space is freed and the file passes a full
integrity_check. Without mount rights (not root) the tests are skipped:
SQLite's writes cannot be made to fail otherwise.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.records import Annotation, Media, Segment, Transcript, Word
from desk.core.store import Project
from tests.cli.cli_run import run
from tests.faults.conftest import checked_digest
from tests.faults.disk_full import can_mount, fill, tmpfs, unfill
from tests.faults.writers import WRITERS, Builder, content_digest, migration, upgraded

pytestmark = pytest.mark.skipif(not can_mount(), reason="needs to mount a tmpfs (root): "
                                "SQLite's own writes meet ENOSPC only on a really full disk")

FREE = [0, 40 << 10, 160 << 10]  # bytes left: no -shm at all; a -shm but a short -wal; some room
DISK_KIB = 1536
@contextlib.contextmanager
def project_on_small_disk(tmp_path: Path, project_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the tmpfs folder, the project copied onto it)."""
    with tmpfs(tmp_path / "disk", DISK_KIB) as disk:
        copy = disk / project_path.name
        shutil.copy(project_path, copy)  # closed cleanly: no -wal
        yield disk, copy


@pytest.mark.parametrize("free", FREE, ids=[f"{f >> 10}KiB" for f in FREE])
@pytest.mark.parametrize("make", WRITERS, ids=[w.__name__ for w in WRITERS])
def test_a_full_disk_during_a_cli_writer(make: Builder, free: int, tmp_path: Path,
                                         project_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    with project_on_small_disk(tmp_path, project_path) as (disk, project):
        writer = make(project, outside)
        before = content_digest(writer.project)
        fill(disk, free)
        code, _, err = run(capsys, *writer.args)
        unfill(disk)
        after = content_digest(writer.project)
        if code == 0:
            assert writer.done()
        else:
            assert code == 2, err
            assert "Traceback" not in err, err
            if writer.child:  # a job's progress lines come first, then its one line
                assert err.count("desk:") == 1, err
                err = err.splitlines(keepends=True)[-1]
            assert err.count("\n") == 1 and err.startswith("desk: error: "), err
            assert "full" in err, err
            assert not writer.done()
            # An upgrade is its own step: it may commit before the tag meets the full disk.
            assert after == before or (make is migration and upgraded(writer.project))
        assert not [p for p in disk.iterdir() if p.name.endswith(".part")]
        backups = [p for p in disk.iterdir() if "-backup-" in p.name]
        assert len(backups) == (make is migration and upgraded(writer.project))
        if writer.child and code != 0:  # a job that met the full disk runs again
            code, _, err = run(capsys, *writer.args)
            assert code == 0 and writer.done(), err


def test_a_full_disk_during_a_step_larger_than_the_page_cache(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite spills a large step into the -wal before COMMIT: any statement may meet ENOSPC.

    (It used to escape as a traceback and exit 1; now it is the full-disk line.)
    """
    cues = 60_000  # more than SQLite's 2 MB page cache holds
    srt = tmp_path / "long.srt"
    srt.write_text("\n".join(
        f"{i + 1}\n{_hms(i * 20)} --> {_hms(i * 20 + 15)}\nline number {i} with some words\n"
        for i in range(cues)), encoding="utf-8")
    with tmpfs(tmp_path / "disk", 4096) as disk:
        path = disk / "long.desk"
        Project.create(path, media=Media(path=str(tmp_path / "stream.mp4"), size=1,
                                         fingerprint="s3:x", duration=7200.0,
                                         has_video=False)).close()
        before = checked_digest(path)
        fill(disk, 1 << 20)
        code, _, err = run(capsys, "import", path, srt)
        unfill(disk)
        assert code == 2 and err.count("\n") == 1 and "is full" in err, err
        assert checked_digest(path) == before


def _hms(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def _with_transcript(project: Project) -> list[int]:
    transcript = project.transcripts.create(Transcript("openai", "tiny.en"))
    return project.transcripts.add_segments(transcript.id, [
        Segment(i * 2.0, i * 2.0 + 1.5, f"line {i} hello world",
                [Word(i * 2.0, i * 2.0 + 0.5, "line"), Word(i * 2.0 + 0.5, i * 2.0 + 0.7, f"{i}"),
                 Word(i * 2.0 + 0.8, i * 2.0 + 1.1, "hello"),
                 Word(i * 2.0 + 1.1, i * 2.0 + 1.5, "world")])
        for i in range(10)])


Edit = Callable[[Project, list[int]], object]
EDITS: dict[str, Edit] = {
    "correct a segment's text": lambda p, ids: p.edits.set_text(ids[0], "corrected " * 400),
    "retime a segment": lambda p, ids: p.edits.set_times(ids[1], 2.1, 3.4),
    "split a segment": lambda p, ids: p.edits.split(ids[2], 7),
    "merge two segments": lambda p, ids: p.edits.merge_with_next(ids[3]),
    "name a speaker": lambda p, ids: p.edits.set_speaker(ids, "Anna"),
    "change an annotation": lambda p, ids: p.annotations.update(
        p.annotations.list()[0].id, note="n" * 4000),
    "delete an annotation": lambda p, ids: p.annotations.delete(p.annotations.list()[0].id),
    "code many lines": lambda p, ids: p.annotations.add_many(
        [Annotation("delay", i * 0.01, i * 0.01 + 1, tag_id=p.tags.get("delay").id)
         for i in range(500)], "coding"),
    "edit a tag": lambda p, ids: p.tags.update("delay", description="d" * 4000),
    "undo": lambda p, ids: p.history.undo(),
}


@pytest.mark.parametrize("free", FREE[:2], ids=[f"{f >> 10}KiB" for f in FREE[:2]])
@pytest.mark.parametrize("name", list(EDITS))
def test_a_full_disk_during_an_edit_in_the_open_project(name: str, free: int, tmp_path: Path,
                                                        project_path: Path) -> None:
    with project_on_small_disk(tmp_path, project_path) as (disk, path):
        project = Project.open(path)
        ids = _with_transcript(project)
        before = checked_digest(path)
        fill(disk, free)
        try:
            EDITS[name](project, ids)
        except ProjectError as exc:
            assert "is full" in str(exc) and "\n" not in str(exc)
            failed = True
        else:
            failed = False
        unfill(disk)
        if failed:
            assert checked_digest(path) == before
            EDITS[name](project, ids)  # once there is room, the same connection saves it
        assert checked_digest(path) != before
        project.close()
        assert checked_digest(path) != before  # and it is in the file after closing


def test_a_full_disk_when_making_a_project(tmp_path: Path, tone_media: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """`desk new` on a full disk: one line, and no half-made project left behind."""
    media = shutil.copy(tone_media, tmp_path / "tone.mp4")
    with tmpfs(tmp_path / "disk", DISK_KIB) as disk:
        for free in FREE:
            fill(disk, free)
            code, _, err = run(capsys, "new", media, "-p", disk / "new.desk")
            unfill(disk)
            if code == 0:
                checked_digest(disk / "new.desk")
                (disk / "new.desk").unlink()
                continue
            assert code == 2 and err.startswith("desk: error: ") and err.count("\n") == 1, err
            assert "full" in err, err
            assert list(disk.iterdir()) == []
