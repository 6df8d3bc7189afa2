"""The coding buttons: one per tag, showing its key and whether it is recording live.

Clicking a button does what the tag's key does. The buttons never take the
keyboard focus, so the transcript selection and the digit keys keep working.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from desk.core.records import Tag
from desk.core.timecode import format_time
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.tag_dialog import colour_icon

COLUMNS = 2
RECORDING_STYLE = "QToolButton { border: 2px solid #d62728; font-weight: bold; }"


class TagPalette(QWidget):
    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.buttons: dict[int, QToolButton] = {}
        self._shown: list[tuple[int | None, str, str, int | None]] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(3)
        self._empty = QLabel(self.tr("No tags yet: add one, or choose a preset below."), self)
        self._empty.setWordWrap(True)
        self._clock = QTimer(self)
        self._clock.setInterval(500)
        self._clock.timeout.connect(self._show_live)
        controller.changed.connect(self.rebuild)
        controller.live.changed.connect(self._show_live)
        self.rebuild()

    def rebuild(self) -> None:
        tags = self.controller.active_tags()
        shape = [(t.id, t.name, t.colour, t.key) for t in tags]
        if shape == self._shown:
            return
        self._shown = shape
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        self._grid.removeWidget(self._empty)
        self._empty.setVisible(not tags)
        if not tags:
            self._grid.addWidget(self._empty, 0, 0)
        for i, tag in enumerate(tags):
            button = QToolButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setIcon(colour_icon(tag.colour, 14))
            button.setToolTip(tag.description or tag.name)
            button.clicked.connect(lambda _checked=False, t=tag: self._activate(t))
            self.buttons[tag.id] = button  # type: ignore[index]
            self._grid.addWidget(button, i // COLUMNS, i % COLUMNS)
        self._show_live()

    def _activate(self, tag: Tag) -> None:
        self.controller.activate(tag)
        self._show_live()

    def _label(self, tag: Tag) -> str:
        key = f"{tag.key}  " if tag.key is not None else ""
        return f"{key}{tag.name}"

    def _show_live(self) -> None:
        open_by_id = {r.tag.id: r for r in self.controller.live.open_ranges()}
        for tag in self.controller.active_tags():
            button = self.buttons.get(tag.id)  # type: ignore[arg-type]
            if button is None:
                continue
            live = open_by_id.get(tag.id)
            button.setChecked(live is not None)
            if live is None:
                button.setText(self._label(tag))
                button.setStyleSheet("")
            else:
                elapsed = time.monotonic() - live.opened_at
                button.setText(f"● {self._label(tag)}  {format_time(elapsed)}")
                button.setStyleSheet(RECORDING_STYLE)
        if open_by_id and not self._clock.isActive():
            self._clock.start()
        elif not open_by_id:
            self._clock.stop()

    def is_recording(self, tag_name: str) -> bool:
        tag = self.controller.tag_named(tag_name)
        button = self.buttons.get(tag.id) if tag else None  # type: ignore[arg-type]
        return bool(button and button.isChecked())
