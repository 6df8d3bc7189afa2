"""`desk agreement` on a 2-hour project with 3 annotators × 1,000 annotations: target ≤ 2 s.

The synthetic 2-hour livestream (benchmarks/two_hour_project.py) coded by
three coders, each with 1,000 annotations of the same moments (boundaries
off by ~1 s, now and then another tag or a moment of their own). Printed:
the load average; the wall and CPU time of the whole command (a fresh
process: imports, reading the project, every coefficient per tag and pooled
with 1,000 bootstrap replicates, the disagreement count); the in-process
parts; and peers on the same data in the same run: the `krippendorff`
package (α on the same slices), scikit-learn (Cohen's κ) and, with
--gamma-peer, pygamma-agreement's best alignment of one tag's first ten
minutes against Desk's (pygamma enumerates every n-tuple: minutes for more).
The command's CPU time is what it costs on an idle machine; wall time grows
with the load average (printed), so `desk stats` on the same project is timed
in the same run as the yardstick. The commands run as an installed Desk does,
from cached bytecode (a temporary PYTHONPYCACHEPREFIX, filled by one untimed
run first, even where PYTHONDONTWRITEBYTECODE is set).
Run: .venv/bin/python benchmarks/agreement.py [--runs N] [--gamma-peer]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.two_hour_project import THREE_CODERS, add_parallel_coding, build_two_hour_project
from desk.core.coding.agreement.gamma_alignment import best_alignment
from desk.core.coding.agreement.measure import Settings, block_length, measure
from desk.core.coding.agreement.slices import make_grid, patterns
from desk.core.coding.agreement.study import Study, build_study
from desk.core.store import Project

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(path: Path, runs: int, command: str = "agreement") -> list[tuple[float, float]]:
    """(wall, CPU) of `desk COMMAND PROJECT` in a fresh process, `runs` times after a warm-up."""
    env = dict(os.environ, PYTHONPATH=str(REPO),
               PYTHONPYCACHEPREFIX=str(path.parent / "bytecode"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for run in range(runs + 1):
        cpu, start = _child_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "desk", command, str(path)], check=True,
                       stdout=subprocess.DEVNULL, env=env)
        if run:  # the first run only writes the bytecode
            times.append((time.perf_counter() - start, _child_cpu() - cpu))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gamma-peer", action="store_true",
                        help="also time pygamma-agreement's best alignment (slow to import)")
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "three-coders.desk"
        build_two_hour_project(path, seed=16, annotations=0)
        add_parallel_coding(path, THREE_CODERS, seed=16)
        baseline = time_command(path, args.runs, "stats")
        command = time_command(path, args.runs)
        with Project.open(path, writable=False) as project:
            annotations = project.annotations.list(include_suggested=False)
            duration = project.media.duration()
        parts = []
        for _ in range(args.runs):
            cpu, start = time.process_time(), time.perf_counter()
            study = build_study(annotations, duration)
            result = measure(study, Settings())
            parts.append((time.perf_counter() - start, time.process_time() - cpu))
        print(f"{len(THREE_CODERS)} annotators × {len(annotations) // len(THREE_CODERS)} "
              f"annotations, {len(study.tags)} tags, 2 h; γ samples per tag: "
              f"{sorted(result.gamma_samples.values())}")
        wall = min(w for w, _ in command)
        print(f"desk agreement (whole command)  best {wall:.2f} s  median "
              f"{statistics.median(w for w, _ in command):.2f} s  CPU "
              f"{min(c for _, c in command):.2f} s   target ≤ {TARGET_SECONDS:.1f} s "
              f"{'OK' if wall <= TARGET_SECONDS else 'OVER'}")
        print(f"  of which the coefficients       best {min(w for w, _ in parts):.2f} s  "
              f"CPU {min(c for _, c in parts):.2f} s")
        stats_wall, stats_cpu = min(w for w, _ in baseline), min(c for _, c in baseline)
        print(f"desk stats (same project, same run) best {stats_wall:.2f} s  CPU "
              f"{stats_cpu:.2f} s: agreement costs ×{wall / stats_wall:.1f} its wall time, "
              f"×{min(c for _, c in command) / stats_cpu:.1f} its CPU")
        peers(study, args.gamma_peer)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def peers(study: Study, gamma_peer: bool) -> None:
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    from desk.core.coding.agreement import slice_coefficients as sc

    grid = make_grid(study.duration_ms, 0.1, block_length(study, Settings()))
    m = len(study.annotators)
    desk_cpu = peer_cpu = kappa_peer = 0.0
    for tag in study.tags:
        start = time.process_time()
        pattern = patterns(study, tag, grid)
        counts = np.bincount(pattern, minlength=1 << m).astype(np.float64)
        ours = sc.krippendorff_alpha(counts, m)
        pair = np.bincount(pattern & 3, minlength=4).astype(np.float64)
        our_kappa = sc.cohen_kappa(pair)
        desk_cpu += time.process_time() - start
        matrix = ((pattern[None, :] >> np.arange(m)[:, None]) & 1).astype(float)
        start = time.process_time()
        theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
        peer_cpu += time.process_time() - start
        start = time.process_time()
        their_kappa = cohen_kappa_score(matrix[0], matrix[1])
        kappa_peer += time.process_time() - start
        assert abs(ours - theirs) < 1e-9 and abs(our_kappa - their_kappa) < 1e-9
    print(f"peers, α on {grid.count:,} slices × {len(study.tags)} tags: Desk {desk_cpu:.3f} s "
          f"CPU (κ included) vs krippendorff {peer_cpu:.3f} s "
          f"(×{peer_cpu / max(desk_cpu, 1e-9):.1f}); scikit-learn κ {kappa_peer:.3f} s; "
          "same values to 1e-9")
    if gamma_peer:
        gamma_vs_pygamma(study)


def gamma_vs_pygamma(study: Study) -> None:
    import logging

    import numpy as np

    logging.getLogger().setLevel(logging.ERROR)
    start = time.process_time()
    import pygamma_agreement as pa
    from pyannote.core import Segment
    print(f"pygamma-agreement imported in {time.process_time() - start:.1f} s CPU (numba)")
    tag = study.tags[0]
    units = []
    for coder in study.annotators:
        ranges = study.units(tag, coder) / 1000
        units.append(ranges[ranges[:, 1] <= 600])
    continuum = pa.Continuum()
    for i, coder in enumerate(units):
        for s, e in coder:
            continuum.add(f"c{i}", Segment(float(s), float(e)), "t")
    dissimilarity = pa.CombinedCategoricalDissimilarity(alpha=1, beta=1)
    start = time.process_time()
    ours = best_alignment(units).disorder
    desk_cpu = time.process_time() - start
    start = time.process_time()
    theirs = continuum.get_best_alignment(dissimilarity).disorder
    peer_cpu = time.process_time() - start
    print(f"peers, γ best alignment, {tag}, first 10 min ({sum(len(u) for u in units)} units): "
          f"Desk {desk_cpu:.3f} s vs pygamma-agreement {peer_cpu:.2f} s "
          f"(×{peer_cpu / max(desk_cpu, 1e-9):.0f}); disorder {ours:.6f} vs {theirs:.6f}"
          f"{' (same)' if np.isclose(ours, theirs, rtol=1e-5) else ' (DIFFERENT)'}")


if __name__ == "__main__":
    raise SystemExit(main())
