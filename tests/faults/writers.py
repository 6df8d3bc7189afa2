"""The `desk` commands that write a project, as the fault tests run them.

Each builder takes the project (the fault tests' `project_path` or a copy of
it) and a folder for inputs that are only read, and returns the command's
arguments, the file it writes and how to tell that its whole change is in.
An upgrade is a builder too: a copy of the format-1 fixture beside the
project, tagged (the opening upgrades it first, in its own transaction).
So is diarization, on the sample beside the project: `desk speakers` writes in
its job's child, so its Writer also names the child's own command line (which
the stop tests run and kill) and the child's job (which the one-step test runs
in-process). The child commits three times: its claim on the transcript, the
speakers (one transaction), the release; the claim rows are bookkeeping, a
dead job's is stale and taken over, so "unchanged" is said without them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.job_messages import SpeakerJobOptions
from desk.core.records import Annotation, Segment, Transcript
from desk.core.resources import resource_path
from desk.core.store import Project
from desk.core.store.schema import SCHEMA_VERSION
from tests.conftest import REPO, project_with_transcript, sample_truth

V1 = REPO / "tests" / "fixtures" / "v1.desk"
CUES = 2000  # an SRT import that takes a moment and fills a small disk
THEIRS = 2000  # annotations in the colleague's file a merge brings in


@dataclass
class Writer:
    args: list[object]
    project: Path
    done: Callable[[], bool]
    child: list[object] | None = None  # a job's child that writes: its own command line
    job: Callable[[], object] | None = None  # and its work, run in this process


def content_digest(path: Path) -> str:
    """The project's content hash without job claims (bookkeeping a dead job leaves, stale),
    after a full integrity_check."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        digest = hashlib.sha256(f"{conn.execute('PRAGMA user_version').fetchone()[0]}".encode())
        for line in conn.iterdump():
            if not line.startswith("INSERT INTO \"meta\" VALUES('job:"):
                digest.update(line.encode() + b"\n")
    finally:
        conn.close()
    return digest.hexdigest()


Builder = Callable[[Path, Path], Writer]


def scalar(path: Path, sql: str) -> object:
    """One value read from the project (read-only, through SQLite)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    return int(scalar(path, f"SELECT count(*) FROM {table}"))  # type: ignore[call-overload]


def upgraded(path: Path) -> bool:
    return scalar(path, "PRAGMA user_version") == SCHEMA_VERSION


def srt(path: Path, cues: int) -> Path:
    """`cues` short subtitles, 14 ms apart (they fit the 30 s tone)."""
    def stamp(ms: int) -> str:
        return f"00:00:{ms // 1000:02d},{ms % 1000:03d}"

    path.write_text("\n".join(f"{i + 1}\n{stamp(i * 14)} --> {stamp(i * 14 + 10)}\nline {i}\n"
                              for i in range(cues)), encoding="utf-8")
    return path


def tagging(project: Path, inputs: Path) -> Writer:
    before = count(project, "annotations")
    return Writer(["tag", project, "5", "6", "delay", "--note", "killed?"], project,
                  lambda: count(project, "annotations") == before + 1)


def codebook_import(project: Path, inputs: Path) -> Writer:
    book = inputs / "book.json"
    book.write_text(json.dumps({"tags": [{"name": f"code {i}", "description": "x" * 200}
                                         for i in range(300)]}), encoding="utf-8")
    before = count(project, "tags")
    return Writer(["codebook", project, "--import", book], project,
                  lambda: count(project, "tags") == before + 300)


def importing(project: Path, inputs: Path) -> Writer:
    cues = srt(inputs / "cues.srt", CUES)
    return Writer(["import", project, cues], project,
                  lambda: count(project, "segments") == CUES)


def merging(project: Path, inputs: Path) -> Writer:
    theirs = inputs / "theirs.desk"
    with Project.open(project, writable=False) as mine:
        media = mine.media.get()
    with Project.create(theirs, media=media,
                        codebook=load_codebook("trump-musk-x-2024")) as other:
        tag = other.tags.get("delay")
        other.annotations.add_many([Annotation("delay", i * 0.01, i * 0.01 + 0.5,
                                               annotator="bea", tag_id=tag.id)
                                    for i in range(THEIRS)], "coding", "bea")
    before = count(project, "annotations")
    return Writer(["merge", project, theirs], project,
                  lambda: count(project, "annotations") == before + THEIRS)


def undoing(project: Path, inputs: Path) -> Writer:
    before = count(project, "annotations")
    return Writer(["undo", project], project,
                  lambda: count(project, "annotations") == before - 1)


def _with_lines(project: Path) -> int:
    """A transcript of three lines in the project; its id."""
    with Project.open(project) as opened:
        made = opened.versions.add(Transcript("import", "srt"), [
            Segment(i * 2.0, i * 2.0 + 1.5, f"line {i}") for i in range(3)], "import lines")
    return made.id


def speaker_assigning(project: Path, inputs: Path) -> Writer:
    _with_lines(project)
    return Writer(["speaker", "assign", project, "1", "2", "3", "--to", "Anna"], project,
                  lambda: count(project, "segments WHERE speaker_id IS NOT NULL") == 3)


def version_naming(project: Path, inputs: Path) -> Writer:
    made = _with_lines(project)
    return Writer(["transcripts", project, "--rename", made, "by hand"], project,
                  lambda: scalar(project, "SELECT name FROM transcript_versions") == "by hand")


def migration(project: Path, inputs: Path) -> Writer:
    old = project.with_name("old.desk")
    shutil.copy(V1, old)
    return Writer(["tag", old, "5", "6", "delay"], old,
                  lambda: upgraded(old) and count(old, "annotations") == 2)


def diarizing(project: Path, inputs: Path) -> Writer:
    """`desk speakers` on the sample's true transcript (no speakers yet), beside `project`."""
    path = project_with_transcript(project.with_name("speakers.desk"),
                                   resource_path("sample", "sample.mp4"), sample_truth(False))
    options = SpeakerJobOptions(speakers=2, use_profiles=False)

    def job() -> object:
        from desk.core.pipeline.speaker_job import run

        return run(path, options, lambda event: None)

    return Writer(["speakers", path, "--speakers", "2", "--no-profiles"], path, lambda: count(
        path, "segments WHERE speaker_id IS NULL") == 0 and count(path, "speakers") == 2,
                  ["--speaker-worker", path, json.dumps(options.to_json())], job)


WRITERS: list[Builder] = [tagging, codebook_import, importing, merging, undoing,
                          speaker_assigning, version_naming, migration, diarizing]
