"""Blind coding: while it is on, each coder sees only their own layer.

A per-project rule (kept in the file, so everyone opening it codes blind):
the annotations list, the timeline, suggestions and agreement figures leave
out other annotators' coding. Agreement and adjudication need every layer,
so they ask for blind coding to be turned off first.
"""

from __future__ import annotations

from collections.abc import Iterable

from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.store import Project


def visible_annotator(project: Project, me: str) -> str | None:
    """Whose annotations to show: only `me` when coding blind, else everyone's (None)."""
    return me if project.settings.blind_coding else None


def visible(annotations: Iterable[Annotation], only: str | None) -> list[Annotation]:
    return [a for a in annotations if only is None or a.annotator == only]


def require_open(project: Project, what: str) -> None:
    """Refuse what would show others' coding while coding blind."""
    if project.settings.blind_coding:
        raise InputError(f"blind coding is on in {project.path.name}: {what} shows every "
                         "coder's work; turn it off first (desk blind PROJECT --off)")
