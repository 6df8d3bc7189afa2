"""Language and colours: German or English UI, system / light / dark palette.

The UI follows the system language unless the analyst picks one; strings are
Qt-translated (`tr()`), the catalogue is resources/i18n/desk_<lang>.qm, and
Qt's own catalogue translates standard buttons (OK, Cancel). "system" keeps
the platform palette (dark if the desktop is dark); "dark" forces Fusion with
a dark palette, which also looks right where the platform has no dark theme.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desk.core.resources import resource_path

log = logging.getLogger(__name__)

SUPPORTED = ("en", "de")
_installed: list[QTranslator] = []
_system_style: str | None = None
_system_palette: QPalette | None = None


def resolve_language(choice: str) -> str:
    """"system" becomes the system's UI language if Desk has it, else English."""
    if choice in SUPPORTED:
        return choice
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def install_language(app: QCoreApplication, choice: str) -> str:
    """Load the catalogues for `choice`; returns the language now in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"desk_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation catalogue for %s", language)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return language


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: QColor(45, 45, 48),
        QPalette.ColorRole.WindowText: QColor(225, 225, 225),
        QPalette.ColorRole.Base: QColor(30, 30, 32),
        QPalette.ColorRole.AlternateBase: QColor(40, 40, 43),
        QPalette.ColorRole.ToolTipBase: QColor(50, 50, 53),
        QPalette.ColorRole.ToolTipText: QColor(230, 230, 230),
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
        QPalette.ColorRole.Text: QColor(225, 225, 225),
        QPalette.ColorRole.Button: QColor(50, 50, 54),
        QPalette.ColorRole.ButtonText: QColor(225, 225, 225),
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(90, 160, 240),
        QPalette.ColorRole.Highlight: QColor(52, 120, 198),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        # Fusion draws frames, splitter handles and bevels from these; left at their light
        # defaults they show as white lines on the dark window.
        QPalette.ColorRole.Light: QColor(75, 75, 80),
        QPalette.ColorRole.Midlight: QColor(62, 62, 66),
        QPalette.ColorRole.Mid: QColor(38, 38, 41),
        QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Shadow: QColor(10, 10, 10),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """"system" (platform style and palette), "light" or "dark" (Fusion)."""
    global _system_style, _system_palette
    if _system_style is None:
        _system_style = app.style().name()
        _system_palette = QPalette(app.palette())
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(app.style().standardPalette())
    else:
        app.setStyle(QStyleFactory.create(_system_style) or QStyleFactory.create("Fusion"))
        app.setPalette(_system_palette or app.style().standardPalette())


def is_dark() -> bool:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128
