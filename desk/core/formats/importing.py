"""What every import shares: reading a foreign file safely, and applying it all or nothing.

Each importer only *parses* its file into an `ImportBundle` (pure, no project
involved), naming the line or element of any problem. `apply_bundle` then
writes the bundle as ONE history action (one transaction, one undo): tags
first, then a new transcript version (current from then on), then the
annotations. Any error rolls everything back, so a bad file never leaves a
half-imported project.
"""

from __future__ import annotations

import codecs
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from desk.core.coding.codebook import Codebook
from desk.core.errors import DeskError, FormatError, InputError
from desk.core.file_checks import require_file
from desk.core.formats.import_rows import annotation_columns, lines_of, spans
from desk.core.records import Annotation, Segment, Tag, Transcript
from desk.core.store import Project
from desk.core.timecode import seconds_text

MAX_IMPORT_BYTES = 200 * 1024 * 1024
# Colours for tags that arrive without one (ELAN tiers, SRT-less codebooks).
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
MODES = ("transcript", "annotations")
# An annotation may end this far past the recording (rounding in other tools).
END_TOLERANCE = 0.5


@dataclass
class ImportSummary:
    """What an import did, for the CLI's line and the app's status bar."""

    source: str
    transcript_id: int | None = None
    segments: int = 0
    words: int = 0
    speakers: int = 0
    tags_added: int = 0
    tags_updated: int = 0
    annotations: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        parts = []
        if self.transcript_id is not None:
            parts.append(f"transcript {self.transcript_id} with {self.segments} segments"
                         + (f", {self.words} words" if self.words else "")
                         + (f", {self.speakers} speakers" if self.speakers else ""))
        if self.tags_added or self.tags_updated:
            parts.append(f"{self.tags_added} tags added, {self.tags_updated} updated")
        if self.annotations:
            parts.append(f"{self.annotations} annotations")
        text = f"imported {self.source}: " + ("; ".join(parts) or "nothing to import")
        return text + "".join(f" (warning: {w})" for w in self.warnings)


@dataclass
class ImportBundle:
    """A parsed import file, not yet applied; `*_origins` say where each item came from.

    Lists, or for a large file compact columns (import_rows.py) read the same way.
    """

    source: Path
    transcript: Transcript | None = None
    segments: Sequence[Segment] = field(default_factory=list)
    segment_origins: Sequence[str] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    update_tags: bool = False  # a codebook file updates existing tags; others only add
    annotations: Sequence[Annotation] = field(default_factory=list)
    annotation_origins: Sequence[str] = field(default_factory=list)
    media_fingerprint: str | None = None
    warnings: list[str] = field(default_factory=list)
    parts: list[ImportPart] = field(default_factory=list)  # what each part becomes (EAF tiers)


@dataclass(frozen=True)
class ImportPart:
    """One part of the file (an ELAN tier) and what it becomes, for the import preview."""

    source: str  # "tier 'A'"
    becomes: str  # "transcript, speaker Anna", "tag praise exchange, coder anna", "skipped"
    count: int


def check_mode(as_: str | None, allowed: tuple[str, ...], source: Path) -> None:
    if as_ is not None and as_ not in MODES:
        raise InputError(f"--as must be one of {', '.join(MODES)}, not '{as_}'")
    if as_ is not None and as_ not in allowed:
        raise InputError(f"{source.name} can only be imported as {' or '.join(allowed)}")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a FormatError for a missing, empty, huge or unreadable file."""
    path = Path(path)
    size = require_file(path, "file", missing=InputError, empty=FormatError)
    if size > MAX_IMPORT_BYTES:
        raise FormatError(f"{path.name} is too large to import ({size // 2**20} MiB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(f"cannot read {path.name}: {exc.strerror}") from exc


def read_text(path: Path) -> str:
    """Decode a text file (UTF-8, UTF-16 with BOM, else Windows-1252), refusing binary data."""
    data = read_bytes(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FormatError(f"{path.name}: broken UTF-16 text at byte {exc.start}") from exc
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise FormatError(f"{path.name} is not a text file (binary data at byte {nul})")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise FormatError(f"{path.name} is not a text file (it holds binary data)")
    if not text.strip():
        raise FormatError(f"{path.name} holds only blank lines")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def apply_bundle(project: Project, bundle: ImportBundle, annotator: str = "") -> ImportSummary:
    """Write a parsed import into the project in one transaction (all or nothing)."""
    name = bundle.source.name
    summary = ImportSummary(source=name, warnings=list(bundle.warnings))
    media = project.media.get()
    if media and bundle.media_fingerprint and bundle.media_fingerprint != media.fingerprint:
        summary.warnings.append(f"{name} was made for a different recording")
    duration = project.media.duration()
    _check_times(bundle, duration)
    try:
        with project.history.action(_label(bundle), annotator):  # one step to undo
            _apply_tags(project, bundle, summary, annotator)
            if bundle.transcript is not None:
                _apply_transcript(project, bundle, summary, duration)
            if bundle.annotations:
                summary.annotations, repeated = _apply_annotations(project, bundle, annotator)
                if repeated:
                    summary.warnings.append(f"{repeated} annotations already in the project "
                                            "were skipped")
    except FormatError:
        raise
    except DeskError as exc:
        raise FormatError(f"{name}: {exc}") from exc
    return summary


def _label(bundle: ImportBundle) -> str:
    """The import's line in the edit history, from what the file holds."""
    parts = []
    if bundle.transcript is not None:
        parts.append(f"transcript of {len(bundle.segments)} segments")
    if bundle.tags:
        parts.append(f"{len(bundle.tags)} tags")
    if bundle.annotations:
        parts.append(f"{len(bundle.annotations)} annotations")
    return f"import {bundle.source.name}" + (f" ({', '.join(parts)})" if parts else "")


def _check_times(bundle: ImportBundle, duration: float) -> None:
    name = bundle.source.name
    items: list[tuple[str, Sequence[Segment | Annotation], Sequence[str]]] = [
        ("segment", bundle.segments, bundle.segment_origins),
        ("annotation", bundle.annotations, bundle.annotation_origins)]
    limit = duration + END_TOLERANCE if duration else math.inf
    for what, records, origins in items:
        if len(records) != len(origins):
            raise ValueError(f"{len(records)} {what}s but {len(origins)} origins")
        starts, ends = spans(records)
        # In C over the columns; the loop below only finds which row is wrong (NaN fails `lt`).
        if not starts or (min(starts) >= 0 and max(ends) <= limit
                          and all(map(operator.lt, starts, ends))):
            continue
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if start >= 0 and end > start and not end > limit:
                continue
            where = origins[index]  # written only for the row that is wrong
            if start < 0:
                raise FormatError(f"{name}, {where}: the {what} starts before the recording "
                                  f"({seconds_text(start)})")
            if end <= start:
                raise FormatError(f"{name}, {where}: the {what} {span_problem(start, end)}")
            raise FormatError(f"{name}, {where}: the {what} ends at {seconds_text(end)}, after "
                              f"the end of the recording ({seconds_text(duration)}); is it "
                              "for another file?")


def span_problem(start: float, end: float, show: Callable[[float], str] = seconds_text) -> str:
    """Why a range that does not end after its start is refused, in the words that fit."""
    if end == start:
        return f"has no length (it starts and ends at {show(start)})"
    return f"ends ({show(end)}) before it starts ({show(start)})"


def _apply_tags(project: Project, bundle: ImportBundle, summary: ImportSummary,
                annotator: str) -> None:
    existing = {t.name.casefold(): t for t in project.tags.list(include_archived=True)}
    wanted = list(bundle.tags)
    known = {t.name.casefold() for t in wanted}
    for tag_name in dict.fromkeys(annotation_columns(bundle.annotations).tags):
        if tag_name.casefold() not in known:
            known.add(tag_name.casefold())
            wanted.append(Tag(name=tag_name, colour=""))
    if bundle.update_tags:
        incoming = wanted
    else:
        used_keys = {t.key for t in existing.values() if t.key is not None and not t.archived}
        incoming = []
        for tag in wanted:
            if tag.name.casefold() in existing:
                continue
            key = tag.key if tag.key not in used_keys else None
            if key is not None:
                used_keys.add(key)
            # An empty colour means the file had none (an ELAN tier): pick one.
            colour = tag.colour or PALETTE[(len(existing) + len(incoming)) % len(PALETTE)]
            incoming.append(Tag(name=tag.name, description=tag.description, colour=colour,
                                key=key, archived=tag.archived, keywords=list(tag.keywords)))
    if incoming:
        added, updated = project.tags.apply_codebook(
            Codebook(name=bundle.source.stem, tags=incoming), annotator)
        summary.tags_added, summary.tags_updated = added, updated


def _apply_transcript(project: Project, bundle: ImportBundle, summary: ImportSummary,
                      duration: float) -> None:
    meta = bundle.transcript
    assert meta is not None
    lines = lines_of(bundle.segments)
    total = duration or max(spans(bundle.segments)[1], default=0.0)
    transcript = project.versions.add(Transcript(
        engine=meta.engine, model=meta.model, language=meta.language,
        settings=dict(meta.settings), total=total),
        bundle.segments if lines is None else lines,
        f"import transcript from {bundle.source.name}")
    summary.transcript_id = transcript.id
    summary.segments = len(bundle.segments)
    if lines is None:
        summary.words = sum(len(s.words) for s in bundle.segments)
        summary.speakers = len({s.speaker for s in bundle.segments if s.speaker})
    else:
        summary.speakers = len({s for s in lines.speakers if s})


def _apply_annotations(project: Project, bundle: ImportBundle,
                       annotator: str) -> tuple[int, int]:
    """All annotations as ONE history action, so a single undo removes the import.

    An annotation the project already has (same tag, times, note and coder), or
    that the file holds twice, is skipped, so importing a file twice does not
    double the coding; the store compares them in SQLite, not in a set of 10⁶
    keys. The rows are zipped from the columns in C: a record a row (or a
    tuple made by a Python loop) costs seconds for 10⁶ of them. Returns (added, skipped).
    """
    tag_ids = {t.name.casefold(): t.id for t in project.tags.list(include_archived=True)}
    columns = annotation_columns(bundle.annotations)
    ids: dict[str, int] = {}
    for name in set(columns.tags):
        tag_id = tag_ids[name.casefold()]
        assert tag_id is not None
        ids[name] = tag_id
    three = repeat(3)
    rows = zip(map(ids.__getitem__, columns.tags), map(round, columns.starts, three),
               map(round, columns.ends, three), columns.notes, columns.annotators,
               columns.sources, columns.created, strict=False)  # (the last two may be endless)
    return project.annotations.add_new(
        rows, f"import annotations from {bundle.source.name}", annotator)
