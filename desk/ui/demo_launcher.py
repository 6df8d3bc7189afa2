"""`desk demo` in the app: prepare the sample project, transcribe it visibly, play it.

The preparation (copy, probe) runs off the GUI thread; the transcription is
an ordinary job, so the analyst sees rows arrive and the progress bar move.
Playback starts once the transcript is complete (or at once when a previous
run already finished it); then the speakers are identified, as the
transcription dialog's "Identify speakers" would, and the Speaker column fills
while the sample plays.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desk.core.demo import DemoPlan, demo_options, demo_speaker_options, prepare_demo
from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobEvent
from desk.ui.player import Player
from desk.ui.project_files import ProjectFiles
from desk.ui.status_reporter import StatusReporter
from desk.ui.transcription_controller import TranscriptionController
from desk.ui.workers import run_task


class DemoLauncher(QObject):
    ready = Signal()  # the demo project is open, transcribed and playing
    failed = Signal(str)

    def __init__(self, files: ProjectFiles, transcription: TranscriptionController,
                 player: Player, report: StatusReporter, fresh: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.transcription = transcription
        self.player = player
        self.report = report
        self.fresh = fresh
        self.plan: DemoPlan | None = None

    def start(self) -> None:
        self.report.status(QCoreApplication.translate("demo", "Preparing the demo project…"))
        fresh = self.fresh
        run_task(lambda: prepare_demo(fresh=fresh), self._prepared, self._error, owner=self)

    def _error(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DeskError) else QCoreApplication.translate(
            "demo", "The demo could not be prepared; details are in the log file.")
        self.report.error(message)
        self.failed.emit(message)

    def _prepared(self, plan: DemoPlan) -> None:
        self.plan = plan
        if self.files.open_project(plan.project_path) is None:
            self.failed.emit("open failed")
            return
        controller = self.transcription
        if not plan.needs_transcription:
            self._play()
            if plan.needs_speakers and controller.run_then is not None:
                controller.run_then(demo_speaker_options())
            return
        controller.job_ended.connect(self._transcribed)
        if not controller.start(demo_options(plan.resume)):
            controller.job_ended.disconnect(self._transcribed)
            self.failed.emit("transcription did not start")
        elif plan.needs_speakers:
            controller.then = demo_speaker_options()  # run once the transcript is complete

    def _transcribed(self, event: JobEvent | None) -> None:
        self.transcription.job_ended.disconnect(self._transcribed)
        if event is not None and event.kind == "finished":
            self._play()
        else:
            self.failed.emit((event.message if event is not None else "")
                             or "transcription ended early")

    def _play(self) -> None:
        self.player.play()
        self.report.status(QCoreApplication.translate(
            "demo", "Demo: the sample recording, transcribed on this computer."))
        self.ready.emit()
