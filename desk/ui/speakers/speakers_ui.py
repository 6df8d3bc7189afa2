"""Speakers in the window: the Speakers pane, the timeline's speaker lane, the find filter.

Save voice… (the pane) and Transcript → Voice profiles… reach the voice
profile library. Made with what it works with (the project handle, the undo bridge, the
coder's name, the timeline canvas, the find bar, the transcript selection);
`place(window)` docks the pane beside Statistics. After any change (an edit
here or elsewhere, undo, redo, a version switch, a finished transcription)
it rereads the speakers and their figures once, in one pass over the
segments, and hands them to the pane, the lane and the filter; nothing is
read while painting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QStatusBar, QWidget

from desk.core.coding.stats import speaker_figures
from desk.ui.find_bar import FindBar
from desk.ui.project_handle import ProjectHandle
from desk.ui.speakers.identify_run import SpeakerIdentifier
from desk.ui.speakers.speakers_panel import SpeakersPanel
from desk.ui.speakers.voice_print_run import VoicePrinter
from desk.ui.speakers.voices_dialog import VoicesDialog
from desk.ui.status_reporter import StatusReporter
from desk.ui.tagging.speaker_lane import build_tracks
from desk.ui.tagging.timeline import TimelineCanvas
from desk.ui.transcript_view import TranscriptView
from desk.ui.undo import UndoBridge


class WindowSlots(Protocol):
    """Where the parts go: the main window's docks, Transcript menu and status bar."""

    docks: dict[str, QDockWidget]

    def menu(self, name: str) -> QMenu: ...
    def statusBar(self) -> QStatusBar: ...

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 object_name: str) -> QDockWidget: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...


class SpeakersUi(QObject):
    def __init__(self, projects: ProjectHandle, undo: UndoBridge, annotator: Callable[[], str],
                 find_bar: FindBar, timeline: TimelineCanvas, transcript: TranscriptView,
                 report: StatusReporter, changed_elsewhere: list[SignalInstance],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.projects, self.timeline, self.find_bar = projects, timeline, find_bar
        self.panel = SpeakersPanel(projects, undo, annotator)
        self.identifier = SpeakerIdentifier(projects, undo, report, annotator, parent)
        self.printer = VoicePrinter(projects, report, annotator, parent)
        self.report, self.dialog_parent = report, parent
        self.panel.selection = transcript.selected_time_range
        self.panel.can_save_voice = lambda: not (self.printer.running
                                                 or self.identifier.running)
        self.panel.voice_wanted.connect(self.printer.ask)
        for run in (self.printer, self.identifier):
            run.state_changed.connect(self.panel.follow)
        self.voices_dialog: VoicesDialog | None = None
        self.printer.saved.connect(lambda _name: self._reload_voices())
        self.voices_action = QAction(self.tr("Voice profiles…"), self)
        self.voices_action.setObjectName("action_voice_profiles")
        self.voices_action.setToolTip(self.tr("The voices Desk names in every recording: "
                                              "remove, export, import"))
        self.voices_action.triggered.connect(lambda _c=False: self.open_voices())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # a burst of changes costs one reread
        self._timer.timeout.connect(self.refresh)
        undo.stack.indexChanged.connect(self.schedule_refresh)
        projects.opened.connect(lambda _p: self.refresh())
        projects.closed.connect(self.refresh)
        for signal in changed_elsewhere:
            signal.connect(self.schedule_refresh)
        self.refresh()

    def place(self, window: WindowSlots) -> None:
        """The Speakers dock, tabbed with Statistics (Codebook stays in front), and the
        progress of Transcript → Identify speakers… and of Save voice… in the status bar
        (the window's actions list Identify speakers… and Voice profiles… after Versions…)."""
        window.statusBar().addPermanentWidget(self.identifier.progress)
        window.statusBar().addPermanentWidget(self.printer.progress)
        window.docks["speakersDock"] = window.add_dock(
            self.tr("Speakers"), self.panel, Qt.DockWidgetArea.RightDockWidgetArea,
            "speakersDock")
        window.tabifyDockWidget(window.docks["statsDock"], window.docks["speakersDock"])
        window.docks["codebookDock"].raise_()

    def open_voices(self) -> VoicesDialog:
        """The Voice profiles dialog (one; it does not block the window)."""
        if self.voices_dialog is None:
            dialog = VoicesDialog(self.report, self.dialog_parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(self, "voices_dialog", None))
            self.voices_dialog = dialog
        else:
            self.voices_dialog.reload()
        self.voices_dialog.show()
        self.voices_dialog.raise_()
        return self.voices_dialog

    def _reload_voices(self) -> None:
        if self.voices_dialog is not None:
            self.voices_dialog.reload()

    def schedule_refresh(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Reread the speakers, their figures and who speaks when; the views follow."""
        self._timer.stop()
        project = self.projects.project
        if project is None:
            speakers, segments, duration = [], [], 0.0
        else:
            speakers = project.speakers.list()
            segments = project.transcripts.segments(with_words=False)
            duration = project.media.duration()
        figures = speaker_figures(segments, duration, speakers)
        self.panel.model.set_speakers(speakers, figures, self.projects.writable)
        self.panel.follow()
        self.timeline.set_speakers(build_tracks(speakers, segments))
        self.find_bar.set_speakers(speakers)
