"""What the job's parent and child tell each other survives the JSON line between them."""

from __future__ import annotations

import json
import subprocess
import sys

from desk.core.pipeline.job_messages import JobEvent, JobOptions


def test_options_and_events_round_trip_through_json() -> None:
    options = JobOptions(engine="faster", model="base", language="de", prompt="DDoS",
                         resume=True, beam_size=1, threads=2)
    assert JobOptions.from_json(json.loads(json.dumps(options.to_json()))) == options
    event = JobEvent("segments", 3, 12.5, 60.0, 40.0, [7, 8], "ok")
    assert JobEvent.from_json(json.loads(json.dumps(event.to_json()))) == event
    # A newer child's extra fields are ignored, not a crash.
    assert JobEvent.from_json({"kind": "progress", "future": 1}) == JobEvent("progress")


def test_the_parent_side_loads_no_decoder() -> None:
    code = ("import sys, desk.core.pipeline.jobs; "
            "print(sorted(m for m in ('numpy', 'desk.core.pipeline.transcription', "
            "'desk.core.pipeline.decode') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
