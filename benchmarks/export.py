"""Export times at 2-hour scale: every format (clips aside) must take ≤ 1 s.

A coded 2-hour livestream: 2,500 segments, 25,000 words, 1,000 annotations
(overlapping, with notes, by three coders). Each export runs three times on
a project opened read-only; the best and median wall times are printed, and
the best CPU time of this process (what the export costs on an idle machine:
wall time inflates when other jobs share the cores).
Run: .venv/bin/python benchmarks/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.two_hour_project import (
    MARKUP_VOCAB,
    THREE_CODERS,
    build_two_hour_project,
    markup_notes,
)
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project

TARGET_SECONDS = 1.0
def time_exports(project_path: Path, out_dir: Path,
                 runs: int = 3) -> dict[str, list[tuple[float, float]]]:
    """(wall, cpu) seconds per run for every file export, each on a freshly opened project."""
    times: dict[str, list[tuple[float, float]]] = {}
    for name, fmt in EXPORTERS.items():
        if fmt.writes_folder:
            continue  # clips: ffmpeg time, bounded by the media, not by Desk
        for _ in range(runs):
            with Project.open(project_path, writable=False) as project:
                start, cpu = time.perf_counter(), time.process_time()
                fmt.export(project, out_dir / f"bench{fmt.suffix}")
                times.setdefault(name, []).append(
                    (time.perf_counter() - start, time.process_time() - cpu))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "two-hours.desk"
        t0 = time.perf_counter()
        build_two_hour_project(path, seed=7, vocab=MARKUP_VOCAB, notes=markup_notes,
                               annotators=THREE_CODERS)
        print(f"built the 2-hour project in {time.perf_counter() - t0:.1f} s")
        times = time_exports(path, Path(tmp), args.runs)
        print(f"{'format':<10}{'best':>9}{'median':>9}{'cpu':>9}  target ≤ {TARGET_SECONDS:.1f} s")
        slow = []
        for name, values in times.items():
            walls = [w for w, _ in values]
            best, median = min(walls), statistics.median(walls)
            cpu = min(c for _, c in values)
            flag = "" if min(best, cpu) <= TARGET_SECONDS else "  SLOW"
            if flag:
                slow.append(name)
            print(f"{name:<10}{best:>8.3f}s{median:>8.3f}s{cpu:>8.3f}s{flag}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
