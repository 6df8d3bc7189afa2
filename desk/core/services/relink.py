"""Relinking a project to its recording after the file was moved or renamed.

Analysts move projects and recordings between disks. The project remembers
the recording's fingerprint (size + three sampled blocks), so a file of the
same size in the old folder or next to the project is checked cheaply; only
if none matches is the user asked, and the file they pick is verified too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desk.core.errors import InputError, ProjectError
from desk.core.file_checks import require_file
from desk.core.pipeline.media import fingerprint, probe
from desk.core.records import Media
from desk.core.store import Project

log = logging.getLogger(__name__)

MAX_CANDIDATES = 2000  # files looked at per folder (a Downloads folder can be huge)


def recording_is_missing(project: Project) -> Media | None:
    """The project's recording when it is not where the project says, else None."""
    media = project.media.get()
    if media is None or Path(media.path).is_file():
        return None
    return media


def candidate_folders(media: Media, project_path: Path) -> list[Path]:
    """The recording's old folder, then the project's folder (and its direct subfolders)."""
    folders: list[Path] = []
    project_folder = project_path.resolve().parent
    for folder in (Path(media.path).parent, project_folder):
        if folder.is_dir() and folder not in folders:
            folders.append(folder)
    try:
        subfolders = sorted(p for p in project_folder.iterdir() if p.is_dir())
    except OSError:
        subfolders = []
    folders += [p for p in subfolders if p not in folders]
    return folders


def find_moved_recording(media: Media, project_path: Path) -> Path | None:
    """A file with the recording's size and fingerprint near its old place, or None."""
    for folder in candidate_folders(media, project_path):
        try:
            entries = list(folder.iterdir())[:MAX_CANDIDATES]
        except OSError:
            continue
        for entry in entries:
            if matches(entry, media):
                log.info("recording found at %s", entry)
                return entry
    return None


def matches(path: Path, media: Media) -> bool:
    """Same size first (free), then the fingerprint (reads 3 MiB)."""
    try:
        if not path.is_file() or path.stat().st_size != media.size:
            return False
        return fingerprint(path) == media.fingerprint
    except OSError:
        return False


def relink(project: Project, recording: Path | None = None) -> Media:
    """Point the project at its recording's new place: the file given, else one found nearby.

    The file must have the recording's fingerprint; nothing changes otherwise.
    """
    media = project.media.get()
    if media is None:
        raise InputError(f"{project.path.name} has no recording to relink")
    if recording is None:
        recording = find_moved_recording(media, project.path)
        if recording is None:
            raise InputError(f"{Path(media.path).name} was not found near its old place or "
                             "the project; give its new path")
    elif require_file(Path(recording)) and not matches(Path(recording), media):
        raise InputError(f"{Path(recording).name} is not the project's recording "
                         "(its content fingerprint differs)")
    if not project.writable:
        raise ProjectError(f"{project.path.name} is read-only, so the new place of the "
                           "recording cannot be saved")
    return project.media.set(probe(recording))
