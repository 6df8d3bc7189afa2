"""Find in the transcript (Ctrl+F): the project's full-text search, next/previous, highlighted.

The speaker filter ("what did Musk say about Harris") hands the speaker to the
same core search as `desk search --speaker`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desk.core.errors import DeskError
from desk.core.records import Speaker
from desk.core.store.transcripts import SearchHit
from desk.ui.transcript_model import COL_TEXT
from desk.ui.transcript_view import TranscriptView

_TOKEN = re.compile(r"\w+", re.UNICODE)


class FindBar(QWidget):
    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.hits: list[SearchHit] = []
        self.position = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in transcript"))
        self.field.setClearButtonEnabled(True)
        self.speaker_filter = QComboBox()
        self.speaker_filter.setObjectName("findSpeaker")
        self.speaker_filter.setToolTip(self.tr("Only what this speaker said"))
        self.speaker_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_speakers([])
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.previous_button = QToolButton()
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton()
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.speaker_filter)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.field.returnPressed.connect(self._return_pressed)
        self.speaker_filter.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.next_button.clicked.connect(self.next)
        self.previous_button.clicked.connect(self.previous)
        self.close_button.clicked.connect(self.close_bar)
        view.transcript_model.modelReset.connect(self._model_changed)

    def set_speakers(self, speakers: list[Speaker]) -> None:
        """The filter's choices; the chosen speaker stays chosen through a rename."""
        chosen = self.speaker_filter.currentData()
        self.speaker_filter.blockSignals(True)
        self.speaker_filter.clear()
        self.speaker_filter.addItem(self.tr("Any speaker"), None)
        for speaker in speakers:
            self.speaker_filter.addItem(speaker.name, speaker.id)
        index = self.speaker_filter.findData(chosen) if chosen is not None else 0
        self.speaker_filter.setCurrentIndex(max(0, index))
        self.speaker_filter.blockSignals(False)
        self.speaker_filter.setVisible(bool(speakers))
        if chosen is not None and index < 0:
            self._debounce.start()  # that speaker is gone (merged): search them all

    def speaker(self) -> str | None:
        """The speaker the search is limited to (None: any)."""
        return None if self.speaker_filter.currentData() is None \
            else self.speaker_filter.currentText()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.set_find_terms([])
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _model_changed(self) -> None:
        if self.isVisible() and self.field.text():
            self._debounce.start()

    def _return_pressed(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.search()
        else:
            self.next()

    def search(self) -> list[SearchHit]:
        """Run the search now; go to the first match at or after the current row."""
        self._debounce.stop()
        model = self.view.transcript_model
        text = self.field.text().strip()
        try:
            self.hits = model.project.transcripts.search(text, speaker=self.speaker()) \
                if (model.project and text) else []
        except DeskError:  # the speaker went away meanwhile: nothing said by them
            self.hits = []
        # Filtered by speaker, the words are marked only where that speaker said them.
        self.view.set_find_terms(_TOKEN.findall(text), None if self.speaker() is None
                                 else {h.segment_id for h in self.hits})
        self.position = -1
        if self.hits:
            current = max(0, self.view.currentIndex().row())
            start = model.row(current).start if model.rowCount() else 0.0
            self.position = next((i for i, h in enumerate(self.hits) if h.start >= start), 0)
            self._go()
        self._show_count()
        return self.hits

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar()
        if self._debounce.isActive() or (not self.hits and self.field.text()):
            self._debounce.stop()
            self.search()
            return
        if not self.hits:
            return
        self.position = (self.position + direction) % len(self.hits)
        self._go()
        self._show_count()

    def _go(self) -> None:
        hit = self.hits[self.position]
        model: QAbstractItemModel = self.view.transcript_model
        row = self.view.transcript_model.row_of_segment(hit.segment_id)
        if row >= 0:
            index = model.index(row, COL_TEXT)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, self.view.ScrollHint.PositionAtCenter)

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count_label.setText("")
        elif not self.hits:
            self.count_label.setText(self.tr("no match"))
        else:
            self.count_label.setText(
                self.tr("%1 of %2").replace("%1", str(self.position + 1))
                .replace("%2", str(len(self.hits))))
