"""The codebook pane: coding buttons on top, the project's tags below.

Tags are added, edited (name, description, colour, key, keywords), recoloured,
moved up and down, archived (hidden from coding, kept with their annotations)
and imported or exported as codebook JSON; a preset can be applied at any
time, which is how a new project gets its codebook. Every change is one undo
step through the controller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.coding.codebook import DEFAULT_PRESET, list_presets, load_codebook
from desk.core.errors import DeskError
from desk.core.records import Tag
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.tag_dialog import TagDialog, colour_icon, first_free_colour, first_free_key
from desk.ui.tagging.tag_palette import TagPalette

COL_KEY, COL_NAME, COL_DESCRIPTION, COL_KEYWORDS = range(4)
CODEBOOK_FILTER = "Codebook (*.json)"


class CodebookPanel(QWidget):
    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookPanel")
        self.controller = controller
        self.dialog: TagDialog | None = None  # the open add/edit dialog, if any
        self._wanted: str | None = None  # a tag to select once the table shows it
        self.tag_palette = TagPalette(controller, self)
        self._build()
        controller.changed.connect(self.reload)
        self.reload()

    def _build(self) -> None:
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Key"), self.tr("Tag"), self.tr("Description"), self.tr("Keywords")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(self.reload)

        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            (self.tr("Add…"), self.tr("Add a tag"), self.add_dialog),
            (self.tr("Edit…"), self.tr("Edit the selected tag"), self.edit_selected),
            (self.tr("Colour…"), self.tr("Recolour the selected tag"), self.choose_colour),
            ("▲", self.tr("Move up"), lambda: self.move_selected(-1)),
            ("▼", self.tr("Move down"), lambda: self.move_selected(1)),
            (self.tr("Archive"), self.tr("Hide the selected tag from coding (or use it again)"),
             self.toggle_archived_selected),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            tools.addWidget(button)
        more = QToolButton(self)
        more.setText(self.tr("Codebook"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        menu.addAction(self.tr("Import codebook…"), self.import_dialog)
        menu.addAction(self.tr("Export codebook…"), self.export_dialog)
        more.setMenu(menu)
        tools.addWidget(more)
        tools.addStretch(1)

        presets = QHBoxLayout()
        presets.setContentsMargins(0, 0, 0, 0)
        self.preset_box = QComboBox(self)
        self.preset_box.addItems(list_presets())
        self.preset_box.setCurrentText(DEFAULT_PRESET)
        self.preset_box.setToolTip(self.tr("Codebooks that ship with Desk"))
        use = QPushButton(self.tr("Use preset"), self)
        use.setToolTip(self.tr("Add the preset's tags (tags with the same name are updated)"))
        use.clicked.connect(lambda: self.apply_preset(self.preset_box.currentText()))
        presets.addWidget(self.preset_box, 1)
        presets.addWidget(use)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tag_palette)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_archived)
        layout.addLayout(presets)

    # -- the table ------------------------------------------------------------------------
    def visible_tags(self) -> list[Tag]:
        if self.show_archived.isChecked():
            return list(self.controller.tags)
        return self.controller.active_tags()

    def reload(self) -> None:
        current = self.selected_tag()
        wanted = self._wanted or (current.name if current else None)
        self._wanted = None
        tags = self.visible_tags()
        self.table.setRowCount(len(tags))
        grey = QColor(Qt.GlobalColor.gray)
        italic = QFont()
        italic.setItalic(True)
        for row, tag in enumerate(tags):
            cells = [str(tag.key or ""), tag.name, tag.description, ", ".join(tag.keywords)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, tag.id)
                if column == COL_DESCRIPTION:
                    item.setToolTip(tag.description)
                if tag.archived:
                    item.setForeground(grey)
                    item.setFont(italic)
                self.table.setItem(row, column, item)
            self._name_cell(row).setIcon(colour_icon(tag.colour))
        if wanted is not None:
            self.select_tag(wanted)

    def _name_cell(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, COL_NAME)
        assert item is not None  # every row is filled when the codebook is shown
        return item

    def selected_tag(self) -> Tag | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        tag_id = self._name_cell(rows[0].row()).data(Qt.ItemDataRole.UserRole)
        return next((t for t in self.controller.tags if t.id == tag_id), None)

    def select_tag(self, name: str) -> None:
        """Select a tag's row, now or (for a tag just added or renamed) after the reload."""
        for row in range(self.table.rowCount()):
            if self._name_cell(row).text().casefold() == name.casefold():
                self.table.selectRow(row)
                return
        self._wanted = name

    # -- editing ----------------------------------------------------------------------------
    def add_dialog(self) -> TagDialog:
        tags = self.controller.tags
        draft = Tag(name="", colour=first_free_colour(tags), key=first_free_key(tags))
        dialog = TagDialog(draft, tags, self, self.tr("Add tag"))
        dialog.accepted.connect(lambda: self._add_from(dialog))
        return self._open(dialog)

    def _add_from(self, dialog: TagDialog) -> None:
        values = dialog.values()
        if self.controller.add_tag(Tag(**values)) is not None:
            self.select_tag(values["name"])

    def edit_selected(self) -> TagDialog | None:
        tag = self.selected_tag()
        if tag is None:
            return None
        others = [t for t in self.controller.tags if t.id != tag.id]
        dialog = TagDialog(tag, others, self, self.tr("Edit tag"))
        dialog.accepted.connect(lambda: self._update_from(tag, dialog))
        return self._open(dialog)

    def _update_from(self, tag: Tag, dialog: TagDialog) -> None:
        values = dialog.values()
        changes = {k: v for k, v in values.items() if getattr(tag, k) != v}
        if changes and self.controller.update_tag(tag.id, **changes) is not None:  # type: ignore[arg-type]
            self.select_tag(values["name"])

    def _open(self, dialog: TagDialog) -> TagDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def choose_colour(self) -> None:
        tag = self.selected_tag()
        if tag is None:
            return
        picker = QColorDialog(QColor(tag.colour), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.colorSelected.connect(lambda c: self.recolour(tag.name, c.name()))
        picker.open()

    def recolour(self, name: str, colour: str) -> None:
        self.controller.update_tag(name, colour=colour)

    def move_selected(self, step: int) -> None:
        tag = self.selected_tag()
        if tag is not None:
            self.move_tag(tag.name, step)

    def move_tag(self, name: str, step: int) -> None:
        """Move a tag up (-1) or down (+1) in the codebook order."""
        names = [t.name for t in self.controller.tags]
        index = next((i for i, n in enumerate(names) if n.casefold() == name.casefold()), -1)
        target = index + step
        if index < 0 or not 0 <= target < len(names):
            return
        names[index], names[target] = names[target], names[index]
        self.controller.reorder_tags(names)
        self.select_tag(name)

    def toggle_archived_selected(self) -> None:
        tag = self.selected_tag()
        if tag is not None:
            self.set_archived(tag.name, not tag.archived)

    def set_archived(self, name: str, archived: bool) -> None:
        self.controller.update_tag(name, archived=archived)

    # -- codebook files -----------------------------------------------------------------------
    def apply_preset(self, preset: str) -> None:
        """A project not coded yet takes the preset instead of its codebook; else it is added.

        Tags cannot be deleted (annotations and the history refer to them), so
        "instead" means the other tags are archived, in the same undo step.
        """
        controller = self.controller
        if controller.project is None:
            return
        if controller.annotations:
            self.import_codebook(preset)
            return
        try:
            codebook = load_codebook(preset)
        except DeskError as exc:
            controller.error.emit(str(exc))
            return
        keep = {t.name.casefold() for t in codebook.tags}
        with controller.one_step(self.tr("Use codebook %1").replace("%1", codebook.name)):
            if controller.apply_codebook(codebook) is None:
                return
            for tag in controller.project.tags.list():
                if tag.name.casefold() not in keep:
                    controller.update_tag(tag.id, archived=True)  # type: ignore[arg-type]
        controller.message.emit(self.tr("Codebook “%1” in use").replace("%1", codebook.name))

    def import_codebook(self, preset_or_path: str | Path) -> None:
        try:
            codebook = load_codebook(preset_or_path)
        except DeskError as exc:
            self.controller.error.emit(str(exc))
            return
        counts = self.controller.apply_codebook(codebook)
        if counts is not None:
            self.controller.message.emit(
                self.tr("Codebook “%1”: %2 tags added, %3 updated")
                .replace("%1", codebook.name).replace("%2", str(counts[0]))
                .replace("%3", str(counts[1])))

    def export_codebook(self, path: Path) -> bool:
        return self.controller.export_codebook(Path(path))

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import codebook"), "",
                                              CODEBOOK_FILTER)
        if path:
            self.import_codebook(Path(path))

    def export_dialog(self) -> None:
        project = self.controller.project
        suggested = str(project.path.with_suffix(".codebook.json")) if project else ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export codebook"), suggested,
                                              CODEBOOK_FILTER)
        if path:
            self.export_codebook(Path(path))
