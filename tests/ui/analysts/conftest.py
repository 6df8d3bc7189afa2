"""Fixtures for the analysts' UI tests: Anna's project, Ben's file, a window on them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.coding.codebook import load_codebook
from desk.core.coding.merge import merge_file, plan_file
from desk.core.pipeline.media import probe
from desk.core.records import Annotation, Tag
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.workers import wait_for_tasks
from tests.core.coding.analysts import ANNA, BEN, analyst_project
from tests.ui.ui_helpers import isolated_settings, make_window


@pytest.fixture
def anna(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "anna.desk", tone_media, "anna", ANNA)


@pytest.fixture
def ben(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "ben.desk", tone_media, "ben", BEN,
                           speakers=("Elon Musk", "Donald Trump"))


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           errors: list[str]) -> Iterator[MainWindow]:
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    yield win
    assert wait_for_tasks(20_000)


@pytest.fixture
def mine(window: MainWindow, anna: Path) -> MainWindow:
    """The window on Anna's project alone."""
    assert window.window_actions.files.open_project(anna) is not None
    return window


@pytest.fixture
def both(window: MainWindow, anna: Path, ben: Path) -> MainWindow:
    """The window on Anna's project with Ben's coding merged in (every new tag made)."""
    merge_file(anna, plan_file(anna, ben), add_tags=["crowd noise"])
    assert window.window_actions.files.open_project(anna) is not None
    return window


CROWDED_TAGS = 30


@pytest.fixture
def crowded(tmp_path: Path, tone_media: Path) -> Path:
    """Three coders, 30 tags of a dozen short ranges each on the 30 s tone: γ takes seconds."""
    path = tmp_path / "crowded.desk"
    rng = random.Random(16)
    with Project.create(path, media=probe(tone_media),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        events = []
        for i in range(CROWDED_TAGS):
            tag = project.tags.add(Tag(f"code {i:02d}", colour="#336699"))
            for _ in range(12):
                start = rng.uniform(0, 29)
                events.append((tag, start, min(30.0, start + rng.uniform(0.3, 3))))
        for coder in ("anna", "ben", "chloé"):
            coded = []
            for tag, start, end in events:
                s = round(max(0.0, start + rng.gauss(0, 0.1)), 3)
                e = round(min(30.0, max(s + 0.1, end + rng.gauss(0, 0.1))), 3)
                coded.append(Annotation(tag.name, s, e, annotator=coder, tag_id=tag.id))
            project.annotations.add_many(coded, f"coding by {coder}", coder)
    return path
