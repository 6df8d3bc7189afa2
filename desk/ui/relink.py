"""Finding a recording that was moved or renamed, by its content fingerprint.

Analysts move projects and recordings between disks. The project remembers
the recording's fingerprint (size + three sampled blocks), so a file of the
same size in the old folder or next to the project is checked cheaply; only
if none matches is the user asked, and the file they pick is verified too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desk.core.pipeline.media import fingerprint
from desk.core.records import Media

log = logging.getLogger(__name__)

MAX_CANDIDATES = 2000  # files looked at per folder (a Downloads folder can be huge)


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
