"""Build Desk's frozen app (PyInstaller onedir), its installer, and smoke-test it.

    python packaging/build.py                 # dist/desk (Linux) or dist/Desk(.app)
    python packaging/build.py --smoke         # + frozen self-test, system VLC/ffmpeg hidden
    python packaging/build.py --startup       # + time to the first window (needs $DISPLAY)
    python packaging/build.py --installer     # + Desk-<version>-setup.exe / .dmg / linux .tar.gz
    python packaging/build.py --skip-build --smoke   # re-check an existing build

Run it with the Python of the environment Desk is installed in (the bundle
takes its libraries from there). The last line printed is a JSON report
(sizes, timings, results) that CI and packaging/README.md use.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

import bundle_plan  # noqa: E402
import smoke  # noqa: E402

STARTUP_LIMIT = 2.0  # seconds to the first window, the brief's bar
STARTUP_RUNS = 3
# Windows: a signtool command line without the file (`signtool sign /f cert.pfx ...`).
SIGNTOOL_ENV = "DESK_SIGNTOOL"
# Windows: Inno Setup's compression (desk.iss defaults to lzma2/max, for releases).
COMPRESSION_ENV = "DESK_INNO_COMPRESSION"


def project_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def bundle_dir(dist: Path, platform: str) -> Path:
    """The onedir folder (the `.app` on macOS) that PyInstaller writes."""
    if platform == "macos":
        return dist / "Desk.app"
    return dist / ("desk" if platform == "linux" else "Desk")


def internal_dir(bundle: Path, platform: str) -> Path:
    """Where the libraries live (sys._MEIPASS of the frozen app)."""
    if platform == "macos":
        return bundle / "Contents" / "Frameworks"
    return bundle / "_internal"


def cli_executable(bundle: Path, platform: str) -> Path:
    if platform == "macos":
        return bundle / "Contents" / "MacOS" / "desk-cli"
    if platform == "windows":
        return bundle / "desk-cli.exe"
    return bundle / "desk"


def gui_executable(bundle: Path, platform: str) -> Path:
    if platform == "macos":
        return bundle / "Contents" / "MacOS" / "Desk"
    if platform == "windows":
        return bundle / "Desk.exe"
    return bundle / "desk-gui"


def folder_size(path: Path) -> int:
    """Bytes on disk of a folder's files (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> float:
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "desk.spec")]
    subprocess.run(command, check=True, cwd=REPO)
    return time.monotonic() - started


def index_plugins(bundle: Path, platform: str) -> str:
    """Run vlc-cache-gen on the bundled plugins, so libvlc does not scan them at each start."""
    plugins = internal_dir(bundle, platform) / "vlc" / "plugins"
    try:
        cache_gen = bundle_plan.find_vlc().cache_gen
    except SystemExit as exc:
        return f"skipped: {exc}"
    if cache_gen is None or not plugins.is_dir():
        return "skipped: no vlc-cache-gen"
    # The system's vlc-cache-gen runs on the system libvlccore; same VLC version,
    # so the cache it writes matches the bundled plugins.
    subprocess.run([str(cache_gen), str(plugins)], check=True, capture_output=True)
    written = plugins / "plugins.dat"
    return f"{written.stat().st_size} bytes" if written.is_file() else "vlc-cache-gen wrote nothing"


def linux_archive(bundle: Path, dist: Path, version: str) -> Path:
    """Desk-<version>-linux-<arch>.tar.gz of the onedir folder (Linux has no installer)."""
    target = dist / f"Desk-{version}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"Desk-{version}")
    return target


def build_installer(bundle: Path, dist: Path, platform: str, version: str) -> Path:
    if platform == "linux":
        return linux_archive(bundle, dist, version)
    if platform == "windows":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        command = [iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}",
                   f"/DOutputDir={dist}"]
        if os.environ.get(COMPRESSION_ENV):
            command.append(f"/DCompression={os.environ[COMPRESSION_ENV]}")
        sign = os.environ.get(SIGNTOOL_ENV)
        if sign:  # sign the programs, then let Inno sign the setup and the uninstaller
            for exe in sorted(bundle.glob("*.exe")):
                subprocess.run(f'{sign} "{exe}"', shell=True, check=True)
            command += [f"/Sdesksign={sign} $f", "/DSignTool=desksign"]
        subprocess.run([*command, str(PACKAGING / "windows" / "desk.iss")], check=True)
        return dist / f"Desk-{version}-setup.exe"
    subprocess.run(["bash", str(PACKAGING / "macos" / "sign.sh"), str(bundle)], check=True)
    subprocess.run(["bash", str(PACKAGING / "macos" / "make_dmg.sh"), str(bundle), version,
                    str(dist)], check=True)
    return dist / f"Desk-{version}.dmg"


def smoke_test(bundle: Path, platform: str) -> dict:
    """The frozen self-test; on Linux with the system's VLC and FFmpeg hidden."""
    executable = cli_executable(bundle, platform)
    if platform != "linux":  # CI runners have no VLC; the workflow checks ffmpeg is absent
        started = time.monotonic()
        done = subprocess.run([str(executable), "--self-test"], capture_output=True, text=True,
                              check=False)
        line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
        return {"passed": done.returncode == 0, "line": line, "problems": [],
                "seconds": round(time.monotonic() - started, 1)}
    run = smoke.run_isolated(executable, ["--self-test"])
    problems = smoke.bundle_paths_used(run.line, bundle) if run.passed else []
    return {"passed": run.passed and not problems, "line": run.line, "problems": problems,
            "seconds": round(run.seconds, 1), "hidden": len(run.hidden)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller",
                        help="PyInstaller's work folder (reused between builds)")
    parser.add_argument("--skip-build", action="store_true", help="use the existing bundle")
    parser.add_argument("--smoke", action="store_true", help="run the frozen self-test")
    parser.add_argument("--startup", action="store_true",
                        help="time the first launch to the main window (needs $DISPLAY)")
    parser.add_argument("--installer", action="store_true", help="build the installer too")
    args = parser.parse_args(argv)

    platform = bundle_plan.platform_key()
    version = project_version()
    bundle = bundle_dir(args.dist, platform)
    report: dict = {"platform": platform, "version": version, "bundle": str(bundle),
                    "engine": bundle_plan.chosen_engine()}
    if not args.skip_build:
        report["build_seconds"] = round(run_pyinstaller(args.dist, args.work), 1)
        report["plugin_cache"] = index_plugins(bundle, platform)
    if not bundle.is_dir():
        raise SystemExit(f"no bundle at {bundle}: build it first")
    report["bundle_bytes"] = folder_size(bundle)
    ok = True
    if args.smoke:
        report["smoke"] = smoke_test(bundle, platform)
        ok &= report["smoke"]["passed"]
        print(report["smoke"]["line"], flush=True)
    if args.startup:
        # Each launch is a first launch (fresh settings); the best of three is the app's
        # own speed, the CPU time shows how much of the rest was waiting on other load.
        runs = [smoke.measure_startup(gui_executable(bundle, platform))
                for _ in range(STARTUP_RUNS)]
        report["startup_seconds"] = round(min(r.seconds for r in runs), 2)
        report["startup_runs"] = [{"seconds": round(r.seconds, 2), "cpu": round(r.cpu_seconds, 2),
                                   "load": round(r.load, 1)} for r in runs]
        ok &= report["startup_seconds"] <= STARTUP_LIMIT
    if args.installer:
        installer = build_installer(bundle, args.dist, platform, version)
        report["installer"] = str(installer)
        report["installer_bytes"] = installer.stat().st_size
    report["ok"] = bool(ok)
    print(json.dumps(report), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
