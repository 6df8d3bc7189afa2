"""The annotations table model and its filter pass Qt's model tester, on real data."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from desk.ui.main_window import MainWindow
from desk.ui.tagging.annotations_panel import AnnotationsPanel
from tests.ui.tagging.conftest import tagging


def test_model_passes_the_model_tester(pane: AnnotationsPanel, qtmodeltester: ModelTester,
                                      opened: MainWindow) -> None:
    qtmodeltester.check(pane.model, force_py=True)
    # And while rows come and go underneath (one tester per model: it tracks one reset).
    controller = tagging(opened).controller
    made = controller.code_range("DDoS claim", 20.0, 22.0)
    controller.flush()
    assert pane.model.rowCount() == 4
    controller.update_annotation(made.id, note="edited")
    controller.flush()
    controller.delete_annotations([made.id])
    controller.flush()
    assert pane.model.rowCount() == 3


def test_filter_passes_the_model_tester(pane: AnnotationsPanel,
                                        qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(pane.proxy, force_py=True)
    pane.set_filters(tag="delay")
    assert pane.proxy.rowCount() == 1
    pane.set_filters()
