"""The Transcribe… dialog: engine, model (what is on this computer), language, prompt.

Only models found offline are offered (desk.core.weights.catalog.list_models); the
"Download…" entry explains how to fetch another one, because Desk never
downloads behind the analyst's back. An English-only model (tiny.en) greys out
the other languages and the dialog refuses to start with one of them, saying
which model to pick instead, before any work is done.
"""

from __future__ import annotations

import logging
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desk.core.pipeline.job_messages import SpeakerJobOptions
from desk.ui.settings import Settings

log = logging.getLogger(__name__)

DOWNLOAD = "__download__"
LANGUAGES = [("", "Detect"), ("en", "English"), ("de", "Deutsch"), ("fr", "Français"),
             ("es", "Español"), ("it", "Italiano"), ("nl", "Nederlands"), ("pl", "Polski"),
             ("pt", "Português"), ("tr", "Türkçe"), ("uk", "Українська"), ("ru", "Русский")]


ENGLISH = ("", "en")  # what an English-only model can do: English, or "detect" (= English)
MULTILINGUAL_ROLE = Qt.ItemDataRole.UserRole + 1


class OfflineModel(NamedTuple):
    name: str
    description: str
    multilingual: bool


def offline_models() -> list[OfflineModel]:
    """The models on this computer, each name once."""
    fallback = [OfflineModel("tiny.en", "tiny.en", False)]
    try:
        from desk.core.weights.catalog import list_models

        found = list_models()
    except Exception:  # a broken model folder must not make the dialog unusable
        log.exception("listing models failed")
        return fallback
    seen: dict[str, OfflineModel] = {}
    for info in found:
        if info.name not in seen:
            size = f"{info.size / 1e6:.0f} MB" if info.size else ""
            details = ", ".join(p for p in (info.format, info.source, size) if p)
            seen[info.name] = OfflineModel(info.name, f"{info.name}  ({details})",
                                           info.multilingual)
    return list(seen.values()) or fallback


def installed_engines() -> list[str]:
    try:
        from desk.core.pipeline.engines.registry import available_engines

        return ["auto", *available_engines()]
    except Exception:
        log.exception("listing engines failed")
        return ["auto"]


class TranscriptionDialog(QDialog):
    def __init__(self, settings: Settings, resumable: bool = False,
                 parent: QWidget | None = None, current: str | None = None) -> None:
        """`current`: the label of the project's current transcript version, if any."""
        super().__init__(parent)
        self.setObjectName("transcriptionDialog")
        self.setWindowTitle(self.tr("Transcribe"))
        self.settings = settings
        self._resumable = resumable
        self.engine = QComboBox()
        self.engine.setObjectName("engineBox")
        for name in installed_engines():
            label = {"auto": self.tr("Automatic"), "faster": "faster-whisper",
                     "openai": "openai-whisper"}.get(name, name)
            self.engine.addItem(label, name)
        self._select(self.engine, settings.engine)
        self.model = QComboBox()
        self.model.setObjectName("modelBox")
        for model in offline_models():
            self.model.addItem(model.description, model.name)
            self.model.setItemData(self.model.count() - 1, model.multilingual, MULTILINGUAL_ROLE)
        self.model.addItem(self.tr("Download…"), DOWNLOAD)
        self._select(self.model, settings.model)
        self.model.activated.connect(self._model_chosen)
        self.language = QComboBox()
        self.language.setObjectName("languageBox")
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("Detect") if not code else f"{name} ({code})", code)
        self._select(self.language, settings.language)
        self.language_hint = QLabel()
        self.language_hint.setObjectName("languageHint")
        self.language_hint.setWordWrap(True)
        self.decoding = QComboBox()
        self.decoding.setObjectName("decodingBox")
        self.decoding.addItem(self.tr("Accurate (beam search)"), "accurate")
        self.decoding.addItem(self.tr("Adaptive (beam search only where unsure)"), "adaptive")
        self.decoding.addItem(self.tr("Faster (greedy, a few more errors)"), "faster")
        self._select(self.decoding, settings.decoding)
        self.speakers = QComboBox()
        self.speakers.setObjectName("speakersBox")
        self.speakers.setToolTip(self.tr("When the transcript is complete, find who speaks when "
                                         "(Transcript → Identify speakers…)"))
        self.speakers.addItem(self.tr("No"), 0)
        self.speakers.addItem(self.tr("Yes, find out how many"), None)
        self.speakers.addItem(self.tr("Yes, one speaker"), 1)
        for n in range(2, 7):
            self.speakers.addItem(self.tr("Yes, %1 speakers").replace("%1", str(n)), n)
        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("promptEdit")
        self.prompt.setPlaceholderText(self.tr("Names and terms that will come up, e.g. "
                                               "Elon Musk, Donald Trump, Kamala Harris, DDoS"))
        self.prompt.setMaximumHeight(70)
        self.resume = QCheckBox(self.tr("Continue the interrupted transcription"))
        self.resume.setObjectName("resumeBox")
        self.resume.setVisible(resumable)
        self.resume.setChecked(resumable)
        self.remember = QCheckBox(self.tr("Use these settings as the default"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Transcribe"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Engine:"), self.engine)
        form.addRow(self.tr("Model:"), self.model)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.language_hint)
        form.addRow(self.tr("Decoding:"), self.decoding)
        form.addRow(self.tr("Prompt:"), self.prompt)
        form.addRow(self.tr("Identify speakers:"), self.speakers)
        form.addRow(self.resume)
        form.addRow(self.remember)
        note = QLabel(self.tr("Runs on this computer; nothing is uploaded. Segments appear while "
                              "they are transcribed."))
        note.setWordWrap(True)
        form.addRow(note)
        self.version_note = QLabel()
        self.version_note.setObjectName("versionNote")
        self.version_note.setWordWrap(True)
        self.version_note.setVisible(current is not None)
        if current is not None:
            self.version_note.setText(self.tr(
                "A new transcript version will be made. The current one, %1, is kept and stays "
                "current until the new run is complete; a cancelled run is kept as a partial "
                "version (Transcript → Versions…).").replace("%1", current))
        form.addRow(self.version_note)
        form.addRow(buttons)
        self.model.currentIndexChanged.connect(self._check_language)
        self.language.currentIndexChanged.connect(self._check_language)
        self._check_language()

    # -- languages the model knows ----------------------------------------------------------
    def english_only(self) -> bool:
        return self.model.currentData(MULTILINGUAL_ROLE) is False

    def refused(self) -> bool:
        """An English-only model with another language chosen: nothing may start."""
        return self.english_only() and self.language.currentData() not in ENGLISH

    def _check_language(self) -> None:
        english_only = self.english_only()
        items = self.language.model()
        assert isinstance(items, QStandardItemModel)
        for row in range(self.language.count()):
            item = items.item(row)
            item.setEnabled(not english_only or self.language.itemData(row) in ENGLISH)
        name = str(self.model.currentData())
        if self.refused():
            text = self.tr("%1 only knows English, so it cannot transcribe %2. Pick a "
                           "multilingual model (such as base, or small) for that language, "
                           "or choose English.").replace("%1", name).replace(
                               "%2", self.language.currentText())
        elif english_only:
            text = self.tr("%1 only knows English; other languages need a multilingual model "
                           "(such as base, or small).").replace("%1", name)
        else:
            text = ""
        self.language_hint.setText(text)
        self.language_hint.setVisible(bool(text))
        self.language_hint.setStyleSheet("color: #d62728;" if self.refused() else "")
        self.start_button.setEnabled(not self.refused())

    def accept(self) -> None:
        if self.refused():
            return  # the hint says why; the button is disabled too
        super().accept()

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def _model_chosen(self, index: int) -> None:
        if self.model.itemData(index) != DOWNLOAD:
            return
        self._select(self.model, self.settings.model)
        if self.model.currentData() == DOWNLOAD:
            self.model.setCurrentIndex(0)
        QMessageBox.information(
            self, self.tr("Download a model"),
            self.tr("Desk only uses models on this computer. To fetch another official Whisper "
                    "model, run in a terminal (needs internet once):\n\n"
                    "    desk models --download base\n\n"
                    "or copy a model file into Desk's model folder. It then appears in this list."))

    def speaker_request(self) -> SpeakerJobOptions | None:
        """The speaker job to run once the transcript is complete, or None."""
        count = self.speakers.currentData()
        return None if count == 0 else SpeakerJobOptions(speakers=count)

    def options(self) -> Any:
        from desk.core.pipeline.jobs import JobOptions

        prompt = self.prompt.toPlainText().strip() or None
        options = JobOptions(engine=self.engine.currentData(), model=self.model.currentData(),
                             language=self.language.currentData() or None, prompt=prompt,
                             resume=self._resumable and self.resume.isChecked(),
                             decoding=self.decoding.currentData())
        if self.remember.isChecked():
            self.settings.decoding = options.decoding
            self.settings.engine = options.engine
            self.settings.model = options.model
            self.settings.language = options.language or ""
        return options
