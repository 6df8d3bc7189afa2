"""Desk JSON: the whole project in one documented file, and back.

The shape is specified by resources/schema/desk-project.schema.json (version
`desk_project: 1`): the recording (path, fingerprint, duration), the current
transcript with words and confidences, speakers, the codebook, every
annotation (suggestions included, marked by `source`) and provenance (engine,
model, settings, Desk version, annotators, edit history). Importing it into
another project is the lossless round trip; a codebook JSON file imports here too.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from pathlib import Path
from typing import Any

from desk.core.atomic import atomic_writer
from desk.core.coding.codebook import parse_codebook
from desk.core.errors import DeskError, FormatError
from desk.core.formats.importing import ImportBundle, check_mode, read_text
from desk.core.formats.provenance import provenance_json
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.records import Annotation, Segment, Transcript, Word
from desk.core.store.annotations import SOURCES

FORMAT_VERSION = 1
SCHEMA_ID = "https://desk.invalid/schema/desk-project-1.json"


def _num(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def project_json(snapshot: ProjectSnapshot, relative_to: Path | None = None) -> dict[str, Any]:
    media = None
    if snapshot.media:
        m = snapshot.media
        media = {"path": m.path, "file_name": Path(m.path).name, "size": m.size,
                 "fingerprint": m.fingerprint, "duration": _num(m.duration),
                 "has_video": m.has_video, "has_audio": m.has_audio}
        if relative_to is not None:
            with contextlib.suppress(ValueError):  # another drive on Windows: no relative path
                media["relative_path"] = os.path.relpath(m.path, relative_to).replace(os.sep, "/")
    transcript = None
    if snapshot.version is not None and snapshot.selection.transcript:
        t, version = snapshot.version.transcript, snapshot.version
        transcript = {
            "id": t.id, "name": version.name, "engine": t.engine, "model": t.model,
            "language": t.language, "settings": t.settings, "status": t.status,
            "created_at": t.created_at, "edited": version.edited,
            "segments": [_segment_json(s) for s in snapshot.segments],
        }
    codebook = {"desk_codebook": 1, "name": snapshot.name, "description": "", "tags": [
        {"name": t.name, "description": t.description, "colour": t.colour, "key": t.key,
         "keywords": list(t.keywords), "archived": t.archived} for t in snapshot.tags]}
    return {
        "$schema": SCHEMA_ID,
        "desk_project": FORMAT_VERSION,
        "name": snapshot.name,
        "exported_at": snapshot.exported_at,
        "media": media,
        "transcript": transcript,
        "speakers": [{"name": s.name, "colour": s.colour} for s in snapshot.speakers],
        "codebook": codebook,
        "annotations": [a.to_json() for a in snapshot.annotations],
        "provenance": {
            **provenance_json(snapshot),
            "engine": snapshot.transcript.engine if snapshot.transcript else None,
            "model": snapshot.transcript.model if snapshot.transcript else None,
            "settings": snapshot.transcript.settings if snapshot.transcript else {},
            "history": [{"at": h.at, "annotator": h.annotator, "label": h.label}
                        for h in snapshot.history],
        },
    }


def _segment_json(s: Segment) -> dict[str, Any]:
    # Segment and word times are stored rounded to milliseconds already.
    return {
        "id": s.id, "start": s.start, "end": s.end, "speaker": s.speaker,
        "text": s.text, "edited": s.edited, "avg_logprob": _num(s.avg_logprob, 4),
        "no_speech_prob": _num(s.no_speech_prob, 4),
        "compression_ratio": _num(s.compression_ratio, 4),
        "words": [{"start": w.start, "end": w.end, "text": w.text,
                   "probability": None if w.probability is None else round(w.probability, 4)}
                  for w in s.words],
    }


def layout(value: object, depth: int = 0, expand: int = 3) -> str:
    """Pretty JSON down to `expand` levels, then one compact line per item.

    One segment (with its words) or one annotation per line: readable, diffable,
    and written by json's C encoder (an indented dump is ten times slower).
    """
    pad, inner = " " * depth, " " * (depth + 1)
    if depth < expand and isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: "
                 f"{layout(v, depth + 1, expand)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if depth < expand and isinstance(value, list) and value:
        items = [f"{inner}{layout(v, expand, expand)}" for v in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def export_json(snapshot: ProjectSnapshot, path: Path) -> Path:
    data = project_json(snapshot, relative_to=Path(path).resolve().parent)
    with atomic_writer(path) as handle:
        handle.write(layout(data) + "\n")
    return path


# -- import -------------------------------------------------------------------------------
def load_json(path: Path) -> object:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path.name}, line {exc.lineno}: not valid JSON ({exc.msg})") from exc


def is_codebook(data: object) -> bool:
    return isinstance(data, dict) and "desk_project" not in data and (
        "desk_codebook" in data or isinstance(data.get("tags"), list))


def read_codebook_json(path: Path, as_: str | None = None) -> ImportBundle:
    """A codebook file: its tags are added, and existing ones with the same name updated."""
    check_mode(as_, ("annotations",), path)
    data = load_json(path)
    try:
        codebook = parse_codebook(data, source=path.name)
    except DeskError as exc:
        raise FormatError(str(exc)) from exc
    return ImportBundle(source=path, tags=codebook.tags, update_tags=True)


def read_project_json(path: Path, as_: str | None = None) -> ImportBundle:
    """A Desk JSON export: its transcript and/or its codebook and annotations."""
    check_mode(as_, ("transcript", "annotations"), path)
    data = load_json(path)
    if is_codebook(data):
        return read_codebook_json(path, as_)
    if not isinstance(data, dict) or "desk_project" not in data:
        raise FormatError(f"{path.name} is neither a Desk project export nor a codebook "
                          "(no 'desk_project' or 'tags' key)")
    version = data["desk_project"]
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise FormatError(f"{path.name}: Desk JSON version {version!r} is newer than this "
                          "Desk reads")
    bundle = ImportBundle(source=path)
    media = data.get("media")
    if isinstance(media, dict) and isinstance(media.get("fingerprint"), str):
        bundle.media_fingerprint = media["fingerprint"]
    reader = _Reader(path.name)
    if as_ in (None, "transcript") and data.get("transcript") is not None:
        reader.transcript(data["transcript"], bundle)
    if as_ in (None, "annotations"):
        codebook = data.get("codebook")
        if codebook is not None:
            try:
                bundle.tags = parse_codebook(codebook, source=f"{path.name}, codebook").tags
            except DeskError as exc:
                raise FormatError(str(exc)) from exc
        for index, item in enumerate(reader.items(data, "annotations")):
            reader.annotation(item, index, bundle)
    return bundle


class _Reader:
    """Field checks that name the JSON path of the problem (annotations[3].start)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> FormatError:
        return FormatError(f"{self.source}, {where}: {problem}")

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return value

    def maybe_number(self, item: dict[str, Any], key: str, where: str) -> float | None:
        return None if item.get(key) is None else self.number(item, key, where)

    def number(self, item: dict[str, Any], key: str, where: str) -> float:
        value = item.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
                value):
            raise self.fail(f"{where}.{key}", f"must be a number, not {value!r}")
        return float(value)

    def text(self, item: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = item.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"must be text, not {value!r}")
        return value

    def transcript(self, data: object, bundle: ImportBundle) -> None:
        if not isinstance(data, dict):
            raise self.fail("transcript", "must be an object")
        settings = data.get("settings") or {}
        if not isinstance(settings, dict):
            raise self.fail("transcript.settings", "must be an object")
        bundle.transcript = Transcript(
            engine=self.text(data, "engine", "transcript", "import"),
            model=self.text(data, "model", "transcript", self.source),
            language=data.get("language") if isinstance(data.get("language"), str) else None,
            settings={**settings, "imported_from": self.source},
        )
        for i, item in enumerate(self.items(data, "segments")):
            where = f"transcript.segments[{i}]"
            if not isinstance(item, dict):
                raise self.fail(where, "must be an object")
            words = []
            for j, w in enumerate(item.get("words") or []):
                wwhere = f"{where}.words[{j}]"
                if not isinstance(w, dict):
                    raise self.fail(wwhere, "must be an object")
                words.append(Word(self.number(w, "start", wwhere), self.number(w, "end", wwhere),
                                  self.text(w, "text", wwhere),
                                  self.maybe_number(w, "probability", wwhere)))
            speaker = item.get("speaker")
            if speaker is not None and not isinstance(speaker, str):
                raise self.fail(f"{where}.speaker", f"must be text, not {speaker!r}")
            text = self.text(item, "text", where)
            if not text.strip():
                raise self.fail(f"{where}.text", "is empty")
            bundle.segments.append(Segment(
                self.number(item, "start", where), self.number(item, "end", where), text,
                words=words, speaker=speaker or None, edited=bool(item.get("edited", False)),
                avg_logprob=self.maybe_number(item, "avg_logprob", where),
                no_speech_prob=self.maybe_number(item, "no_speech_prob", where),
                compression_ratio=self.maybe_number(item, "compression_ratio", where),
            ))
            bundle.segment_origins.append(where)

    def annotation(self, item: object, index: int, bundle: ImportBundle) -> None:
        where = f"annotations[{index}]"
        if not isinstance(item, dict):
            raise self.fail(where, "must be an object")
        source = self.text(item, "source", where, "imported")
        if source not in SOURCES:
            raise self.fail(f"{where}.source", f"must be one of {', '.join(SOURCES)}")
        created = item.get("created_at")
        if not self.text(item, "tag", where).strip():
            raise self.fail(f"{where}.tag", "is empty")
        bundle.annotations.append(Annotation(
            tag=self.text(item, "tag", where), start=self.number(item, "start", where),
            end=self.number(item, "end", where), note=self.text(item, "note", where, ""),
            annotator=self.text(item, "annotator", where, ""), source=source,
            created_at=created if isinstance(created, str) else None,
        ))
        bundle.annotation_origins.append(where)
