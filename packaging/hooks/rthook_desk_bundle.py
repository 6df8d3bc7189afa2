"""PyInstaller runtime hook: make the frozen Desk use the libvlc and ffmpeg it ships.

It runs before any of Desk's code, so before `import vlc`. python-vlc looks for
libvlc only in system places unless PYTHON_VLC_LIB_PATH is set, and it calls
`sys.exit(1)` when a path that is set fails to load; so the variables are set
only when the bundled files really exist. VLC_PLUGIN_PATH makes libvlccore
scan the bundled plugins instead of a system VLC's. On macOS libvlc.dylib
needs libvlccore loaded first. ffmpeg/ffprobe are found through PATH, so the
bundle's `bin/` goes first and Desk's core needs no frozen-app special case.

Layout: see packaging/bundle_plan.py (kept in step by tests/packaging).
"""

from __future__ import annotations

import ctypes
import os
import sys

_LIBRARIES = {
    # platform: (folder candidates relative to the bundle, libvlc, libvlccore)
    "win32": (("vlc",), "libvlc.dll", "libvlccore.dll"),
    "darwin": (("vlc/lib", "vlc", "."), "libvlc.dylib", "libvlccore.dylib"),
    "linux": ((".", "vlc"), "libvlc.so.5", "libvlccore.so.9"),
}
_DLL_DIRECTORIES: list[object] = []


def _platform() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    return "darwin" if sys.platform == "darwin" else "linux"


def _find_libvlc(base: str) -> tuple[str, str] | None:
    folders, lib_name, core_name = _LIBRARIES[_platform()]
    for folder in folders:
        lib = os.path.normpath(os.path.join(base, folder, lib_name))
        core = os.path.normpath(os.path.join(base, folder, core_name))
        if os.path.isfile(lib):
            return lib, core
    return None


def configure_bundle(base: str) -> None:
    """Point python-vlc, libvlccore and PATH at the copies inside `base`."""
    plugins = os.path.join(base, "vlc", "plugins")
    found = _find_libvlc(base)
    if found and os.path.isdir(plugins):
        lib, core = found
        os.environ["PYTHON_VLC_LIB_PATH"] = lib
        os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
        os.environ["VLC_PLUGIN_PATH"] = plugins
        if _platform() == "win32":
            # Kept referenced: closing the handle would remove the folder again.
            _DLL_DIRECTORIES.append(os.add_dll_directory(os.path.dirname(lib)))
        if _platform() == "darwin" and os.path.isfile(core):
            ctypes.CDLL(core, mode=ctypes.RTLD_GLOBAL)  # libvlc.dylib resolves symbols from it
    tools = os.path.join(base, "bin")
    if os.path.isdir(tools):
        path = os.environ.get("PATH", "")
        os.environ["PATH"] = tools + (os.pathsep + path if path else "")


_bundle = getattr(sys, "_MEIPASS", None)
if _bundle:
    configure_bundle(_bundle)
