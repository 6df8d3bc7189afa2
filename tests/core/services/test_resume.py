"""What can be resumed: a transcript whose job stopped before the end, continued as started."""

from __future__ import annotations

import pytest

from desk.core.records import Transcript
from desk.core.services.resume import interrupted_transcript, resume_options
from desk.core.store import Project


@pytest.mark.parametrize(("status", "progress", "resumable"), [
    ("running", 10.0, True), ("cancelled", 0.0, True), ("failed", 12.5, True),
    ("complete", 30.0, False), ("pending", 5.0, False), ("cancelled", 30.0, False),
])
def test_only_a_stopped_unfinished_job_can_be_resumed(tmp_project: Project, status: str,
                                                      progress: float, resumable: bool) -> None:
    assert interrupted_transcript(tmp_project) is None  # no transcript yet
    made = tmp_project.transcripts.create(Transcript(
        engine="faster", model="tiny.en", status=status, progress=progress, total=30.0))
    found = interrupted_transcript(tmp_project)
    assert (found is not None and found.id == made.id) == resumable


def test_a_resume_continues_with_the_options_the_job_started_with(tmp_project: Project) -> None:
    made = tmp_project.transcripts.create(Transcript(
        engine="faster", model="base", language="de", status="cancelled", progress=4.0,
        total=30.0, settings={"beam_size": 1, "prompt": "Kamala Harris"}))
    options = resume_options(made)
    assert (options.engine, options.model, options.language) == ("faster", "base", "de")
    assert options.prompt == "Kamala Harris" and options.beam_size == 1 and options.resume
