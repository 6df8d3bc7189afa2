"""Every export handles a coded 2-hour project (2,500 segments, 25,000 words, 1,000 annotations).

How long they take is measured by `benchmarks/export.py`, not asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.two_hour_project import (
    MARKUP_VOCAB,
    THREE_CODERS,
    build_two_hour_project,
    markup_notes,
)
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project


@pytest.mark.slow
def test_every_export_of_a_two_hour_project(tmp_path: Path) -> None:
    path = tmp_path / "two-hours.desk"
    # The project benchmarks/export.py times: notes with markup, three coders.
    build_two_hour_project(path, seed=7, vocab=MARKUP_VOCAB, notes=markup_notes,
                           annotators=THREE_CODERS)
    with Project.open(path, writable=False) as project:
        for name, fmt in EXPORTERS.items():
            if fmt.writes_folder:
                continue
            out = fmt.export(project, tmp_path / f"two-hours-{name}{fmt.suffix}")
            text_or_bytes = out.read_bytes()
            assert len(text_or_bytes) > 50_000, name  # the whole project, not a stub
    srt = (tmp_path / "two-hours-srt.srt").read_text(encoding="utf-8")
    assert srt.count(" --> ") == 2500
