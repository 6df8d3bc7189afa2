"""Where Desk's bundled resources are: the source tree, an installed wheel, or a frozen app."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_root() -> Path:
    """The `resources/` folder (codebooks, sample recording, translations, icons)."""
    override = os.environ.get("DESK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
