"""Agreement on a project, as both fronts run it: its coders, its recording, its rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desk.core.coding import adjudication
from desk.core.coding.agreement.measure import Progress, Settings, measure, never
from desk.core.coding.agreement.results import AgreementResult
from desk.core.coding.agreement.study import build_study
from desk.core.coding.blind import require_open
from desk.core.coding.disagreements import DEFAULT_TOLERANCE, Disagreement
from desk.core.store import Project


def project_agreement(project: Project, annotators: Sequence[str] | None = None,
                      tags: Sequence[str] | None = None, settings: Settings | None = None,
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] = never) -> AgreementResult:
    """Every coefficient for the project's coders (suggestions not yet accepted left out)."""
    require_open(project, "agreement")
    study = build_study(project.annotations.list(include_suggested=False),
                        project.media.duration(), annotators, tags)
    return measure(study, settings or Settings(), progress, cancelled)


@dataclass
class Comparison:
    """What `desk agreement` prints and the Agreement pane shows: figures and disagreements."""

    result: AgreementResult
    disagreements: list[Disagreement]
    decided: set[str]  # keys of the disagreements already settled


def compare(project: Project, annotators: Sequence[str] | None = None,
            tags: Sequence[str] | None = None, settings: Settings | None = None,
            tolerance: float = DEFAULT_TOLERANCE, progress: Progress | None = None,
            cancelled: Callable[[], bool] = never) -> Comparison:
    """The figures, then the disagreements: `progress` counts one more step for those."""

    def figures_step(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total + 1)

    result = project_agreement(project, annotators, tags, settings, figures_step, cancelled)
    found = adjudication.disagreements(project, result.annotators, tolerance)
    if progress is not None:
        steps = len(result.tags) + 2
        progress(steps, steps)
    return Comparison(result, found, adjudication.decided_keys(project))


def compare_file(path: Path, annotators: Sequence[str] | None = None,
                 tags: Sequence[str] | None = None, settings: Settings | None = None,
                 tolerance: float = DEFAULT_TOLERANCE, progress: Progress | None = None,
                 cancelled: Callable[[], bool] = never) -> Comparison:
    """`compare` on its own read-only connection (what a background task may use)."""
    with Project.open(path, writable=False) as project:
        return compare(project, annotators, tags, settings, tolerance, progress, cancelled)
