"""How soon a resumed job decodes again after a kill at half of the 2 h 40 min file.

    .venv/bin/python benchmarks/resume_start.py [--threads 2] [--at 0.5]

Runs Desk's job child (default decoding) on the long benchmark file, kills it
(SIGKILL) once the progress passes `--at` of the recording, and starts it
again with `--resume`. Prints the time from the resumed child's start to its
first report from the engine (a progress event past the resume point) and to
its first new segment, beside the target (decoding within 5 s), and what the
scan the resumed job no longer does costs on this file. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.transcribe_media import long_media
from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.pipeline.jobs import JobOptions, worker_command
from desk.core.pipeline.media import probe
from desk.core.pipeline.silence import measure_levels
from desk.core.store import Project

TARGET_SECONDS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--at", type=float, default=0.5)
    args = parser.parse_args()
    media = long_media()
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", PYTHONUNBUFFERED="1")
    print(f"{media.label}, {args.threads} threads, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="desk-resume-") as tmp:
        project = Path(tmp) / "resume.desk"
        Project.create(project, media=probe(media.path),
                       codebook=load_codebook(DEFAULT_PRESET)).close()
        options = JobOptions(engine="faster", model="tiny.en", language="en",
                             threads=args.threads)
        child = subprocess.Popen(worker_command(project, options), stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, env=env)
        assert child.stdout is not None
        for line in child.stdout:
            event = json.loads(line)
            if event["kind"] in ("progress", "segments") and event["done"] >= \
                    args.at * media.duration:
                child.send_signal(signal.SIGKILL)
                break
        child.wait()
        with Project.open(project, writable=False) as opened:
            resume_at = opened.transcripts.current().progress
        print(f"killed at {resume_at / 60:.1f} min of {media.duration / 60:.1f}")
        options.resume = True
        started = time.monotonic()
        child = subprocess.Popen(worker_command(project, options), stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, env=env)
        assert child.stdout is not None
        first_progress = first_segment = None
        for line in child.stdout:
            event = json.loads(line)
            now = time.monotonic() - started
            if first_progress is None and event["kind"] == "progress" and \
                    event["done"] > resume_at + 1.0:
                first_progress = now
            if first_segment is None and event["kind"] == "segments":
                first_segment = now
                child.send_signal(signal.SIGKILL)
                break
        child.wait()
    scan_started = time.monotonic()
    measure_levels(media.path)
    scan = time.monotonic() - scan_started
    print(f"resumed: first engine progress after {first_progress or float('nan'):.1f} s, "
          f"first new segment after {first_segment or float('nan'):.1f} s "
          f"(target: decoding within {TARGET_SECONDS:.0f} s)")
    print(f"the scan a resume no longer does: {scan:.1f} s on this file; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
