"""Settling disagreements into the consensus layer (annotator "consensus").

For one disagreement the adjudicator takes one annotator's coding, the union
or the intersection of everyone's, or types the range; the result replaces
whatever the consensus layer had there for those tags. Every decision is one
undoable action that records who decided, by which rule, and the disagreeing
annotations as they were (`project.adjudications`). Stretches where the
coders agree can be taken into the consensus in one step.
"""

from __future__ import annotations

from collections.abc import Sequence

from desk.core.coding.blind import require_open
from desk.core.coding.disagreements import (
    DEFAULT_TOLERANCE,
    Disagreement,
    clusters,
    find_disagreements,
)
from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.store import Project
from desk.core.store.adjudications import CONSENSUS, Adjudication

RULES = ("take", "union", "intersection", "edit")


def compared(project: Project, annotators: Sequence[str] | None = None) -> list[str]:
    """The annotators to compare: the given ones, else everyone who coded but the consensus."""
    require_open(project, "comparing annotators")
    names = [n for n, _ in project.layers.annotators() if n and n != CONSENSUS]
    chosen = list(dict.fromkeys(annotators)) if annotators else names
    unknown = [n for n in chosen if n not in names]
    if unknown:
        raise InputError(f"no annotations by {', '.join(unknown)} "
                         f"(annotators: {', '.join(names) or 'none yet'})")
    if len(chosen) < 2:
        raise InputError("comparing needs at least two annotators "
                         f"(this project has {', '.join(names) or 'none'})")
    return chosen


def disagreements(project: Project, annotators: Sequence[str] | None = None,
                  tolerance: float = DEFAULT_TOLERANCE) -> list[Disagreement]:
    if not tolerance >= 0:
        raise InputError(f"the tolerance must be 0 s or more, not {tolerance:g}")
    return find_disagreements(project.annotations.list(include_suggested=False),
                              compared(project, annotators), tolerance)


def decided_keys(project: Project) -> set[str]:
    """Keys of the disagreements a decision already settled (their sources, by id)."""
    return {"-".join(str(i) for i in sorted(s["id"] for s in a.sources if s.get("id")))
            for a in project.adjudications.list()}


def find(found: Sequence[Disagreement], which: str) -> Disagreement:
    """A disagreement by its place in the list (1 = largest) or by its key."""
    if which.isdigit() and 1 <= int(which) <= len(found):
        return found[int(which) - 1]
    for d in found:
        if d.key == which:
            return d
    raise InputError(f"no disagreement '{which}' (1–{len(found)} or a key from "
                     "`desk disagreements`)")


def outcome(d: Disagreement, rule: str, annotator: str | None = None,
            edit: tuple[str, float, float] | None = None) -> list[tuple[str, float, float, str]]:
    """The consensus ranges (tag, start, end, note) a rule gives for a disagreement."""
    if rule == "take":
        if annotator not in d.sides:
            raise InputError(f"take whose coding? one of {', '.join(d.sides)}")
        return [(a.tag, a.start, a.end, a.note) for a in d.sides[annotator]]
    if rule == "union":
        return [(tag, min(a.start for a in d.sources if a.tag == tag),
                 max(a.end for a in d.sources if a.tag == tag), "") for tag in d.tags]
    if rule == "intersection":
        result = []
        for tag in d.tags:
            hulls = [(min(a.start for a in side if a.tag == tag),
                      max(a.end for a in side if a.tag == tag))
                     for side in d.sides.values() if any(a.tag == tag for a in side)]
            start, end = max(h[0] for h in hulls), min(h[1] for h in hulls)
            if len(hulls) == len(d.sides) and end > start:
                result.append((tag, start, end, ""))
        if not result:
            raise InputError("the codings have no time and tag in common; take one, the "
                             "union, or edit the range")
        return result
    if rule == "edit":
        if edit is None:
            raise InputError("edit needs a tag, a start and an end")
        return [(edit[0], edit[1], edit[2], "")]
    raise InputError(f"unknown rule '{rule}' (rules: {', '.join(RULES)})")


def decide(project: Project, d: Disagreement, rule: str, decided_by: str,
           annotator: str | None = None,
           edit: tuple[str, float, float] | None = None) -> Adjudication:
    """Write the rule's outcome to the consensus layer in place of what it had there."""
    ranges = outcome(d, rule, annotator, edit)
    results = []
    for tag, start, end, note in ranges:
        tag_row = project.tags.get(tag)
        checked = project.annotations.checked_range(start, end)
        results.append(Annotation(tag_row.name, *checked, note=note, annotator=CONSENSUS,
                                  tag_id=tag_row.id))
    tags = {t.casefold() for t in d.tags} | {r.tag.casefold() for r in results}
    replaced = [a.id for a in project.annotations.list(start=d.start, end=d.end,
                                                       annotator=CONSENSUS)
                if a.tag.casefold() in tags and a.id is not None]
    label = f"take {annotator}" if rule == "take" else rule
    return project.adjudications.decide(label, results, replaced, d.sources, decided_by)


def take_agreements(project: Project, annotators: Sequence[str] | None = None,
                    tolerance: float = DEFAULT_TOLERANCE, decided_by: str = "") -> int:
    """Copy into the consensus every stretch all compared coders agree on; returns how many.

    Agreement is a cluster every coder coded with boundaries within the
    tolerance; its consensus range is the union. Stretches the consensus
    already holds (that tag overlapping) are left as they are. One action.
    """
    coders = compared(project, annotators)
    coded = project.annotations.list(include_suggested=False)
    disputed = {a.id for d in find_disagreements(coded, coders, tolerance) for a in d.sources}
    held = [a for a in coded if a.annotator == CONSENSUS]
    results, sources = [], []
    for tag in sorted({a.tag for a in coded if a.annotator in coders}):
        group = [a for a in coded if a.tag == tag and a.annotator in coders
                 and a.id not in disputed]
        for cluster in clusters(group):
            start, end = min(a.start for a in cluster), max(a.end for a in cluster)
            if any(h.tag == tag and h.start < end and h.end > start for h in held):
                continue
            results.append(Annotation(tag, start, end, annotator=CONSENSUS,
                                      tag_id=cluster[0].tag_id))
            sources += cluster
    if results:
        project.adjudications.decide(f"agreed ({len(results)})", results, [], sources,
                                     decided_by)
    return len(results)
