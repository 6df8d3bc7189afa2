"""Exports and imports as both fronts run them: where the files go, what was written, who.

The format registry knows how to write and read each format; this adds what
a command or a menu needs around it: the default output path (CSV tables get
one file each), the list of files actually written, and the annotator an
import is recorded under in the edit history (its provenance).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desk.core.formats.importing import ImportSummary
from desk.core.formats.registry import export_format, import_format_for
from desk.core.services.annotator import default_annotator
from desk.core.store import Project


@dataclass
class ExportResult:
    written: Path  # the file, or the folder for clips
    files: list[Path]  # every file written (CSV tables: two; clips: each clip)
    folder: bool  # the format writes a folder (clips)


def default_export_path(project_path: Path, fmt: str, table: str | None = None) -> Path:
    """Beside the project, named after it: `x.srt`, `x.segments.csv`, `x-clips/`."""
    chosen = export_format(fmt)
    if chosen.name == "csv" and table in ("segments", "annotations"):
        return project_path.with_name(f"{project_path.stem}.{table}.csv")
    return chosen.default_path(project_path)


def export_project(project: Project, fmt: str, out: Path | None = None,
                   include_suggested: bool = False, **options: object) -> ExportResult:
    """Write `project` in format `fmt` (to `out`, else beside the project)."""
    chosen = export_format(fmt)
    table = options.get("table")
    target = out or default_export_path(project.path, chosen.name,
                                        table if isinstance(table, str) else None)
    written = chosen.export(project, target, include_suggested=include_suggested, **options)
    if chosen.name == "csv" and options.get("table", "both") == "both":
        from desk.core.formats.csv_tables import table_paths

        files = list(table_paths(target).values())
    elif chosen.writes_folder:
        files = sorted(p for p in written.iterdir() if not p.name.startswith("."))
    else:
        files = [written]
    return ExportResult(written, files, chosen.writes_folder)


def import_file(project: Project, path: Path, fmt: str | None = None, as_: str | None = None,
                annotator: str | None = None) -> ImportSummary:
    """Bring `path` into the project, all or nothing, recorded under the annotator."""
    importer = import_format_for(path, fmt)
    who = default_annotator() if annotator is None else annotator
    return importer.import_(project, path, as_=as_, annotator=who)
