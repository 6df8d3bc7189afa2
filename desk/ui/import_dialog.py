"""File → Import… (or a dropped file): what would come in, shown before anything is written.

The dialog shows an `ImportPreview` (desk.core.services.import_preview): the
counts, what each ELAN tier becomes, the tags that will be new, and who the
import is recorded under (editable). Choosing another "bring in as" asks the
controller for a fresh preview (`mode_changed`); Import applies exactly the
previewed bundle, as one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.services.import_preview import ImportPreview


class ImportDialog(QDialog):
    mode_changed = Signal(object)  # "transcript", "annotations" or None (the file decides)

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import %1").replace("%1", preview.path.name))
        self.preview = preview
        self.mode = QComboBox()
        self.mode.setObjectName("importMode")
        names = {"transcript": self.tr("a new transcript version"),
                 "annotations": self.tr("annotations")}
        if len(preview.modes) > 1:
            self.mode.addItem(self.tr("what the file holds"), None)
        for mode in preview.modes:
            self.mode.addItem(names.get(mode, mode), mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(preview.as_)))
        self.mode.setEnabled(self.mode.count() > 1)
        self.mode.activated.connect(lambda _i: self.mode_changed.emit(self.mode.currentData()))
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names like "Zoë <z@x>"
        self.parts = QTableWidget(0, 3)
        self.parts.setObjectName("importParts")
        self.parts.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Becomes"),
                                              self.tr("Items")])
        self.parts.verticalHeader().hide()
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.recorded_as = QLineEdit(preview.recorded_as)
        self.recorded_as.setObjectName("importAnnotator")
        self.warnings = QLabel()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Bring in as:"), self.mode)
        form.addRow(self.tr("Recorded under:"), self.recorded_as)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.parts, 1)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        note = QLabel(self.tr("Nothing is written until you press Import; Edit → Undo takes "
                              "the whole import back."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_preview(preview)
        self.resize(640, 460)

    def show_preview(self, preview: ImportPreview) -> None:
        """Show (another) preview of the file: after opening, or a new "bring in as"."""
        self.preview = preview
        self.summary.setText("\n".join(self.facts(preview)))
        self.parts.setRowCount(len(preview.parts))
        for row, part in enumerate(preview.parts):
            for column, text in enumerate((part.source, part.becomes, str(part.count))):
                self.parts.setItem(row, column, QTableWidgetItem(text))
        self.parts.resizeColumnToContents(0)
        self.parts.setVisible(bool(preview.parts))
        self.warnings.setText("\n".join(preview.warnings))
        self.warnings.setVisible(bool(preview.warnings))
        self.import_button.setEnabled(self.brings_something(preview))

    @staticmethod
    def brings_something(preview: ImportPreview) -> bool:
        """A version, annotations not there yet, new tags, or a codebook's updates."""
        bundle = preview.bundle
        return (preview.makes_version or preview.annotations > preview.already_there
                or bool(preview.new_tags) or (bundle.update_tags and bool(bundle.tags)))

    def facts(self, preview: ImportPreview) -> list[str]:
        """The preview's counts in the analyst's language."""
        lines = [self.tr("%1 (%2)").replace("%1", preview.path.name)
                 .replace("%2", preview.format.upper())]
        if preview.makes_version:
            lines.append(self.tr("A new transcript version: %1 segments, %2 words, speakers: "
                                 "%3. The current version is kept.")
                         .replace("%1", str(preview.segments)).replace("%2", str(preview.words))
                         .replace("%3", ", ".join(preview.speakers) or self.tr("none")))
        if preview.annotations:
            line = self.tr("%1 annotations").replace(
                "%1", str(preview.annotations - preview.already_there))
            if preview.annotators:
                line += self.tr(" by %1").replace("%1", ", ".join(preview.annotators))
            if preview.already_there:
                line += self.tr(" (%1 already in the project are skipped)").replace(
                    "%1", str(preview.already_there))
            lines.append(line)
        if preview.new_tags:
            lines.append(self.tr("New tags: %1").replace("%1", ", ".join(preview.new_tags)))
        if preview.known_tags:
            lines.append(self.tr("Tags already in the codebook: %1")
                         .replace("%1", ", ".join(preview.known_tags)))
        if not self.brings_something(preview):
            lines.append(self.tr("Nothing to import."))
        return lines

    def chosen(self) -> ImportPreview:
        """The preview to apply, recorded under the name in the field."""
        self.preview.recorded_as = self.recorded_as.text().strip()
        return self.preview
