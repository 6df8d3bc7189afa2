"""Tagging in the app: codebook, coding, annotations, timeline, suggestions, statistics.

`install(window)` is called by MainWindow at the end of its __init__ (see the
MainWindow contract). Importing this package stays cheap: the widgets are
imported by `install`, so the CLI can use `desk.ui.tagging.stats_picture`
without loading them.
"""

from __future__ import annotations

from typing import Any


def install(window: Any) -> Any:
    """Add the tagging docks, timeline, menu and keys 1–9 to a MainWindow; returns the TaggingUi."""
    from desk.ui.tagging.tagging_ui import TaggingUi

    ui = TaggingUi(window)
    window.tagging = ui
    return ui
