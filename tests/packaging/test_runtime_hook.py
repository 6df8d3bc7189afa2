"""The runtime hook points python-vlc and PATH at the bundle, and only at files that exist.

Each case runs the hook in a fresh interpreter (it edits os.environ at import)
with `sys._MEIPASS` set to a folder laid out like the Linux bundle. The last
case links the real system libvlc and plugins into that layout and plays
through python-vlc, so the variables the hook sets are the ones python-vlc and
libvlccore really read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOOK = REPO / "packaging" / "hooks" / "rthook_desk_bundle.py"
sys.path.insert(0, str(REPO / "packaging"))

import bundle_plan  # noqa: E402

RUN_HOOK = """
import json, os, runpy, sys
sys._MEIPASS = sys.argv[1]
runpy.run_path(sys.argv[2], run_name="rthook")
keys = ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH", "PATH")
print(json.dumps({k: os.environ.get(k) for k in keys}))
"""


def run_hook(bundle: Path, extra: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_VLC", "VLC_"))}
    env["PATH"] = "/usr/bin:/bin"
    done = subprocess.run([sys.executable, "-c", RUN_HOOK + extra, str(bundle), str(HOOK)],
                          capture_output=True, text=True, env=env, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[0])


def make_bundle(root: Path, libvlc: bool = True) -> Path:
    (root / "vlc" / "plugins").mkdir(parents=True)
    (root / "bin").mkdir()
    if libvlc:
        (root / "libvlc.so.5").write_bytes(b"")
        (root / "libvlccore.so.9").write_bytes(b"")
    return root


def test_points_python_vlc_and_path_at_the_bundle(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    env = run_hook(bundle)
    assert env["PYTHON_VLC_LIB_PATH"] == str(bundle / "libvlc.so.5")
    assert env["PYTHON_VLC_MODULE_PATH"] == str(bundle / "vlc" / "plugins")
    assert env["VLC_PLUGIN_PATH"] == str(bundle / "vlc" / "plugins")
    assert env["PATH"] == f"{bundle / 'bin'}:/usr/bin:/bin"


def test_sets_nothing_for_a_libvlc_that_is_not_there(tmp_path: Path) -> None:
    # python-vlc calls sys.exit(1) when PYTHON_VLC_LIB_PATH cannot be loaded.
    env = run_hook(make_bundle(tmp_path, libvlc=False))
    assert env["PYTHON_VLC_LIB_PATH"] is None and env["VLC_PLUGIN_PATH"] is None
    assert env["PATH"].startswith(str(tmp_path / "bin"))


def test_hook_layout_matches_the_bundle_plan(tmp_path: Path) -> None:
    """Where the spec puts libvlc is where the hook looks for it."""
    vlc = bundle_plan.find_vlc("linux", {})
    for source, dest in vlc.library_binaries():
        target = tmp_path / dest / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    (tmp_path / bundle_plan.PLUGINS_DEST).mkdir(parents=True)
    env = run_hook(tmp_path)
    assert env["PYTHON_VLC_LIB_PATH"] == str(tmp_path / "libvlc.so.5")
    assert env["VLC_PLUGIN_PATH"] == str(tmp_path / bundle_plan.PLUGINS_DEST)


@pytest.mark.slow
def test_python_vlc_plays_with_the_libvlc_the_hook_chose(tmp_path: Path,
                                                         sample_media: Path) -> None:
    vlc = bundle_plan.find_vlc("linux", {})
    (tmp_path / "vlc").mkdir()
    (tmp_path / "vlc" / "plugins").symlink_to(vlc.plugins)
    (tmp_path / "libvlc.so.5").symlink_to(vlc.lib)
    (tmp_path / "libvlccore.so.9").symlink_to(vlc.core)
    play = f"""
import time, vlc
player = vlc.MediaPlayer(vlc.Instance(["--aout=adummy", "--vout=vdummy"]), {str(sample_media)!r})
player.play()
deadline = time.monotonic() + 15
while player.get_time() < 500 and time.monotonic() < deadline:
    time.sleep(0.05)
print(json.dumps({{"lib": vlc.dll._name, "ms": player.get_time()}}))
player.stop()
"""
    done = subprocess.run([sys.executable, "-c", RUN_HOOK + play, str(tmp_path), str(HOOK)],
                          capture_output=True, text=True, timeout=60, check=True)
    played = json.loads(done.stdout.strip().splitlines()[1])
    assert played["lib"] == str(tmp_path / "libvlc.so.5")
    assert played["ms"] >= 500
