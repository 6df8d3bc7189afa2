#!/bin/sh
# The 1366x768 laptop set (issue #15), taken the way an analyst sees the app: Xvfb at
# 1366x768 with the openbox window manager, the real `desk open`, driven with xdotool,
# grabbed with ImageMagick's `import -window root`. Run from the repository root after
# `desk demo --no-gui` (its project is copied through SQLite's backup, never as a file):
#     sh resources/screenshots/make_laptop_screenshots.sh
# The clicks are at the places the default layout puts the panes on that screen; look at
# every PNG before keeping it (a changed layout moves them).
set -e
OUT=$(pwd)/resources/screenshots
WORK=$(mktemp -d)
PROJECT="$WORK/Trump-Musk X Spaces 2024-08-12.desk"
PYTHONPATH=$(pwd) .venv/bin/python - "$PROJECT" <<'PY'
import json, sqlite3, sys
from pathlib import Path
from desk.core.resources import resource_path
from desk.core.services.relink import relink
from desk.core.store import Project
import platformdirs
source = Path(platformdirs.user_data_dir("Desk", False)) / "demo" / "demo.desk"
target = Path(sys.argv[1])
src, dst = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(target)
src.backup(dst); dst.close(); src.close()
with Project.open(target) as project:
    relink(project, resource_path("sample", "sample.mp4"))
    truth = json.loads(Path("transcripts/sample.truth.json").read_text())
    for segment in project.transcripts.segments(with_words=False):
        middle = (segment.start + segment.end) / 2
        for u in truth["utterances"]:
            if u["start"] - 0.5 <= middle <= u["end"] + 0.5:
                project.edits.set_speaker([segment.id], u["speaker"].title())
    for tag, start, end, note in [("delay", 0, 18, "dead air before the stream starts"),
                                  ("DDoS claim", 22, 28.3, "blames a DDoS attack on the servers"),
                                  ("praise exchange", 28.9, 39.6, ""),
                                  ("Harris attacks", 53.4, 61.2, "")]:
        project.annotations.add(tag, start, end, note=note, annotator="Anna")
PY
Xvfb :77 -screen 0 1366x768x24 -nolisten tcp & XVFB=$!
sleep 1
DISPLAY=:77 openbox & OPENBOX=$!
sleep 1
export DISPLAY=:77 DESK_VLC_ARGS=--aout=dummy QT_QPA_PLATFORM=xcb
start() {  # $1: the interface language
    mkdir -p "$WORK/$1"
    printf '[General]\nversion=2\nannotator=Anna\n[ui]\nlanguage=%s\n[transcribe]\nmodel=tiny.en\nlanguage=de\n' \
        "$1" > "$WORK/$1/desk.ini"
    DESK_CONFIG_DIR="$WORK/$1" PYTHONPATH=$(pwd) .venv/bin/python -m desk open "$PROJECT" & APP=$!
    sleep 8
    xdotool windowactivate --sync "$(xdotool search --name '— Desk' | tail -1)"
}
start en
xdotool key ctrl+g; sleep 0.5; xdotool type --delay 50 "00:00:24.5"; xdotool key Return
xdotool mousemove 1268 155 click 1; sleep 0.5
xdotool keydown shift mousemove 1232 170 click 1 keyup shift; sleep 0.5
xdotool key ctrl+space; sleep 1.5; xdotool key ctrl+space; sleep 0.6
import -window root "$OUT/laptop-main.png"
xdotool mousemove 1200 163 click 3; sleep 0.8; xdotool mousemove 1100 174; sleep 1
import -window root "$OUT/laptop-context-menu.png"
xdotool key Escape Escape; sleep 0.3
xdotool mousemove 598 621 click 1; sleep 0.6; xdotool click --repeat 2 --delay 100 1; sleep 0.8
xdotool type --delay 40 "calls her a disaster"; sleep 0.3
import -window root "$OUT/laptop-annotations-edit.png"
xdotool key Escape; kill $APP; sleep 1
start de
xdotool key ctrl+t; sleep 1.5
import -window root "$OUT/laptop-transcribe-de.png"
xdotool key Escape; kill $APP $OPENBOX $XVFB
rm -rf "$WORK"
