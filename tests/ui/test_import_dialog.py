"""The import preview dialog: the facts of the file before anything is written."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desk.core.formats.registry import EXPORTERS
from desk.core.services.import_preview import preview_import
from desk.core.store import Project
from desk.ui.import_dialog import ImportDialog
from tests.core.formats.annotated import ANNOTATIONS, SEGMENTS, build_annotated_project


def test_preview_shows_counts_tiers_and_the_annotator(qtbot: QtBot, tmp_path: Path,
                                                      tone_media: Path,
                                                      tmp_project: Project) -> None:
    with build_annotated_project(tmp_path / "coded.desk", tone_media) as coded:
        eaf = EXPORTERS["eaf"].export(coded, tmp_path / "coded.eaf")
    preview = preview_import(tmp_project, eaf, annotator="anna")
    dialog = ImportDialog(preview)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "coded.eaf (EAF)" in text and f"{len(SEGMENTS)} segments" in text
    assert f"{len(ANNOTATIONS)} annotations by Zoë <z@x>, anna, ben" in text
    assert dialog.parts.rowCount() == len(preview.parts) > 0
    assert [dialog.mode.itemData(i) for i in range(dialog.mode.count())] == [
        None, "transcript", "annotations"]
    assert dialog.import_button.isEnabled()
    dialog.recorded_as.setText("  carla ")
    assert dialog.chosen().recorded_as == "carla"
    # the same file again: what is there already is skipped, and said so
    dialog.show_preview(preview_import(tmp_project, eaf, as_="annotations"))
    assert "segments" not in dialog.summary.text()


def test_nothing_new_cannot_be_imported(qtbot: QtBot, tmp_path: Path,
                                        tone_media: Path) -> None:
    with build_annotated_project(tmp_path / "coded.desk", tone_media) as coded:
        eaf = EXPORTERS["eaf"].export(coded, tmp_path / "coded.eaf")
        dialog = ImportDialog(preview_import(coded, eaf, as_="annotations"))
    qtbot.addWidget(dialog)
    assert f"({len(ANNOTATIONS)} already in the project are skipped)" in dialog.summary.text()
    assert "Nothing to import." in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
