"""The transport bar: play/pause, ±skip, speed, volume, position slider, elapsed/total.

Evidence work cites moments to the millisecond: the slider counts milliseconds
and jumps to where it is clicked (not by pages), and the clock shows
`hh:mm:ss.mmm`; clicking it turns it into a field to type a time to go to.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.timecode import format_time, parse_time
from desk.ui.player import MAX_RATE, MIN_RATE, Player

SLIDER_UNITS = 1000  # slider steps per second (milliseconds; 2^31 ms is 24 days)
ICON_SIZE = 18


def glyph_icon(kind: str, colour: QColor, ratio: float = 1.0) -> QIcon:
    """A transport glyph (play, pause, back, forward, volume, muted) drawn in `colour`."""
    size = ICON_SIZE
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)

    def triangle(x0: float, x1: float) -> None:  # pointing right if x1 > x0
        painter.drawPolygon(QPolygonF([QPointF(x0, 3), QPointF(x1, size / 2),
                                       QPointF(x0, size - 3)]))

    if kind == "play":
        triangle(5, size - 3)
    elif kind == "pause":
        painter.drawRect(QRectF(4, 3, 3.5, size - 6))
        painter.drawRect(QRectF(size - 7.5, 3, 3.5, size - 6))
    elif kind == "forward":
        triangle(2, size / 2)
        triangle(size / 2, size - 1)
    elif kind == "back":
        triangle(size / 2, 1)
        triangle(size - 2, size / 2)
    else:  # volume / muted: a speaker, with waves or a cross
        painter.drawPolygon(QPolygonF([QPointF(2, 6.5), QPointF(6, 6.5), QPointF(10, 3),
                                       QPointF(10, size - 3), QPointF(6, size - 6.5),
                                       QPointF(2, size - 6.5)]))
        pen = painter.pen()
        pen.setStyle(Qt.PenStyle.SolidLine)
        pen.setColor(colour)
        pen.setWidthF(1.6)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "muted":
            painter.drawLine(QPointF(12, 6), QPointF(17, 12))
            painter.drawLine(QPointF(17, 6), QPointF(12, 12))
        else:
            painter.drawArc(QRectF(8, 5, 6, 8), -60 * 16, 120 * 16)
            painter.drawArc(QRectF(7, 2, 10, 14), -60 * 16, 120 * 16)
    painter.end()
    return QIcon(pixmap)


class SeekSlider(QSlider):
    """A position slider that jumps to the clicked point, then drags from there."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            control = QStyle.ComplexControl.CC_Slider
            handle = style.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                groove = style.subControlRect(control, option,
                                              QStyle.SubControl.SC_SliderGroove, self)
                span = max(1, groove.width() - handle.width())
                x = round(event.position().x()) - groove.x() - handle.width() // 2
                value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(),
                                                       min(max(0, x), span), span,
                                                       option.upsideDown)
                self.setValue(value)
                self.sliderMoved.emit(value)
        super().mousePressEvent(event)  # the handle is under the mouse now: a drag goes on


class ClockLabel(QLabel):
    """Elapsed / total; a click asks for a time to go to."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)


class TimeEntry(QLineEdit):
    """Where a typed time goes: Enter seeks, Esc or leaving gives the clock back."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible():
            self.cancelled.emit()


class TransportBar(QWidget):
    """Controls bound to a Player; it holds no state of its own besides the widgets."""

    skip_requested = Signal(int)  # -1 back, +1 forward (the window knows the skip length)

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.back_button = self._button(self.tr("Back"))
        self.play_button = self._button(self.tr("Play"))
        self.forward_button = self._button(self.tr("Forward"))
        self.slider = SeekSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("positionSlider")
        self.slider.setAccessibleName(self.tr("Position"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label = ClockLabel(self._time_text(0.0, 0.0))
        self.time_label.setObjectName("timeLabel")
        self.time_label.setToolTip(self.tr("Click to type a time to go to (Ctrl+G)"))
        self.time_label.setCursor(Qt.CursorShape.IBeamCursor)
        self.time_label.clicked.connect(self.ask_time)
        self.time_entry = TimeEntry()
        self.time_entry.setObjectName("timeEntry")
        self.time_entry.setAccessibleName(self.tr("Go to time"))
        self.time_entry.setPlaceholderText("hh:mm:ss.mmm")
        self.time_entry.setMinimumWidth(self.time_label.sizeHint().width())
        self.time_entry.hide()
        self.time_entry.returnPressed.connect(self._time_entered)
        self.time_entry.cancelled.connect(self._close_time_entry)
        self.speed = QDoubleSpinBox()
        self.speed.setObjectName("speedBox")
        self.speed.setRange(MIN_RATE, MAX_RATE)
        self.speed.setSingleStep(0.1)
        self.speed.setDecimals(1)
        self.speed.setSuffix("×")
        self.speed.setValue(1.0)
        self.speed.setToolTip(self.tr("Playback speed"))
        self.speed.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.mute_button = self._button(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("volumeSlider")
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setRange(0, 100)
        self.volume.setMaximumWidth(90)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.back_button, self.play_button, self.forward_button):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.time_entry)
        layout.addWidget(self.speed)
        layout.addWidget(self.mute_button)
        layout.addWidget(self.volume)

        self.play_button.clicked.connect(player.toggle)
        self.back_button.clicked.connect(lambda: self.skip_requested.emit(-1))
        self.forward_button.clicked.connect(lambda: self.skip_requested.emit(1))
        self.slider.sliderMoved.connect(self._slider_moved)
        self.slider.sliderReleased.connect(lambda: self._slider_moved(self.slider.value()))
        self.speed.valueChanged.connect(player.set_rate)
        self.mute_button.toggled.connect(player.set_muted)
        self.volume.valueChanged.connect(player.set_volume)
        player.position_changed.connect(self._show_position)
        player.duration_changed.connect(self._show_duration)
        player.playing_changed.connect(self._show_playing)
        player.rate_changed.connect(self._show_rate)
        player.volume_changed.connect(self._show_volume)
        self.setEnabled(player.available)
        self._paint_icons()

    def _paint_icons(self) -> None:
        """Glyphs in the palette's text colour, so they stay visible in dark mode."""
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        ratio = self.devicePixelRatioF()
        self.back_button.setIcon(glyph_icon("back", colour, ratio))
        self.forward_button.setIcon(glyph_icon("forward", colour, ratio))
        self.play_button.setIcon(glyph_icon("pause" if self.player.is_playing() else "play",
                                            colour, ratio))
        self.mute_button.setIcon(glyph_icon("muted" if self.player.is_muted() else "volume",
                                            colour, ratio))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_icons()
        super().changeEvent(event)

    def _button(self, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    @staticmethod
    def _time_text(elapsed: float, total: float) -> str:
        return f"{format_time(elapsed, True)} / {format_time(total, True)}"

    # -- type a time to go to -------------------------------------------------------------
    def ask_time(self) -> None:
        """Swap the clock for a field holding the current time, selected for typing over."""
        self.time_entry.setText(format_time(self.player.position(), True))
        self.time_entry.setStyleSheet("")
        self.time_label.hide()
        self.time_entry.show()
        self.time_entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.time_entry.selectAll()

    def _time_entered(self) -> None:
        try:
            seconds = parse_time(self.time_entry.text())
        except DeskError as exc:
            self.time_entry.setToolTip(str(exc))
            self.time_entry.setStyleSheet("color: #d62728;")
            return
        self.player.seek(seconds)
        self._close_time_entry()

    def _close_time_entry(self) -> None:
        self.time_entry.hide()
        self.time_label.show()

    def _slider_moved(self, value: int) -> None:
        self.player.seek(value / SLIDER_UNITS)

    def _show_position(self, seconds: float) -> None:
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(round(seconds * SLIDER_UNITS))
            self.slider.blockSignals(False)
        text = self._time_text(seconds, self.player.duration())
        if text != self.time_label.text():
            self.time_label.setText(text)

    def _show_duration(self, seconds: float) -> None:
        self.slider.setRange(0, round(seconds * SLIDER_UNITS))
        self.slider.setPageStep(max(1, round(10 * SLIDER_UNITS)))  # keyboard only: clicks jump
        self.time_label.setText(self._time_text(self.player.position(), seconds))

    def _show_playing(self, playing: bool) -> None:
        self._paint_icons()
        tip = self.tr("Pause") if playing else self.tr("Play")
        self.play_button.setToolTip(tip)
        self.play_button.setAccessibleName(tip)

    def _show_rate(self, rate: float) -> None:
        if abs(self.speed.value() - rate) > 1e-6:
            self.speed.blockSignals(True)
            self.speed.setValue(rate)
            self.speed.blockSignals(False)

    def _show_volume(self, volume: int, muted: bool) -> None:
        for widget, value in ((self.volume, volume), (self.mute_button, muted)):
            widget.blockSignals(True)
            if widget is self.volume:
                self.volume.setValue(int(value))
            else:
                self.mute_button.setChecked(bool(value))
            widget.blockSignals(False)
        self._paint_icons()
