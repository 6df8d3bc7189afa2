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
import os
from pathlib import Path
from typing import Any

from desk.core.atomic import atomic_writer
from desk.core.coding.codebook import MAX_NAME, parse_codebook
from desk.core.errors import DeskError, FormatError
from desk.core.formats.importing import ImportBundle, check_mode, read_text
from desk.core.formats.provenance import provenance_json
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.json_input import Shape, describe, parse_json
from desk.core.records import Annotation, Segment, Transcript, Word
from desk.core.store.annotations import SOURCES

FORMAT_VERSION = 1
MAX_TEXT = 100_000  # a segment's text or a note: pages, not a book
MAX_LABEL = 200  # a speaker, a coder, an engine or model name
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
        "speakers": [{"name": s.name, "colour": s.colour, "number": s.position,
                      "origin": s.origin, "matched_profile": s.matched_profile,
                      "matched_score": _num(s.matched_score, 4),
                      "match_status": s.match_status} for s in snapshot.speakers],
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
        "speaker_source": s.speaker_source, "speaker_confidence": _num(s.speaker_confidence, 4),
        "overlap": s.overlap,
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
    """The file's JSON, bounded in depth and digits (see desk/core/json_input)."""
    return parse_json(read_text(path), path.name)


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
    if isinstance(version, bool) or not isinstance(version, int) or version > FORMAT_VERSION:
        raise FormatError(f"{path.name}: Desk JSON version {describe(version)} is newer than "
                          "this Desk reads")
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
        annotations = [reader.annotation(item, index)
                       for index, item in enumerate(reader.items(data, "annotations"))]
        bundle.annotations = [a for a, _ in annotations]
        bundle.annotation_origins = [where for _, where in annotations]
    return bundle


class _Reader(Shape):
    """Field checks that name the JSON path of the problem (annotations[3].start)."""

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        return self.array(data.get(key, []), key)

    def field_number(self, item: dict[str, Any], key: str, where: str) -> float:
        return self.number(item.get(key), f"{where}.{key}")

    def field_text(self, item: dict[str, Any], key: str, where: str, default: str | None = None,
                   max_length: int = MAX_TEXT) -> str:
        return self.text(item.get(key, default), f"{where}.{key}", max_length)

    def transcript(self, data: object, bundle: ImportBundle) -> None:
        data = self.obj(data, "transcript")
        settings = self.obj(data.get("settings") or {}, "transcript.settings")
        language = data.get("language")
        bundle.transcript = Transcript(
            engine=self.field_text(data, "engine", "transcript", "import", MAX_LABEL),
            model=self.field_text(data, "model", "transcript", self.source, MAX_LABEL),
            language=self.optional_text(language, "transcript.language", MAX_LABEL),
            settings={**settings, "imported_from": self.source},
        )
        segments: list[Segment] = []
        origins: list[str] = []
        for i, item in enumerate(self.items(data, "segments")):
            where = f"transcript.segments[{i}]"
            item = self.obj(item, where)
            words = []
            for j, w in enumerate(self.array(item.get("words") or [], f"{where}.words")):
                wwhere = f"{where}.words[{j}]"
                w = self.obj(w, wwhere)
                words.append(Word(self.field_number(w, "start", wwhere),
                                  self.field_number(w, "end", wwhere),
                                  self.field_text(w, "text", wwhere, max_length=MAX_LABEL),
                                  self.optional_number(w.get("probability"),
                                                       f"{wwhere}.probability")))
            speaker = self.optional_text(item.get("speaker"), f"{where}.speaker", MAX_LABEL)
            text = self.text(item.get("text"), f"{where}.text", MAX_TEXT, blank=False)
            segments.append(Segment(
                self.field_number(item, "start", where), self.field_number(item, "end", where),
                text, words=words, speaker=speaker or None,
                edited=self.flag(item.get("edited", False), f"{where}.edited"),
                avg_logprob=self.optional_number(item.get("avg_logprob"),
                                                 f"{where}.avg_logprob"),
                no_speech_prob=self.optional_number(item.get("no_speech_prob"),
                                                    f"{where}.no_speech_prob"),
                compression_ratio=self.optional_number(item.get("compression_ratio"),
                                                       f"{where}.compression_ratio"),
            ))
            origins.append(where)
        bundle.segments, bundle.segment_origins = segments, origins

    def annotation(self, item: object, index: int) -> tuple[Annotation, str]:
        """The annotation at `index` and where it is in the file."""
        where = f"annotations[{index}]"
        item = self.obj(item, where)
        source = self.field_text(item, "source", where, "imported", MAX_LABEL)
        if source not in SOURCES:
            raise self.fail(f"{where}.source", f"must be one of {', '.join(SOURCES)}")
        created = item.get("created_at")
        tag = self.text(item.get("tag"), f"{where}.tag", MAX_NAME, blank=False).strip()
        return Annotation(
            tag=tag, start=self.field_number(item, "start", where),
            end=self.field_number(item, "end", where),
            note=self.field_text(item, "note", where, ""),
            annotator=self.field_text(item, "annotator", where, "", MAX_LABEL),
            source=source,
            created_at=created if isinstance(created, str) else None,
        ), where
