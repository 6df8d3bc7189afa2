"""Adjudications: the consensus layer, and who settled each disagreement how and from what.

A decision replaces the consensus annotations it covers with its result, and
records the decider, the rule (take, union, intersection, edit) and the
disagreeing annotations as they were, all in one history action: undoing it
brings the previous consensus back and forgets the decision.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desk.core.records import Annotation
from desk.core.store.database import Database, inserted_id, utc_now
from desk.core.store.history import History

CONSENSUS = "consensus"


@dataclass(frozen=True)
class Adjudication:
    id: int
    at: str
    decided_by: str
    rule: str
    sources: list[dict[str, Any]]  # the disagreeing annotations: id, annotator, tag, start, end
    results: list[int]  # the consensus annotations written (none: "nothing goes here")


class AdjudicationStore:
    def __init__(self, database: Database, history: History) -> None:
        self._db = database
        self._history = history

    def decide(self, rule: str, results: Sequence[Annotation], replaced: Sequence[int],
               sources: Sequence[Annotation], decided_by: str) -> Adjudication:
        """Write `results` (tag_id set) to the consensus layer instead of `replaced`."""
        conn = self._db.conn
        now = utc_now()
        with self._history.action(f"adjudicate: {rule}", decided_by) as act:
            for annotation_id in replaced:
                before = act.before("annotation", annotation_id)
                conn.execute("DELETE FROM annotations WHERE id=?", (annotation_id,))
                act.record("annotation", annotation_id, before)
            written = []
            for a in results:
                cursor = conn.execute(
                    'INSERT INTO annotations(tag_id, start, "end", note, annotator, source, '
                    "created_at, updated_at) VALUES (?,?,?,?,?,'manual',?,?)",
                    (a.tag_id, a.start, a.end, a.note, CONSENSUS, now, now))
                written.append(inserted_id(cursor))
                act.record("annotation", written[-1], None)
            snapshot = [{"id": s.id, "annotator": s.annotator, "tag": s.tag,
                         "start": s.start, "end": s.end} for s in sources]
            cursor = conn.execute(
                "INSERT INTO adjudications(at, decided_by, rule, sources, results) "
                "VALUES (?,?,?,?,?)",
                (now, decided_by, rule, json.dumps(snapshot, ensure_ascii=False),
                 json.dumps(written)))
            adjudication_id = inserted_id(cursor)
            act.record("adjudication", adjudication_id, None)
        return Adjudication(adjudication_id, now, decided_by, rule, snapshot, written)

    def list(self) -> list[Adjudication]:
        rows = self._db.query("SELECT * FROM adjudications ORDER BY id")
        return [Adjudication(int(r["id"]), r["at"], r["decided_by"], r["rule"],
                             json.loads(r["sources"]), json.loads(r["results"])) for r in rows]
