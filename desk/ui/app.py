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
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desk import __version__
from desk.core.logs import setup_logging
from desk.core.resources import resource_path
from desk.ui.settings import Settings
from desk.ui.workers import wait_for_tasks

if TYPE_CHECKING:  # the window is imported only once the QApplication exists
    from desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 %) as the desktop says, not rounded to whole numbers.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(["desk", *argv])
    app.setApplicationName("Desk")
    app.setOrganizationName("Desk")
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "desk.png")
    assert isinstance(app, QApplication)
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build_window(settings: Settings | None = None) -> MainWindow:
    """Language, colours and the main window, as `main` does (tests and the benchmark use it)."""
    from desk.ui.dialogs import install_excepthook
    from desk.ui.main_window import MainWindow
    from desk.ui.theme import apply_theme, install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = settings or Settings()
    install_language(app, settings.ui_language)
    apply_theme(app, settings.theme)
    window = MainWindow(settings)
    install_excepthook(window)
    return window


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk-gui", description="Desk desktop app")
    parser.add_argument("path", nargs="?", help="a .desk project or a recording to open")
    parser.add_argument("--play", action="store_true", help="start playing once opened")
    parser.add_argument("--demo", action="store_true",
                        help="prepare, transcribe and play the sample project")
    parser.add_argument("--fresh", action="store_true", help="with --demo: start over")
    # For the start-up benchmark and smoke tests: report once shown, quit after N seconds.
    parser.add_argument("--startup-report", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window (and optionally a project or recording); returns the exit code."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    log_path = setup_logging("desk")
    log.info("Desk %s starting (log: %s)", __version__, log_path)
    app = create_application()
    window = build_window()
    from desk.ui.file_open_events import FileOpenFilter

    app.installEventFilter(FileOpenFilter(window.files.open_path, window))
    window.show()
    QTimer.singleShot(0, lambda: _after_show(window, args))
    if args.startup_report:
        QTimer.singleShot(0, lambda: _report_startup(window))
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    code = int(app.exec())
    wait_for_tasks(3000)  # let a background task (waveform) end before Python shuts down
    return code


def _report_startup(window: MainWindow) -> None:
    """One JSON line once the window is on screen: what a smoke test or benchmark checks."""
    import json

    report = {
        "shown": bool(window.isVisible()),
        "title": window.windowTitle(),
        "playback": window.player.available,
        "video_page": window.video_area.page(),
        "hint": window.video_area.no_vlc.text(),
        "heavy_modules": sorted(m for m in ("torch", "whisper", "faster_whisper", "ctranslate2")
                                if m in sys.modules),
    }
    print(json.dumps(report), flush=True)


def _after_show(window: MainWindow, args: argparse.Namespace) -> None:
    from desk.ui.dialogs import ask_annotator

    settings = window.settings
    if not settings.annotator:
        ask_annotator(window, settings)
        window.transcript_model.annotator = window.annotator()
    if args.demo:
        from desk.ui.demo_launcher import DemoLauncher

        DemoLauncher(window.files, window.transcription, window.player, window.report,
                     fresh=args.fresh, parent=window).start()
    elif args.path:
        project = window.files.open_path(Path(args.path))
        if project is not None and args.play:
            window.player.play()


if __name__ == "__main__":
    sys.exit(main())
