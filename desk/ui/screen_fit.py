"""Windows that fit the screen they are on: a 1366×768 laptop with a panel is the yardstick.

A window larger than the screen's free area hides its status bar or its
buttons below the edge; a dialog too narrow for its title gets it cut by the
window manager ("Renam… eaker").
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_ALLOWANCE = 40  # px of title bar before the window manager has framed a window
TITLE_DECORATION = 160  # px a title bar takes besides the title (buttons, icon)


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move `window` into its screen's free area, its frame included."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0)
    extra_h = max(frame.height() - window.height(), 0) or TITLE_ALLOWANCE
    width = max(window.minimumWidth(), min(window.width(), area.width() - extra_w))
    height = max(window.minimumHeight(), min(window.height(), area.height() - extra_h))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    if not area.contains(frame):
        window.move(max(area.left(), min(frame.left(), area.right() - frame.width() + 1)),
                    max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)))


def fit_title(dialog: QWidget) -> None:
    """Wide enough that the window manager shows the whole title, never wider than the
    screen."""
    needed = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + TITLE_DECORATION
    screen = dialog.screen()
    widest = screen.availableGeometry().width() if screen is not None else needed
    dialog.setMinimumWidth(min(max(dialog.minimumWidth(), needed), widest))
