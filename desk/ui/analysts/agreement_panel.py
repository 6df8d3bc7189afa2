"""The Agreement pane: κ, α, α_u and γ per tag with intervals, and the disagreements to walk.

The figures are computed by the core (`compare_file`, on its own read-only
connection) off the GUI thread: when the pane is shown, when Compute is
pressed, and again a moment after the compared coding changed while the
pane is open; a decision only changes the consensus, so it merely marks its
disagreement settled. While it runs, a bar counts the tags done and Cancel
stops it (the core asks between γ's random continua); a newer run cancels
the older one, and a cancelled run leaves the last complete figures shown; a
pane closed with its window cancels its run.
Each figure carries its reading (α ≥ 0.800 reliable, ≥ 0.667 tentative);
Export writes the core's HTML or CSV report. One click on a disagreement
plays its place and outlines its annotations on the timeline; the bar below
settles it into the consensus layer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.coding import adjudication
from desk.core.coding.agreement.measure import Settings
from desk.core.coding.agreement.reading import threshold_note
from desk.core.coding.agreement.run import Comparison, compare_file
from desk.core.coding.agreement.study import TooFewAnnotators, annotators_of
from desk.core.coding.disagreements import DEFAULT_TOLERANCE, Disagreement
from desk.core.errors import DeskError, JobCancelled
from desk.core.formats import agreement_report
from desk.core.store.adjudications import CONSENSUS
from desk.ui.analysts.adjudication_bar import AdjudicationBar
from desk.ui.analysts.agreement_models import DisagreementsModel, FiguresModel
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.workers import Task, error_message, run_task

RECOMPUTE_DELAY_MS = 600  # a burst of edits costs one computation


class AgreementPanel(QWidget):
    computed = Signal()  # new figures (or the reason there are none) are shown
    stopped = Signal()  # a run was cancelled; the figures from before stay
    step = Signal(int, int, int)  # (run, done, total), emitted on the worker thread

    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementPanel")
        self.controller = controller
        self.play: Callable[[], None] | None = None  # the player's, set by who places the pane
        self.replicates = Settings().replicates
        self.comparison: Comparison | None = None
        self.task: Task | None = None
        self._serial = 0
        self._cancel = threading.Event()  # the current run's
        self._computed_signature: object = None
        self._boxes: dict[str, QCheckBox] = {}
        self.figures = FiguresModel(self)
        self.disagreements = DisagreementsModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.compute)
        self._build()
        controller.changed.connect(self._coding_changed)
        controller.project_changed.connect(self._project_changed)
        self._project_changed()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self._coders = QHBoxLayout()
        self.slice_box = self._spin(0.01, 10.0, 0.1, self.tr("Time slice for κ and α"))
        self.tolerance_box = self._spin(0.0, 60.0, DEFAULT_TOLERANCE,
                                        self.tr("Boundaries this close count as the same"))
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.clicked.connect(lambda _c=False: self.compute())
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("The table and the disagreements as a web page "
                                              "or CSV, for a methods section"))
        self.export_button.clicked.connect(lambda _c=False: self.export_dialog())
        self.busy = QProgressBar(self)
        self.busy.setObjectName("agreementProgress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setFormat(self.tr("%v of %m"))
        self.busy.setToolTip(self.tr("Tags measured so far"))
        self.busy.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelAgreement")
        self.cancel_button.setToolTip(self.tr("Stop computing; the figures shown stay"))
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel())
        self.cancel_button.hide()
        self.step.connect(self._show_step)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare:")))
        top.addLayout(self._coders)
        top.addStretch(1)
        for label, box in ((self.tr("Slice (s):"), self.slice_box),
                           (self.tr("Tolerance (s):"), self.tolerance_box)):
            top.addWidget(QLabel(label))
            top.addWidget(box)
        for widget in (self.busy, self.cancel_button, self.compute_button, self.export_button):
            top.addWidget(widget)

        self.figures_view = self._table(self.figures, "agreementFigures")
        self.figures_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.status = QLabel(self)
        self.status.setObjectName("agreementStatus")
        self.status.setWordWrap(True)
        self.disagreements_view = self._table(self.disagreements, "disagreementsView")
        self.disagreements_view.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch)
        self.disagreements_view.clicked.connect(self._walk_to)
        self.bar = AdjudicationBar(self.controller, self.current, self.compared,
                                   self.tolerance_box.value, self)
        self.disagreements_view.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self.bar.follow())
        self.bar.decided.connect(self._after_decision)
        self.list_label = QLabel(self)

        upper, lower = QWidget(self), QWidget(self)
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addWidget(self.figures_view, 1)
        upper_column.addWidget(self.status)
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.list_label)
        lower_column.addWidget(self.disagreements_view, 1)
        lower_column.addWidget(self.bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)  # both tables get the height
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)  # the figures are the wider table
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(top)
        column.addWidget(splitter, 1)

    def _spin(self, low: float, high: float, value: float, tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.setValue(value)
        box.setToolTip(tip)
        box.valueChanged.connect(lambda _v: self._timer.start())
        return box

    def _table(self, model: FiguresModel | DisagreementsModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # -- who is compared -----------------------------------------------------------------
    def compared(self) -> list[str]:
        return [name for name, box in self._boxes.items() if box.isChecked()]

    def _follow_coders(self) -> None:
        names = annotators_of(self.controller.annotations)
        if list(self._boxes) != names:
            for box in self._boxes.values():
                self._coders.removeWidget(box)
                box.deleteLater()
            self._boxes = {}
            for name in names:
                box = QCheckBox(name, self)
                box.setChecked(True)
                box.toggled.connect(lambda _on: self._timer.start())
                self._coders.addWidget(box)
                self._boxes[name] = box
        self.bar.set_annotators(self.compared())

    def _signature(self) -> object:
        """What the figures depend on: the compared coders' annotations (not the consensus)."""
        return tuple(sorted((a.id or 0, a.tag, a.start, a.end, a.annotator)
                            for a in self.controller.annotations
                            if a.annotator != CONSENSUS and a.source != "suggested"))

    # -- computing ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._computed_signature != self._signature():
            self._timer.start(0)

    def _project_changed(self) -> None:
        self.cancel(quietly=True)
        self._computed_signature = None
        self.comparison = None
        self.figures.set_result(None)
        self.disagreements.set_disagreements([], set())
        self._coding_changed()

    def _coding_changed(self) -> None:
        self._follow_coders()
        project = self.controller.project
        self.export_button.setEnabled(self.comparison is not None)
        if project is None:
            self._say(self.tr("Open a project coded by two or more annotators."))
            return
        if self._computed_signature != self._signature():
            if self.isVisible():
                self._timer.start()
        elif self.comparison is not None:
            self.disagreements.set_decided(adjudication.decided_keys(project))
        self.bar.follow()

    def compute(self) -> None:
        """Every coefficient and the disagreements, off the GUI thread; cancels an older run."""
        self._timer.stop()
        project = self.controller.project
        if project is None:
            return
        self._cancel.set()
        self._cancel = cancel = threading.Event()
        self._serial += 1
        serial, signature = self._serial, self._signature()
        path, names = Path(project.path), self.compared()
        settings = Settings(slice_seconds=self.slice_box.value(), replicates=self.replicates)
        tolerance = self.tolerance_box.value()
        self.busy.setRange(0, 0)  # until the core says how many steps
        self.busy.show()
        self.cancel_button.show()
        self._say(self.tr("Computing agreement…"))

        def work() -> Comparison:
            return compare_file(path, names or None, None, settings, tolerance,
                                lambda done, total: self.step.emit(serial, done, total),
                                cancel.is_set)

        self.task = run_task(work, lambda c: self._computed(serial, signature, c, ""),
                             lambda exc: self._failed(serial, signature, exc), owner=self,
                             stop=cancel.set)

    def cancel(self, quietly: bool = False) -> None:
        """Stop the running computation (if any); the figures from before stay."""
        if self.task is None or not self.task.pending() or self._cancel.is_set():
            return
        self._cancel.set()
        self._idle()
        if not quietly:
            self._say(self.tr("Cancelled. Press Compute to measure agreement.")
                      if self.comparison is None else
                      self.tr("Cancelled; the figures shown are from the last complete run."))
            self.stopped.emit()

    def _show_step(self, serial: int, done: int, total: int) -> None:
        if serial == self._serial and not self._cancel.is_set():
            self.busy.setRange(0, total)
            self.busy.setValue(done)

    def _failed(self, serial: int, signature: object, error: BaseException) -> None:
        if isinstance(error, TooFewAnnotators):  # the window's way to a second coder
            coders = [n for n in error.present if n != CONSENSUS]
            self._computed(serial, signature, None, self.tr(
                "Tick at least two annotators to compare.") if len(coders) >= 2 else self.tr(
                "Agreement needs at least two annotators (this project has %1). Bring in a "
                "colleague's coding with File → Merge coding from…")
                .replace("%1", ", ".join(coders) or self.tr("none")))
        elif not isinstance(error, JobCancelled):
            self._computed(serial, signature, None, error_message(error))

    def _idle(self) -> None:
        self.busy.hide()
        self.cancel_button.hide()

    def _computed(self, serial: int, signature: object, comparison: Comparison | None,
                  problem: str) -> None:
        if serial != self._serial or self._cancel.is_set():
            return  # a newer run is on its way, or this one was cancelled at its very end
        self._idle()
        self._computed_signature = signature
        self.comparison = comparison
        self.figures.set_result(comparison.result if comparison else None)
        self.disagreements.set_disagreements(comparison.disagreements if comparison else [],
                                             comparison.decided if comparison else set())
        if comparison is None:
            self._say(problem)
        else:
            result = comparison.result
            self._say(self.tr("%1 s slices, %2 bootstrap replicates (seed %3). Reading: %4.")
                      .replace("%1", f"{result.slice_seconds:g}")
                      .replace("%2", str(result.replicates)).replace("%3", str(result.seed))
                      .replace("%4", threshold_note()))
            self.status.setToolTip("\n".join(agreement_report.settings_lines(result)))
            self.bar.set_annotators(list(result.annotators))
        self.export_button.setEnabled(comparison is not None)
        self._count_label()
        self.bar.follow()
        self.computed.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self._count_label()

    def _count_label(self) -> None:
        found, decided = self.disagreements.found, self.disagreements.decided
        settled = sum(1 for d in found if d.key in decided)
        self.list_label.setText(self.tr("Disagreements: %1, largest first (%2 settled)")
                                .replace("%1", str(len(found))).replace("%2", str(settled)))

    # -- walking and settling ------------------------------------------------------------
    def current(self) -> Disagreement | None:
        return self.disagreements.at(self.disagreements_view.currentIndex().row())

    def _walk_to(self, index: QModelIndex) -> None:
        """One click: play the place, outline its annotations on the timeline."""
        d = self.disagreements.at(index.row())
        if d is None:
            return
        self.controller.set_selected([a.id for a in d.sources if a.id is not None])
        self.controller.seek(d.start)
        if self.play is not None:
            self.play()
        self.bar.follow()

    def _after_decision(self) -> None:
        project = self.controller.project
        if project is not None:
            self.disagreements.set_decided(adjudication.decided_keys(project))
        self._count_label()
        row = self.disagreements_view.currentIndex().row()
        for later in range(row + 1, self.disagreements.rowCount()):
            d = self.disagreements.at(later)
            if d is not None and d.key not in self.disagreements.decided:
                self.disagreements_view.selectRow(later)
                break
        self.bar.follow()

    # -- the report --------------------------------------------------------------------------
    def export_dialog(self) -> None:
        project = self.controller.project
        if project is None or self.comparison is None:
            return
        html, csv = self.tr("Web page (*.html)"), self.tr("CSV table (*.csv)")
        chosen, kind = QFileDialog.getSaveFileName(
            self, self.tr("Export the agreement report"),
            str(Path(project.path).with_name(f"{Path(project.path).stem}-agreement.html")),
            f"{html};;{csv}")
        if chosen:
            self.export(Path(chosen), "csv" if kind == csv or chosen.endswith(".csv") else "html")

    def export(self, path: Path, kind: str) -> list[Path]:
        """The core's report of the figures shown; the status bar says where it went."""
        project = self.controller.project
        if project is None or self.comparison is None:
            return []
        c = self.comparison
        try:
            if kind == "csv":
                written = agreement_report.write_csv(path, c.result, c.disagreements)
            else:
                title = self.tr("Agreement: %1").replace("%1", Path(project.path).stem)
                written = [agreement_report.write_html(path, c.result, c.disagreements, title)]
        except (DeskError, OSError) as exc:
            self.controller.error.emit(str(exc))
            return []
        self.controller.message.emit(self.tr("Agreement report written to %1")
                                     .replace("%1", ", ".join(str(p) for p in written)))
        return written
