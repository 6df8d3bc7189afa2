"""Where the window's parts say what happened: a line in the status bar, or an error dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

STATUS_MILLISECONDS = 6000


class StatusReporter:
    def __init__(self, status_bar: QStatusBar, show_error: Callable[[str], None]) -> None:
        self._status_bar = status_bar
        self._show_error = show_error

    def status(self, message: str) -> None:
        self._status_bar.showMessage(message, STATUS_MILLISECONDS)

    def error(self, message: str) -> None:
        """A dialog with a plain sentence (never a traceback)."""
        self._show_error(message)
