"""The Speakers pane: who speaks, how much, and the analyst's edits of the voices.

Rename in place, merge (select two or more → Merge), colour, give the
transcript selection to a speaker (split), confirm or reject a voice-profile
match. Each is one call of the same `project.speaker_edits` the `desk speaker`
commands use, run through the window's undo bridge: one undoable step,
committed at once. Save voice… hands the speaker to voice_print_run.py (the
project is only read). A right click offers the buttons' actions. The pane
only edits; `SpeakersUi` rereads it afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.records import Speaker
from desk.core.store import Project
from desk.core.store.speakers import AUTO_NAME
from desk.ui.project_handle import ProjectHandle
from desk.ui.speakers.speakers_model import COL_COLOUR, COL_MATCH, COL_NAME, SpeakersModel
from desk.ui.undo import UndoBridge


class SpeakersPanel(QWidget):
    voice_wanted = Signal(str)  # Save voice… for this speaker (SpeakersUi runs the job)

    def __init__(self, projects: ProjectHandle, undo: UndoBridge, annotator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakersPanel")
        self.projects, self.undo, self.annotator = projects, undo, annotator
        # What the transcript has selected (seconds), for "Give selection to".
        self.selection: Callable[[], tuple[float, float] | None] = lambda: None
        # Whether a voice print can be taken now (no speaker job is running).
        self.can_save_voice: Callable[[], bool] = lambda: True
        self.model = SpeakersModel(self)
        self.model.rename = self.rename
        self.menu: QMenu | None = None  # the open Merge / Give-to menu (tests reach it)
        self.colour_dialog: QColorDialog | None = None
        self._build()

    def _build(self) -> None:
        self.view = QTableView(self)
        self.view.setObjectName("speakersView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.show_context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.follow())
        self.model.modelReset.connect(self.follow)
        self.model.dataChanged.connect(lambda *_: self.follow())
        self.hint = QLabel(self.tr("No speakers yet: give segments a speaker in the transcript "
                                   "(Ctrl+Shift+K)."), self)
        self.hint.setWordWrap(True)
        self.merge_button = self._button(self.tr("Merge…"), self.show_merge_menu, self.tr(
            "One voice heard as two: give the segments of the selected speakers to one of them"))
        self.give_button = self._button(self.tr("Give selection to…"), self.show_give_menu,
                                        self.tr("Split: the words selected in the transcript "
                                                "go to another speaker"))
        self.colour_button = self._button(self.tr("Colour…"), self.choose_colour,
                                          self.tr("Change the speaker's colour"))
        self.confirm_button = self._button(self.tr("Confirm"), self.confirm,
                                           self.tr("Agree with the voice-profile match"))
        self.reject_button = self._button(self.tr("Reject"), self.reject, self.tr(
            "Not that person: the speaker is called Speaker N again"))
        self.voice_button = self._button(self.tr("Save voice…"), self.save_voice, self.tr(
            "Keep this speaker's voice print as a voice profile, to name them in other "
            "recordings"))
        buttons = QHBoxLayout()
        for button in (self.merge_button, self.give_button, self.colour_button,
                       self.voice_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.follow()

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what is selected -----------------------------------------------------------------
    def selected(self) -> list[Speaker]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [s for s in (self.model.speaker(r) for r in rows) if s is not None]

    def current(self) -> Speaker | None:
        return self.model.speaker(self.view.currentIndex().row())

    def select(self, speaker_ids: list[int]) -> None:
        """Select these speakers' rows (the last one current)."""
        selection = self.view.selectionModel()
        selection.clear()
        for speaker_id in speaker_ids:
            row = self.model.row_of(speaker_id)
            if row >= 0:
                selection.setCurrentIndex(
                    self.model.index(row, COL_NAME),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)

    def follow(self) -> None:
        """Buttons follow the selection, the project's writability and the match state."""
        writable = self.projects.writable
        chosen, current = self.selected(), self.current()
        self.hint.setVisible(self.model.rowCount() == 0)
        self.merge_button.setEnabled(writable and len(chosen) >= 2)
        self.give_button.setEnabled(writable and self.model.rowCount() > 0)
        self.colour_button.setEnabled(writable and current is not None)
        self.voice_button.setEnabled(current is not None and self.can_save_voice())
        matched = current is not None and bool(current.matched_profile)
        self.confirm_button.setEnabled(writable and matched and current is not None
                                       and current.match_status != "confirmed")
        self.reject_button.setEnabled(writable and matched and current is not None
                                      and current.match_status != "rejected")

    # -- edits (each one undoable step) ---------------------------------------------------------
    def _edit(self, label: str, change: Callable[[Project, str], object]) -> bool:
        project = self.projects.project
        if project is None:
            return False
        who = self.annotator()
        done = self.undo.run(label, lambda: change(project, who) or True)
        return done is not None

    def rename(self, speaker_id: int, name: str) -> bool:
        return self._edit(self.tr("Rename speaker"), lambda project, who:
                          project.speaker_edits.rename(speaker_id, name, who))

    def merge(self, sources: list[int], target: int) -> bool:
        """Every source speaker into `target`, as one undo step."""
        sources = [s for s in sources if s != target]
        with self.undo.one_step(self.tr("Merge speakers"), len(sources)):
            for source in sources:
                def change(project: Project, who: str, source: int = source) -> object:
                    return project.speaker_edits.merge(source, target, who)

                if not self._edit(self.tr("Merge speakers"), change):
                    return False
        return bool(sources)

    def set_colour(self, speaker_id: int, colour: str) -> bool:
        return self._edit(self.tr("Speaker colour"), lambda project, who:
                          project.speaker_edits.set_colour(speaker_id, colour, who))

    def give_selection(self, name: str | None) -> bool:
        """The words selected in the transcript go to `name` (None: a new speaker)."""
        span = self.selection()
        project = self.projects.project
        if span is None or project is None:
            self.undo.on_error(self.tr("Select the words in the transcript first."))
            return False
        if name is None:
            name = self.new_name()
        return self._edit(self.tr("Give selection to %1").replace("%1", name),
                          lambda project, who: project.speaker_edits.reassign_span(
                              span[0], span[1], name, None, who))

    def new_name(self) -> str:
        """The "Speaker N" the store would give the next speaker (the next free number)."""
        names = {s.name for s in self.model.speakers}
        number = max((s.position or 0 for s in self.model.speakers), default=0) + 1
        while AUTO_NAME.format(number) in names:
            number += 1
        return AUTO_NAME.format(number)

    def confirm(self) -> bool:
        current = self.current()
        return current is not None and self._edit(
            self.tr("Confirm voice match"),
            lambda project, who: project.speaker_edits.confirm_match(current.id or 0, who))

    def reject(self) -> bool:
        current = self.current()
        return current is not None and self._edit(
            self.tr("Reject voice match"),
            lambda project, who: project.speaker_edits.reject_match(current.id or 0, who))

    def save_voice(self) -> bool:
        current = self.current()
        if current is None or not self.voice_button.isEnabled():
            return False
        self.voice_wanted.emit(current.name)
        return True

    # -- menus and the colour dialog (none of them blocks the window) ------------------------
    def show_context_menu(self, at: QPoint) -> QMenu | None:
        """The row under the pointer becomes current; its actions are the buttons'."""
        index = self.view.indexAt(at)
        speaker = self.model.speaker(index.row()) if index.isValid() else None
        if speaker is None or speaker.id is None:
            return None
        if self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            self.select([speaker.id])
        self.follow()
        menu = self._menu()
        for button in (self.voice_button, self.colour_button, self.confirm_button,
                       self.reject_button, self.merge_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(lambda _c=False, b=button: b.click())
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(at))
        return menu

    def show_merge_menu(self) -> QMenu | None:
        chosen = [s for s in self.selected() if s.id is not None]
        if len(chosen) < 2:
            return None
        menu = self._menu()
        for target in chosen:
            others = [s for s in chosen if s.id != target.id]
            text = self.tr("Merge %1 into “%2”").replace(
                "%1", ", ".join(f"“{s.name}”" for s in others)).replace("%2", target.name)
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, t=target.id, o=[s.id for s in others]:
                                     self.merge([i for i in o if i is not None], t or 0))
        return self._pop(menu, self.merge_button)

    def show_give_menu(self) -> QMenu:
        menu = self._menu()
        for speaker in self.model.speakers:
            action = menu.addAction(self.tr("To “%1”").replace("%1", speaker.name))
            action.triggered.connect(lambda _c=False, n=speaker.name: self.give_selection(n))
        menu.addSeparator()
        new = menu.addAction(self.tr("To a new speaker"))
        new.triggered.connect(lambda _c=False: self.give_selection(None))
        return self._pop(menu, self.give_button)

    def _menu(self) -> QMenu:
        # Parented to the top-level window: a popup must not hang off a native child window.
        menu = QMenu(self.window())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.destroyed.connect(lambda: setattr(self, "menu", None))
        return menu

    def _pop(self, menu: QMenu, under: QWidget) -> QMenu:
        self.menu = menu
        menu.popup(under.mapToGlobal(under.rect().bottomLeft()))
        return menu

    def choose_colour(self) -> QColorDialog | None:
        current = self.current()
        if current is None or current.id is None or not self.projects.writable:
            return None
        dialog = QColorDialog(QColor(current.colour or "#808080"), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(self.tr("Colour of %1").replace("%1", current.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        speaker_id = current.id
        dialog.colorSelected.connect(lambda colour: self.set_colour(speaker_id, colour.name()))
        dialog.destroyed.connect(lambda: setattr(self, "colour_dialog", None))
        self.colour_dialog = dialog
        dialog.open()
        return dialog

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_COLOUR:
            self.choose_colour()
        elif index.column() == COL_MATCH and self.confirm_button.isEnabled():
            self.confirm()
