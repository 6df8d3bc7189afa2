"""Reading a colleague's coding: another .desk file, or its Desk JSON or ELAN export.

Each source yields the same `IncomingLayer`: the recording's fingerprint (to
refuse a file about another recording), the coding decisions (suggestions
not yet accepted are left out: they are nobody's decision), the codebook and
the speaker turns. Their file is only read: a .desk file in an older format
is read from a migrated copy, never upgraded in place.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.errors import DeskError, InputError, ProjectError
from desk.core.records import Annotation, Tag
from desk.core.store import Project
from desk.core.store.layers import copy_project

SUFFIXES = (".desk", ".json", ".eaf")


@dataclass(frozen=True)
class Turn:
    """A stretch of their transcript and who speaks in it."""

    start: float
    end: float
    speaker: str


@dataclass
class IncomingLayer:
    source: Path
    fingerprint: str | None
    annotations: list[Annotation]
    tags: list[Tag]
    turns: list[Turn] = field(default_factory=list)


def read_layer(path: Path, known_tags: list[str]) -> IncomingLayer:
    """The coding in `path` (.desk, Desk .json or Desk .eaf), or a one-line reason why not."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".desk":
        return _from_project(path)
    if suffix in (".json", ".eaf"):
        return _from_export(path, known_tags)
    raise InputError(f"cannot merge {path.name}: Desk merges {', '.join(SUFFIXES)} files")


def _from_project(path: Path) -> IncomingLayer:
    try:
        project = Project.open(path, writable=False)
    except ProjectError as exc:
        if "older file format" not in str(exc):
            raise
        with tempfile.TemporaryDirectory(prefix="desk-merge-") as folder, Project.open(
                copy_project(path, Path(folder))) as copy:
            return _read_project(copy, path)
    with project:
        return _read_project(project, path)


def _read_project(project: Project, source: Path) -> IncomingLayer:
    media = project.media.get()
    turns = [Turn(s.start, s.end, s.speaker)
             for s in project.transcripts.segments(with_words=False) if s.speaker]
    return IncomingLayer(source, media.fingerprint if media else None,
                         project.annotations.list(include_suggested=False),
                         project.tags.list(include_archived=True), turns)


def _from_export(path: Path, known_tags: list[str]) -> IncomingLayer:
    from desk.core.formats.desk_json import read_project_json
    from desk.core.formats.eaf_import import read_eaf

    try:
        if path.suffix.lower() == ".json":
            bundle = read_project_json(path)
        else:
            bundle = read_eaf(path, known_tags=known_tags)
    except DeskError as exc:
        raise InputError(str(exc)) from exc
    coded = [a for a in bundle.annotations if a.source != "suggested"]
    turns = [Turn(s.start, s.end, s.speaker) for s in bundle.segments if s.speaker]
    return IncomingLayer(path, bundle.media_fingerprint, coded, list(bundle.tags), turns)
