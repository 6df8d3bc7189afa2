"""Agreement on a project, as both fronts run it: its coders, its recording, its rules."""

from __future__ import annotations

from collections.abc import Sequence

from desk.core.coding.agreement.measure import Settings, measure
from desk.core.coding.agreement.results import AgreementResult
from desk.core.coding.agreement.study import build_study
from desk.core.coding.blind import require_open
from desk.core.store import Project


def project_agreement(project: Project, annotators: Sequence[str] | None = None,
                      tags: Sequence[str] | None = None,
                      settings: Settings | None = None) -> AgreementResult:
    """Every coefficient for the project's coders (suggestions not yet accepted left out)."""
    require_open(project, "agreement")
    study = build_study(project.annotations.list(include_suggested=False),
                        project.media.duration(), annotators, tags)
    return measure(study, settings or Settings())
