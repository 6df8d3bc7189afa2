"""Adding or editing one tag: name, description, colour, key 1–9, suggestion keywords."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desk.core.records import Tag

# Distinct colours offered to new tags, in order (the matplotlib "tab10" set).
NEW_TAG_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def first_free_colour(tags: list[Tag]) -> str:
    used = {t.colour.lower() for t in tags}
    return next((c for c in NEW_TAG_COLOURS if c not in used), NEW_TAG_COLOURS[0])


def first_free_key(tags: list[Tag]) -> int | None:
    used = {t.key for t in tags if not t.archived}
    return next((k for k in range(1, 10) if k not in used), None)


class TagDialog(QDialog):
    """Non-blocking (open()); read `values()` when `accepted` fires."""

    def __init__(self, tag: Tag, others: list[Tag], parent: QWidget | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Tag"))
        self.name = QLineEdit(tag.name, self)
        self.description = QPlainTextEdit(tag.description, self)
        self.description.setFixedHeight(self.fontMetrics().height() * 4)
        self.colour = tag.colour
        self.colour_button = QPushButton(self)
        self.colour_button.clicked.connect(self._choose_colour)
        self._show_colour()
        self.key = QComboBox(self)
        self.key.addItem(self.tr("none"), None)
        owners = {t.key: t.name for t in others if t.key is not None and not t.archived}
        for key in range(1, 10):
            owner = owners.get(key)
            self.key.addItem(f"{key}" + (f"  ({owner})" if owner else ""), key)
        self.key.setCurrentIndex(max(0, self.key.findData(tag.key)))
        self.keywords = QLineEdit(", ".join(tag.keywords), self)
        self.keywords.setPlaceholderText(self.tr("words that suggest this tag, comma-separated"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(buttons)

    def set_colour(self, colour: str) -> None:
        self.colour = QColor(colour).name()
        self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setIcon(colour_icon(self.colour, 16))
        self.colour_button.setText(self.colour)

    def _choose_colour(self) -> None:
        picker = QColorDialog(QColor(self.colour), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.colorSelected.connect(lambda c: self.set_colour(c.name()))
        picker.open()

    def values(self) -> dict[str, Any]:
        """The fields as `Tag` attributes (validated by the core when applied)."""
        return {
            "name": self.name.text().strip(),
            "description": self.description.toPlainText().strip(),
            "colour": self.colour,
            "key": self.key.currentData(),
            "keywords": [k.strip() for k in self.keywords.text().split(",") if k.strip()],
        }
