"""Files: new project from a recording, open, recent, read-only fallback, relinking.

Every path-taking method can be called with the path (tests, drag & drop,
`desk open`) or without (a file dialog asks). Errors are DeskErrors shown as
dialogs; a failure leaves the previously open project untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desk.core.errors import DeskError, ProjectError
from desk.core.services.project_setup import create_project, project_path_for
from desk.core.services.relink import find_moved_recording, matches, recording_is_missing, relink
from desk.core.store import Project
from desk.core.store.project import SUFFIX

if TYPE_CHECKING:
    from desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

MEDIA_FILTER = ("*.mp4 *.mkv *.webm *.mov *.avi *.ts *.flv *.m4a *.mp3 *.wav *.ogg *.opus *.aac "
                "*.flac")


translate = QCoreApplication.translate


def _recordings_filter() -> str:
    return (translate("files", "Recordings") + f" ({MEDIA_FILTER});;"
            + translate("files", "All files") + " (*)")


class ProjectFiles:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # -- entry points --------------------------------------------------------------------
    def open_path(self, path: Path) -> Project | None:
        """A .desk file opens; anything else is taken as a recording for a new project."""
        if path.suffix == SUFFIX:
            return self.open_project(path)
        return self.new_project(path)

    def new_project(self, recording: Path | None = None,
                    project_path: Path | None = None) -> Project | None:
        w = self.window
        if recording is None:
            chosen, _ = QFileDialog.getOpenFileName(
                w, translate("files", "New project from a recording"), w.settings.last_folder,
                _recordings_filter())
            if not chosen:
                return None
            recording = Path(chosen)
        if project_path is None:
            project_path = project_path_for(recording)
            if project_path.exists():
                return self._existing_project_for(project_path)
        try:
            project = create_project(recording, project_path)
        except DeskError as exc:
            w.show_error(str(exc))
            return None
        w.settings.last_folder = str(recording.parent)
        w.set_project(project)
        w.status(translate("files", "Project created: %1").replace("%1", str(project_path)))
        return project

    def _existing_project_for(self, project_path: Path) -> Project | None:
        answer = QMessageBox.question(
            self.window, translate("files", "Project exists"),
            translate("files", "%1 already exists. Open it?").replace("%1", project_path.name))
        if answer == QMessageBox.StandardButton.Yes:
            return self.open_project(project_path)
        return None

    def open_project(self, path: Path | None = None) -> Project | None:
        w = self.window
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                w, translate("files", "Open project"), w.settings.last_folder,
                translate("files", "Desk projects") + f" (*{SUFFIX})")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            project = Project.open(path)
        except ProjectError as exc:
            project = self._maybe_read_only(path, exc)
            if project is None:
                return None
        except DeskError as exc:
            w.show_error(str(exc))
            return None
        w.settings.last_folder = str(path.parent)
        w.set_project(project)
        self.check_recording(project)
        w.window_actions.transcription.offer_resume()
        return project

    def open_recent(self, path: str) -> Project | None:
        if not Path(path).exists():
            self.window.show_error(
                translate("files", "This project is gone: %1").replace("%1", path))
            self.window.settings.remove_recent(path)
            return None
        return self.open_project(Path(path))

    def _maybe_read_only(self, path: Path, error: ProjectError) -> Project | None:
        """A read-only file or folder can still be read: offer that instead of failing."""
        if "read-only" not in str(error) or "opened read-only" in str(error):
            self.window.show_error(str(error))
            return None
        answer = QMessageBox.question(
            self.window, translate("files", "Read-only project"),
            str(error) + "\n\n" + translate("files", "Open it read-only (no edits)?"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return Project.open(path, writable=False)
        except DeskError as exc:
            self.window.show_error(str(exc))
            return None

    # -- relinking --------------------------------------------------------------------------
    def check_recording(self, project: Project) -> bool:
        """After opening: is the recording where the project says? If not, find or ask."""
        media = recording_is_missing(project)
        if media is None:
            return True
        found = find_moved_recording(media, project.path)
        if found is not None:
            return self._relink_to(project, found, quiet=False)
        w = self.window
        answer = QMessageBox.question(
            w, translate("files", "Recording not found"),
            translate("files", "The recording %1 was moved or renamed. Find it now? Without it "
                      "the transcript and the annotations stay usable, without playback.")
            .replace("%1", Path(media.path).name))
        if answer == QMessageBox.StandardButton.Yes:
            return self.relink()
        return False

    def relink(self, chosen: Path | None = None) -> bool:
        """Point the project at the recording's new place, verified by fingerprint."""
        w = self.window
        project = w.project
        if project is None:
            return False
        media = project.media.get()
        if media is None:
            return False
        if chosen is None:
            picked, _ = QFileDialog.getOpenFileName(
                w, translate("files", "Where is %1?").replace("%1", Path(media.path).name),
                str(project.path.parent), _recordings_filter())
            if not picked:
                return False
            chosen = Path(picked)
        if not matches(chosen, media):
            w.show_error(translate("files", "%1 is not the project's recording (its content "
                                   "fingerprint differs).").replace("%1", chosen.name))
            return False
        return self._relink_to(project, chosen, quiet=False)

    def _relink_to(self, project: Project, path: Path, quiet: bool) -> bool:
        w = self.window
        if not project.writable:
            w.show_error(translate("files", "The project is read-only, so the new place of the "
                                   "recording cannot be saved."))
            return False
        try:
            media = relink(project, path)
        except DeskError as exc:
            w.show_error(str(exc))
            return False
        w.video_area.show_media(media)
        w.player.load(media.path, media.duration)
        if not quiet:
            w.status(translate("files", "Recording relinked: %1").replace("%1", str(path)))
        return True
