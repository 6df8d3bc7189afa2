"""Exports and imports as both fronts run them: where the files go, what was written, who.

The format registry knows how to write and read each format; this adds what
a command or a menu needs around it: the default output path (CSV tables get
one file each), the list of files actually written, and the annotator an
import is recorded under in the edit history (its provenance).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from desk.core.errors import InputError
from desk.core.formats.importing import ImportSummary
from desk.core.formats.registry import ExportFormat, export_format, import_format_for
from desk.core.formats.selection import Selection
from desk.core.services.annotator import default_annotator
from desk.core.store import Project


@dataclass
class ExportResult:
    written: Path  # the file, or the folder for clips
    files: list[Path]  # every file written (CSV: two tables; clips: each clip; side files)
    folder: bool  # the format writes a folder (clips)


def default_export_path(project_path: Path, fmt: str, table: str | None = None) -> Path:
    """Beside the project, named after it: `x.srt`, `x.segments.csv`, `x-clips/`."""
    chosen = export_format(fmt)
    if chosen.name == "csv" and table in ("segments", "annotations"):
        return project_path.with_name(f"{project_path.stem}.{table}.csv")
    return chosen.default_path(project_path)


def checked_selection(project: Project, selection: Selection) -> Selection:
    """The selection with tag names as the codebook spells them; unknown names refused."""
    tags = selection.tags
    if tags is not None:
        known = {t.name.casefold(): t.name for t in project.tags.list(include_archived=True)}
        unknown = sorted(t for t in tags if t.casefold() not in known)
        if unknown:
            raise InputError(f"unknown tag '{unknown[0]}' (tags: "
                             f"{', '.join(known.values()) or 'none'})")
        tags = frozenset(known[t.casefold()] for t in tags)
    if selection.annotators is not None:
        coders = {a.annotator for a in project.annotations.list()}
        unknown = sorted(selection.annotators - coders)
        if unknown:
            raise InputError(f"no annotations by '{unknown[0]}' (annotators: "
                             f"{', '.join(sorted(c or '(none)' for c in coders)) or 'none'})")
    return replace(selection, tags=tags)


def export_project(project: Project, fmt: str, out: Path | None = None,
                   selection: Selection | None = None, **options: object) -> ExportResult:
    """Write `project` in format `fmt` (to `out`, else beside the project)."""
    chosen = export_format(fmt)
    if selection is not None:
        selection = checked_selection(project, selection)
    table = options.get("table")
    target = out or default_export_path(project.path, chosen.name,
                                        table if isinstance(table, str) else None)
    return result_of(chosen, chosen.export_files(project, target, selection, options))


def result_of(chosen: ExportFormat, files: list[Path]) -> ExportResult:
    """What an export wrote, from the registry's list (the main file or folder first)."""
    if chosen.writes_folder:
        return ExportResult(files[0], files[1:], True)
    return ExportResult(files[0], files, False)


def import_file(project: Project, path: Path, fmt: str | None = None, as_: str | None = None,
                annotator: str | None = None) -> ImportSummary:
    """Bring `path` into the project, all or nothing, recorded under the annotator."""
    importer = import_format_for(path, fmt)
    who = default_annotator() if annotator is None else annotator
    return importer.import_(project, path, as_=as_, annotator=who)
