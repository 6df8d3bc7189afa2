"""A merge that stops to be killed: `python merge_session.py MINE THEIRS STOP_AFTER`.

Desk's own merge (plan and apply) runs unchanged; only the history recorder
is wrapped so that, after STOP_AFTER records inside the merge's transaction,
the process says "inside" on stdout and waits there. With a STOP_AFTER larger
than the merge it says "merged" after the commit and waits. Either way the
test then kills it with SIGKILL.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from desk.core.coding.merge import apply_merge, plan_merge
from desk.core.store import Project
from desk.core.store.history import ActionRecorder


def main(mine: Path, theirs: Path, stop_after: int) -> None:
    original = ActionRecorder.record
    seen = 0

    def record(self: ActionRecorder, entity: str, entity_id: int, before: object) -> None:
        nonlocal seen
        original(self, entity, entity_id, before)  # type: ignore[arg-type]
        seen += 1
        if seen == stop_after:
            print(json.dumps({"step": "inside", "records": seen}), flush=True)
            time.sleep(600)

    ActionRecorder.record = record  # type: ignore[method-assign]
    with Project.open(mine) as project:
        plan = plan_merge(project, theirs)
        apply_merge(project, plan, add_tags=[t.name for t in plan.new_tags])
    print(json.dumps({"step": "merged", "records": seen}), flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
