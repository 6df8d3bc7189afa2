"""Every export handles a coded 2-hour project (2,500 segments, 25,000 words, 1,000 annotations).

How long they take is measured by `benchmarks/export.py`, not asserted here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "export.py"


def _benchmark() -> object:
    spec = importlib.util.spec_from_file_location("export_benchmark", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_every_export_of_a_two_hour_project(tmp_path: Path) -> None:
    path = tmp_path / "two-hours.desk"
    _benchmark().build_two_hour_project(path)  # type: ignore[attr-defined]
    with Project.open(path, writable=False) as project:
        for name, fmt in EXPORTERS.items():
            if fmt.writes_folder:
                continue
            out = fmt.export(project, tmp_path / f"two-hours-{name}{fmt.suffix}")
            text_or_bytes = out.read_bytes()
            assert len(text_or_bytes) > 50_000, name  # the whole project, not a stub
    srt = (tmp_path / "two-hours-srt.srt").read_text(encoding="utf-8")
    assert srt.count(" --> ") == 2500
