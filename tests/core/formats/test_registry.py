"""The registry the CLI and the app's menus are built from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.errors import InputError
from desk.core.formats.registry import (
    EXPORTERS,
    IMPORTERS,
    export_format,
    file_filter,
    import_format_for,
)
from desk.core.store import Project


def test_every_format_describes_itself() -> None:
    assert set(EXPORTERS) == {"srt", "vtt", "csv", "json", "eaf", "textgrid", "html", "md",
                              "docx", "clips"}
    assert {"eaf", "srt", "vtt", "json", "codebook"} <= set(IMPORTERS)
    for fmt in [*EXPORTERS.values(), *IMPORTERS.values()]:
        assert fmt.description and "\n" not in fmt.description
        assert fmt.suffix.startswith(".") or getattr(fmt, "writes_folder", False)
    assert "*.eaf" in file_filter() and "*.docx" in file_filter(importers=False)


def test_default_paths_follow_the_project() -> None:
    project = Path("/data/Interview ü.desk")
    assert export_format("SRT").default_path(project) == Path("/data/Interview ü.srt")
    assert export_format("textgrid").default_path(project).name == "Interview ü.TextGrid"
    assert export_format("clips").default_path(project).name == "Interview ü-clips"


def test_unknown_names_and_suffixes_are_input_errors() -> None:
    with pytest.raises(InputError, match="unknown export format 'pdf'"):
        export_format("pdf")
    with pytest.raises(InputError, match="Desk imports .eaf, .json, .srt, .vtt"):
        import_format_for(Path("notes.docx"))
    assert import_format_for(Path("x.EAF")).name == "eaf"
    assert import_format_for(Path("x.json"), "codebook").name == "codebook"


def test_an_option_of_another_format_is_refused(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="srt export has no option table"):
        EXPORTERS["srt"].export(coded, tmp_path / "x.srt", table="both")
    assert not (tmp_path / "x.srt").exists()


def test_registry_loads_no_format_library() -> None:
    """Building menus must not import python-docx or lxml (app start-up)."""
    code = ("import sys; import desk.core.formats.registry as r; "
            "assert r.EXPORTERS and r.IMPORTERS; "
            "print(sorted(m for m in ('docx', 'lxml') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_every_export_works_on_an_empty_project(tmp_path: Path) -> None:
    """No recording, no transcript, no codebook: valid, empty files (clips: a clear error)."""
    with Project.create(tmp_path / "empty.desk") as project:
        for name, fmt in EXPORTERS.items():
            if fmt.writes_folder:
                with pytest.raises(InputError, match="no recording"):
                    fmt.export(project, tmp_path / "clips")
                continue
            written = fmt.export(project, tmp_path / f"empty{fmt.suffix}")
            assert written.is_file() and written.stat().st_size > 0, name
