"""Screenshots of speakers in the window (issue #14): identify.png, identified.png, speakers.png,
voices.png.

Needs an X server with a window manager (the video is a native window). Run from the
repository root on the 1366x768 laptop screen:

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \
        "openbox & sleep 1; .venv/bin/python resources/screenshots/make_speaker_screenshots.py"

identify.png: Transcript → Identify speakers… on a copy of the demo project; then the real
speaker job runs (CAM++ in its child) and identified.png shows the result: both voices in
the Speakers pane, the lane, the transcript's speakers.

speakers.png: another copy of the demo project (transcribed like `desk demo --no-gui` the
first time) gives
its segments the sample's two voices as diarization would ("Speaker 1", "Speaker 2"),
lets a voice profile name the second one "Elon Musk" (0.83, not yet checked), opens it,
raises the Speakers pane, searches what Musk said with the find bar's speaker filter
and grabs the screen into speakers.png next to this script.

voices.png: then Save voice… for both speakers of that copy (the real voiceprint child, into
a library in a temporary folder) and Transcript → Voice profiles….
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from shot_tools import CODES, REPO, demo_copy, grab, wait, wait_for

from desk.core.store import Project


def diarize_like_the_truth(project_path: Path) -> None:
    truth = json.loads((REPO / "transcripts" / "sample.truth.json").read_text())
    names = {"HOST": "Speaker 1", "GUEST": "Speaker 2"}  # the host is Musk, the guest Trump
    with Project.open(project_path) as project:
        for segment in project.transcripts.segments(with_words=False):
            middle = (segment.start + segment.end) / 2
            for utterance in truth["utterances"]:
                if utterance["start"] - 0.5 <= middle <= utterance["end"] + 0.5:
                    project.speaker_edits.assign([segment.id or 0], names[utterance["speaker"]])
        for tag, start, end, note in CODES:
            project.annotations.add(tag, start, end, note=note, annotator="screenshot")
        with project.database.transaction() as conn:  # what a voice-profile match writes
            conn.execute("UPDATE speakers SET name='Elon Musk', matched_profile='Elon Musk', "
                         "matched_score=0.83, match_status='suggested' WHERE position=1")


def identify(window: object, project_path: Path) -> None:
    """The dialog, then the real run to its end."""
    from desk.ui.speakers.identify_run import IdentifyDialog

    window.window_actions.files.open_project(project_path)  # type: ignore[attr-defined]
    wait(1.0)
    dialog = IdentifyDialog(window)  # type: ignore[arg-type]
    dialog.show()
    wait(0.8)
    grab("identify.png")
    identifier = window.speakers.identifier  # type: ignore[attr-defined]
    identifier.start(dialog.options("Anna"))
    dialog.close()
    wait_for(lambda: not identifier.running, "the speaker job")
    window.docks["speakersDock"].raise_()  # type: ignore[attr-defined]
    window.player.seek(30.0)  # type: ignore[attr-defined]
    wait(1.0)
    grab("identified.png")


def save_voices(window: object, work: Path) -> None:
    """Save voice… for both speakers (the real voiceprint child), then Voice profiles…."""
    os.environ["DESK_DATA_DIR"] = str(work / "data")  # the profiles made here stay here
    speakers = window.speakers  # type: ignore[attr-defined]
    for name in ("Elon Musk", "Speaker 2"):
        assert speakers.printer.save(name, "Donald Trump" if name == "Speaker 2" else name)
        wait_for(lambda: not speakers.printer.running, "the voiceprint job")
    speakers.open_voices()
    wait(0.8)


def main() -> int:
    from desk.ui.app import build_window, create_application
    from desk.ui.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="desk-speakers-"))
    (work / "fresh").mkdir()
    fresh = demo_copy(work / "fresh")
    project_path = demo_copy(work)
    diarize_like_the_truth(project_path)

    create_application()
    settings = Settings(work / "desk.ini")
    settings.annotator = "Anna"
    window = build_window(settings)
    window.showMaximized()  # type: ignore[attr-defined]
    wait(0.8)
    identify(window, fresh)
    window.window_actions.files.open_project(project_path)  # type: ignore[attr-defined]
    player = window.player  # type: ignore[attr-defined]
    player.seek(30.0)
    wait(1.0)
    window.docks["speakersDock"].raise_()  # type: ignore[attr-defined]
    panel = window.speakers.panel  # type: ignore[attr-defined]
    panel.select([s.id for s in panel.model.speakers if s.name == "Elon Musk"])
    bar = window.find_bar  # type: ignore[attr-defined]
    bar.open_bar()  # "what did Musk say about …": the find bar's speaker filter
    bar.speaker_filter.setCurrentIndex(bar.speaker_filter.findText("Elon Musk"))
    bar.field.setText("the")
    bar.search()
    wait(1.0)
    grab("speakers.png")
    save_voices(window, work)
    grab("voices.png")
    window.close()  # type: ignore[attr-defined]
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
