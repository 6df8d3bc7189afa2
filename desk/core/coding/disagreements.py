"""Where annotators differ, as a list to walk: biggest differences first.

Annotations of one tag that code the same stretch (one coder's overlapping
ranges, or two coders' ranges sharing half of the shorter) form a *cluster*.
A cluster is a disagreement when

- some compared annotator has nothing in it ("missing": one coded, the other not);
- everyone coded it but their starts or ends are further apart than the
  tolerance ("boundaries");

and two "missing" clusters of different tags by different annotators that
cover mostly the same time become one "tag" disagreement (same span,
different tag). The size is how many seconds the codings differ by, which
sorts the list; each entry names the annotations involved (its sources when
it is settled) and a key made of their ids, stable while they stay unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desk.core.records import Annotation

DEFAULT_TOLERANCE = 1.0  # seconds boundaries may differ and still count as the same
SAME_SPAN = 0.5  # share of the shorter span two clusters must share to be "the same span"
KINDS = ("missing", "tag", "boundaries")


@dataclass(frozen=True)
class Disagreement:
    kind: str
    start: float  # the span of every annotation involved
    end: float
    size: float  # seconds the codings differ by
    tags: tuple[str, ...]
    sides: dict[str, tuple[Annotation, ...]]  # per compared annotator (empty: coded nothing)

    @property
    def key(self) -> str:
        return "-".join(str(i) for i in sorted(a.id for a in self.sources if a.id is not None))

    @property
    def sources(self) -> list[Annotation]:
        return [a for side in self.sides.values() for a in side]

    def describe(self) -> str:
        if self.kind == "boundaries":
            bounds = "; ".join(f"{name} {_span(side)}" for name, side in self.sides.items())
            return f"{self.tags[0]}: boundaries differ ({bounds})"
        parts = []
        for name, side in self.sides.items():
            tags = sorted({a.tag for a in side})
            parts.append(f"{name}: {', '.join(tags) if tags else 'nothing'}")
        return "; ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "kind": self.kind, "start": round(self.start, 3),
                "end": round(self.end, 3), "size_seconds": round(self.size, 3),
                "tags": list(self.tags), "description": self.describe(),
                "sides": {name: [a.to_json() for a in side] for name, side in self.sides.items()}}


def find_disagreements(annotations: Sequence[Annotation], annotators: Sequence[str],
                       tolerance: float = DEFAULT_TOLERANCE) -> list[Disagreement]:
    """The disagreements among `annotators` (two or more), largest first."""
    coders = list(dict.fromkeys(annotators))
    coded = [a for a in annotations if a.annotator in coders and a.source != "suggested"]
    found: list[Disagreement] = []
    missing: list[Disagreement] = []
    for tag in sorted({a.tag for a in coded}):
        for cluster in clusters([a for a in coded if a.tag == tag]):
            sides = {name: tuple(a for a in cluster if a.annotator == name) for name in coders}
            start, end = min(a.start for a in cluster), max(a.end for a in cluster)
            if not all(sides.values()):
                missing.append(Disagreement("missing", start, end, _union(cluster), (tag,),
                                            sides))
                continue
            starts = [min(a.start for a in side) for side in sides.values()]
            ends = [max(a.end for a in side) for side in sides.values()]
            apart = (max(starts) - min(starts)) + (max(ends) - min(ends))
            if max(starts) - min(starts) > tolerance or max(ends) - min(ends) > tolerance:
                found.append(Disagreement("boundaries", start, end, apart, (tag,), sides))
    found += _same_span_other_tag(missing, coders)
    return sorted(found, key=lambda d: (-d.size, d.start, d.key))


def clusters(annotations: list[Annotation]) -> list[list[Annotation]]:
    """Groups of one tag's annotations that code the same stretch, in time order.

    One coder's overlapping ranges belong together; two coders' ranges only
    when they share at least half of the shorter one (a slight overlap of two
    different moments is two moments, each missing from the other coder).
    """
    ordered = sorted(annotations, key=lambda a: (a.start, a.end))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b.start >= a.end:
                break
            if a.annotator == b.annotator or _same_span(a.start, a.end, b.start, b.end):
                parent[root(j)] = root(i)
    groups: dict[int, list[Annotation]] = {}
    for i, a in enumerate(ordered):
        groups.setdefault(root(i), []).append(a)
    return sorted(groups.values(), key=lambda g: (g[0].start, g[0].end))


def _same_span(start: float, end: float, other_start: float, other_end: float) -> bool:
    overlap = min(end, other_end) - max(start, other_start)
    shorter = min(end - start, other_end - other_start)
    return overlap > 0 and overlap >= SAME_SPAN * shorter


def _same_span_other_tag(missing: list[Disagreement],
                         coders: list[str]) -> list[Disagreement]:
    """Pair "missing" clusters that are one span coded with different tags by different coders."""
    def present(d: Disagreement) -> frozenset[str]:
        return frozenset(name for name, side in d.sides.items() if side)

    missing = sorted(missing, key=lambda d: (d.start, d.end))
    candidates = []
    for i, x in enumerate(missing):
        for j in range(i + 1, len(missing)):
            y = missing[j]
            if y.start >= x.end:
                break
            if x.tags == y.tags or present(x) & present(y):
                continue
            if _same_span(x.start, x.end, y.start, y.end):
                candidates.append((min(x.end, y.end) - max(x.start, y.start), i, j))
    paired: set[int] = set()
    result = []
    for overlap, i, j in sorted(candidates, key=lambda c: -c[0]):
        if i in paired or j in paired:
            continue
        paired |= {i, j}
        x, y = missing[i], missing[j]
        sides = {name: x.sides[name] + y.sides[name] for name in coders}
        result.append(Disagreement("tag", min(x.start, y.start), max(x.end, y.end),
                                   overlap, tuple(sorted(x.tags + y.tags)), sides))
    return result + [d for k, d in enumerate(missing) if k not in paired]


def _union(annotations: list[Annotation]) -> float:
    total, end = 0.0, float("-inf")
    for a in sorted(annotations, key=lambda a: a.start):
        if a.start >= end:
            total += a.end - a.start
        elif a.end > end:
            total += a.end - end
        end = max(end, a.end)
    return total


def _span(side: tuple[Annotation, ...]) -> str:
    return f"{min(a.start for a in side):.1f}–{max(a.end for a in side):.1f} s"
