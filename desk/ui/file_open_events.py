"""Files handed to the running app by the desktop (macOS: Finder's "Open With", the Dock).

macOS does not pass such files on the command line: it sends a FileOpen event
to the application, also at launch. The filter opens the file in the window
as `desk-gui PATH` would: a .desk project opens, a recording starts a project.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Install on the QApplication; hands FileOpen events' paths to `open_path`."""

    def __init__(self, open_path: Callable[[Path], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._open_path(Path(path))
                return True
        return super().eventFilter(watched, event)
