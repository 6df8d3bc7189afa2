"""Reading a colleague's coding from a .desk file, its Desk JSON or EAF export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core.coding.merge_sources import read_layer
from desk.core.errors import InputError
from desk.core.formats.registry import export_format
from desk.core.store import Project
from tests.conftest import project_digest
from tests.core.coding.analysts import BEN, analyst_project

V1 = Path(__file__).resolve().parents[2] / "fixtures" / "v1.desk"


@pytest.mark.parametrize("suffix", [".desk", ".json", ".eaf"])
def test_every_source_gives_the_same_layer(tmp_path: Path, tone_media: Path,
                                           suffix: str) -> None:
    project_path = analyst_project(tmp_path / "ben.desk", tone_media, "ben", BEN,
                                   speakers=("Elon Musk", None))
    with Project.open(project_path) as project:
        project.annotations.add("delay", 26, 28, annotator="ben", source="suggested")
        fingerprint = project.media.get().fingerprint  # type: ignore[union-attr]
    source = project_path
    if suffix != ".desk":
        source = tmp_path / f"ben{suffix}"
        with Project.open(project_path, writable=False) as project:
            export_format(suffix[1:]).export(project, source)
    layer = read_layer(source, [])
    assert layer.fingerprint == fingerprint
    assert sorted((a.tag, a.start, a.end) for a in layer.annotations) == sorted(BEN)
    assert {a.annotator for a in layer.annotations} == {"ben"}  # the suggestion left out
    assert "crowd noise" in {t.name for t in layer.tags}
    assert [(t.start, t.end, t.speaker) for t in layer.turns] == [(0.0, 14.0, "Elon Musk")]


def test_an_older_colleague_file_is_read_from_a_copy(tmp_path: Path) -> None:
    theirs = tmp_path / "old colleague.desk"
    shutil.copy(V1, theirs)
    before = project_digest(theirs)
    layer = read_layer(theirs, [])
    assert [(a.tag, a.end) for a in layer.annotations] == [("delay", 2400.0)]
    assert layer.fingerprint and layer.turns[0].speaker == "Elon Musk"
    assert project_digest(theirs) == before
    assert not list(tmp_path.glob("*backup*"))


def test_what_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_layer(tmp_path / "gone.desk", [])
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="Desk merges .desk, .json, .eaf files"):
        read_layer(notes, [])
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_layer(broken, [])
