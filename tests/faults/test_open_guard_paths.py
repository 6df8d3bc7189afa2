"""Desk's own paths on an open project never open its file with plain I/O (issue #11 part 1).

The open guard (tests/guard_site) fails a test whenever anything opens a
project file or its -wal/-shm with open()/os.open while a Database holds it;
this drives the paths that once did or might (export, import, the media
fingerprint, the backup before a migration, a job's end stored by the
caller) with the project open, and checks the guard saw nothing.
"""

from __future__ import annotations

from pathlib import Path

from desk.core.pipeline.job_messages import JobEvent, JobOptions
from desk.core.pipeline.jobs import TranscriptionJob
from desk.core.pipeline.media import fingerprint
from desk.core.records import Segment, Transcript, Word
from desk.core.services.exchange import export_project, import_file
from desk.core.store import Project
from tests.guard_site import sitecustomize as open_guard


def test_export_import_fingerprint_backup_and_job_end_leave_the_file_to_sqlite(
        tmp_project: Project, tmp_path: Path) -> None:
    before = len(open_guard.violations)
    project = tmp_project
    transcript = project.transcripts.create(Transcript(engine="faster", model="tiny.en",
                                                       status="running", total=30.0))
    assert transcript.id is not None
    project.transcripts.add_segments(transcript.id, [
        Segment(1.0, 2.0, "Hello there", [Word(1.0, 1.5, "Hello"), Word(1.5, 2.0, "there")])])
    project.annotations.add("delay", 0, 1)
    exported = export_project(project, "json", tmp_path / "out.json")
    with Project.open(project.path) as second:  # a second connection beside it, in-process
        import_file(second, exported.written, as_="annotations")
    media = project.media.get()
    assert media is not None
    assert fingerprint(Path(media.path))
    backup, _ = project.database.backup_before_migration(1)
    assert backup.is_file()
    job = TranscriptionJob(project.path, JobOptions())
    job.last_event = JobEvent("failed", transcript.id, 1.0, 30.0, message="stopped")
    job._unrecorded = True  # as after a child killed by the OS
    job.record_ending(project)
    assert project.transcripts.get(transcript.id).status == "failed"
    assert open_guard.violations[before:] == []
