"""Who is coding: the name stored with every edit, with one fallback for both fronts."""

from __future__ import annotations

import getpass
import os

ANNOTATOR_ENV = "DESK_ANNOTATOR"


def preset_annotator() -> str:
    """$DESK_ANNOTATOR: lets shared installs and tests pre-set the name ("" when unset)."""
    return os.environ.get(ANNOTATOR_ENV, "").strip()


def default_annotator(chosen: str = "") -> str:
    """The name the analyst chose, else $DESK_ANNOTATOR, else the login name."""
    name = chosen.strip() or preset_annotator()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
