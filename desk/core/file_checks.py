"""The one check every reader of a user's file makes first: there, a file, not empty."""

from __future__ import annotations

from pathlib import Path

from desk.core.errors import DeskError, MediaError


def require_file(path: Path, what: str = "recording", missing: type[DeskError] = MediaError,
                 empty: type[DeskError] | None = None) -> int:
    """The file's size in bytes; `missing` (no file, a folder) or `empty` (0 bytes) otherwise."""
    if not path.exists():
        raise missing(f"{what} not found: {path}")
    if path.is_dir():
        raise missing(f"{path} is a folder, not a {what}")
    size = path.stat().st_size
    if size == 0:
        raise (empty or missing)(f"{path.name} is empty (0 bytes)")
    return size
