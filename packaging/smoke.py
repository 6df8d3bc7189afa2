"""Prove a frozen Desk is self-contained: run it with the system's VLC and ffmpeg hidden.

On the build machine the system copies of libvlc, its plugins, the FFmpeg
libraries and the ffmpeg/ffprobe programs would quietly stand in for missing
bundled ones. `run_isolated` hides them in a private mount namespace
(`unshare --mount`; empty files and empty tmpfs folders are mounted over them)
before starting the frozen `desk --self-test`, whose summary line then must
name the bundled libvlc and ffmpeg. `measure_startup` times the first launch of
the app until its main window is mapped on the X display.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# FFmpeg's libraries: a system copy must not stand in for the bundled one.
HIDDEN_LIBRARY_PATTERNS = (
    "libvlc.so*", "libvlccore.so*", "libavcodec.so*", "libavformat.so*", "libavutil.so*",
    "libavfilter.so*", "libavdevice.so*", "libswresample.so*", "libswscale.so*",
    "libpostproc.so*",
)
HIDDEN_PROGRAMS = ("ffmpeg", "ffprobe", "vlc", "cvlc")
HIDING_FAILED = 97  # exit status of the namespace script when something stayed visible


@dataclass
class SelfTestRun:
    """What the frozen self-test printed and how it ended."""

    returncode: int
    line: str
    seconds: float
    hidden: list[str]
    stdout: str = ""
    stderr: str = ""

    @property
    def passed(self) -> bool:
        return self.returncode == 0 and ": PASS " in self.line


def _library_dirs() -> list[Path]:
    machine = os.uname().machine
    candidates = [f"/usr/lib/{machine}-linux-gnu", f"/lib/{machine}-linux-gnu", "/usr/lib64",
                  "/usr/lib", "/usr/local/lib"]
    seen: dict[str, Path] = {}
    for candidate in candidates:
        path = Path(candidate)
        if path.is_dir():
            seen.setdefault(str(path.resolve()), path.resolve())
    return list(seen.values())


def system_copies() -> tuple[list[Path], list[Path]]:
    """(folders, files) of the system's VLC and FFmpeg that the bundle must not use."""
    folders, files = [], set()
    for lib_dir in _library_dirs():
        if (lib_dir / "vlc").is_dir():
            folders.append(lib_dir / "vlc")
        for pattern in HIDDEN_LIBRARY_PATTERNS:
            for match in glob.glob(str(lib_dir / pattern)):
                files.add(Path(match).resolve())  # symlinks lead to these
    for program in HIDDEN_PROGRAMS:
        for folder in ("/usr/bin", "/bin", "/usr/local/bin"):
            path = Path(folder) / program
            if path.exists():
                files.add(path.resolve())
    return folders, sorted(files)


def namespace_script(folders: list[Path], files: list[Path], blank: Path) -> str:
    """Shell commands (run inside the new mount namespace) that hide, verify, then exec."""
    lines = ["set -e"]
    for folder in folders:
        lines.append(f"mount -t tmpfs -o size=4k,mode=755 desk-hidden {shlex.quote(str(folder))}")
    for path in files:
        lines.append(f"mount --bind {shlex.quote(str(blank))} {shlex.quote(str(path))}")
    for folder in folders:
        lines.append(f'[ -z "$(ls -A {shlex.quote(str(folder))})" ] || exit {HIDING_FAILED}')
    for path in files:
        lines.append(f"[ ! -s {shlex.quote(str(path))} ] || exit {HIDING_FAILED}")
    lines.append("command -v ffmpeg >/dev/null 2>&1 && [ -s \"$(command -v ffmpeg)\" ] "
                 f"&& exit {HIDING_FAILED}")
    lines.append('exec "$@"')
    return "\n".join(lines)


def clean_environment(home: Path) -> dict[str, str]:
    """A minimal environment: no venv, no Python paths, private Desk folders."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "DESK_LOG_DIR": str(home / "logs"),
        "DESK_DATA_DIR": str(home / "desk-data"),
        "DESK_MODEL_DIR": str(home / "models"),
        "DESK_ANNOTATOR": "smoke",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for name in ("DISPLAY", "XAUTHORITY", "TMPDIR"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def run_isolated(executable: Path, args: list[str], timeout: float = 300.0,
                 cwd: Path | None = None) -> SelfTestRun:
    """Run the frozen `executable args` with the system VLC/FFmpeg hidden (Linux, unshare)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        raise SystemExit("unshare (util-linux) is needed to hide the system's VLC and ffmpeg")
    folders, files = system_copies()
    with tempfile.TemporaryDirectory(prefix="desk-smoke-") as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        blank = Path(scratch) / "blank"
        blank.write_bytes(b"")
        blank.chmod(0o644)
        command = [unshare, "--mount", "--propagation", "private"]
        if os.geteuid() != 0:
            command.append("--map-root-user")
        command += ["sh", "-c", namespace_script(folders, files, blank), "desk-smoke",
                    str(executable), *args]
        started = time.monotonic()
        done = subprocess.run(command, env=clean_environment(home), capture_output=True,
                              text=True, timeout=timeout, check=False, cwd=cwd)
        seconds = time.monotonic() - started
    if done.returncode == HIDING_FAILED:
        raise SystemExit("could not hide the system's VLC/ffmpeg (mounts failed?)")
    lines = [line for line in done.stdout.splitlines() if line.startswith("desk self-test")]
    line = lines[-1] if lines else (done.stdout + done.stderr).strip()[-2000:]
    return SelfTestRun(done.returncode, line, seconds, [*map(str, folders), *map(str, files)],
                       done.stdout, done.stderr)


def bundle_paths_used(line: str, bundle: Path) -> list[str]:
    """Problems if the self-test line shows a libvlc or ffmpeg outside `bundle`."""
    problems = []
    root = str(bundle.resolve())
    vlc = re.search(r"libvlc \S+ from (\S+),", line)
    ffmpeg = re.search(r"ffmpeg (\S+)\)", line)
    for name, match in (("libvlc", vlc), ("ffmpeg", ffmpeg)):
        if match is None:
            problems.append(f"the self-test did not say which {name} it used")
        elif not str(Path(match.group(1)).resolve()).startswith(root):
            problems.append(f"{name} came from {match.group(1)}, not from the bundle")
    return problems


class _WindowAttributes(ctypes.Structure):
    """Xlib's XWindowAttributes (only map_state is read)."""

    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]


IS_VIEWABLE = 2


class XDisplay:
    """Just enough Xlib (through ctypes) to see whether a titled window is on screen.

    Polling in-process costs microseconds; spawning xwininfo every few
    milliseconds would itself slow the app being timed on a 2-core machine.
    """

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("measuring startup needs libX11")
        self.xlib = ctypes.CDLL(name)
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xlib.XQueryTree.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint)]
        self.xlib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                         ctypes.POINTER(ctypes.c_char_p)]
        self.xlib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                   ctypes.POINTER(_WindowAttributes)]
        self.xlib.XFree.argtypes = [ctypes.c_void_p]
        self.xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = self.xlib.XOpenDisplay(None)
        if not self.display:
            raise SystemExit(f"cannot open the X display {os.environ.get('DISPLAY')!r}")
        self.root = self.xlib.XDefaultRootWindow(self.display)

    def close(self) -> None:
        self.xlib.XCloseDisplay(self.display)

    def _children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.xlib.XQueryTree(self.display, window, ctypes.byref(root),
                                    ctypes.byref(parent), ctypes.byref(children),
                                    ctypes.byref(count)):
            return []
        found = [children[i] for i in range(count.value)]
        if children:
            self.xlib.XFree(children)
        return found

    def _title(self, window: int) -> str:
        name = ctypes.c_char_p()
        if not self.xlib.XFetchName(self.display, window, ctypes.byref(name)) or not name.value:
            return ""
        title = name.value.decode("utf-8", "replace")
        self.xlib.XFree(ctypes.cast(name, ctypes.c_void_p))
        return title

    def window_shown(self, title: str) -> bool:
        """A viewable window titled `title` (or "… — title"), at most two levels below root."""
        pending = [(w, 0) for w in self._children(self.root)]
        while pending:
            window, depth = pending.pop()
            name = self._title(window)
            if name == title or name.endswith(f" — {title}"):
                attributes = _WindowAttributes()
                self.xlib.XGetWindowAttributes(self.display, window, ctypes.byref(attributes))
                if attributes.map_state == IS_VIEWABLE:
                    return True
            if depth < 1:  # a window manager reparents into a frame
                pending += [(w, depth + 1) for w in self._children(window)]
        return False


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far: wall time minus waiting on a busy
    machine, so a slow start caused by other load can be told from a slow app."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Startup:
    seconds: float  # wall clock, start to window mapped
    cpu_seconds: float  # CPU the app used by then
    load: float  # the 1-minute load average when it was measured


def measure_startup(executable: Path, title: str = "Desk", timeout: float = 30.0) -> Startup:
    """Time from starting the app (first launch: fresh settings) to its window on screen.

    Needs an X display (`$DISPLAY`, e.g. Xvfb).
    """
    if not os.environ.get("DISPLAY"):
        raise SystemExit("measuring startup needs an X display ($DISPLAY, e.g. Xvfb)")
    display = XDisplay()
    with tempfile.TemporaryDirectory(prefix="desk-startup-") as scratch:
        env = clean_environment(Path(scratch))
        env["QT_QPA_PLATFORM"] = "xcb"
        started = time.monotonic()
        process = subprocess.Popen([str(executable)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        try:
            while time.monotonic() - started < timeout:
                if display.window_shown(title):
                    wall = time.monotonic() - started
                    return Startup(wall, cpu_seconds(process.pid), os.getloadavg()[0])
                if process.poll() is not None:
                    error = process.stderr.read() if process.stderr else ""
                    raise SystemExit(f"the app exited ({process.returncode}) before showing a "
                                     f"window: {error.strip()[-500:]}")
                time.sleep(0.01)
            raise SystemExit(f"no '{title}' window within {timeout:.0f} s")
        finally:
            process.kill()
            process.wait()
            display.close()
