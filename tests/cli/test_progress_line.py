"""The progress line: what a job's events look like on stderr."""

from __future__ import annotations

import pytest

from desk.cli.progress_line import ProgressLine
from desk.core.pipeline.job_messages import JobEvent


def test_progress_lines_when_stderr_is_a_log(capsys: pytest.CaptureFixture[str]) -> None:
    line = ProgressLine()
    line.tty = False
    line(JobEvent("started", 1, message="faster engine, model tiny.en"))
    for done in (1.0, 5.0, 12.0, 30.0, 60.0):
        line(JobEvent("progress", 1, done, 60.0, eta=60.0 - done))
    line.close()
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "transcribing: faster engine, model tiny.en"
    assert [int(x.split("%")[0]) for x in lines[1:]] == [1, 20, 50, 100]  # every 10 % at most
    assert lines[-1] == "100% 00:01:00/00:01:00 ETA 00:00:00"


def test_the_line_says_what_the_job_does(capsys: pytest.CaptureFixture[str]) -> None:
    line = ProgressLine("identifying speakers")
    line.tty = False
    line(JobEvent("started", 1, 0.0, 50.0, message="voice prints of 50 s of speech"))
    line.close()
    assert capsys.readouterr().err == "identifying speakers: voice prints of 50 s of speech\n"
