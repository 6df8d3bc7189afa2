"""Where the window's parts say what happened: a line in the status bar, or an error dialog."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QStatusBar, QWidget

STATUS_MILLISECONDS = 6000
MIN_MESSAGE_PIXELS = 120
MARGIN_PIXELS = 16  # the status bar's own margins and the size grip


class StatusReporter(QObject):
    """Status lines fitted to the room the permanent labels leave: Qt would cut a long line
    off mid-word ("…set by hand kep"); it ends in "…" instead, refitted when a label
    comes or goes or the window is resized, and the whole line is the tooltip."""

    def __init__(self, status_bar: QStatusBar, show_error: Callable[[str], None]) -> None:
        super().__init__(status_bar)
        self._status_bar = status_bar
        self._show_error = show_error
        self._line = ""
        self._until = 0.0
        status_bar.installEventFilter(self)
        status_bar.messageChanged.connect(self._changed)

    def status(self, message: str) -> None:
        self._line = message
        self._until = time.monotonic() + STATUS_MILLISECONDS / 1000
        self._status_bar.setToolTip(message)
        self._fit()

    def error(self, message: str) -> None:
        """A dialog with a plain sentence (never a traceback)."""
        self._show_error(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._line and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self._fit)  # once the labels have their new places
        return False

    def _fit(self) -> None:
        left = round((self._until - time.monotonic()) * 1000)
        if not self._line or left <= 0:
            return
        bar = self._status_bar
        shown = bar.fontMetrics().elidedText(self._line, Qt.TextElideMode.ElideRight,
                                             self._room())
        if shown != bar.currentMessage():
            bar.showMessage(shown, left)

    def _changed(self, text: str) -> None:
        if not text:  # timed out or cleared: nothing left to refit
            self._line = ""
            self._status_bar.setToolTip("")

    def _room(self) -> int:
        bar = self._status_bar
        layout = bar.layout()
        spacing = max(0, layout.spacing()) if layout is not None else 0
        taken = sum(w.width() + spacing for w in bar.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if w.isVisible())
        return max(MIN_MESSAGE_PIXELS, bar.width() - taken - MARGIN_PIXELS)
