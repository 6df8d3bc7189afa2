"""Settling the chosen disagreement: take one coder's, the union, the intersection, or edit.

Each button is one core decision (desk.core.coding.adjudication.decide) run
through the coding controller, so it is one undo step of the current coder,
recorded with who decided, the rule and the disagreeing annotations; the
result goes to the "consensus" layer. "Take agreed" copies every stretch the
coders agree on in one step. The buttons follow the compared annotators.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.coding import adjudication
from desk.core.coding.disagreements import Disagreement
from desk.core.errors import InputError
from desk.ui.dialogs import SegmentTimesDialog
from desk.ui.tagging.coding_controller import CodingController


class ConsensusRangeDialog(SegmentTimesDialog):
    """The consensus range typed by hand: a tag and its start and end."""

    def __init__(self, tags: list[str], tag: str, start: float, end: float, playhead: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(start, end, playhead, parent)
        self.setWindowTitle(self.tr("Consensus range"))
        self.tag_choice = QComboBox(self)
        self.tag_choice.addItems(tags)
        self.tag_choice.setCurrentText(tag)
        form = self.layout()
        assert isinstance(form, QFormLayout)
        form.insertRow(0, self.tr("Tag:"), self.tag_choice)

    def choice(self) -> tuple[str, float, float]:
        start, end = self.times()
        return self.tag_choice.currentText(), start, end


class AdjudicationBar(QWidget):
    decided = Signal()  # a decision was written (the list marks it settled)

    def __init__(self, controller: CodingController,
                 current: Callable[[], Disagreement | None],
                 compared: Callable[[], list[str]], tolerance: Callable[[], float],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudicationBar")
        self.controller = controller
        self.current = current
        self.compared = compared
        self.tolerance = tolerance
        self.edit_dialog: type[ConsensusRangeDialog] = ConsensusRangeDialog
        self.take_buttons: dict[str, QPushButton] = {}
        # Two rows, so the pane stays narrow enough to sit beside the figures.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Consensus:")))
        self._takes = QHBoxLayout()
        first.addLayout(self._takes)
        first.addStretch(1)
        self._row = QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(self._row)
        self.union_button = self._button(self.tr("Union"), lambda: self.decide("union"),
                                         self.tr("Everything any coder coded here"))
        self.intersection_button = self._button(
            self.tr("Intersection"), lambda: self.decide("intersection"),
            self.tr("Only what every coder coded here"))
        self.edit_button = self._button(self.tr("Edit…"), self.edit,
                                        self.tr("Type the consensus tag and range"))
        self._row.addStretch(1)
        self.agreed_button = self._button(
            self.tr("Take agreed"), self.take_agreed,
            self.tr("Copy every stretch the coders agree on into the consensus"))
        self.follow()

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        self._row.addWidget(button)
        return button

    def set_annotators(self, names: list[str]) -> None:
        """One "Take NAME" button per compared coder."""
        if list(self.take_buttons) == names:
            return
        for button in self.take_buttons.values():
            self._takes.removeWidget(button)
            button.deleteLater()
        self.take_buttons = {}
        for name in names:
            button = QPushButton(self.tr("Take %1").replace("%1", name), self)
            button.setToolTip(self.tr("The consensus here is %1's coding").replace("%1", name))
            button.clicked.connect(lambda _c=False, n=name: self.decide("take", n))
            self._takes.addWidget(button)
            self.take_buttons[name] = button
        self.follow()

    def follow(self) -> None:
        """Enabled while a disagreement is chosen in a writable project."""
        project = self.controller.project
        writable = project is not None and project.writable
        chosen = writable and self.current() is not None
        for button in (*self.take_buttons.values(), self.union_button,
                       self.intersection_button, self.edit_button):
            button.setEnabled(chosen)
        self.agreed_button.setEnabled(writable and len(self.compared()) >= 2)

    # -- deciding ----------------------------------------------------------------------------
    def decide(self, rule: str, annotator: str | None = None,
               edit: tuple[str, float, float] | None = None) -> bool:
        d = self.current()
        if d is None:
            return False
        label = self.tr("Adjudicate: %1").replace(
            "%1", self.tr("take %1").replace("%1", annotator or "") if rule == "take" else rule)
        done = self.controller.edit(label, lambda project, who: adjudication.decide(
            project, d, rule, who, annotator=annotator, edit=edit))
        if done is not None:
            self.decided.emit()
        return done is not None

    def edit(self) -> bool:
        d = self.current()
        if d is None:
            return False
        tags = [t.name for t in self.controller.active_tags()]
        dialog = self.edit_dialog(tags, d.tags[0], d.start, d.end, self.controller.position(),
                                  self)
        if not dialog.exec():
            return False
        try:
            choice = dialog.choice()
        except InputError as exc:
            self.controller.error.emit(str(exc))
            return False
        return self.decide("edit", edit=choice)

    def take_agreed(self) -> int:
        names, tolerance = self.compared(), self.tolerance()
        count = self.controller.edit(self.tr("Take agreed stretches"), lambda project, who:
                                     adjudication.take_agreements(project, names, tolerance,
                                                                  who))
        if count is not None:
            self.controller.message.emit(self.tr("%1 agreed stretches taken into the consensus")
                                         .replace("%1", str(count)))
            self.decided.emit()
        return count or 0
