"""The statistics pane: per tag, per speaker, and the code timeline picture.

Figures come from desk.core.coding.stats (suggestions excluded, overlaps of one tag
counted once in "covered"), so the pane, `desk stats` and exports agree. It is
recomputed only while visible, at most once per change. The tables are as tall
as their rows, so every tag shows; the pane scrolls when they do not fit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.coding import stats
from desk.core.coding.code_timeline import code_timeline
from desk.core.errors import DeskError
from desk.core.timecode import format_time
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.stats_picture import render_code_timeline, save_code_timeline_png
from desk.ui.tagging.tag_dialog import colour_icon

RECOUNT_DELAY_MS = 300


class StatsPanel(QWidget):
    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsPanel")
        self.controller = controller
        self.tag_rows: list[stats.TagStats] = []
        self.speaker_rows: list[stats.SpeakerStats] = []
        self._stale = True
        self.tags_table = self._table([self.tr("Tag"), self.tr("Count"), self.tr("Total"),
                                       self.tr("Covered"), self.tr("Share")])
        self.speakers_table = self._table([self.tr("Speaker"), self.tr("Segments"),
                                           self.tr("Talk time"), self.tr("Share"),
                                           self.tr("Turns"), self.tr("Longest turn"),
                                           self.tr("Interruptions")])
        _present(self.speakers_table.horizontalHeaderItem(6)).setToolTip(self.tr(
            "Turns that began while another speaker was still talking, or just after they "
            "stopped mid-sentence"))
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        save = QPushButton(self.tr("Save picture…"), self)
        save.clicked.connect(self.save_dialog)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setToolTip(self.tr("Recount (talk time changes when speakers are edited)"))
        refresh.clicked.connect(self.recompute)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        buttons.addWidget(save)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(QLabel(self.tr("Tags (suggestions not counted)"), content))
        layout.addWidget(self.tags_table)
        layout.addWidget(QLabel(self.tr("Talk time per speaker"), content))
        layout.addWidget(self.speakers_table)
        layout.addWidget(self.picture)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("statsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RECOUNT_DELAY_MS)
        self._debounce.timeout.connect(self.recompute)
        controller.changed.connect(self._mark_stale)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        return table

    @staticmethod
    def _fit_height(table: QTableWidget) -> None:
        """As tall as header and rows: the pane scrolls, not the table."""
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        scrollbar = table.horizontalScrollBar()
        extra = scrollbar.sizeHint().height() if scrollbar.maximum() > 0 else 0
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows
                             + 2 * table.frameWidth() + extra)

    # -- recomputing ------------------------------------------------------------------------
    def _mark_stale(self) -> None:
        """Recount soon if shown (a burst of coding costs one recount), else when shown."""
        self._stale = True
        if self.isVisible():
            self._debounce.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and self.controller.project is not None:
            self._draw_picture()

    def recompute(self) -> None:
        self._debounce.stop()
        self._stale = False
        project = self.controller.project
        self.tag_rows = stats.tag_stats(project) if project else []
        self.speaker_rows = stats.speaker_stats(project) if project else []
        self.tags_table.setRowCount(len(self.tag_rows))
        for row, t in enumerate(self.tag_rows):
            cells = [t.tag, str(t.count), format_time(t.total), format_time(t.covered),
                     f"{t.share * 100:.1f} %"]
            self._fill(self.tags_table, row, cells)
            _present(self.tags_table.item(row, 0)).setIcon(colour_icon(t.colour))
        self.speakers_table.setRowCount(len(self.speaker_rows))
        for row, s in enumerate(self.speaker_rows):
            self._fill(self.speakers_table, row, [
                s.speaker, str(s.segments), format_time(s.talk_time), f"{s.share * 100:.1f} %",
                str(s.turns), format_time(s.longest_turn), str(s.interruptions)])
            if s.colour:
                _present(self.speakers_table.item(row, 0)).setIcon(colour_icon(s.colour))
        self._fit_height(self.tags_table)
        self._fit_height(self.speakers_table)
        self._draw_picture()

    def _fill(self, table: QTableWidget, row: int, cells: list[str]) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)

    def _draw_picture(self) -> None:
        project = self.controller.project
        if project is None:
            self.picture.clear()
            return
        width = max(400, min(2000, self.scroll_area.viewport().width() - 8))
        image = render_code_timeline(code_timeline(project), width)
        self.picture.setPixmap(QPixmap.fromImage(image))

    # -- saving -------------------------------------------------------------------------------
    def save_picture(self, path: Path | str, width: int = 1600) -> bool:
        project = self.controller.project
        if project is None:
            return False
        try:
            save_code_timeline_png(project, path, width)
        except DeskError as exc:
            self.controller.error.emit(str(exc))
            return False
        self.controller.message.emit(self.tr("Picture saved to %1").replace("%1", str(path)))
        return True

    def save_dialog(self) -> None:
        project = self.controller.project
        if project is None:
            return
        suggested = str(project.path.with_name(project.path.stem + "-codes.png"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save code timeline"), suggested,
                                              "PNG (*.png)")
        if path:
            self.save_picture(path)


def _present(item: QTableWidgetItem | None) -> QTableWidgetItem:
    """A cell (or header) this panel filled itself: never missing."""
    assert item is not None
    return item
