"""Build Desk's Windows installer under Wine, install it, smoke-test it, uninstall it.

    python packaging/windows/wine_build.py [--screenshot PATH] [--report PATH]

Runs on Debian with wine, wine32:i386, mingw-w64, Xvfb, openbox and xdotool
(`.ci/setup` installs them). The steps, each timed in the JSON report printed
last:

1. the Wine prefix (wine_prefix.py: Windows CPython, Desk's Windows wheels,
   ISCC.exe, stand-in DLLs), cached between runs;
2. this checkout installed into the Windows Python, then the Windows Python
   runs `packaging/build.py --installer`: the same desk.spec and desk.iss the
   release workflow uses, with ffmpeg.exe and without libvlc
   (`DESK_WITHOUT_LIBVLC=1`: no registry has a Windows libvlc; and
   `DESK_WITHOUT_SPEAKERS=1`: the prefix holds no torch);
3. the setup program installed silently for all users (`/CURRENTUSER` fails
   under Wine 8: "Failed to expand shell folder constant autopf");
4. the installed `desk-cli.exe --self-test` and `Desk.exe --self-test` (the
   windowed exe: its transcription child is the windowed exe too);
5. `Desk.exe` started offscreen, then in a real window under Xvfb with
   `--demo`: the frozen app transcribes the sample through its job child, and
   a screenshot of the window is taken once the transcript is stored;
6. the uninstaller, then a check that the program is gone and the user's
   projects and model folder are still there.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wine_prefix
from wine_prefix import REPO, Wine, windows_path

INSTALL_DIR = ("Program Files", "Desk")
DATA_DIR = ("users", "{user}", "AppData", "Local", "Desk")  # %LOCALAPPDATA%\Desk
SCREEN = "1366x768"
GUI_TIMEOUT = 600.0
PROJECT_TYPE_KEY = r"HKLM\Software\Classes\Desk.Project"  # desk.iss: uninsdeletekey
MAIN_WINDOW = "^(.* — )?Desk$"  # "Desk", then "demo — Desk" (not "Welcome to Desk")
# A console window Wine opens for a console program started without one: its title
# is the program's command line (or wineconsole's own).
CONSOLE_WINDOW = r"(?i)\.exe|console|conhost"


@contextmanager
def x_display():
    """A private Xvfb at 1366×768 with openbox; yields its DISPLAY."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", f"{SCREEN}x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE, text=True)
    assert xvfb.stdout is not None
    display = f":{xvfb.stdout.readline().strip()}"
    wm = subprocess.Popen(["openbox"], env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield display
    finally:
        for process in (wm, xvfb):
            process.terminate()
            process.wait(timeout=30)


def screenshot(display: str, target: Path) -> Path:
    """The whole screen as a PNG (ffmpeg's x11grab), as small as the picture allows."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "x11grab",
                    "-video_size", SCREEN, "-i", display, "-frames:v", "1",
                    "-compression_level", "100", str(target)], check=True)
    if target.stat().st_size > 300_000:  # a palette keeps UI pictures sharp and small
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(target),
                        "-vf", "split[a][b];[a]palettegen=max_colors=128[p];[b][p]paletteuse",
                        str(target.with_suffix(".tmp.png"))], check=True)
        target.with_suffix(".tmp.png").replace(target)
    return target


def window_ids(display: str, name: str) -> list[str]:
    """X windows whose title matches the regular expression `name`."""
    done = subprocess.run(["xdotool", "search", "--name", name],
                          env={"DISPLAY": display}, capture_output=True, text=True, check=False)
    return done.stdout.split()


def self_test(wine: Wine, exe: str) -> dict:
    done = wine.run([exe, "--self-test"], timeout=900, check=False)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    parts = {}
    for line in lines[:-1]:
        name, _, rest = line.strip().partition(": ")
        parts[name] = rest
    return {"returncode": done.returncode, "parts": parts, "line": lines[-1] if lines else "",
            "stderr": done.stderr[-2000:]}


def gui_offscreen(wine: Wine, exe: str) -> dict:
    """Desk.exe with Qt's offscreen platform (Wine passes WINEQT_* on as QT_*)."""
    done = wine.run([exe, "--startup-report", "--quit-after", "5"], timeout=300, check=False,
                    WINEQT_QPA_PLATFORM="offscreen")
    reports = [line for line in done.stdout.splitlines() if line.startswith("{")]
    report = json.loads(reports[-1]) if reports else {}
    return {"returncode": done.returncode, **report}


def demo_project(data: Path) -> dict:
    """The transcript the app stored in the demo project (read-only, from Linux)."""
    sys.path.insert(0, str(REPO))
    from desk.core.errors import DeskError
    from desk.core.store import Project

    path = data / "demo" / "demo.desk"
    if not path.is_file():
        return {"status": None}
    try:
        with Project.open(path, writable=False) as project:
            transcript = project.transcripts.current()
            segments = project.transcripts.segments() if transcript else []
    except DeskError as exc:  # e.g. being written at this moment
        return {"status": None, "error": str(exc)}
    return {"status": transcript.status if transcript else None, "segments": len(segments),
            "engine": transcript.engine if transcript else None,
            "text": " ".join(s.text.strip() for s in segments)[:200]}


def gui_window(wine: Wine, exe: str, data: Path, shot: Path) -> dict:
    """Desk.exe --demo in a real window: transcribe through the job child, screenshot."""
    started = time.monotonic()
    process = subprocess.Popen(["wine", exe, "--demo", "--fresh"], env=wine.env(),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    result: dict = {"window": False}
    try:
        deadline = started + GUI_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            if not result["window"] and window_ids(wine.display or "", MAIN_WINDOW):
                result["window"] = True
                result["window_seconds"] = round(time.monotonic() - started, 1)
            if result["window"] and demo_project(data).get("status") in ("complete", "failed"):
                break
            time.sleep(2)
        result["transcript"] = demo_project(data)
        result["transcribe_seconds"] = round(time.monotonic() - started, 1)
        time.sleep(5)  # the window shows the stored transcript
        result["consoles"] = window_ids(wine.display or "", CONSOLE_WINDOW)
        result["screenshot"] = str(screenshot(wine.display or "", shot))
        result["alive"] = process.poll() is None
    finally:
        for window in window_ids(wine.display or "", MAIN_WINDOW):
            subprocess.run(["xdotool", "windowclose", window], env={"DISPLAY": wine.display},
                           check=False)
        try:
            result["closed"] = process.wait(timeout=60) == 0
        except subprocess.TimeoutExpired:
            result["closed"] = False
            process.kill()
            process.wait()
    return result


def registered(wine: Wine) -> bool:
    """Whether the all-users install's `.desk` file type (HKA = HKLM) is in the registry."""
    return wine.run(["reg", "query", PROJECT_TYPE_KEY], check=False).returncode == 0


def uninstall(wine: Wine, app: Path, data: Path) -> dict:
    kept_before = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file())
    association_before = registered(wine)
    wine.run([windows_path(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES"],
             timeout=600)
    wine.wait()  # the uninstaller finishes from a copy of itself in %TEMP%
    kept_after = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file())
    return {"program_removed": not (app / "Desk.exe").exists(),
            "association_registered": association_before,
            "association_removed": not registered(wine),
            "user_files_before": len(kept_before), "user_files_kept": kept_after == kept_before,
            "projects_kept": [p for p in kept_after if p.endswith(".desk")],
            "models_kept": [p for p in kept_after if p.startswith("Desk\\models") or
                            p.startswith("Desk/models")]}


def run(screenshot_path: Path) -> dict:
    cache = wine_prefix.cache_root()
    steps: dict[str, float] = {}
    log: list[str] = []
    started = time.monotonic()
    wine, prefix_times = wine_prefix.set_up_prefix(cache, log)
    steps.update({k: round(v, 1) for k, v in prefix_times.items()})
    files = wine_prefix.fetch_downloads(cache)
    ffmpeg = wine_prefix.ffmpeg_folder(cache, files["ffmpeg"])
    report: dict = {"log": log}
    mark = time.monotonic()
    wine_prefix.install_desk(wine, cache)
    dist = cache / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    built = wine.python(windows_path(REPO / "packaging" / "build.py"), "--installer",
                        "--dist", windows_path(dist), "--work", windows_path(cache / "work"),
                        timeout=3600, DESK_WITHOUT_LIBVLC="1", DESK_WITHOUT_SPEAKERS="1",
                        DESK_INNO_COMPRESSION="lzma2/fast",
                        DESK_FFMPEG_DIR=windows_path(ffmpeg))
    report["build"] = json.loads(built.stdout.strip().splitlines()[-1])
    steps["freeze_and_setup_exe"] = round(time.monotonic() - mark, 1)
    setup = Path(dist) / Path(report["build"]["installer"].replace("\\", "/")).name
    with x_display() as display:
        wine.display = display
        mark = time.monotonic()
        app = wine.drive_c().joinpath(*INSTALL_DIR)
        user = next(p.name for p in (wine.drive_c() / "users").iterdir() if p.name != "Public")
        data = wine.drive_c().joinpath(*(part.format(user=user) for part in DATA_DIR))
        shutil.rmtree(data, ignore_errors=True)  # each run starts as a new user would
        wine.run([windows_path(setup), "/VERYSILENT", "/ALLUSERS", "/SUPPRESSMSGBOXES",
                  "/NORESTART"], timeout=900)
        wine.wait()
        report["installed"] = (app / "Desk.exe").is_file() and (app / "desk-cli.exe").is_file()
        steps["install"] = round(time.monotonic() - mark, 1)
        for name, exe in (("self_test_cli", "desk-cli.exe"), ("self_test_gui_exe", "Desk.exe")):
            mark = time.monotonic()
            report[name] = self_test(wine, windows_path(app / exe))
            steps[name] = round(time.monotonic() - mark, 1)
        mark = time.monotonic()
        report["gui_offscreen"] = gui_offscreen(wine, windows_path(app / "Desk.exe"))
        steps["gui_offscreen"] = round(time.monotonic() - mark, 1)
        mark = time.monotonic()
        report["gui_window"] = gui_window(wine, windows_path(app / "Desk.exe"), data,
                                          screenshot_path)
        steps["gui_window"] = round(time.monotonic() - mark, 1)
        wine.wait()
        mark = time.monotonic()
        report["uninstall"] = uninstall(wine, app, data)
        steps["uninstall"] = round(time.monotonic() - mark, 1)
        wine.shutdown()
    report["setup_exe"] = str(setup)
    report["steps"] = steps
    report["seconds"] = round(time.monotonic() - started, 1)
    return report


def passed(report: dict) -> bool:
    gui = report.get("gui_window", {})
    return (report.get("installed") is True
            and all(report[k]["returncode"] == 0 for k in ("self_test_cli", "self_test_gui_exe"))
            and report["gui_offscreen"].get("shown") is True
            and gui.get("window") is True and gui.get("transcript", {}).get("status") == "complete"
            and report["uninstall"]["program_removed"] and report["uninstall"]["user_files_kept"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshot", type=Path,
                        default=wine_prefix.cache_root() / "windows-wine.png")
    parser.add_argument("--report", type=Path, default=wine_prefix.cache_root() / "report.json")
    args = parser.parse_args(argv)
    report = run(args.screenshot)
    report["ok"] = passed(report)
    args.report.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report), flush=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
