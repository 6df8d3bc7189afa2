"""File → Merge coding from…: a colleague's file, their name, a preview, then one undo step.

The dialog reads the other file and works out the merge (core `plan_file`)
off the GUI thread whenever the file or the name changes, and shows what
would come in: whose layer, how many annotations (and how many are here
already), the tags this project lacks — each with a checkbox, ticked, since
nothing is made without being listed — and whether their tag definitions or
speaker names could come too. A file about another recording is refused
with the core's sentence and nothing to merge. Merging runs `merge_file`
off the GUI thread on its own connection; the action it recorded becomes one
step on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.coding.merge import MergePlan, MergeSummary, merge_file, plan_file
from desk.core.coding.merge_sources import SUFFIXES
from desk.ui.workers import Task, error_message, run_task

PLAN_DELAY_MS = 300  # typing a name re-plans once the typing stops
ROLE_NAME = Qt.ItemDataRole.UserRole  # the tag's name behind its list entry


class MergeDialog(QDialog):
    planned = Signal()  # a preview (or the reason there is none) is shown
    merged = Signal(object, object)  # MergeSummary, the history action id (None: nothing)

    def __init__(self, project_path: Path, annotator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge coding from another file"))
        self.project_path = Path(project_path)
        self.annotator = annotator
        self.plan: MergePlan | None = None
        self.problem = ""
        self.task: Task | None = None
        self._serial = 0
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PLAN_DELAY_MS)
        self._timer.timeout.connect(self.replan)
        self._show_plan()

    def _build(self) -> None:
        self.source_field = QLineEdit(self)
        self.source_field.setPlaceholderText(
            self.tr("Their .desk file, or its JSON or ELAN export"))
        self.source_field.textChanged.connect(lambda _t: self._timer.start())
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.choose_file)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_field, 1)
        source_row.addWidget(browse)
        self.name_field = QLineEdit(self)
        self.name_field.setPlaceholderText(self.tr("as their file names them"))
        self.name_field.textChanged.connect(lambda _t: self._timer.start())

        self.summary = QLabel(self)
        self.summary.setObjectName("mergePreview")
        self.summary.setWordWrap(True)
        self.tags_label = QLabel(self.tr("Their tags this project lacks (made only if ticked):"))
        self.tag_list = QListWidget(self)
        self.tag_list.setObjectName("mergeNewTags")
        self.tag_list.setMaximumHeight(6 * self.fontMetrics().height() + 12)
        self.tag_list.itemChanged.connect(lambda _i: self._update_button())
        self.codebook_box = QCheckBox(self)
        self.speakers_box = QCheckBox(self)
        for box in (self.codebook_box, self.speakers_box):
            box.toggled.connect(lambda _on: self._update_button())

        form = QFormLayout()
        form.addRow(self.tr("File:"), source_row)
        form.addRow(self.tr("Their name:"), self.name_field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addWidget(self.tags_label)
        column.addWidget(self.tag_list)
        column.addStretch(1)
        column.addWidget(self.codebook_box)
        column.addWidget(self.speakers_box)
        column.addWidget(self.buttons)
        self.resize(560, 300)

    # -- choosing ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Merge coding from"), str(self.project_path.parent),
            self.tr("Desk coding (%1)").replace("%1", patterns))
        if chosen:
            self.set_source(Path(chosen))

    def set_source(self, path: Path, name: str | None = None) -> None:
        """Fill in the file (and the name) and plan at once."""
        self.source_field.setText(str(path))
        if name is not None:
            self.name_field.setText(name)
        self.replan()

    def replan(self) -> None:
        """Read their file and work out the merge, off the GUI thread; older answers are dropped."""
        self._timer.stop()
        self._serial += 1
        serial = self._serial
        self.plan, self.problem = None, ""
        text = self.source_field.text().strip()
        if not text:
            self._show_plan()
            return
        source, name = Path(text), self.name_field.text().strip() or None
        self.summary.setText(self.tr("Reading %1…").replace("%1", source.name))
        self.merge_button.setEnabled(False)
        self.task = run_task(lambda: plan_file(self.project_path, source, name),
                             lambda plan: self._planned(serial, plan, ""),
                             lambda exc: self._planned(serial, None, error_message(exc)),
                             owner=self)

    def _planned(self, serial: int, plan: MergePlan | None, problem: str) -> None:
        if serial != self._serial:
            return
        self.plan, self.problem = plan, problem
        self._show_plan()
        self.planned.emit()

    def _show_plan(self) -> None:
        plan = self.plan
        self.tag_list.clear()
        if plan is None:
            self.summary.setText(self.problem or self.tr(
                "Choose a colleague's file about the same recording: their coding comes in "
                "as their own layer."))
            self.summary.setStyleSheet("color: #c0392b" if self.problem else "")
            for widget in (self.tags_label, self.tag_list, self.codebook_box, self.speakers_box):
                widget.setVisible(False)
            self._update_button()
            return
        self.summary.setStyleSheet("")
        layers = ", ".join(plan.annotators) or self.tr("no annotator")
        text = self.tr("%1 annotations come in as the layer of %2.").replace(
            "%1", str(len(plan.annotations))).replace("%2", layers)
        if plan.already:
            text += " " + self.tr("%1 of theirs are here already.").replace(
                "%1", str(plan.already))
        self.summary.setText(text)
        for tag in plan.new_tags:
            uses = plan.uses.get(tag.name, 0)
            text = self.tr("%1 (1 annotation)") if uses == 1 else self.tr("%1 (%2 annotations)")
            item = QListWidgetItem(text.replace("%1", tag.name).replace("%2", str(uses)))
            item.setData(ROLE_NAME, tag.name)
            item.setCheckState(Qt.CheckState.Checked)
            self.tag_list.addItem(item)
        self.tags_label.setVisible(bool(plan.new_tags))
        self.tag_list.setVisible(bool(plan.new_tags))
        self.codebook_box.setText(self.tr("Also take their descriptions and colours of %1 "
                                          "shared tags").replace("%1", str(len(plan.definitions))))
        self.codebook_box.setVisible(bool(plan.definitions))
        self.speakers_box.setText(self.tr("Also name %1 unnamed segments after their speakers")
                                  .replace("%1", str(len(plan.speakers))))
        self.speakers_box.setVisible(bool(plan.speakers))
        self._update_button()

    def chosen_tags(self) -> list[str]:
        items = (self.tag_list.item(i) for i in range(self.tag_list.count()))
        return [str(item.data(ROLE_NAME)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        plan = self.plan
        self.merge_button.setEnabled(plan is not None and bool(
            plan.annotations or self.chosen_tags() or self.codebook_box.isChecked()
            or self.speakers_box.isChecked()) and (self.task is None or not self.task.pending()))

    # -- merging -----------------------------------------------------------------------------
    def merge(self) -> None:
        plan = self.plan
        if plan is None or (self.task is not None and self.task.pending()):
            return
        tags, codebook = self.chosen_tags(), self.codebook_box.isChecked()
        speakers, who = self.speakers_box.isChecked(), self.annotator()
        self.merge_button.setEnabled(False)
        self.summary.setText(self.tr("Merging…"))
        self.task = run_task(
            lambda: merge_file(self.project_path, plan, tags, codebook, speakers, who),
            self._merged, self._failed, owner=self)

    def _merged(self, outcome: tuple[MergeSummary, int | None]) -> None:
        self.merged.emit(*outcome)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.problem = error_message(exc)
        self.plan = None
        self._show_plan()
