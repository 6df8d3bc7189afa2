"""The annotations pane: filter, seek, edit notes and tags inline, nudge, delete, accept.

Double-click on the Tag or Start cell seeks to the annotation's start; on the
Note or End cell it edits that cell in place, as F2 or a click on an already
selected cell does (note, tag from a list, start or end as typed time); each
edit is one undo step.
Alt+←/→ nudges the start, Alt+Shift+←/→ the end, by 0.1 s; Delete removes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.ui.tagging.annotations_model import (
    COL_END,
    COL_NOTE,
    COL_START,
    COL_TAG,
    ID_ROLE,
    AnnotationsFilter,
    AnnotationsModel,
)
from desk.ui.tagging.coding_controller import NUDGE_SECONDS, CodingController

ALL = "\x00all"  # the "no filter" entry of a combo box


class TagChoiceDelegate(QStyledItemDelegate):
    """Changing an annotation's tag by picking one of the codebook's tags."""

    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([t.name for t in self.controller.active_tags()])
        return combo

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class AnnotationsPanel(QWidget):
    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.controller = controller
        self.model = AnnotationsModel(controller, self)
        self.proxy = AnnotationsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False
        self._build()
        controller.changed.connect(self._on_data_changed)
        controller.selected_changed.connect(self._select_from_controller)
        self.model.modelReset.connect(self._select_from_controller)
        self._on_data_changed()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.tag_filter = QComboBox(self)
        self.annotator_filter = QComboBox(self)
        self.source_filter = QComboBox(self)
        for text, data in ((self.tr("Coded and suggested"), ALL), (self.tr("Coded"), "coded"),
                           (self.tr("Suggested"), "suggested")):
            self.source_filter.addItem(text, data)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter by note or tag…"))
        self.text_filter.setClearButtonEnabled(True)
        for combo in (self.tag_filter, self.annotator_filter, self.source_filter):
            # As wide as the longest tag or name, also after the codebook grew.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.text_filter.textChanged.connect(self._apply_filters)

        self.view = QTableView(self)
        self.view.setObjectName("annotationsView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_START, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setItemDelegateForColumn(COL_TAG, TagChoiceDelegate(self.controller, self))
        # Fixed row heights and column widths: measuring 1,000+ rows on every change
        # (ResizeToContents) would cost far more than the change itself.
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((18, 13, 13, 8, 0, 12, 10)):
            if chars:
                self.view.setColumnWidth(column, chars * digit + 16)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._seek_to)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection)

        self.accept_button = self._button(self.tr("Accept"), self.accept_selected,
                                          self.tr("Accept the selected suggestions"))
        self.reject_button = self._button(self.tr("Reject"), self.reject_selected,
                                          self.tr("Reject the selected suggestions; they will "
                                                  "not be suggested again"))
        self.delete_button = self._button(self.tr("Delete"), self.delete_selected,
                                          self.tr("Delete the selected annotations (Del)"))
        self._action(QKeySequence.StandardKey.Delete, self.delete_selected)
        for key, sign in ((Qt.Key.Key_Left, -1), (Qt.Key.Key_Right, 1)):
            delta = sign * NUDGE_SECONDS
            alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
            self._action(QKeySequence(alt | key), self._nudger("start", delta))
            self._action(QKeySequence(alt | shift | key), self._nudger("end", delta))

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.tag_filter, self.annotator_filter, self.source_filter):
            filters.addWidget(widget)
        filters.addWidget(self.text_filter, 1)
        for button in (self.accept_button, self.reject_button, self.delete_button):
            filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _nudger(self, edge: str, delta: float) -> Callable[[], None]:
        return lambda: self.nudge_selected(edge, delta)

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- filters --------------------------------------------------------------------------
    def _on_data_changed(self) -> None:
        annotators = sorted({a.annotator for a in self.controller.annotations if a.annotator})
        self._refill(self.tag_filter, self.tr("All tags"),
                     [t.name for t in self.controller.tags])
        self._refill(self.annotator_filter, self.tr("All annotators"), annotators)
        has_suggestions = any(a.source == "suggested" for a in self.controller.annotations)
        self.accept_button.setEnabled(has_suggestions)
        self.reject_button.setEnabled(has_suggestions)

    def _refill(self, combo: QComboBox, everything: str, values: list[str]) -> None:
        current = combo.currentData()
        if combo.count() and [combo.itemData(i) for i in range(1, combo.count())] == values:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for value in values:
            combo.addItem(value, value)
        found = combo.findData(current)
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if found < 0 and current not in (None, ALL):
            self._apply_filters()

    def _apply_filters(self) -> None:
        def chosen(combo: QComboBox) -> str | None:
            data = combo.currentData()
            return None if data in (None, ALL) else str(data)

        self.proxy.set_filters(tag=chosen(self.tag_filter),
                               annotator=chosen(self.annotator_filter),
                               source=chosen(self.source_filter), text=self.text_filter.text())

    def set_filters(self, tag: str | None = None, annotator: str | None = None,
                    source: str | None = None, text: str = "") -> None:
        """Choose filters programmatically (the same as picking them in the combos)."""
        for combo, value in ((self.tag_filter, tag), (self.annotator_filter, annotator),
                             (self.source_filter, source)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(ALL if value is None else value)))
            combo.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.setText(text)
        self.text_filter.blockSignals(False)
        self._apply_filters()

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [int(i.data(ID_ROLE)) for i in sorted(rows, key=lambda i: i.row())]

    def select_ids(self, ids: list[int]) -> None:
        selection = QItemSelection()
        for annotation_id in ids:
            row = self.model.row_of(annotation_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self._syncing = True
        try:
            self.view.selectionModel().select(selection, flags)
            if not selection.isEmpty():
                first = selection.indexes()[0]
                self.view.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(first)
        finally:
            self._syncing = False

    def _on_view_selection(self) -> None:
        if not self._syncing:
            self.controller.set_selected(self.selected_ids())

    def _select_from_controller(self) -> None:
        if self.selected_ids() != self.controller.selected:
            self.select_ids(self.controller.selected)

    # -- actions ------------------------------------------------------------------------------
    def _seek_to(self, index: QModelIndex) -> None:
        """Double-click: seek from Tag and Start (and the read-only cells), edit Note and End."""
        if index.column() in (COL_NOTE, COL_END):
            # After the double-click's own events: inside them the view refuses to edit
            # ("edit: editing failed" under a real window system).
            cell = QPersistentModelIndex(index)
            QTimer.singleShot(0, lambda: cell.isValid() and self.view.edit(
                self.proxy.index(cell.row(), cell.column())))
            return
        row = self.model.row_of(int(index.data(ID_ROLE)))
        if row >= 0:
            self.controller.seek(self.model.annotation(row).start)

    def delete_selected(self) -> None:
        self.controller.delete_annotations(self.selected_ids())

    def nudge_selected(self, edge: str, delta: float) -> None:
        self.controller.nudge(self.selected_ids(), edge, delta)

    def accept_selected(self) -> None:
        ids = self._suggested(self.selected_ids())
        if ids:
            self.controller.accept(ids)

    def reject_selected(self) -> None:
        ids = self._suggested(self.selected_ids())
        if ids:
            self.controller.reject(ids)

    def _suggested(self, ids: list[int]) -> list[int]:
        sources = {a.id: a.source for a in self.controller.annotations}
        return [i for i in ids if sources.get(i) == "suggested"]
