"""The real app, scripted: transcribe, cancel, resume, then edit, then wait to be killed.

Run as `python tests/faults/app_session.py PROJECT` by test_app_kill.py: the
window, the transcription controller, the job child (real tiny.en weights)
and the edits are Desk's own; only the clicks are replaced by calls. Each
milestone is one JSON line on stdout; after "edited" the app keeps running
until the test kills it with SIGKILL.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from desk.core.pipeline.jobs import JobOptions
from desk.ui.app import build_window, create_application
from desk.ui.settings import Settings
from desk.ui.transcript_model import COL_TEXT

OPTIONS = JobOptions(engine="faster", beam_size=1, threads=1, window_seconds=20.0)
CORRECTED = "Corrected by the analyst"


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


class Session:
    def __init__(self, path: Path) -> None:
        settings = Settings()
        settings.annotator = "analyst"
        self.window = build_window(settings)
        self.window.show_error = lambda message: say(error=message)  # type: ignore[attr-defined]
        self.window.show()  # type: ignore[attr-defined]
        self.controller = self.window.window_actions.transcription  # type: ignore[attr-defined]
        self.step = "first run"
        self.controller.job_ended.connect(self.job_ended)
        self.window.window_actions.files.open_project(path)  # type: ignore[attr-defined]
        self.window.transcript_model.rowsInserted.connect(self.rows_arrived)  # type: ignore[attr-defined]
        self.controller.start(OPTIONS)

    def rows_arrived(self, *_: object) -> None:
        if self.step == "first run":
            self.step = "cancelling"
            say(step="cancel", rows=self.window.transcript_model.rowCount())  # type: ignore[attr-defined]
            self.controller.cancel()

    def job_ended(self, event: object) -> None:
        kind = getattr(event, "kind", None)
        if self.step == "cancelling":
            say(step="cancelled", kind=kind)
            self.step = "resuming"
            QTimer.singleShot(0, self.controller.resume)
        elif self.step == "resuming":
            say(step="resumed", kind=kind)
            self.step = "editing"
            QTimer.singleShot(0, self.edit)

    def edit(self) -> None:
        window = self.window
        model = window.transcript_model  # type: ignore[attr-defined]
        view = window.transcript_view  # type: ignore[attr-defined]
        view.selectRow(1)
        view.setFocus()
        coding = window.tagging.controller  # type: ignore[attr-defined]
        annotation = coding.press_key(1)
        model.setData(model.index(2, COL_TEXT), CORRECTED, Qt.ItemDataRole.EditRole)
        say(step="edited", annotation=annotation.id if annotation else None,
            segment=model.row(2).id, text=model.row(2).text)


def main() -> int:
    app = create_application()
    session = Session(Path(sys.argv[1]))
    assert session
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
