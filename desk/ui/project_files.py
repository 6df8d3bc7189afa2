"""Files: new project from a recording, open, recent, read-only fallback, relinking.

Every path-taking method can be called with the path (tests, drag & drop,
`desk open`) or without (a file dialog asks). Errors are DeskErrors shown as
dialogs; a failure leaves the previously open project untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desk.core.errors import DeskError, ProjectError
from desk.core.services.project_setup import belongs_to, create_project, project_path_for
from desk.core.services.relink import find_moved_recording, matches, recording_is_missing, relink
from desk.core.store import Project
from desk.core.store.project import SUFFIX
from desk.ui.project_handle import ProjectHandle
from desk.ui.settings import Settings
from desk.ui.status_reporter import StatusReporter

log = logging.getLogger(__name__)

MEDIA_FILTER = ("*.mp4 *.mkv *.webm *.mov *.avi *.ts *.flv *.m4a *.mp3 *.wav *.ogg *.opus *.aac "
                "*.flac")


translate = QCoreApplication.translate


def _recordings_filter() -> str:
    return (translate("files", "Recordings") + f" ({MEDIA_FILTER});;"
            + translate("files", "All files") + " (*)")


class ProjectFiles(QObject):
    opened = Signal(object)  # the Project, open and its recording checked
    recording_changed = Signal(object)  # the Media at its new place after a relink

    def __init__(self, dialog_parent: QWidget, settings: Settings, report: StatusReporter,
                 projects: ProjectHandle) -> None:
        super().__init__(dialog_parent)
        self.dialog_parent = dialog_parent
        self.settings = settings
        self.report = report
        self.projects = projects

    # -- entry points --------------------------------------------------------------------
    def open_path(self, path: Path) -> Project | None:
        """A .desk file opens; anything else is taken as a recording for a new project."""
        if path.suffix == SUFFIX:
            return self.open_project(path)
        return self.new_project(path)

    def new_project(self, recording: Path | None = None,
                    project_path: Path | None = None) -> Project | None:
        if recording is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.dialog_parent, translate("files", "New project from a recording"),
                self.settings.last_folder, _recordings_filter())
            if not chosen:
                return None
            recording = Path(chosen)
        if project_path is None:
            project_path = project_path_for(recording)
            if project_path.exists():
                if self._belongs(project_path, recording):
                    return self._existing_project_for(project_path)
                # x.desk is x.mp4's project and this is x.wav: never reuse it silently.
                project_path = self._ask_where(recording, project_path)
                if project_path is None:
                    return None
        try:
            project = create_project(recording, project_path)
        except DeskError as exc:
            self.report.error(str(exc))
            return None
        self.settings.last_folder = str(recording.parent)
        self.projects.open(project)
        self.report.status(
            translate("files", "Project created: %1").replace("%1", str(project_path)))
        return project

    @staticmethod
    def _belongs(project_path: Path, recording: Path) -> bool:
        try:
            return belongs_to(project_path, recording)
        except DeskError:  # unreadable: certainly not this recording's project
            return False

    def _ask_where(self, recording: Path, taken: Path) -> Path | None:
        suggestion = taken.with_name(f"{recording.stem}-{recording.suffix.lstrip('.')}{SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(
            self.dialog_parent,
            translate("files", "%1 belongs to another recording: save the project for %2 as")
            .replace("%1", taken.name).replace("%2", recording.name),
            str(suggestion), translate("files", "Desk projects") + f" (*{SUFFIX})")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def _existing_project_for(self, project_path: Path) -> Project | None:
        answer = QMessageBox.question(
            self.dialog_parent, translate("files", "Project exists"),
            translate("files", "%1 already exists. Open it?").replace("%1", project_path.name))
        if answer == QMessageBox.StandardButton.Yes:
            return self.open_project(project_path)
        return None

    def open_project(self, path: Path | None = None) -> Project | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.dialog_parent, translate("files", "Open project"), self.settings.last_folder,
                translate("files", "Desk projects") + f" (*{SUFFIX})")
            if not chosen:
                return None
            path = Path(chosen)
        project: Project | None
        try:
            project = Project.open(path)
        except ProjectError as exc:
            project = self._maybe_read_only(path, exc)
            if project is None:
                return None
        except DeskError as exc:
            self.report.error(str(exc))
            return None
        self.settings.last_folder = str(path.parent)
        self.projects.open(project)
        self.check_recording(project)
        self.opened.emit(project)
        return project

    def open_recent(self, path: str) -> Project | None:
        if not Path(path).exists():
            self.report.error(
                translate("files", "This project is gone: %1").replace("%1", path))
            self.settings.remove_recent(path)
            return None
        return self.open_project(Path(path))

    def _maybe_read_only(self, path: Path, error: ProjectError) -> Project | None:
        """A read-only file or folder can still be read: offer that instead of failing."""
        if "read-only" not in str(error) or "opened read-only" in str(error):
            self.report.error(str(error))
            return None
        answer = QMessageBox.question(
            self.dialog_parent, translate("files", "Read-only project"),
            str(error) + "\n\n" + translate("files", "Open it read-only (no edits)?"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return Project.open(path, writable=False)
        except DeskError as exc:
            self.report.error(str(exc))
            return None

    # -- relinking --------------------------------------------------------------------------
    def check_recording(self, project: Project) -> bool:
        """After opening: is the recording where the project says? If not, find or ask."""
        media = recording_is_missing(project)
        if media is None:
            return True
        found = find_moved_recording(media, project.path)
        if found is not None:
            return self._relink_to(project, found)
        answer = QMessageBox.question(
            self.dialog_parent, translate("files", "Recording not found"),
            translate("files", "The recording %1 was moved or renamed. Find it now? Without it "
                      "the transcript and the annotations stay usable, without playback.")
            .replace("%1", Path(media.path).name))
        if answer == QMessageBox.StandardButton.Yes:
            return self.relink()
        return False

    def relink(self, chosen: Path | None = None) -> bool:
        """Point the project at the recording's new place, verified by fingerprint."""
        project = self.projects.project
        if project is None:
            return False
        media = project.media.get()
        if media is None:
            return False
        if chosen is None:
            picked, _ = QFileDialog.getOpenFileName(
                self.dialog_parent,
                translate("files", "Where is %1?").replace("%1", Path(media.path).name),
                str(project.path.parent), _recordings_filter())
            if not picked:
                return False
            chosen = Path(picked)
        if not matches(chosen, media):
            self.report.error(translate("files", "%1 is not the project's recording (its "
                                        "content fingerprint differs).")
                              .replace("%1", chosen.name))
            return False
        return self._relink_to(project, chosen)

    def _relink_to(self, project: Project, path: Path) -> bool:
        if not project.writable:
            self.report.error(translate("files", "The project is read-only, so the new place "
                                        "of the recording cannot be saved."))
            return False
        try:
            media = relink(project, path)
        except DeskError as exc:
            self.report.error(str(exc))
            return False
        self.recording_changed.emit(media)
        self.report.status(translate("files", "Recording relinked: %1").replace("%1", str(path)))
        return True
