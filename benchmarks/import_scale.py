"""Import scale (issue #11): a codebook of N tags through `desk codebook --import`.

Prints wall and CPU seconds per size, their ratio to the smallest size (linear
growth keeps the CPU ratio near the size ratio) and the machine's load average.
Target: 100,000 tags in <= 10 s. Run: .venv/bin/python benchmarks/import_scale.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    sizes = [int(s) for s in sys.argv[1:]] or [10_000, 100_000]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        media = base / "tone.m4a"
        subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                        "sine=frequency=440:d=10", "-c:a", "aac", str(media)], check=True)
        first = None
        for count in sizes:
            book = base / f"cb{count}.json"
            book.write_text(json.dumps({"tags": [
                {"name": f"tag {i}", "colour": "#112233", "keywords": [f"word{i}"]}
                for i in range(count)]}), encoding="utf-8")
            project = base / f"p{count}.desk"
            subprocess.run([sys.executable, "-m", "desk", "new", str(media), "-p", str(project)],
                           check=True, env=env, capture_output=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "desk", "codebook", str(project), "--import",
                            str(book)], check=True, env=env, capture_output=True)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            first = first or (count, cpu)
            print(f"codebook {count:>7,} tags: {wall:6.2f} s wall, {cpu:6.2f} s CPU "
                  f"({cpu / first[1]:.1f}x the CPU of {first[0]:,} for {count / first[0]:.0f}x "
                  f"the tags; target 100,000 in <= 10 s), peak RSS {after.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
