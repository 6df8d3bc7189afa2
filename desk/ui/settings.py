"""The app's preferences, typed and versioned, on top of QSettings.

Stored as an INI file (readable, easy to reset) in the user's config folder,
or in `$DESK_CONFIG_DIR` so tests and portable installs keep their own. A
`version` key lets later releases migrate old keys instead of misreading them.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from desk.core.pipeline.job_messages import DECODINGS
from desk.core.services.annotator import preset_annotator

SETTINGS_VERSION = 1
MAX_RECENT = 10
LANGUAGES = ("system", "en", "de")
THEMES = ("system", "light", "dark")


def config_dir() -> Path:
    override = os.environ.get("DESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("Desk", False))


class Settings:
    """One typed property per preference; every write goes to disk at once."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or config_dir() / "desk.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.store = QSettings(str(path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = self._int("version", 0)
        if version > SETTINGS_VERSION:
            return  # written by a newer Desk: read what we know, keep the rest
        self.store.setValue("version", SETTINGS_VERSION)
        self.store.sync()

    # -- typed access -------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return default if value is None else str(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.store.value(key, default))
        except (TypeError, ValueError):
            return default

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self.store.value(key, default))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def _set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)
        self.store.sync()

    # -- who is coding --------------------------------------------------------------
    @property
    def annotator(self) -> str:
        """Stored name, else $DESK_ANNOTATOR (lets tests and shared installs pre-set it)."""
        return self._str("annotator") or preset_annotator()

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._set("annotator", name.strip())

    # -- transcription defaults -----------------------------------------------------
    @property
    def engine(self) -> str:
        return self._str("transcribe/engine", "auto")

    @engine.setter
    def engine(self, value: str) -> None:
        self._set("transcribe/engine", value)

    @property
    def model(self) -> str:
        return self._str("transcribe/model", "tiny.en")

    @model.setter
    def model(self, value: str) -> None:
        self._set("transcribe/model", value)

    @property
    def decoding(self) -> str:
        """How transcriptions decode: accurate, adaptive or faster (a beam of 1 was "faster")."""
        value = self._str("transcribe/decoding", "")
        if value in DECODINGS:
            return value
        return "faster" if self._int("transcribe/beam_size", 5) == 1 else "accurate"

    @decoding.setter
    def decoding(self, value: str) -> None:
        self._set("transcribe/decoding", value if value in DECODINGS else "accurate")

    @property
    def language(self) -> str:
        """Empty means "detect"."""
        return self._str("transcribe/language", "")

    @language.setter
    def language(self, value: str) -> None:
        self._set("transcribe/language", value)

    # -- playback ---------------------------------------------------------------------
    @property
    def skip_seconds(self) -> float:
        return min(60.0, max(0.5, self._float("playback/skip_seconds", 5.0)))

    @skip_seconds.setter
    def skip_seconds(self, value: float) -> None:
        self._set("playback/skip_seconds", float(value))

    @property
    def volume(self) -> int:
        return min(100, max(0, self._int("playback/volume", 80)))

    @volume.setter
    def volume(self, value: int) -> None:
        self._set("playback/volume", int(value))

    @property
    def follow_playback(self) -> bool:
        return self._bool("transcript/follow_playback", True)

    @follow_playback.setter
    def follow_playback(self, value: bool) -> None:
        self._set("transcript/follow_playback", bool(value))

    # -- look ---------------------------------------------------------------------------
    @property
    def ui_language(self) -> str:
        value = self._str("ui/language", "system")
        return value if value in LANGUAGES else "system"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "system")

    @property
    def theme(self) -> str:
        value = self._str("ui/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("ui/theme", value if value in THEMES else "system")

    # -- files ----------------------------------------------------------------------------
    @property
    def recent_projects(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.recent_projects if p != text]
        self._set("files/recent", [text, *recent][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._set("files/recent", [p for p in self.recent_projects if p != path])

    @property
    def last_folder(self) -> str:
        return self._str("files/last_folder", str(Path.home()))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set("files/last_folder", value)

    # -- keyboard ---------------------------------------------------------------------------
    def shortcut(self, action: str) -> str | None:
        """A user override of an action's shortcut (None: use the default)."""
        value = self.store.value(f"shortcuts/{action}")
        return None if value is None else str(value)

    def set_shortcut(self, action: str, keys: str | None) -> None:
        if keys is None:
            self.store.remove(f"shortcuts/{action}")
            self.store.sync()
        else:
            self._set(f"shortcuts/{action}", keys)

    # -- window layout ------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self._set("window/state", state)
