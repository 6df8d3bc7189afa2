"""Settling disagreements from the pane: each rule into the consensus, settled, one undo step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk.ui.analysts.adjudication_bar import ConsensusRangeDialog
from desk.ui.analysts.agreement_panel import AgreementPanel
from desk.ui.main_window import MainWindow
from tests.ui.analysts.test_agreement_panel import shown_panel


def _choose(panel: AgreementPanel, kind: str) -> int:
    row = next(i for i, d in enumerate(panel.disagreements.found) if d.kind == kind)
    panel.disagreements_view.selectRow(row)
    return row


def _consensus(window: MainWindow) -> list[tuple[str, float, float]]:
    assert window.project is not None
    return sorted((a.tag, a.start, a.end)
                  for a in window.project.annotations.list(annotator="consensus"))


def test_take_one_coder_then_undo(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    row = _choose(panel, "tag")  # Harris attacks (anna) against migration remarks (ben)
    bar = panel.bar
    assert bar.take_buttons["ben"].isEnabled()
    bar.take_buttons["ben"].click()
    assert _consensus(both) == [("migration remarks", 15.0, 20.0)]
    settled = panel.disagreements.index(row, panel.disagreements.columnCount() - 1)
    assert settled.data() == "✓"
    assert "(1 settled)" in panel.list_label.text()
    assert both.undo_stack.undoText() == "Adjudicate: take ben"
    assert both.project is not None and both.project.adjudications.list()[0].decided_by == "tester"
    both.undo_stack.undo()
    both.tagging.controller.flush()
    assert _consensus(both) == [] and settled.data() == ""


def test_union_intersection_and_agreed(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    _choose(panel, "tag")
    panel.bar.union_button.click()
    assert _consensus(both) == [("Harris attacks", 15.0, 20.0), ("migration remarks", 15.0, 20.0)]
    _choose(panel, "missing")  # crowd noise: only ben coded it, so nothing is common
    errors: list[str] = []
    both.tagging.controller.error.disconnect()
    both.tagging.controller.error.connect(errors.append)
    panel.bar.intersection_button.click()
    assert errors and "no time and tag in common" in errors[0]
    panel.bar.agreed_button.click()  # delay and praise agree within the 1 s tolerance
    assert ("delay", 0.0, 4.5) in _consensus(both)
    assert ("praise exchange", 6.0, 12.0) in _consensus(both)
    assert "2 agreed stretches" in both.statusBar().currentMessage()


def test_edit_types_the_consensus(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    _choose(panel, "missing")

    class Typed(ConsensusRangeDialog):
        def exec(self) -> int:
            assert self.tag_choice.currentText() == "crowd noise"
            self.end_field.setText("00:24.000")
            return 1

    panel.bar.edit_dialog = Typed
    assert panel.bar.edit()
    assert _consensus(both) == [("crowd noise", 22.0, 24.0)]


def test_nothing_chosen_nothing_to_decide(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    panel.disagreements_view.clearSelection()
    panel.disagreements_view.setCurrentIndex(panel.disagreements.index(-1, -1))
    panel.bar.follow()
    assert not panel.bar.union_button.isEnabled()
    assert not panel.bar.decide("union")
