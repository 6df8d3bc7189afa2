"""The Speakers table passes Qt's model tester and shows what the core holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desk.core.coding.stats import speaker_stats
from desk.core.store import Project
from desk.ui.speakers.speakers_model import (
    COL_COLOUR,
    COL_MATCH,
    COL_NAME,
    COL_TALK,
    COL_TURNS,
    ID_ROLE,
    SpeakersModel,
)
from tests.ui.speakers.conftest import diarized


def _row(model: SpeakersModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_rows_cells_and_the_model_tester(qapp: QApplication, qtmodeltester: ModelTester,
                                         tmp_project: Project) -> None:
    model = SpeakersModel()
    qtmodeltester.check(model)
    diarized(tmp_project)
    speakers = tmp_project.speakers.list()
    model.set_speakers(speakers, speaker_stats(tmp_project), writable=True)
    qtmodeltester.check(model)
    # Each speaks two 3.5 s segments: 7 s in two turns; numbers and colours from the store.
    assert _row(model, 0) == ["1", "Speaker 1", speakers[0].colour, "00:00:07", "2", ""]
    assert _row(model, 1) == ["2", "Elon Musk", speakers[1].colour, "00:00:07", "2",
                              "matched by voice (0.83)"]
    icon = model.index(1, COL_COLOUR).data(Qt.ItemDataRole.DecorationRole)
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):  # untinted in a selected row
        assert icon.pixmap(14, 14, mode).toImage().pixelColor(7, 7) == QColor(
            speakers[1].colour)
    assert model.index(1, 0).data(ID_ROLE) == speakers[1].id
    assert "23.3 %" in model.index(0, COL_TALK).data(Qt.ItemDataRole.ToolTipRole)
    assert "Longest turn 00:00:03" in model.index(0, COL_TURNS).data(Qt.ItemDataRole.ToolTipRole)
    assert "“Elon Musk”" in model.index(1, COL_MATCH).data(Qt.ItemDataRole.ToolTipRole)
    assert model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_TALK)) & Qt.ItemFlag.ItemIsEditable


def test_a_typed_name_goes_to_rename_and_a_change_keeps_the_rows(
        qapp: QApplication, qtmodeltester: ModelTester, tmp_project: Project) -> None:
    diarized(tmp_project)
    model = SpeakersModel()
    model.set_speakers(tmp_project.speakers.list(), speaker_stats(tmp_project), writable=True)
    asked: list[tuple[int, str]] = []
    model.rename = lambda speaker_id, name: asked.append((speaker_id, name)) is None
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    first = tmp_project.speakers.list()[0]
    assert model.setData(model.index(0, COL_NAME), "  Donald Trump ")
    assert not model.setData(model.index(0, COL_NAME), "Speaker 1")  # unchanged: nothing
    assert not model.setData(model.index(0, COL_TALK), "x")
    assert asked == [(first.id, "Donald Trump")]

    tmp_project.speaker_edits.rename(first.id or 0, "Donald Trump")
    tmp_project.speaker_edits.confirm_match("Elon Musk")
    model.set_speakers(tmp_project.speakers.list(), speaker_stats(tmp_project), writable=False)
    assert resets == []  # same speakers: cells change, the selection stays
    assert model.index(0, COL_NAME).data() == "Donald Trump"
    assert model.index(1, COL_MATCH).data() == "confirmed (0.83)"
    assert not model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEditable  # read-only
    tmp_project.speaker_edits.merge("Elon Musk", "Donald Trump")
    model.set_speakers(tmp_project.speakers.list(), speaker_stats(tmp_project), writable=True)
    assert resets == [1] and model.rowCount() == 1
    assert model.index(0, COL_TURNS).data() == "1"  # four segments of one voice: one turn
    qtmodeltester.check(model)


def test_a_rejected_match_says_whom_it_was_not(qapp: QApplication,
                                               tmp_project: Project) -> None:
    diarized(tmp_project)
    tmp_project.speaker_edits.reject_match("Elon Musk")
    model = SpeakersModel()
    model.set_speakers(tmp_project.speakers.list(), speaker_stats(tmp_project), writable=True)
    assert model.index(1, COL_NAME).data() == "Speaker 2"
    assert model.index(1, COL_MATCH).data() == "rejected: not Elon Musk"
