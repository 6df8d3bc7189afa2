"""Where the analysts' parts sit in the window: File, Tags, View, the status bar."""

from __future__ import annotations

from desk.ui.main_window import MainWindow


def test_menus_dock_and_badge_are_placed(window: MainWindow) -> None:
    ui = window.analysts
    assert ui.merge_action in window.menu("file").actions()
    assert ui.blind.action in window.menu("tags").actions()
    dock = window.docks["agreementDock"]
    assert dock.widget() is ui.panel
    assert dock.toggleViewAction() in window.menu("view").actions()
    assert window.tabifiedDockWidgets(window.docks["annotationsDock"]) == [dock]
    assert not ui.merge_action.isEnabled() and not ui.blind.action.isEnabled()


def test_merge_is_offered_for_a_writable_project(mine: MainWindow) -> None:
    assert mine.analysts.merge_action.isEnabled()
    assert mine.analysts.blind.action.isEnabled()
    mine.analysts.merge_action.trigger()
    dialog = mine.analysts.merge_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
