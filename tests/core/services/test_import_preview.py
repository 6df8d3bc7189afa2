"""What an import would bring in, before anything is written; then that, as one undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.formats.registry import EXPORTERS
from desk.core.services.import_preview import apply_preview, preview_import
from desk.core.store import Project
from tests.cli.cli_run import digest, run
from tests.core.formats.annotated import ANNOTATIONS, SEGMENTS, build_annotated_project


@pytest.fixture
def eaf(tmp_path: Path, tone_media: Path) -> Path:
    with build_annotated_project(tmp_path / "coded.desk", tone_media) as coded:
        return EXPORTERS["eaf"].export(coded, tmp_path / "coded.eaf")


def test_preview_of_an_eaf_then_apply_and_undo(tmp_project: Project, eaf: Path) -> None:
    before = digest(tmp_project.path)
    preview = preview_import(tmp_project, eaf, annotator="rev")
    assert digest(tmp_project.path) == before  # nothing written
    assert (preview.format, preview.segments, preview.annotations) == (
        "eaf", len(SEGMENTS), len(ANNOTATIONS))
    assert preview.speakers == ["Donald Trump", "Elon Musk"] and preview.makes_version
    assert preview.annotators == ["Zoë <z@x>", "anna", "ben"]
    assert preview.new_tags == ['<b>bold</b> & "tag"'] and "delay" in preview.known_tags
    parts = {p.source: (p.becomes, p.count) for p in preview.parts}
    assert parts["tier 'Harris attacks @ben'"] == ("tag Harris attacks, coder ben", 1)
    assert parts["tier 'Elon Musk'"] == ("transcript, speaker Elon Musk", 2)
    assert "recorded under: rev" in preview.lines()
    summary = apply_preview(tmp_project, preview)
    assert summary.annotations == len(ANNOTATIONS)
    assert tmp_project.history.actions()[0].annotator == "rev"
    again = preview_import(tmp_project, eaf)
    assert again.already_there == len(ANNOTATIONS) and again.new_tags == []
    tmp_project.history.undo()
    assert tmp_project.annotations.count() == 0 and tmp_project.versions.list() == []


def test_cli_preview_changes_nothing(tmp_project: Project, eaf: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_project.path
    tmp_project.close()
    before = digest(path)
    code, out, err = run(capsys, "import", path, eaf, "--preview", "--as", "annotations")
    assert (code, err) == (0, "") and digest(path) == before
    lines = out.splitlines()
    assert lines[0] == "coded.eaf (eaf)" and lines[1].startswith(f"{len(ANNOTATIONS)} annotations")
    assert "tier 'Elon Musk' → skipped (not annotations) (2)" in lines
