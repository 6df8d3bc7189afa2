"""Painting transcript rows: the word being spoken, search matches, tag stripes, edits.

Text is laid out with QTextLayout so that the same layout paints the row and
answers "which character is under the mouse" (click a word to seek). Layouts
are cached per (segment, text, width), so scrolling 2,500 rows and the ~30 Hz
playhead repaint re-lay nothing out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desk.ui.transcript_model import (
    COL_SPEAKER,
    COL_TEXT,
    COL_TIME,
    EDITED_ROLE,
    ROW_ROLE,
    TAG_COLOURS_ROLE,
    SegmentRow,
)

PAD = 4
STRIPE = 4
_CACHE_LIMIT = 6000
EDITED_MARK = "✎"

Index = QModelIndex | QPersistentModelIndex


class SegmentTextEditor(QPlainTextEdit):
    """Inline editor: Enter saves, Shift+Enter too (text is one paragraph), Esc cancels."""

    def __init__(self, parent: QWidget, delegate: TranscriptDelegate) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self.setObjectName("segmentEditor")
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(PAD - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._delegate.commitData.emit(self)
            self._delegate.closeEditor.emit(self, QStyledItemDelegate.EndEditHint.NoHint)
            return
        super().keyPressEvent(event)


class TranscriptDelegate(QStyledItemDelegate):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._layouts: dict[tuple[int, str, int], QTextLayout] = {}
        self.find_terms: list[str] = []
        self.find_only: set[int] | None = None  # the segments to mark them in (None: all)
        self.word_selection: tuple[int, int, int, int] | None = None  # row0, word0, row1, word1
        self.current_row = -1
        self.current_word = -1
        self.active_editor: SegmentTextEditor | None = None
        # The view makes the edited row as tall as the editor needs (row, height).
        self.grow_row: Callable[[int, int], None] | None = None

    # -- layout ------------------------------------------------------------------------
    def text_width(self) -> int:
        return max(40, self._view.columnWidth(COL_TEXT) - 2 * PAD)

    def layout_for(self, row: SegmentRow, width: int, font: QFont) -> QTextLayout:
        key = (row.id, row.text, width)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > _CACHE_LIMIT:
                self._layouts.clear()
            layout = QTextLayout(row.text, font)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setCacheEnabled(True)
            layout.setTextOption(option)
            layout.beginLayout()
            y = 0.0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                line.setPosition(QPointF(0, y))
                y += line.height()
            layout.endLayout()
            self._layouts[key] = layout
        return layout

    def clear_cache(self) -> None:
        self._layouts.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.column() != COL_TEXT:
            return super().sizeHint(option, index)
        row: SegmentRow = index.data(ROW_ROLE)
        width = self.text_width()
        layout = self.layout_for(row, width, option.font)
        height = (layout.boundingRect().height() if layout.lineCount()
                  else option.fontMetrics.height())
        return QSize(width + 2 * PAD, int(height) + 2 * PAD)

    def char_at(self, index: Index, rect: QRect, x: float, y: float, font: QFont) -> int:
        """Character offset under viewport point (x, y) inside the text cell `rect`, or -1."""
        row: SegmentRow = index.data(ROW_ROLE)
        layout = self.layout_for(row, self.text_width(), font)
        lx, ly = x - rect.left() - PAD, y - rect.top() - PAD
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= ly < line.y() + line.height():
                if lx < 0 or lx > line.naturalTextWidth():
                    return -1
                return int(line.xToCursor(lx))
        return -1

    # -- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if self.word_selection is not None and option.state & QStyle.StateFlag.State_Selected:
            # Selected words are the selection: a whole-row highlight (which the table has
            # already painted under the cell) would hide them, so the cell is repainted plain.
            option = QStyleOptionViewItem(option)
            option.state &= ~QStyle.StateFlag.State_Selected
            alternate = bool(option.features & QStyleOptionViewItem.ViewItemFeature.Alternate)
            painter.fillRect(option.rect, option.palette.color(
                QPalette.ColorRole.AlternateBase if alternate else QPalette.ColorRole.Base))
        is_current = index.row() == self.current_row
        if is_current and not option.state & QStyle.StateFlag.State_Selected:
            colour = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(55)
            painter.fillRect(option.rect, colour)
        if index.column() == COL_TEXT:
            self._paint_text(painter, option, index, is_current)
            return
        super().paint(painter, option, index)
        if index.column() == COL_TIME:
            colours = index.data(TAG_COLOURS_ROLE) or []
            for i, colour in enumerate(colours[:6]):
                painter.fillRect(QRect(option.rect.left() + i * (STRIPE + 1), option.rect.top() + 1,
                                       STRIPE, option.rect.height() - 2), QColor(colour))
            if index.data(EDITED_ROLE):  # corrected by hand: a pen mark at the cell's end
                painter.save()
                painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(option.rect.adjusted(0, 0, -PAD, 0),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                                 EDITED_MARK)
                painter.restore()

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                    is_current: bool) -> None:
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        row: SegmentRow = index.data(ROW_ROLE)
        layout = self.layout_for(row, self.text_width(), option.font)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        ranges = self._format_ranges(row, index.row(), palette, is_current)
        painter.save()
        painter.setPen(text_colour)
        painter.setClipRect(option.rect)
        layout.draw(painter, QPointF(option.rect.left() + PAD, option.rect.top() + PAD), ranges)
        painter.restore()

    def _format_ranges(self, row: SegmentRow, row_number: int, palette: QPalette,
                       is_current: bool) -> list[QTextLayout.FormatRange]:
        ranges: list[QTextLayout.FormatRange] = []
        spans = row.word_spans() if (is_current or self.word_selection) else []
        if self.find_terms and (self.find_only is None or row.id in self.find_only):
            lowered = row.text.casefold()
            for term in self.find_terms:
                start = lowered.find(term)
                while start >= 0 and term:
                    fmt = QTextCharFormat()
                    fmt.setBackground(QColor(255, 210, 0, 150))
                    fmt.setFontUnderline(True)
                    ranges.append(_range(start, len(term), fmt))
                    start = lowered.find(term, start + len(term))
        if self.word_selection:
            r0, w0, r1, w1 = self.word_selection
            if r0 <= row_number <= r1:
                first = w0 if row_number == r0 else 0
                last = w1 if row_number == r1 else len(spans) - 1
                if 0 <= first <= last < len(spans):
                    fmt = QTextCharFormat()
                    fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
                    fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
                    ranges.append(_range(spans[first][0], spans[last][1] - spans[first][0], fmt))
        if is_current and 0 <= self.current_word < len(spans):
            begin, end = spans[self.current_word]
            if end > begin:
                fmt = QTextCharFormat()
                fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
                fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
                ranges.append(_range(begin, end - begin, fmt))
        return ranges

    # -- editing ----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == COL_SPEAKER:
            speaker_editor = QLineEdit(parent)
            project = getattr(index.model(), "project", None)
            if project is not None:  # complete from the speakers already named
                completer = QCompleter(project.edits.speakers(), speaker_editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                speaker_editor.setCompleter(completer)
            return speaker_editor
        if index.column() != COL_TEXT:
            return super().createEditor(parent, option, index)
        editor = SegmentTextEditor(parent, self)
        editor.setFont(option.font)
        self.active_editor = editor
        editor.destroyed.connect(self._editor_gone)
        row = QPersistentModelIndex(index)
        editor.document().contentsChanged.connect(lambda: self._fit_editor(editor, row))
        return editor

    def _fit_editor(self, editor: SegmentTextEditor, index: QPersistentModelIndex) -> None:
        """Grow the row with the text being typed (plus a line to type into), so the editor
        never covers the next rows."""
        if self.grow_row is None or not index.isValid():
            return
        metrics = editor.fontMetrics()
        text = editor.toPlainText() or " "
        bounds = metrics.boundingRect(QRect(0, 0, self.text_width(), 1 << 20),
                                      int(Qt.TextFlag.TextWordWrap), text)
        self.grow_row(index.row(), bounds.height() + metrics.lineSpacing() + 2 * PAD)

    def _editor_gone(self) -> None:
        self.active_editor = None

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        if editor is self.active_editor:
            self.active_editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, SegmentTextEditor):
            if editor.toPlainText() != index.data(Qt.ItemDataRole.EditRole):
                editor.setPlainText(index.data(Qt.ItemDataRole.EditRole))
                editor.moveCursor(editor.textCursor().MoveOperation.End)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        if isinstance(editor, SegmentTextEditor):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]
            return
        super().setModelData(editor, model, index)  # type: ignore[arg-type]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)  # the row itself grows to fit (see _fit_editor)


def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    item = QTextLayout.FormatRange()
    item.start = start
    item.length = length
    item.format = fmt
    return item
