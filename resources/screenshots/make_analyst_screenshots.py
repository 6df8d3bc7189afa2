"""Screenshots of several analysts' work: the merge dialog, the Agreement pane.

Needs an X server with a window manager (the video is a native window, dialogs
are placed by the window manager). Run from the repository root:

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \
        "openbox & sleep 1; .venv/bin/python resources/screenshots/make_analyst_screenshots.py"

It transcribes the sample like `desk demo --no-gui` (the first time), makes two
copies of that project coded by two analysts (Anna and Ben, who disagree on a
boundary, a tag and a moment), opens Anna's, and grabs the screen with
ImageMagick's `import` into PNGs next to this script:

- merge.png      File → Merge coding from… with Ben's file: preview, new tag offered
- agreement.png  the Agreement pane after the merge: figures, disagreements, a decision
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from shot_tools import demo_copy, grab, wait, wait_for

from desk.core.records import Tag
from desk.core.store import Project

ANNA = [("delay", 0.0, 18.0), ("DDoS claim", 22.0, 28.3), ("praise exchange", 28.9, 39.6),
        ("Harris attacks", 53.4, 61.2)]
BEN = [("delay", 0.0, 19.6), ("DDoS claim", 22.3, 28.0), ("praise exchange", 29.0, 39.4),
       ("praise exchange", 44.0, 49.5), ("migration remarks", 53.6, 61.0),
       ("crowd noise", 66.0, 70.5)]


def coded_copy(work: Path, name: str, coder: str,
               coding: list[tuple[str, float, float]]) -> Path:
    target = demo_copy(work, name)
    with Project.open(target) as project:
        names = {t.name for t in project.tags.list(include_archived=True)}
        for tag, _, _ in coding:
            if tag not in names:
                project.tags.add(Tag(tag, colour="#7f8c8d", description="Ben's own code"))
                names.add(tag)
        for tag, start, end in coding:
            project.annotations.add(tag, start, end, annotator=coder)
    return target


def main() -> int:
    from desk.ui.app import build_window, create_application
    from desk.ui.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="desk-analysts-"))
    anna = coded_copy(work, "Trump-Musk 2024-08-12 (Anna).desk", "Anna", ANNA)
    ben = coded_copy(work, "Trump-Musk 2024-08-12 (Ben).desk", "Ben", BEN)

    create_application()
    settings = Settings(work / "desk.ini")
    settings.annotator = "Anna"
    window = build_window(settings)
    window.showMaximized()  # type: ignore[attr-defined]
    wait(0.8)
    window.window_actions.files.open_project(anna)  # type: ignore[attr-defined]
    window.player.seek(23.0)  # type: ignore[attr-defined]
    wait(1.0)

    dialog = window.analysts.open_merge_dialog()  # type: ignore[attr-defined]
    dialog.set_source(ben)
    wait_for(lambda: dialog.plan is not None or dialog.problem, "the merge preview")
    wait(0.5)
    grab("merge.png")
    merged: list[object] = []
    dialog.merged.connect(lambda *_: merged.append(1))
    dialog.merge()
    wait_for(lambda: merged, "the merge")

    dock = window.docks["agreementDock"]  # type: ignore[attr-defined]
    window.analysts.panel.setFocus()  # type: ignore[attr-defined]
    dock.raise_()
    panel = window.analysts.panel  # type: ignore[attr-defined]
    wait_for(lambda: panel.comparison is not None, "the figures")
    panel.bar.take_agreed()
    wait(0.3)
    view = panel.disagreements_view
    index = panel.disagreements.index(1, 0)
    view.setCurrentIndex(index)
    view.clicked.emit(index)
    wait(1.5)
    window.player.pause()  # type: ignore[attr-defined]
    panel.bar.take_buttons["Ben"].click()
    panel.splitter.setSizes([760, 600])
    wait(1.0)
    window.update()  # type: ignore[attr-defined]
    wait(1.0)
    grab("agreement.png")
    window.close()  # type: ignore[attr-defined]
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
