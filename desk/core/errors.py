"""Errors the user can act on.

Anything derived from `DeskError` carries a message meant for a person: the CLI
prints it as one line and exits 2, the app shows it in a dialog. Anything else
is a bug and ends up in the log file.
"""


class DeskError(Exception):
    """A problem with the user's input or environment, explained in plain words."""


class InputError(DeskError):
    """A value the user typed or passed is not acceptable (time, tag name, ...)."""


class MediaError(DeskError):
    """A recording cannot be read: missing, corrupt, no audio, or ffmpeg is missing."""


class ProjectError(DeskError):
    """A project file cannot be opened or written (not a project, locked, read-only, newer)."""


class ModelError(DeskError):
    """Whisper weights are absent, corrupt, or cannot be loaded."""


class FormatError(DeskError):
    """An import file is malformed, or an export cannot be written."""


class JobCancelled(DeskError):
    """A long job was cancelled by the user; partial results are kept."""
