"""Several formats at once, with progress and cancel, as File → Export… runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.errors import InputError, JobCancelled
from desk.core.formats.registry import EXPORTERS
from desk.core.formats.selection import Selection
from desk.core.services.export_plan import ExportPlan, propose, run_plan
from tests.core.formats.annotated import build_annotated_project


@pytest.fixture
def coded_path(tmp_path: Path, tone_media: Path) -> Path:
    path = tmp_path / "interview.desk"
    build_annotated_project(path, tone_media).close()
    return path


def test_every_format_in_one_plan_with_progress(coded_path: Path, tmp_path: Path) -> None:
    from desk.core.store import Project

    out = tmp_path / "out"
    out.mkdir()
    with Project.open(coded_path, writable=False) as project:
        plan = propose(project, tuple(EXPORTERS), out)
    assert plan.name == "interview" and plan.selection == Selection()
    assert plan.target("clips") == out / "interview-clips"
    seen: list[tuple[int, int, str]] = []
    results = run_plan(coded_path, plan, lambda d, t, f: seen.append((d, t, f)))
    assert [r.written.name for r in results] == [
        "interview.srt", "interview.vtt", "interview.segments.csv", "interview.json",
        "interview.eaf", "interview.TextGrid", "interview.html", "interview.md",
        "interview.docx", "interview-clips"]
    clips = results[-1].files
    assert len([c for c in clips if c.suffix == ".mp4"]) == 6  # the codes, no suggestion
    total = len(EXPORTERS) - 1 + 6
    assert seen[-1] == (total, total, "") and all(t == total for _, t, _ in seen)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)  # only forward
    assert {f for _, _, f in seen} >= set(EXPORTERS)
    assert sorted(p.name for p in plan.existing()) == sorted(
        ["interview.srt", "interview.vtt", "interview.segments.csv", "interview.annotations.csv",
         "interview.json", "interview.eaf", "interview.TextGrid", "interview.html",
         "interview.md", "interview.docx", "interview-clips"])
    json_data = json.loads((out / "interview.json").read_text(encoding="utf-8"))
    assert json_data["provenance"]["includes"]["suggestions"] is False  # as the plan says


def test_cancel_stops_between_files(coded_path: Path, tmp_path: Path) -> None:
    plan = ExportPlan(("srt", "clips", "html"), tmp_path, "x",
                      Selection(tags=frozenset({"praise exchange"})))
    calls: list[str] = []

    def cancelled() -> bool:
        return len(calls) >= 3  # during the clips

    with pytest.raises(JobCancelled):
        run_plan(coded_path, plan, lambda d, t, f: calls.append(f), cancelled)
    assert (tmp_path / "x.srt").is_file() and not (tmp_path / "x.html").exists()
    clips = list((tmp_path / "x-clips").glob("*.mp4"))
    assert len(clips) < 2 and not list(tmp_path.glob("**/*.part*"))  # only whole files


@pytest.mark.parametrize(("plan", "message"), [
    (ExportPlan((), Path("."), "x"), "choose at least one format"),
    (ExportPlan(("srt",), Path("."), "../x"), "cannot be a file name"),
    (ExportPlan(("srt",), Path("."), "x", Selection(tags=frozenset({"nope"}))), "unknown tag"),
])
def test_bad_plans_are_input_errors(coded_path: Path, plan: ExportPlan, message: str) -> None:
    with pytest.raises(InputError, match=message):
        run_plan(coded_path, plan)
