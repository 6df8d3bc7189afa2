"""Screenshots of the evidence path: File → Export…, the import preview, Transcript → Versions….

Taken as an analyst's screen shows them: under Xvfb with the openbox window
manager at 1366×768, the whole screen grabbed with ImageMagick's `import`
(dialogs are windows of their own). Run from the repository root:

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \
        'openbox & sleep 1; .venv/bin/python resources/screenshots/make_dialog_screenshots.py'

It works on a copy of the demo project (transcribed like `desk demo --no-gui`
the first time), codes it, corrects a line by hand, then transcribes it again
with the real job child (a second, complete version) and a third time,
cancelled half-way (a partial version). It writes, next to this script:

- export.png    File → Export… with four formats chosen
- import.png    the preview of an ELAN file before anything is written
- versions.png  the three transcript versions
- history.png   Edit → Edit history…: who changed what, and when
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from shot_tools import CODES, demo_copy, grab, wait, wait_for

from desk.core.coding.codebook import load_codebook
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project


def prepare(work: Path) -> Path:
    """The demo project, coded, one line corrected by hand."""
    path = demo_copy(work)
    with Project.open(path) as project:
        for tag, start, end, note in CODES:
            project.annotations.add(tag, start, end, note=note, annotator="Anna")
        for segment in project.transcripts.segments(with_words=False):
            if "massive" in segment.text and segment.id is not None:  # Whisper's "D2 S"
                project.edits.set_text(segment.id, "there was a massive DDoS attack on our "
                                       "servers, but we are up and running now.", "Anna")
        project.versions.rename(project.versions.current_id() or 0, "corrected by Anna")
    return path


def main() -> int:
    from desk.core.pipeline.jobs import JobOptions
    from desk.ui.app import build_window, create_application
    from desk.ui.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="desk-dialog-shots-"))
    path = prepare(work)
    eaf = work / "coded by Anna.eaf"
    with Project.open(path, writable=False) as project:
        EXPORTERS["eaf"].export(project, eaf)
        media = project.media.get()
    blank = work / "Second opinion.desk"
    Project.create(blank, media=media, codebook=load_codebook("trump-musk-x-2024")).close()

    app = create_application()
    settings = Settings(work / "desk.ini")
    settings.annotator = "Ben"
    window = build_window(settings)
    window.show_error = lambda message: print(f"error: {message}")  # type: ignore[attr-defined]
    window.showMaximized()  # type: ignore[attr-defined]
    wait(1.0)
    actions = window.window_actions  # type: ignore[attr-defined]
    exchange = window.exchange  # type: ignore[attr-defined]

    actions.files.open_project(blank)
    exchange.import_file(eaf)
    wait_for(lambda: exchange.import_dialog is not None)
    grab("import.png")
    exchange.import_dialog.reject()

    actions.files.open_project(path)
    window.transcript_view.finish_row_heights()  # type: ignore[attr-defined]
    window.action("export").trigger()  # type: ignore[attr-defined]
    wait_for(lambda: exchange.export_dialog is not None)
    exchange.export_dialog.set_formats(["srt", "eaf", "html", "docx"])
    grab("export.png")
    exchange.export_dialog.reject()

    controller = actions.transcription
    ended: list[object] = []
    controller.job_ended.connect(ended.append)
    controller.job_ended.connect(lambda event: print(f"run ended: {event}"))
    controller.start(JobOptions(engine="faster", model="tiny.en", language="en",
                                decoding="faster"))
    wait_for(lambda: len(ended) == 1)
    controller.start(JobOptions(engine="faster", model="tiny.en", language="en",
                                window_seconds=20.0))
    # Cancelled once a third of the recording is done (rows arrive in a burst at the end of a
    # window, so the progress is what tells).
    wait_for(lambda: (controller.last_event is not None
                      and controller.last_event.done >= 20.0) or len(ended) == 2)
    controller.cancel()
    wait_for(lambda: len(ended) == 2)
    window.action("versions").trigger()  # type: ignore[attr-defined]
    wait_for(lambda: actions.versions_dialog is not None and actions.versions_dialog.isVisible())
    grab("versions.png")
    actions.versions_dialog.reject()
    window.action("history").trigger()  # type: ignore[attr-defined]
    wait_for(lambda: actions.history_dialog is not None and actions.history_dialog.isVisible())
    grab("history.png")
    actions.history_dialog.reject()
    window.close()  # type: ignore[attr-defined]
    app.processEvents()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
