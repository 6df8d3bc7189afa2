"""Where Desk writes its log, and crash traces (faulthandler) for bug reports."""

from __future__ import annotations

import faulthandler
import logging
import os
from pathlib import Path

import platformdirs

_fault_file = None


def log_dir() -> Path:
    override = os.environ.get("DESK_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir("Desk", False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(name: str = "desk") -> Path:
    """Log to `<log dir>/NAME.log`; hard crashes (segfaults in libvlc) go there too."""
    global _fault_file
    path = log_dir() / f"{name}.log"
    root = logging.getLogger()
    if not any(getattr(h, "desk_log", None) == path for h in root.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        setattr(handler, "desk_log", path)  # noqa: B010 (marks Desk's own handler)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    if _fault_file is None:
        _fault_file = (log_dir() / f"{name}-crash.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    return path
