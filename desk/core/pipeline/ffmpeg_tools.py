"""Finding ffmpeg, with the one install hint every error shows.

Desk needs ffmpeg alone (it probes with `ffmpeg -i`); no ffprobe on any platform.
"""

from __future__ import annotations

import shutil

from desk.core.errors import MediaError

FFMPEG_HINT = (
    "install ffmpeg (Debian/Ubuntu: sudo apt install ffmpeg; macOS: brew install ffmpeg; "
    "Windows: winget install ffmpeg) and make sure it is on PATH"
)


def tool_path(name: str) -> str:
    """Where the program `name` is, or a MediaError that says how to install ffmpeg."""
    found = shutil.which(name)
    if not found:
        raise MediaError(f"{name} was not found; {FFMPEG_HINT}")
    return found


def ffmpeg_path() -> str:
    return tool_path("ffmpeg")
