"""Small dialogs: errors, the first-run name question, segment times, shortcuts, about."""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk import __version__
from desk.core.errors import DeskError, InputError
from desk.core.logs import setup_logging
from desk.core.timecode import format_time, parse_time
from desk.ui import shortcuts
from desk.ui.screen_fit import fit_title
from desk.ui.settings import Settings

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def ask_item(parent: QWidget, title: str, label: str, items: list[str], current: int = 0,
             editable: bool = False) -> tuple[str, bool]:
    """QInputDialog.getItem with a title that fits."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(editable)
    if 0 <= current < len(items):
        dialog.setTextValue(items[current])
    fit_title(dialog)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """QInputDialog.getText with a title that fits."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    fit_title(dialog)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted


def show_error(parent: QWidget | None, message: str, details: str | None = None) -> None:
    """A warning box with a plain sentence; technical details only behind "Show Details"."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Desk", message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.exec()


def install_excepthook(parent_of_dialogs: QWidget | None = None) -> None:
    """Unexpected errors are logged (with the traceback) and shown as a short dialog."""
    import sys

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(error, DeskError):
            log.warning("%s", error)
            show_error(QApplication.activeWindow() or parent_of_dialogs, str(error))
            return
        path = setup_logging()
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        show_error(QApplication.activeWindow() or parent_of_dialogs,
                   translate("dialogs", "Something went wrong inside Desk. Your edits so far "
                             "are saved.\nDetails are in the log file: %1")
                   .replace("%1", str(path)),
                   f"{kind.__name__}: {error}")

    sys.excepthook = hook


def ask_annotator(parent: QWidget | None, settings: Settings) -> str:
    """First run: the name stored with every coding decision."""
    name, ok = QInputDialog.getText(
        parent, translate("dialogs", "Welcome to Desk"),
        translate("dialogs", "Your name or initials (stored with every annotation you make):"),
        QLineEdit.EchoMode.Normal, settings.annotator)
    if ok and name.strip():
        settings.annotator = name.strip()
    return settings.annotator


class SegmentTimesDialog(QDialog):
    """Start and end of a segment as hh:mm:ss.mmm, with "use the playhead" buttons."""

    def __init__(self, start: float, end: float, playhead: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("dialogs", "Segment times"))
        self.start_field = QLineEdit(format_time(start, millis=True))
        self.end_field = QLineEdit(format_time(end, millis=True))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b")
        form = QFormLayout(self)
        start_label, end_label = translate("dialogs", "Start:"), translate("dialogs", "End:")
        for label, field in ((start_label, self.start_field), (end_label, self.end_field)):
            button = QPushButton(translate("dialogs", "Playhead"))
            button.setToolTip(translate("dialogs", "Use the current playback position"))
            button.clicked.connect(
                lambda _c=False, f=field: f.setText(format_time(playhead, millis=True)))
            row = QWidget()
            layout = QVBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(field)
            layout.addWidget(button)
            form.addRow(label, row)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def times(self) -> tuple[float, float]:
        return parse_time(self.start_field.text()), parse_time(self.end_field.text())

    def _check(self) -> None:
        try:
            start, end = self.times()
            if end <= start:
                raise InputError(translate("dialogs", "the end must come after the start"))
        except InputError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()


def show_shortcuts_sheet(parent: QWidget | None, settings: Settings) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsSheet")
    dialog.setWindowTitle(translate("dialogs", "Keyboard shortcuts"))
    browser = QTextBrowser()
    browser.setHtml(shortcuts.sheet_html(settings))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    screen = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(560, screen.width() - 40), min(640, screen.height() - 80))  # it scrolls
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, translate("dialogs", "About Desk"),
                      translate("dialogs", "<b>Desk %1</b><p>Annotate a livestream recording: "
                                "watch it, transcribe it locally with Whisper, code time ranges, "
                                "export the evidence.</p>")
                      .replace("%1", __version__))
