"""The real app starts a second transcription of a corrected project, then waits to be killed.

Run as `python tests/faults/version_session.py PROJECT` by test_version_kill.py:
the window, the transcription controller and the job child (real tiny.en
weights) are Desk's own. When the new run has stored its first segments the
app says so (one JSON line on stdout) and keeps running until SIGKILL.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desk.core.pipeline.jobs import JobOptions
from desk.ui.app import build_window, create_application
from desk.ui.settings import Settings

OPTIONS = JobOptions(engine="faster", beam_size=1, threads=1, window_seconds=20.0)


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def main() -> int:
    app = create_application()
    settings = Settings()
    settings.annotator = "analyst"
    window = build_window(settings)
    window.show_error = lambda message: say(error=message)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    actions = window.window_actions  # type: ignore[attr-defined]
    actions.files.open_project(Path(sys.argv[1]))
    controller = actions.transcription
    model = window.transcript_model  # type: ignore[attr-defined]
    told: list[bool] = []

    def follow(event: object) -> None:
        if getattr(event, "kind", None) == "segments" and not told:
            told.append(True)
            say(step="running", new=getattr(event, "transcript_id", None),
                shown=model.transcript_id, texts=[r.text for r in model.rows()])

    controller.start(OPTIONS)
    assert controller.runner is not None
    controller.runner.job_event.connect(follow)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
