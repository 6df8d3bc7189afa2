"""An export of several formats at once, as File → Export… runs it (off the GUI thread).

The plan is what the dialog gathers (formats, folder, file name, what to
include); `run_plan` writes it format by format with progress and cancel,
each file atomically, opening the project read-only on the worker's own
connection. The dialog asks before replacing the files `existing` names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.errors import InputError, JobCancelled
from desk.core.formats.registry import EXPORTERS, ExportFormat, export_format
from desk.core.formats.selection import Selection
from desk.core.services.exchange import ExportResult, checked_selection, result_of
from desk.core.store import Project

# (done, total, what is being written); total counts formats, and clips one by one.
ExportProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportPlan:
    formats: tuple[str, ...]
    folder: Path
    name: str  # the file name without suffix: NAME.srt, NAME.segments.csv, NAME-clips/
    selection: Selection = field(default_factory=Selection)
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # per format

    def target(self, fmt: str) -> Path:
        """Where format `fmt` goes (the registry's naming, in the chosen folder)."""
        return export_format(fmt).default_path(self.folder / f"{self.name}.desk")

    def existing(self) -> list[Path]:
        """Files (or clip folders) the plan would replace."""
        from desk.core.formats.csv_tables import table_paths

        paths: list[Path] = []
        for fmt in self.formats:
            target = self.target(fmt)
            if fmt == "csv":
                paths += table_paths(target, str(self.options.get(fmt, {}).get("table", "both")))\
                    .values()
            else:
                paths.append(target)
        return [p for p in paths if p.exists()]


def propose(project: Project, formats: tuple[str, ...], folder: Path | None = None) -> ExportPlan:
    """The plan the dialog opens with: named after the project, in `folder` (the last one
    used) or beside the project, everything but suggestions."""
    path = Path(project.path)
    return ExportPlan(tuple(export_format(f).name for f in formats), folder or path.parent,
                      path.stem)


def run_plan(project_path: Path, plan: ExportPlan, progress: ExportProgress | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> list[ExportResult]:
    """Write every format of the plan; raises JobCancelled between files when asked."""
    if not plan.formats:
        raise InputError("choose at least one format to export")
    if not plan.name.strip() or Path(plan.name).name != plan.name:
        raise InputError(f"'{plan.name}' cannot be a file name")
    chosen = [EXPORTERS[f] for f in plan.formats]
    results: list[ExportResult] = []
    with Project.open(project_path, writable=False) as project:
        selection = checked_selection(project, plan.selection)
        clips = sum(1 for a in project.annotations.list(include_suggested=selection.suggestions)
                    if selection.keeps(a))
        total = sum(clips if f.writes_folder else 1 for f in chosen)
        done = 0
        for fmt in chosen:
            if cancelled():
                raise JobCancelled("export cancelled")
            base = done

            def step(cut: int, _count: int, fmt: ExportFormat = fmt, base: int = base) -> None:
                if cancelled():
                    raise JobCancelled("export cancelled")
                if progress is not None:
                    progress(base + cut, total, fmt.name)

            step(0, 0)
            files = fmt.export_files(project, plan.target(fmt.name), selection,
                                     plan.options.get(fmt.name), progress=step)
            done += clips if fmt.writes_folder else 1
            results.append(result_of(fmt, files))
    if progress is not None:
        progress(total, total, "")
    return results
