"""Finding libvlc, and failing with a sentence instead of a crash when it is absent.

python-vlc loads libvlc when it is imported, and on failure it may raise
OSError, NotImplementedError or even call `sys.exit`. Desk must still open
without VLC (the transcript and the coding stay usable), so the import is
attempted once, here, and every failure becomes `VlcUnavailable` carrying the
platform's install instructions.
"""

from __future__ import annotations

import logging
import os
import shlex
import sys
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication

from desk.core.errors import MediaError

log = logging.getLogger(__name__)

_module: ModuleType | None = None
_failure: str | None = None


class VlcUnavailable(MediaError):
    """libvlc (VLC 3) cannot be loaded: playback is off, everything else works."""


def install_hint() -> str:
    translate = QCoreApplication.translate
    if sys.platform.startswith("win"):
        where = translate("vlc", "Install VLC 3 (64-bit) from https://www.videolan.org/ and "
                                 "restart Desk.")
    elif sys.platform == "darwin":
        where = translate("vlc", "Install VLC 3 (brew install --cask vlc, or from "
                          "https://www.videolan.org/) and restart Desk.")
    else:
        where = translate("vlc", "Install VLC 3 (Debian/Ubuntu: sudo apt install vlc; Fedora: "
                                 "sudo dnf install vlc) and restart Desk.")
    return where + " " + translate("vlc", "Until then the transcript and the annotations stay "
                                          "usable, without playback.")


def load_vlc() -> ModuleType:
    """The python-vlc module with a working libvlc, or VlcUnavailable."""
    global _module, _failure
    if _module is not None:
        return _module
    if _failure is None:
        try:
            import vlc  # deliberately lazy: libvlc is loaded here

            version = vlc.libvlc_get_version()
            log.info("libvlc %s loaded", version.decode(errors="replace") if version else "?")
            _module = vlc
            return _module
        except (ImportError, OSError, NotImplementedError, AttributeError, SystemExit) as exc:
            _failure = f"{type(exc).__name__}: {exc}"
            log.warning("libvlc could not be loaded: %s", _failure)
    raise VlcUnavailable(
        QCoreApplication.translate("vlc", "VLC could not be loaded, so playback is off.")
        + " " + install_hint()
    )


def reset() -> None:
    """Forget the last attempt (tests simulate a missing libvlc and then restore it)."""
    global _module, _failure
    _module = None
    _failure = None


def instance_args() -> list[str]:
    """libvlc options: quiet, no title overlay; `$DESK_VLC_ARGS` adds more (tests: dummy output)."""
    args = ["--quiet", "--no-video-title-show", "--no-snapshot-preview", "--no-xlib"]
    extra = os.environ.get("DESK_VLC_ARGS")
    if extra:
        args += shlex.split(extra)
    return args


def create_instance() -> Any:
    """A libvlc instance, or VlcUnavailable (libvlc found but its plugins are not)."""
    vlc = load_vlc()
    try:
        instance = vlc.Instance(instance_args())
    except Exception as exc:  # python-vlc raises bare Exceptions here
        log.warning("libvlc_new failed: %s", exc)
        instance = None
    if instance is None:
        raise VlcUnavailable(
            QCoreApplication.translate("vlc", "VLC is installed but could not start (its plugins "
                                              "are missing?).") + " " + install_hint()
        )
    return instance
