"""Screenshots of the real app: the sample playing, its transcript highlighted.

Needs an X server (libvlc draws the video into a native window, which only a
screen grab sees). Run from the repository root:

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python resources/screenshots/make_screenshots.py

It transcribes the sample like `desk demo --no-gui` (the first time), works on a
copy of that project (speakers from the sample's ground truth, a few codes),
and writes PNGs (≤ 300 KB each) next to this script:

- main.png          the sample playing at the "DDoS" claim, word highlight, tags
- dark.png          the dark palette, a search for "attack"
- transcribing.png  a transcription running: progress, ETA, rows arriving
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QImage
from shot_tools import CODES, MAX_BYTES, OUT, REPO, demo_copy, wait

from desk.core.coding.codebook import load_codebook
from desk.core.store import Project

SIZE = (1440, 900)


def decorate(project_path: Path) -> None:
    """Speakers from the sample's ground truth, and a few codes, as an analyst would add."""
    truth = json.loads((REPO / "transcripts" / "sample.truth.json").read_text())
    names = {"HOST": "Host", "GUEST": "Guest"}
    with Project.open(project_path) as project:
        for segment in project.transcripts.segments(with_words=False):
            middle = (segment.start + segment.end) / 2
            for utterance in truth["utterances"]:
                if utterance["start"] - 0.5 <= middle <= utterance["end"] + 0.5:
                    project.edits.set_speaker([segment.id], names[utterance["speaker"]])
        for tag, start, end, note in CODES:
            project.annotations.add(tag, start, end, note=note, annotator="screenshot")


def save(window: object, name: str) -> Path:
    """Grab the window from the screen (video included) and keep the PNG small."""
    screen = window.screen()  # type: ignore[attr-defined]
    geometry = window.frameGeometry()  # type: ignore[attr-defined]
    image = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(),
                              geometry.height()).toImage()
    path = OUT / name
    for colours in (None, 256, 128):
        candidate = image if colours is None else image.convertToFormat(
            QImage.Format.Format_Indexed8)
        candidate.save(str(path), "PNG", 9 if colours is None else -1)
        if path.stat().st_size <= MAX_BYTES:
            break
    print(f"{path.name}: {path.stat().st_size // 1024} KB")
    return path


def main() -> int:
    from desk.ui.app import build_window, create_application
    from desk.ui.settings import Settings
    from desk.ui.theme import apply_theme

    work = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    project_path = demo_copy(work)
    decorate(project_path)

    app = create_application()
    settings = Settings(work / "desk.ini")
    settings.annotator = "Anna"
    window = build_window(settings)
    window.resize(*SIZE)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    wait(0.5)
    window.window_actions.files.open_project(project_path)  # type: ignore[attr-defined]
    window.transcript_view.finish_row_heights()  # type: ignore[attr-defined]
    player = window.player  # type: ignore[attr-defined]
    player.play()
    wait(1.0)
    player.seek(25.2)
    wait(1.2)
    player.pause()
    wait(0.3)
    save(window, "main.png")

    apply_theme(app, "dark")
    bar = window.find_bar  # type: ignore[attr-defined]
    bar.open_bar()
    bar.field.setText("attack")
    bar.search()
    player.seek(44.0)
    player.play()
    wait(1.5)
    player.pause()
    wait(0.3)
    save(window, "dark.png")
    bar.close_bar()
    apply_theme(app, "system")

    # A fresh transcription of the same recording, caught half-way.
    window.close_project()  # type: ignore[attr-defined]
    fresh = work / "Stream 2024-08-12 (new).desk"
    with Project.open(project_path) as source:
        media = source.media.get()
    Project.create(fresh, media=media, codebook=load_codebook("trump-musk-x-2024")).close()
    window.window_actions.files.open_project(fresh)  # type: ignore[attr-defined]
    player.play()  # the analyst watches while Whisper works
    from desk.core.pipeline.jobs import JobOptions

    controller = window.window_actions.transcription  # type: ignore[attr-defined]
    # Short windows, so that rows arrive in several steps (a real recording's windows are
    # 15 min; the 74 s sample would otherwise be done in one batch).
    controller.start(JobOptions(model="tiny.en", language="en", window_seconds=20.0))
    deadline = time.monotonic() + 120
    model = window.transcript_model  # type: ignore[attr-defined]
    while time.monotonic() < deadline and model.rowCount() < 4:
        wait(0.1)
    window.transcript_view.finish_row_heights()  # type: ignore[attr-defined]
    wait(0.2)
    save(window, "transcribing.png")
    controller.cancel(quietly=True)
    window.close()  # type: ignore[attr-defined]
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
