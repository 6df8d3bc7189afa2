"""Project-file figures at 2-hour scale: open, one tag committed, full-text search.

2,500 segments, 25,000 words, 1,000 annotations (what a coded 2-hour
livestream holds). Prints medians; targets: open ≤ 0.5 s, tag ≤ 10 ms, search ≤ 50 ms.
Run: .venv/bin/python benchmarks/store.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.two_hour_project import build_two_hour_project
from desk.core.store import Project


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "two-hours.desk"
        t0 = time.perf_counter()
        build_two_hour_project(path, seed=1)
        build = time.perf_counter() - t0
        print(f"built 2-hour project in {build:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")

        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            project = Project.open(path)
            segments = project.transcripts.segments()
            opens.append(time.perf_counter() - t0)
            project.close()
        print(f"open + load all {len(segments)} segments with words: "
              f"median {statistics.median(opens) * 1000:.0f} ms (target ≤ 500 ms)")

        project = Project.open(path)
        tag_times = []
        for i in range(100):
            t0 = time.perf_counter()
            project.annotations.add("delay", i, i + 1.0, annotator="bench")
            tag_times.append(time.perf_counter() - t0)
        print(f"one tag committed: median {statistics.median(tag_times) * 1000:.2f} ms, "
              f"p95 {sorted(tag_times)[94] * 1000:.2f} ms (target ≤ 10 ms)")

        search_times = []
        for query in ["harris", "border open", "massive attack", "tremend", "zzz"] * 4:
            t0 = time.perf_counter()
            project.transcripts.search(query)
            search_times.append(time.perf_counter() - t0)
        print(f"full-text search: median {statistics.median(search_times) * 1000:.2f} ms, "
              f"max {max(search_times) * 1000:.2f} ms (target ≤ 50 ms)")
        project.close()


if __name__ == "__main__":
    main()
