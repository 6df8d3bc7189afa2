"""Save voice…: a speaker's voice print into the profile library, in the speaker job's child.

The job `desk voices add` runs (task "voiceprint"): the child reads what the
speaker says in the current transcript (as the analyst corrected it), takes
CAM++ voice prints of it and adds the mean to the library, pooled with a
profile of that name if there is one. The project is only read, so there is
nothing to undo; a speaker who says too little is refused with the core's
reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.core.speakers.profiles import window_speech
from desk.core.timecode import format_time
from desk.ui.project_handle import ProjectHandle
from desk.ui.speakers.speaker_run import SpeakerRun
from desk.ui.status_reporter import StatusReporter


class VoicePrinter(SpeakerRun):
    saved = Signal(str)  # the profile's name, once the library holds it

    def __init__(self, projects: ProjectHandle, report: StatusReporter,
                 annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(projects, report, annotator, QCoreApplication.translate(
            "VoicePrinter", "Taking a voice print %1 / %2 of speech"), parent)
        self.name_dialog: QInputDialog | None = None  # the open name question (tests)

    def ask(self, speaker: str) -> QInputDialog | None:
        """Ask the profile's name (the speaker's by default), then save; never blocks."""
        if self.projects.project is None or self.running:
            return None
        dialog = QInputDialog(self.dialog_parent)
        dialog.setObjectName("saveVoiceDialog")
        dialog.setWindowTitle(self.tr("Save voice"))
        dialog.setLabelText(self.tr("Save the voice of “%1” as the voice profile:")
                            .replace("%1", speaker))
        dialog.setTextValue(speaker)
        dialog.setOkButtonText(self.tr("Save voice"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda name: self.save(speaker, name))
        dialog.destroyed.connect(lambda: setattr(self, "name_dialog", None))
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def save(self, speaker: str, profile: str = "") -> bool:
        """Run the voice print job: what `speaker` says becomes the profile `profile`."""
        return self.start(SpeakerJobOptions(task="voiceprint", speaker=speaker,
                                            profile=profile.strip() or speaker))

    def on_finished(self, event: JobEvent) -> None:
        details = event.details or {}
        name = str(details.get("name", ""))
        windows, total = int(details.get("windows", 0)), int(details.get("total_windows", 0))
        text = self.tr("Voice profile “%1” saved from about %2 of speech.").replace(
            "%1", name).replace("%2", format_time(window_speech(windows)))
        if total > windows:
            text += " " + self.tr("Pooled with the profile it had: about %1 in all.").replace(
                "%1", format_time(window_speech(total)))
        self.report.status(text)
        self.saved.emit(name)

    def refused(self, reason: str) -> str:
        return self.tr("The voice could not be saved: %1").replace("%1", reason)

    def cancelled_text(self) -> str:
        return self.tr("Saving the voice cancelled; no profile was changed.")

    def crashed_text(self) -> str:
        return self.tr("Saving the voice could not run; details are in the log file.")
