"""Settings: who codes, transcription defaults, playback, language, colours, shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.ui import shortcuts
from desk.ui.settings import Settings
from desk.ui.transcription_dialog import LANGUAGES, installed_engines, offline_models


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), self.tr("General"))
        tabs.addTab(self._shortcuts_tab(), self.tr("Keyboard"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _general_tab(self) -> QWidget:
        s = self.settings
        page = QWidget()
        form = QFormLayout(page)
        self.annotator = QLineEdit(s.annotator)
        self.annotator.setObjectName("annotatorField")
        self.engine = QComboBox()
        for name in installed_engines():
            self.engine.addItem(name, name)
        self.engine.setCurrentIndex(max(0, self.engine.findData(s.engine)))
        self.model = QComboBox()
        for name, description, _multilingual in offline_models():
            self.model.addItem(description, name)
        self.model.setCurrentIndex(max(0, self.model.findData(s.model)))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("Detect") if not code else f"{name} ({code})", code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.skip = QDoubleSpinBox()
        self.skip.setObjectName("skipBox")
        self.skip.setRange(0.5, 60.0)
        self.skip.setSingleStep(0.5)
        self.skip.setSuffix(" s")
        self.skip.setValue(s.skip_seconds)
        self.ui_language = QComboBox()
        self.ui_language.setObjectName("uiLanguageBox")
        for code, name in (("system", self.tr("System language")), ("en", "English"),
                           ("de", "Deutsch")):
            self.ui_language.addItem(name, code)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.ui_language)))
        self.theme = QComboBox()
        self.theme.setObjectName("themeBox")
        for code, name in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        form.addRow(self.tr("Your name (annotator):"), self.annotator)
        form.addRow(self.tr("Default engine:"), self.engine)
        form.addRow(self.tr("Default model:"), self.model)
        form.addRow(self.tr("Default language:"), self.language)
        form.addRow(self.tr("Skip length (Ctrl+←/→):"), self.skip)
        form.addRow(self.tr("Interface language:"), self.ui_language)
        form.addRow(self.tr("Colours:"), self.theme)
        note = QLabel(self.tr("A new interface language applies fully after restarting Desk."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _shortcuts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.table = QTableWidget(len(shortcuts.SHORTCUTS), 2)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.key_edits: dict[str, QKeySequenceEdit] = {}
        for row, spec in enumerate(shortcuts.SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(shortcuts.label(spec)))
            edit = QKeySequenceEdit(shortcuts.keys_for(spec.action, self.settings))
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            self.table.setCellWidget(row, 1, edit)
            self.key_edits[spec.action] = edit
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Keys 1–9 are reserved for coding with tags.")))
        layout.addWidget(self.conflict_label)
        return page

    def accept(self) -> None:
        s = self.settings
        clashes = self._clashes()
        if clashes:
            self.conflict_label.setText(self.tr("Used twice: %1").replace("%1", ", ".join(clashes)))
            return
        s.annotator = self.annotator.text()
        s.engine = self.engine.currentData()
        s.model = self.model.currentData()
        s.language = self.language.currentData()
        s.skip_seconds = self.skip.value()
        s.ui_language = self.ui_language.currentData()
        s.theme = self.theme.currentData()
        portable = QKeySequence.SequenceFormat.PortableText
        for action, edit in self.key_edits.items():
            keys = edit.keySequence().toString(portable)
            default = shortcuts.BY_ACTION[action].default
            s.set_shortcut(action, None if keys == QKeySequence(default).toString(portable)
                           else keys)
        super().accept()

    def _clashes(self) -> list[str]:
        native = QKeySequence.SequenceFormat.NativeText
        return shortcuts.clashes(edit.keySequence().toString(native)
                                 for edit in self.key_edits.values())
