"""Look and language: the German catalogue, the window in German, the dark palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.ui import theme
from tests.ui.ui_helpers import (
    isolated_settings,
    make_window,
)


def test_german_catalogue(qapp: QApplication) -> None:
    try:
        assert theme.install_language(qapp, "de") == "de"
        assert QCoreApplication.translate("FindBar", "no match") == "kein Treffer"
        assert QCoreApplication.translate("shortcuts", "Play / pause") == "Abspielen / Pause"
    finally:
        theme.install_language(qapp, "en")
    assert QCoreApplication.translate("FindBar", "no match") == "no match"


def test_the_german_catalogue_is_finished_and_compiled(tmp_path: Path) -> None:
    """Every string of the window is in desk_de.ts with a translation, and desk_de.qm is what
    lrelease makes of it: resources/i18n/update.sh, run on a copy, finds nothing new."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    repo = Path(theme.__file__).resolve().parents[2]
    i18n = repo / "resources" / "i18n"
    copy = tmp_path / "de.ts"
    shutil.copy(i18n / "desk_de.ts", copy)
    subprocess.run(["sh", str(i18n / "update.sh")], cwd=repo, check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "BIN": str(Path(sys.executable).parent),
                        "TS": str(copy), "QM": str(tmp_path / "de.qm")})
    untranslated = [m.findtext("source") for m in ET.parse(copy).iter("message")
                    if m.find("translation").get("type") == "unfinished"
                    or not (m.findtext("translation") or "").strip()]
    assert untranslated == [], "run sh resources/i18n/update.sh and translate these"
    assert (tmp_path / "de.qm").read_bytes() == (i18n / "desk_de.qm").read_bytes()


def test_window_in_german(qtbot: QtBot, tmp_path: Path, german: None,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.menu("file").title() == "&Datei"
    assert window.action("play_pause").text() == "Abspielen / Pause"
    assert window.action("export").text() == "Exportieren…"
    assert window.action("merge_coding").text() == "Kodierung zusammenführen aus…"
    assert window.transcript_model.headerData(0, Qt.Orientation.Horizontal) == "Zeit"


def test_dark_palette_and_back(qapp: QApplication) -> None:
    try:
        theme.apply_theme(qapp, "dark")
        assert qapp.style().name().lower() == "fusion"
        assert theme.is_dark()
        assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 200
        # Frames and handles (Light, Mid, Dark) are dark too, not the light defaults.
        for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Midlight,
                     QPalette.ColorRole.Mid, QPalette.ColorRole.Dark):
            assert qapp.palette().color(role).lightness() < 100, role
    finally:
        theme.apply_theme(qapp, "system")
    assert not theme.is_dark()
