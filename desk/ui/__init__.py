"""Desk's desktop app (PySide6 + python-vlc). It adapts desk.core and owns no business rules."""
