"""Dead air (silent stretches) of a project's recording: stored once, scanned when missing.

The scan streams the whole recording through ffmpeg (tens of seconds for two
hours), so it is split in three for the window: what to scan is decided with
the project, `scan_dead_air` runs anywhere (a worker thread), and the result
is stored with the project again. `ensure_dead_air` does all three in a row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desk.core.errors import InputError, MediaError
from desk.core.records import Silence
from desk.core.store import Project


def recording_to_scan(project: Project) -> Path | None:
    """The recording to scan for dead air, or None when the project already holds some."""
    if project.media.silences():
        return None
    media = project.media.get()
    if media is None:
        raise InputError("the project has no recording to look for dead air in")
    if not Path(media.path).is_file():
        raise MediaError(f"recording not found: {media.path} (relink it with `desk relink` "
                         "or in the app)")
    return Path(media.path)


def scan_dead_air(recording: Path,
                  on_progress: Callable[[float], None] | None = None) -> list[Silence]:
    """Find the dead air in a recording (slow; touches no project)."""
    from desk.core.pipeline.silence import detect_silences  # numpy + ffmpeg only here

    return detect_silences(recording, on_progress=on_progress)


def store_dead_air(project: Project, found: list[Silence]) -> list[Silence]:
    """Keep what a scan found; an empty result is not stored, so it is scanned again."""
    if found:
        project.media.set_silences(found)
    return project.media.silences()


def ensure_dead_air(project: Project,
                    on_progress: Callable[[float], None] | None = None) -> list[Silence]:
    """The stored dead air, scanned from the recording first if none is stored."""
    recording = recording_to_scan(project)
    if recording is None:
        return project.media.silences()
    return store_dead_air(project, scan_dead_air(recording, on_progress))
