"""`desk demo` in the app: prepare the sample project, transcribe it visibly, play it.

The preparation (copy, probe) runs off the GUI thread; the transcription is
an ordinary job, so the analyst sees rows arrive and the progress bar move.
Playback starts once the transcript is complete (or at once when a previous
run already finished it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desk.core.demo import DemoPlan, demo_options, prepare_demo
from desk.core.errors import DeskError
from desk.ui.workers import run_task

if TYPE_CHECKING:
    from desk.ui.main_window import MainWindow


class DemoLauncher(QObject):
    ready = Signal()  # the demo project is open, transcribed and playing
    failed = Signal(str)

    def __init__(self, window: MainWindow, fresh: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.fresh = fresh
        self.plan: DemoPlan | None = None

    def start(self) -> None:
        self.window.status(QCoreApplication.translate("demo", "Preparing the demo project…"))
        fresh = self.fresh
        run_task(lambda: prepare_demo(fresh=fresh), self._prepared, self._error, owner=self)

    def _error(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DeskError) else QCoreApplication.translate(
            "demo", "The demo could not be prepared; details are in the log file.")
        self.window.show_error(message)
        self.failed.emit(message)

    def _prepared(self, plan: DemoPlan) -> None:
        self.plan = plan
        w = self.window
        if w.window_actions.files.open_project(plan.project_path) is None:
            self.failed.emit("open failed")
            return
        if not plan.needs_transcription:
            self._play()
            return
        controller = w.window_actions.transcription
        controller.job_ended.connect(self._transcribed)
        if not controller.start(demo_options(plan.resume)):
            controller.job_ended.disconnect(self._transcribed)
            self.failed.emit("transcription did not start")

    def _transcribed(self, event: Any) -> None:
        self.window.window_actions.transcription.job_ended.disconnect(self._transcribed)
        if event is not None and getattr(event, "kind", "") == "finished":
            self._play()
        else:
            self.failed.emit(getattr(event, "message", "") or "transcription ended early")

    def _play(self) -> None:
        self.window.player.play()
        self.window.status(QCoreApplication.translate(
            "demo", "Demo: the sample recording, transcribed on this computer."))
        self.ready.emit()
