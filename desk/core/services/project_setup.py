"""The project for a recording: made once with the default codebook, or the one already there.

`desk new`, `desk transcribe RECORDING`, the window's New project and drag &
drop, `desk demo` and the self-test all make projects here, so a recording
always gets the same codebook and the same checks.
"""

from __future__ import annotations

from pathlib import Path

from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.errors import InputError
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.store.project import SUFFIX


def project_path_for(recording: Path) -> Path:
    """Where a recording's project goes by default: beside it, `NAME.desk`."""
    return Path(recording).with_suffix(SUFFIX)


def create_project(recording: Path, project_path: Path | None = None,
                   codebook: str | Path = DEFAULT_PRESET) -> Project:
    """A new project on `recording` (probed first) with a codebook preset or file."""
    recording = Path(recording)
    chosen = load_codebook(codebook)
    media = probe(recording)
    return Project.create(project_path or project_path_for(recording), media=media,
                          codebook=chosen)


def belongs_to(project_path: Path, recording: Path) -> bool:
    """Whether the project at `project_path` annotates `recording` (by its path)."""
    with Project.open(project_path, writable=False) as existing:
        media = existing.media.get()
    return media is not None and Path(media.path).resolve() == Path(recording).resolve()


def project_for_target(target: Path, project_path: Path | None = None) -> tuple[Path, bool]:
    """The project a command works on, for a .desk file or a recording: (path, made now).

    A recording gets its project beside it, made with the default codebook when
    there is none; an existing one must be the recording's own.
    """
    target = Path(target)
    if target.suffix == SUFFIX:
        if not target.exists():
            raise InputError(f"project not found: {target}")
        return target, False
    path = Path(project_path) if project_path else project_path_for(target)
    if path.exists():
        if not belongs_to(path, target):
            raise InputError(f"{path.name} belongs to another recording; "
                             "choose another project with -p")
        return path, False
    create_project(target, path).close()
    return path, True
