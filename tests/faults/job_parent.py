"""A job's parent as the CLI runs it: `python tests/faults/job_parent.py PROJECT OPTIONS_JSON`.

test_resume_kills.py starts this in its own process group and kills it (or
the whole group) with SIGKILL at a random moment. It prints the pid of the
job child as soon as there is one, then the final event's kind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desk.core.pipeline.jobs import JobOptions, TranscriptionJob, run_transcription


class _Reporting(TranscriptionJob):
    def start(self) -> None:
        super().start()
        assert self._process is not None
        print(json.dumps({"child": self._process.pid}), flush=True)


def main() -> int:
    path, options = Path(sys.argv[1]), JobOptions.from_json(json.loads(sys.argv[2]))
    final = run_transcription(path, options, job=_Reporting(path, options))
    print(json.dumps({"final": final.kind, "message": final.message}), flush=True)
    return 0 if final.kind == "finished" else 1


if __name__ == "__main__":
    raise SystemExit(main())
