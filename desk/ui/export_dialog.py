"""File → Export…: which formats, where, and what of the project goes in.

The formats are the core registry's (`EXPORTERS`), so a format added there
appears here and in `desk export` alike. The dialog only gathers the choice
into an `ExportPlan` (desk.core.services.export_plan); the window's exchange
controller writes it off the GUI thread. The name is proposed from the
project and the folder is the last one exported to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.formats.registry import EXPORTERS
from desk.core.formats.selection import Selection
from desk.core.services.export_plan import ExportPlan, propose
from desk.core.store import Project

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_FORMATS = ("docx",)


def _checked(widget: QListWidget) -> list[str]:
    return [str(widget.item(i).data(NAME_ROLE)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _check_list(object_name: str, entries: list[tuple[str, str]],
                checked: set[str] | None = None) -> QListWidget:
    """A list of (name, shown text) with a check box each; all checked unless `checked`."""
    widget = QListWidget()
    widget.setObjectName(object_name)
    for name, text in entries:
        item = QListWidgetItem(text)
        item.setData(NAME_ROLE, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        on = checked is None or name in checked
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _described(description: str) -> str:
    return QCoreApplication.translate("formats", description)


class ExportDialog(QDialog):
    """Gathers an ExportPlan; `plan()` after `exec()` returned true."""

    def __init__(self, project: Project, folder: str = "",
                 formats: tuple[str, ...] = DEFAULT_FORMATS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        usable = Path(folder) if folder and Path(folder).is_dir() else None
        proposed = propose(project, formats, usable)
        self.formats = _check_list("exportFormats", [
            (f.name, f"{f.name.upper()} — {_described(f.description)}")
            for f in EXPORTERS.values()],
            set(proposed.formats))
        self.folder = QLineEdit(str(proposed.folder))
        self.folder.setObjectName("exportFolder")
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        self.name = QLineEdit(proposed.name)
        self.name.setObjectName("exportName")
        self._build_selection(project)
        self.normalise = QCheckBox(self.tr("Clips: audio-only listening copies, equally loud"))
        self.normalise.setObjectName("clipsNormalise")
        self.precise = QCheckBox(self.tr("Clips: frame-exact cuts (slower, re-encodes)"))
        self.precise.setObjectName("clipsPrecise")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.formats.itemChanged.connect(self._formats_changed)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        files = QFormLayout()
        files.addRow(self.tr("Folder:"), where)
        files.addRow(self.tr("File name:"), self.name)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Formats (several at once):")))
        left.addWidget(self.formats, 1)
        left.addWidget(self.normalise)
        left.addWidget(self.precise)
        columns.addLayout(left, 3)
        columns.addWidget(self.include_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(files)
        layout.addWidget(buttons)
        self._formats_changed()
        self.resize(1040, 600)  # the formats' descriptions in full

    def _build_selection(self, project: Project) -> None:
        """What to include: the transcript (which version), codes (tags, coders), the rest."""
        self.include_box = QGroupBox(self.tr("Include"))
        self.transcript = QCheckBox(self.tr("Transcript"))
        self.transcript.setObjectName("includeTranscript")
        self.version = QComboBox()
        self.version.setObjectName("exportVersion")
        for version in project.versions.list():
            if not version.partial or version.current:
                mark = self.tr(" (current)") if version.current else ""
                self.version.addItem(version.label + mark, version.id)
                if version.current:
                    self.version.setCurrentIndex(self.version.count() - 1)
        self.speakers = QCheckBox(self.tr("Speakers"))
        self.speakers.setObjectName("includeSpeakers")
        self.annotations = QCheckBox(self.tr("Annotations"))
        self.annotations.setObjectName("includeAnnotations")
        self.notes = QCheckBox(self.tr("Notes"))
        self.notes.setObjectName("includeNotes")
        self.suggestions = QCheckBox(self.tr("Suggestions not yet accepted"))
        self.suggestions.setObjectName("includeSuggestions")
        for box in (self.transcript, self.speakers, self.annotations, self.notes):
            box.setChecked(True)
        # "What did Musk say": only the ticked speakers' lines (`desk export --speaker`).
        self.said_by = _check_list("exportSaidBy", [
            (sp.name, sp.name) for sp in project.speakers.list()])
        self.said_by.setMaximumHeight(96)
        self.tags = _check_list("exportTags", [
            (t.name, t.name) for t in project.tags.list(include_archived=True)])
        coders = sorted({a.annotator for a in project.annotations.list(include_suggested=True)})
        self.annotators = _check_list("exportAnnotators", [
            (c, c or self.tr("(no name)")) for c in coders])
        self.transcript.toggled.connect(self.version.setEnabled)
        self.transcript.toggled.connect(self.speakers.setEnabled)
        self.transcript.toggled.connect(self.said_by.setEnabled)
        self.transcript.toggled.connect(self._formats_changed)
        self.said_by.itemChanged.connect(self._formats_changed)
        for widget in (self.notes, self.suggestions, self.tags, self.annotators):
            self.annotations.toggled.connect(widget.setEnabled)
        form = QFormLayout(self.include_box)
        form.addRow(self.transcript, self.version)
        form.addRow(self.speakers)
        if self.said_by.count():
            form.addRow(self.tr("Said by:"), self.said_by)
        form.addRow(self.annotations)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Annotators:"), self.annotators)
        form.addRow(self.notes)
        form.addRow(self.suggestions)

    # -- choosing -------------------------------------------------------------------------
    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _formats_changed(self) -> None:
        chosen = _checked(self.formats)
        nobody = (self.transcript.isChecked() and self.said_by.count() > 0
                  and not _checked(self.said_by))  # a transcript of no one's lines
        self.export_button.setEnabled(bool(chosen) and not nobody)
        for box in (self.normalise, self.precise):
            box.setEnabled("clips" in chosen)

    def set_formats(self, names: list[str]) -> None:
        """Check exactly these formats (tests, and the screenshot script)."""
        for i in range(self.formats.count()):
            item = self.formats.item(i)
            on = item.data(NAME_ROLE) in names
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def plan(self) -> ExportPlan:
        """The choice as the core's plan (formats, folder, name, selection, options)."""
        tags = _checked(self.tags)
        coders = _checked(self.annotators)
        said_by = _checked(self.said_by)
        selection = Selection(
            transcript=self.transcript.isChecked(), annotations=self.annotations.isChecked(),
            tags=None if len(tags) == self.tags.count() else frozenset(tags),
            annotators=None if len(coders) == self.annotators.count() else frozenset(coders),
            suggestions=self.suggestions.isChecked(), speakers=self.speakers.isChecked(),
            notes=self.notes.isChecked(), transcript_id=self.version.currentData(),
            only_speakers=None if len(said_by) == self.said_by.count() else frozenset(said_by))
        options: dict[str, dict[str, object]] = {}
        if self.normalise.isChecked() or self.precise.isChecked():
            options["clips"] = {k: True for k, box in (("normalise", self.normalise),
                                                       ("precise", self.precise))
                                if box.isChecked()}
        return ExportPlan(tuple(_checked(self.formats)), Path(self.folder.text().strip()),
                          self.name.text().strip(), selection, options)

    def _accept(self) -> None:
        plan = self.plan()
        if not plan.folder.is_dir():
            QMessageBox.warning(self, self.tr("Export"),
                                self.tr("The folder %1 does not exist.")
                                .replace("%1", str(plan.folder)))
            return
        existing = plan.existing()
        if existing and not self.confirm_replace(existing):
            return
        self.accept()

    def confirm_replace(self, existing: list[Path]) -> bool:
        """Ask before replacing files (tests answer for the analyst)."""
        names = "\n".join(p.name for p in existing[:8])
        more = "\n…" if len(existing) > 8 else ""
        answer = QMessageBox.question(
            self, self.tr("Replace files?"),
            self.tr("These files exist and will be replaced:\n%1").replace("%1", names + more))
        return answer == QMessageBox.StandardButton.Yes
