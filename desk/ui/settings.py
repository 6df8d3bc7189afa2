"""The app's preferences: each declared once, with its type, default and range; versioned.

Stored as an INI file (readable, easy to reset) in the user's config folder,
or in `$DESK_CONFIG_DIR` so tests and portable installs keep their own. Each
preference is one `Option` line on `Settings`, a typed descriptor: reading
gives the stored value (a missing, malformed or out-of-range one reads as
the default or the nearest limit), writing stores at once. As in Picard's
config, the file's `version` and the `UPGRADES` steps carry an older file
forward before anything reads it, after copying it aside; a file from a
newer Desk is read as far as it is known and never rewritten.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar, overload

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from desk.core.coding.suggest import DEFAULT_MIN_SILENCE
from desk.core.pipeline.job_messages import DECODINGS
from desk.core.services.annotator import preset_annotator

MAX_RECENT = 10
LANGUAGES = ("system", "en", "de")
THEMES = ("system", "light", "dark")

T = TypeVar("T")


def config_dir() -> Path:
    override = os.environ.get("DESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("Desk", False))


class Option(Generic[T]):
    """One preference: its key, its default, and how a stored value becomes a `T`."""

    def __init__(self, key: str, default: Callable[[], T],
                 parse: Callable[[object], T | None]) -> None:
        self.key = key
        self.default = default
        self._parse = parse

    def parse(self, value: object) -> T:
        """`value` as this option's type; the default when it is missing or unusable."""
        try:
            parsed = None if value is None else self._parse(value)
        except (TypeError, ValueError):
            parsed = None
        return self.default() if parsed is None else parsed

    @overload
    def __get__(self, settings: None, owner: type) -> Option[T]: ...
    @overload
    def __get__(self, settings: Settings, owner: type) -> T: ...
    def __get__(self, settings: Settings | None, owner: type) -> Option[T] | T:
        if settings is None:
            return self
        return self.parse(settings.store.value(self.key))

    def __set__(self, settings: Settings, value: T) -> None:
        settings.put(self.key, self.parse(value))


# -- the kinds of option ---------------------------------------------------------------
def text(key: str, default: str | Callable[[], str] = "") -> Option[str]:
    """Text, stripped of surrounding blanks."""
    return Option(key, default if callable(default) else lambda: default,
                  lambda v: str(v).strip())


def flag(key: str, default: bool) -> Option[bool]:
    def parse(value: object) -> bool:
        return value.lower() in ("1", "true", "yes") if isinstance(value, str) else bool(value)

    return Option(key, lambda: default, parse)


def number(key: str, default: float, low: float, high: float) -> Option[float]:
    return Option(key, lambda: default, lambda v: min(high, max(low, float(str(v)))))


def integer(key: str, default: int, low: int, high: int) -> Option[int]:
    return Option(key, lambda: default, lambda v: min(high, max(low, int(str(v)))))


def one_of(key: str, default: T, choices: tuple[T, ...]) -> Option[T]:
    """One of `choices` (compared as text: an INI file stores text)."""
    by_text = {str(c): c for c in choices}
    return Option(key, lambda: default, lambda v: by_text.get(str(v)))


def text_list(key: str) -> Option[list[str]]:
    def parse(value: object) -> list[str]:
        items = [value] if isinstance(value, str) else value
        return [str(v) for v in items or [] if v] if isinstance(items, list | tuple) else []

    return Option(key, list, parse)


# -- upgrades: version N-1 -> N, run in order on an older file --------------------------
def _coding_section(store: QSettings) -> None:
    """v2: the tagging pane's own keys became app options, under `coding/`."""
    for old, new in (("tagging/snap_to_words", "coding/snap_to_words"),
                     ("tagging/min_silence", "coding/min_silence")):
        if store.contains(old):
            if not store.contains(new):
                store.setValue(new, store.value(old))
            store.remove(old)


def _decoding_from_beam(store: QSettings) -> None:
    """v2: the beam size (5, or 1 = greedy) became a decoding choice."""
    if store.contains("transcribe/beam_size"):
        if not store.contains("transcribe/decoding"):
            greedy = str(store.value("transcribe/beam_size")) == "1"
            store.setValue("transcribe/decoding", "faster" if greedy else "accurate")
        store.remove("transcribe/beam_size")


def _v2(store: QSettings) -> None:
    _coding_section(store)
    _decoding_from_beam(store)


UPGRADES: dict[int, Callable[[QSettings], None]] = {2: _v2}
SETTINGS_VERSION = max(UPGRADES)


class Settings:
    """Every preference of the app; every write goes to disk at once."""

    # Who is coding: the stored name, else $DESK_ANNOTATOR (tests and shared installs).
    annotator = text("annotator", preset_annotator)
    # Transcription defaults; an empty language means "detect".
    engine = text("transcribe/engine", "auto")
    model = text("transcribe/model", "tiny.en")
    decoding = one_of("transcribe/decoding", "accurate", DECODINGS)
    language = text("transcribe/language", "")
    # Playback and the transcript.
    skip_seconds = number("playback/skip_seconds", 5.0, 0.5, 60.0)
    volume = integer("playback/volume", 80, 0, 100)
    follow_playback = flag("transcript/follow_playback", True)
    # Coding.
    snap_to_words = flag("coding/snap_to_words", False)
    min_silence = number("coding/min_silence", DEFAULT_MIN_SILENCE, 0.5, 3600.0)
    # Look.
    ui_language = one_of("ui/language", "system", LANGUAGES)
    theme = one_of("ui/theme", "system", THEMES)
    # Files.
    recent_projects = text_list("files/recent")
    last_folder = text("files/last_folder", lambda: str(Path.home()))
    last_export_folder = text("files/last_export_folder", "")  # empty: beside the project

    def __init__(self, path: Path | None = None) -> None:
        path = path or config_dir() / "desk.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.store = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def put(self, key: str, value: object) -> None:
        self.store.setValue(key, value)
        self.store.sync()

    def _upgrade(self) -> None:
        version = integer("version", 0, 0, 1 << 30).parse(self.store.value("version"))
        if version >= SETTINGS_VERSION:
            return  # current, or written by a newer Desk: read what we know, keep the rest
        if version > 0 and self.path.is_file():
            shutil.copyfile(self.path, self.path.with_name(f"{self.path.name}.v{version}-backup"))
        for step in range(version + 1, SETTINGS_VERSION + 1):
            if version and step in UPGRADES:
                UPGRADES[step](self.store)
        self.put("version", SETTINGS_VERSION)

    # -- files ----------------------------------------------------------------------------
    def add_recent(self, path: Path) -> None:
        text_path = str(Path(path).resolve())
        recent = [p for p in self.recent_projects if p != text_path]
        self.recent_projects = [text_path, *recent][:MAX_RECENT]

    def remove_recent(self, path: str) -> None:
        self.recent_projects = [p for p in self.recent_projects if p != path]

    # -- keyboard: one key per action, `shortcuts/ACTION` ------------------------------------
    def shortcut(self, action: str) -> str | None:
        """A user override of an action's shortcut (None: use the default)."""
        value = self.store.value(f"shortcuts/{action}")
        return None if value is None else str(value)

    def set_shortcut(self, action: str, keys: str | None) -> None:
        if keys is None:
            self.store.remove(f"shortcuts/{action}")
            self.store.sync()
        else:
            self.put(f"shortcuts/{action}", keys)

    # -- window layout ------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.put("window/state", state)
