"""Every export format onto a full disk: exit 2 and one line, old files kept, nothing half written.

The output folder is a small tmpfs filled until 0 or 48 KiB are left (the
project itself is elsewhere and only read). Whatever the format — the
single-file ones, the CSV pair with its provenance, the Word report, the
media clips written by ffmpeg — the command either writes everything or
fails with one `desk: error:` line saying there is no space; a file that was
already there keeps its old content, no temp file stays (clips already cut
stay, each complete), and the project's content hash does not change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.formats.registry import EXPORTERS
from desk.core.pipeline.media import probe
from tests.cli.cli_run import run
from tests.faults.conftest import checked_digest
from tests.faults.disk_full import can_mount, fill, tmpfs, unfill

pytestmark = pytest.mark.skipif(not can_mount(), reason="needs to mount a tmpfs (root): "
                                "ffmpeg and SQLite meet ENOSPC only on a really full disk")

FREE = [0, 48 << 10]
SRT = "".join(f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},800\nline {i} of the stream\n\n"
              for i in range(25))


@pytest.fixture
def exported_project(project_path: Path, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> Path:
    """The fault tests' project with a transcript, so that every format has lines to write."""
    srt = tmp_path / "lines.srt"
    srt.write_text(SRT, encoding="utf-8")
    assert run(capsys, "import", project_path, srt)[0] == 0
    return project_path


FORMATS = [(fmt, []) for fmt in sorted(EXPORTERS)] + [("clips", ["--normalise"])]


@pytest.mark.parametrize("free", FREE, ids=[f"{f >> 10}KiB" for f in FREE])
@pytest.mark.parametrize(("fmt", "options"), FORMATS,
                         ids=[" ".join([fmt, *options]) for fmt, options in FORMATS])
def test_an_export_onto_a_full_disk(fmt: str, options: list[str], free: int, tmp_path: Path,
                                    exported_project: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = checked_digest(exported_project)
    with tmpfs(tmp_path / "out", 512) as out:
        chosen = EXPORTERS[fmt]
        target = out / ("clips" if chosen.writes_folder else f"export{chosen.suffix}")
        old = out / f"export.segments{chosen.suffix}" if fmt == "csv" else target
        if not chosen.writes_folder:
            old.write_text("old", encoding="utf-8")
        fill(out, free)
        code, _, err = run(capsys, "export", exported_project, "-f", fmt, "-o", target,
                             *options)
        unfill(out)
        if code != 0:
            assert code == 2, err
            assert err.count("\n") == 1 and err.startswith("desk: error: "), err
            assert "no space left" in err or "is full" in err, err
            if not chosen.writes_folder:
                assert old.read_text(encoding="utf-8") == "old"
            left = [p for p in out.rglob("*") if p.name != ".filler"]
            if chosen.writes_folder:  # the clips cut before the disk filled stay, each whole
                assert all(probe(p).duration > 0 for p in left if p.is_file())
            else:
                assert [p.name for p in left] == [old.name]
        assert not [p for p in out.rglob("*") if ".part" in p.name]
    assert checked_digest(exported_project) == before
