"""Starting the desktop app: logging, crash dialog, language, colours, the window.

Start-up stays light (the window shows in well under two seconds): Whisper,
torch and the engines are imported only when a transcription starts.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desk import __version__
from desk.core.logs import setup_logging
from desk.core.resources import resource_path
from desk.ui.settings import Settings

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["desk", *argv])
    app.setApplicationName("Desk")
    app.setOrganizationName("Desk")
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "desk.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def build_window(settings: Settings | None = None) -> object:
    """Language, colours and the main window, as `main` does (tests and the benchmark use it)."""
    from desk.ui.dialogs import install_excepthook
    from desk.ui.look import apply_theme, install_language
    from desk.ui.main_window import MainWindow

    app = QApplication.instance()
    settings = settings or Settings()
    install_language(app, settings.ui_language)
    apply_theme(app, settings.theme)  # type: ignore[arg-type]
    window = MainWindow(settings)
    install_excepthook(window)
    return window


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk-gui", description="Desk desktop app")
    parser.add_argument("path", nargs="?", help="a .desk project or a recording to open")
    parser.add_argument("--play", action="store_true", help="start playing once opened")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window (and optionally a project or recording); returns the exit code."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    log_path = setup_logging("desk")
    log.info("Desk %s starting (log: %s)", __version__, log_path)
    app = create_application()
    window = build_window()
    window.show()  # type: ignore[attr-defined]
    QTimer.singleShot(0, lambda: _after_show(window, args))
    return int(app.exec())


def _after_show(window: object, args: argparse.Namespace) -> None:
    from desk.ui.dialogs import ask_annotator

    settings: Settings = window.settings  # type: ignore[attr-defined]
    if not settings.annotator:
        ask_annotator(window, settings)  # type: ignore[arg-type]
        window.transcript_model.annotator = settings.annotator  # type: ignore[attr-defined]
    if args.path:
        project = window.window_actions.files.open_path(Path(args.path))  # type: ignore[attr-defined]
        if project is not None and args.play:
            window.player.play()  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
