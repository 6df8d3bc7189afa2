"""A speaker job followed from the window: each way it can end says one thing, and the
status bar's progress is gone afterwards (scripted jobs; the real child runs in
test_identify_run.py and test_voice_print_run.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desk.core.errors import InputError
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.ui.main_window import MainWindow


class Scripted:
    """A job that reports `events`, or raises `error` when started."""

    needs_recording = False

    def __init__(self, events: list[JobEvent], error: BaseException | None = None) -> None:
        self.script, self.error, self.cancelled = events, error, False

    def start(self) -> None:
        if self.error is not None:
            raise self.error

    def events(self) -> Iterator[JobEvent]:
        yield from self.script

    def cancel(self) -> None:
        self.cancelled = True

    def record_ending(self, project: Any) -> None:
        raise AssertionError("a speaker job records nothing in the parent")


@pytest.mark.parametrize(("job", "error", "status"), [
    (Scripted([JobEvent("started", total=9.0), JobEvent("failed", message="too little")]),
     "The voice could not be saved: too little", ""),
    (Scripted([], RuntimeError("boom")),
     "Saving the voice could not run; details are in the log file.", ""),
    (Scripted([], InputError("no such thing")), "The voice could not be saved: no such thing",
     ""),
    (Scripted([JobEvent("started", total=9.0), JobEvent("cancelled")]), None,
     "Saving the voice cancelled; no profile was changed."),
])
def test_each_ending_says_one_thing(qtbot: QtBot, window: MainWindow, errors: list[str],
                                    job: Scripted, error: str | None, status: str) -> None:
    printer = window.speakers.printer
    with qtbot.waitSignal(printer.ended, timeout=5000):
        assert printer.start(SpeakerJobOptions(task="voiceprint", speaker="Speaker 1"), job)
    assert errors == ([error] if error else [])
    assert window.statusBar().currentMessage() == status
    assert not printer.running and not printer.progress.isVisibleTo(window)


def test_closing_the_project_cancels_the_job(qtbot: QtBot, window: MainWindow) -> None:
    class Endless(Scripted):
        def events(self) -> Iterator[JobEvent]:
            yield JobEvent("started", total=9.0)
            while not self.cancelled:
                time.sleep(0.01)
            yield JobEvent("cancelled")

    job = Endless([])
    identifier, panel = window.speakers.identifier, window.speakers.panel
    panel.select([panel.model.speakers[0].id or 0])
    assert panel.voice_button.isEnabled()
    assert identifier.start(SpeakerJobOptions(), job)
    assert not panel.voice_button.isEnabled()  # one speaker job at a time
    window.close_project()
    assert job.cancelled and not identifier.running
