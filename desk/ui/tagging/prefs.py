"""The tagging preferences (snap to words, shortest dead air), kept with the app's settings.

They live under `tagging/` in the app's QSettings file when the window
provides one (`window.settings.store`), else only for this session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

PREFIX = "tagging/"


class TaggingPrefs:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store
        self._memory: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        if self._store is None:
            return self._memory.get(key, default)
        return self._store.value(PREFIX + key, default)

    def get_bool(self, key: str, default: bool) -> bool:
        value = self.get(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def get_float(self, key: str, default: float) -> float:
        try:
            return float(self.get(key, default))
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        if self._store is None:
            self._memory[key] = value
            return
        self._store.setValue(PREFIX + key, value)
        self._store.sync()
