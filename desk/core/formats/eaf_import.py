"""ELAN (.eaf) import: tiers become a transcript or annotations; vocabularies a codebook.

Read in one streamed pass (eaf_stream.py: a DTD is refused before anything is
expanded or fetched, memory follows the annotations, not the XML tree) into
columns (import_rows.py). Which tier means what:

- a file Desk wrote says so in its `desk:tiers` header property;
- `--as transcript`: every top-level tier is a speaker's transcript;
- `--as annotations`: every top-level tier is a tag (the tier's name), the
  annotation value its note — unless the tier's type has a controlled
  vocabulary, in which case the value *is* the tag;
- otherwise tiers with a controlled vocabulary, or named like a known tag or a
  vocabulary entry, are annotations and the rest are transcript.

Dependent tiers (with a parent) are skipped with a warning.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from itertools import compress, repeat
from pathlib import Path

from desk.core.coding.codebook import parse_codebook
from desk.core.errors import DeskError, FormatError
from desk.core.formats.eaf import PROPERTY_CODEBOOK, PROPERTY_TIERS, PROPERTY_TRANSCRIPT
from desk.core.formats.eaf_stream import EafTier, read_eaf_stream
from desk.core.formats.import_rows import AnnotationRows, OriginRows, SegmentRows
from desk.core.formats.importing import ImportBundle, ImportPart, check_mode
from desk.core.json_input import parse_json
from desk.core.records import Tag, Transcript

# What Desk's own EAF export says about the recording (see formats/provenance.py):
# `desk merge` refuses a file whose recording is another one.
PROPERTY_FINGERPRINT = "desk:recording-fingerprint"


def _vocabularies(root: ET.Element) -> dict[str, list[Tag]]:
    """CV id → tags (entry value and description), for EAF 2.x and 3.0 layouts."""
    result: dict[str, list[Tag]] = {}
    for cv in root.iterfind("CONTROLLED_VOCABULARY"):
        tags = []
        for entry in cv.iterfind("CV_ENTRY_ML"):
            value = entry.find("CVE_VALUE")
            if value is not None and value.text and value.text.strip():
                tags.append(Tag(name=value.text.strip(), colour="",
                                description=value.get("DESCRIPTION", "")))
        for entry in cv.iterfind("CV_ENTRY"):  # EAF 2.x
            if entry.text and entry.text.strip():
                tags.append(Tag(name=entry.text.strip(), colour="",
                                description=entry.get("DESCRIPTION", "")))
        result[cv.get("CV_ID", "")] = tags
    return result


def _property(root: ET.Element, key: str, name: str) -> object | None:
    for prop in root.iterfind("HEADER/PROPERTY"):
        if prop.get("NAME") == key:
            return parse_json(prop.text or "null", f"{name}, HEADER PROPERTY '{key}'")
    return None


def _text_property(root: ET.Element, key: str) -> str | None:
    for prop in root.iterfind("HEADER/PROPERTY"):
        if prop.get("NAME") == key and (prop.text or "").strip():
            return (prop.text or "").strip()
    return None


def read_eaf(path: Path, as_: str | None = None,
             known_tags: Iterable[str] = ()) -> ImportBundle:
    check_mode(as_, ("transcript", "annotations"), path)
    name = path.name
    parsed = read_eaf_stream(path)
    root = parsed.root
    units = root.find("HEADER")
    if units is not None and units.get("TIME_UNITS", "milliseconds") != "milliseconds":
        raise FormatError(f"{name}, HEADER: TIME_UNITS '{units.get('TIME_UNITS')}' is not "
                          "supported (only milliseconds)")
    type_cv = {t.get("LINGUISTIC_TYPE_ID", ""): t.get("CONTROLLED_VOCABULARY_REF")
               for t in root.iterfind("LINGUISTIC_TYPE")}
    vocabularies = _vocabularies(root)
    meanings = _property(root, PROPERTY_TIERS, name)
    meanings = meanings if isinstance(meanings, dict) else {}
    segments, segment_origins = SegmentRows(), OriginRows()
    annotations, annotation_origins = AnnotationRows(), OriginRows()
    bundle = ImportBundle(source=path, segments=segments, segment_origins=segment_origins,
                          annotations=annotations, annotation_origins=annotation_origins)
    bundle.tags = _codebook(root, name, vocabularies) if as_ != "transcript" else []
    tag_names = {t.name.casefold() for t in bundle.tags} | {t.casefold() for t in known_tags}
    skipped = []
    for tier in parsed.tiers:
        if tier.parent:
            skipped.append(tier.id)
            bundle.parts.append(ImportPart(f"tier '{tier.id}'", "skipped (a dependent tier)",
                                           len(tier)))
            continue
        meaning = meanings.get(tier.id)
        cv = type_cv.get(tier.type)
        if isinstance(meaning, dict):
            kind = "transcript" if meaning.get("kind") == "speaker" else "annotations"
        elif as_ is not None:
            kind = as_
        else:
            coded = cv is not None or tier.id.casefold() in tag_names
            kind = "annotations" if coded else "transcript"
        if as_ is not None and kind != as_:
            bundle.parts.append(ImportPart(f"tier '{tier.id}'", f"skipped (not {as_})",
                                           len(tier)))
            continue
        if kind == "transcript":
            speaker = meaning.get("speaker") if isinstance(meaning, dict) else (
                tier.participant or tier.id)
            before = len(segments)
            values = tier.values  # an empty one is no line: compress() leaves it out
            segments.extend(compress(tier.starts, values), compress(tier.ends, values),
                            [" ".join(value.split()) for value in values if value],
                            speaker or None)
            segment_origins.extend(tier.id, compress(tier.ids, values))
            bundle.parts.append(ImportPart(
                f"tier '{tier.id}'", "transcript" + (f", speaker {speaker}" if speaker else ""),
                len(segments) - before))
        else:
            bundle.parts.append(_tier_annotations(tier, meaning, cv, annotations,
                                                  annotation_origins))
        del tier.ids[:], tier.starts[:], tier.ends[:], tier.values[:]  # taken: let it go
    order = sorted(range(len(segments)), key=segments.starts().__getitem__)
    segments.reorder(order)
    segment_origins.reorder(order)
    del order
    if segments:
        bundle.transcript = _transcript_meta(root, name)
    bundle.media_fingerprint = _text_property(root, PROPERTY_FINGERPRINT)
    if skipped:
        bundle.warnings.append(f"skipped dependent tiers: {', '.join(skipped)}")
    if not segments and not annotations and not bundle.tags:
        raise FormatError(f"{name}: no time-aligned tier with annotations to import")
    return bundle


def _tier_annotations(tier: EafTier, meaning: object, cv: str | None,
                      annotations: AnnotationRows, origins: OriginRows) -> ImportPart:
    """The tier's annotations into the bundle's; returns what the tier became."""
    if isinstance(meaning, dict):
        tag, coder = str(meaning.get("tag") or tier.id), str(meaning.get("annotator") or "")
    else:
        tag, coder = tier.id, tier.annotator
    before = len(annotations)
    by_vocabulary = cv is not None and not isinstance(meaning, dict)
    values = tier.values
    if by_vocabulary:  # the value is the tag; an empty one is an uncoded slot: left out
        codes: dict[str, str] = {}  # one string per code, shared by its annotations
        tags = [codes.setdefault(value, value) for value in values if value]
        annotations.extend(tags, compress(tier.starts, values), compress(tier.ends, values),
                           repeat("", len(tags)), coder)
        origins.extend(tier.id, compress(tier.ids, values))
    else:
        annotations.extend(repeat(tag, len(values)), tier.starts, tier.ends, values, coder)
        origins.extend(tier.id, tier.ids)
    what = "tags from its vocabulary" if by_vocabulary else f"tag {tag}"
    return ImportPart(f"tier '{tier.id}'", what + (f", coder {coder}" if coder else ""),
                      len(annotations) - before)


def _codebook(root: ET.Element, name: str, vocabularies: dict[str, list[Tag]]) -> list[Tag]:
    stored = _property(root, PROPERTY_CODEBOOK, name)
    if stored is not None:
        try:
            return parse_codebook(stored, source=f"{name}, {PROPERTY_CODEBOOK}").tags
        except DeskError as exc:
            raise FormatError(str(exc)) from exc
    tags: dict[str, Tag] = {}
    for entries in vocabularies.values():
        for tag in entries:
            tags.setdefault(tag.name.casefold(), tag)
    return list(tags.values())


def _transcript_meta(root: ET.Element, name: str) -> Transcript:
    original = _property(root, PROPERTY_TRANSCRIPT, name)
    original = original if isinstance(original, dict) else {}
    language = original.get("language")
    return Transcript(engine="import", model=f"eaf:{name}",
                      language=language if isinstance(language, str) else None,
                      settings={"source": name, "format": "eaf",
                                **({"original": original} if original else {})})
