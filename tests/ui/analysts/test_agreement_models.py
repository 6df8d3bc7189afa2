"""The Agreement pane's tables pass Qt's model tester and show the core's report text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desk.core.coding.agreement.measure import Settings
from desk.core.coding.agreement.run import compare_file
from desk.core.coding.merge import merge_file, plan_file
from desk.ui.analysts.agreement_models import KEY_ROLE, DisagreementsModel, FiguresModel


def test_both_models_pass_the_model_tester(qtmodeltester: ModelTester, anna: Path,
                                           ben: Path) -> None:
    merge_file(anna, plan_file(anna, ben), add_tags=["crowd noise"])
    comparison = compare_file(anna, settings=Settings(replicates=20))
    figures, disagreements = FiguresModel(), DisagreementsModel()
    qtmodeltester.check(figures)
    qtmodeltester.check(disagreements)
    figures.set_result(comparison.result)
    disagreements.set_disagreements(comparison.disagreements, set())
    qtmodeltester.check(figures)
    qtmodeltester.check(disagreements)
    assert figures.rowCount() == len(comparison.result.tags) + 1
    assert disagreements.rowCount() == len(comparison.disagreements) == 2
    first = comparison.disagreements[0]
    assert disagreements.index(0, 1).data() == "other tag"
    assert disagreements.index(0, 4).data() == f"{first.size:.1f} s"
    assert disagreements.index(0, 5).data() == first.describe()
    assert disagreements.index(0, 0).data(KEY_ROLE) == first.key
    disagreements.set_decided({first.key})
    assert disagreements.index(0, 6).data() == "✓"
    assert disagreements.index(1, 6).data() == ""
    assert figures.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # the tag name
    qtmodeltester.check(disagreements)
