"""ELAN (.eaf) import: tiers become a transcript or annotations; vocabularies a codebook.

Parsed with defusedxml and no DTD allowed, so an entity bomb or an external
entity (XXE) is refused before anything is expanded or fetched. Which tier
means what:

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
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from desk.core.coding.codebook import parse_codebook
from desk.core.errors import DeskError, FormatError
from desk.core.formats.eaf import PROPERTY_CODEBOOK, PROPERTY_TIERS, PROPERTY_TRANSCRIPT
from desk.core.formats.importing import (
    ImportBundle,
    ImportPart,
    check_mode,
    read_bytes,
    span_problem,
)
from desk.core.json_input import parse_json
from desk.core.records import Annotation, Segment, Tag, Transcript

# What Desk's own EAF export says about the recording (see formats/provenance.py):
# `desk merge` refuses a file whose recording is another one.
PROPERTY_FINGERPRINT = "desk:recording-fingerprint"


@dataclass
class _Tier:
    id: str
    type: str
    participant: str
    annotator: str
    parent: str
    annotations: list[tuple[str, float, float, str]] = field(default_factory=list)


def parse_xml(path: Path) -> ET.Element:
    data = read_bytes(path)
    try:
        root: ET.Element = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                             forbid_external=True)
        return root
    except defusedxml.DefusedXmlException as exc:
        raise FormatError(f"{path.name} was refused: it declares a DTD or XML entities "
                          f"({type(exc).__name__}); ELAN files never need them") from exc
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(f"{path.name}, line {line}, column {column}: not well-formed XML "
                          f"({str(exc).split(':')[0]})") from exc


def _time(value: str | None, where: str) -> float:
    try:
        ms = int(value or "")
    except (TypeError, ValueError):
        raise FormatError(f"{where}: TIME_VALUE '{value}' is not whole milliseconds") from None
    if ms < 0:
        raise FormatError(f"{where}: negative TIME_VALUE {ms}")
    return ms / 1000


def _read_tiers(root: ET.Element, name: str) -> list[_Tier]:
    slots: dict[str, float | None] = {}
    for slot in root.iterfind("TIME_ORDER/TIME_SLOT"):
        slot_id = slot.get("TIME_SLOT_ID", "")
        value = slot.get("TIME_VALUE")
        slots[slot_id] = None if value is None else _time(
            value, f"{name}, TIME_SLOT '{slot_id}'")
    tiers = []
    for element in root.iterfind("TIER"):
        tier = _Tier(id=element.get("TIER_ID", ""), type=element.get("LINGUISTIC_TYPE_REF", ""),
                     participant=(element.get("PARTICIPANT") or "").strip(),
                     annotator=(element.get("ANNOTATOR") or "").strip(),
                     parent=element.get("PARENT_REF") or "")
        if not tier.id:
            raise FormatError(f"{name}: a TIER has no TIER_ID")
        tiers.append(tier)
        if tier.parent:
            continue
        for aligned in element.iterfind("ANNOTATION/ALIGNABLE_ANNOTATION"):
            ann_id = aligned.get("ANNOTATION_ID", "?")
            where = f"{name}, TIER '{tier.id}', ANNOTATION '{ann_id}'"
            times: list[float] = []
            for ref in ("TIME_SLOT_REF1", "TIME_SLOT_REF2"):
                ref_id = aligned.get(ref)
                if ref_id is None or ref_id not in slots:
                    raise FormatError(f"{where}: time slot '{ref_id}' does not exist")
                time = slots[ref_id]
                if time is None:
                    raise FormatError(f"{where}: time slot '{ref_id}' has no time value "
                                      "(unaligned annotations cannot be imported)")
                times.append(time)
            if times[1] <= times[0]:
                raise FormatError(f"{where}: {span_problem(times[0], times[1])}")
            value = (aligned.findtext("ANNOTATION_VALUE") or "").strip()
            tier.annotations.append((ann_id, times[0], times[1], value))
    return tiers


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
    root = parse_xml(path)
    if root.tag != "ANNOTATION_DOCUMENT":
        raise FormatError(f"{name} is XML but not an ELAN file (root element <{root.tag}>)")
    units = root.find("HEADER")
    if units is not None and units.get("TIME_UNITS", "milliseconds") != "milliseconds":
        raise FormatError(f"{name}, HEADER: TIME_UNITS '{units.get('TIME_UNITS')}' is not "
                          "supported (only milliseconds)")
    tiers = _read_tiers(root, name)
    type_cv = {t.get("LINGUISTIC_TYPE_ID", ""): t.get("CONTROLLED_VOCABULARY_REF")
               for t in root.iterfind("LINGUISTIC_TYPE")}
    vocabularies = _vocabularies(root)
    meanings = _property(root, PROPERTY_TIERS, name)
    meanings = meanings if isinstance(meanings, dict) else {}
    bundle = ImportBundle(source=path)
    bundle.tags = _codebook(root, name, vocabularies) if as_ != "transcript" else []
    tag_names = {t.name.casefold() for t in bundle.tags} | {t.casefold() for t in known_tags}
    skipped = []
    for tier in tiers:
        if tier.parent:
            skipped.append(tier.id)
            bundle.parts.append(ImportPart(f"tier '{tier.id}'", "skipped (a dependent tier)",
                                           len(tier.annotations)))
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
                                           len(tier.annotations)))
            continue
        if kind == "transcript":
            speaker = meaning.get("speaker") if isinstance(meaning, dict) else (
                tier.participant or tier.id)
            before = len(bundle.segments)
            for ann_id, start, end, value in tier.annotations:
                if value:
                    bundle.segments.append(Segment(start, end, " ".join(value.split()),
                                                   speaker=speaker or None))
                    bundle.segment_origins.append(f"TIER '{tier.id}', ANNOTATION '{ann_id}'")
            bundle.parts.append(ImportPart(
                f"tier '{tier.id}'", "transcript" + (f", speaker {speaker}" if speaker else ""),
                len(bundle.segments) - before))
        else:
            bundle.parts.append(_tier_annotations(tier, meaning, cv, bundle))
    order = sorted(range(len(bundle.segments)), key=lambda i: bundle.segments[i].start)
    bundle.segments = [bundle.segments[i] for i in order]
    bundle.segment_origins = [bundle.segment_origins[i] for i in order]
    if bundle.segments:
        bundle.transcript = _transcript_meta(root, name)
    bundle.media_fingerprint = _text_property(root, PROPERTY_FINGERPRINT)
    if skipped:
        bundle.warnings.append(f"skipped dependent tiers: {', '.join(skipped)}")
    if not bundle.segments and not bundle.annotations and not bundle.tags:
        raise FormatError(f"{name}: no time-aligned tier with annotations to import")
    return bundle


def _tier_annotations(tier: _Tier, meaning: object, cv: str | None,
                      bundle: ImportBundle) -> ImportPart:
    """The tier's annotations into the bundle; returns what the tier became."""
    if isinstance(meaning, dict):
        tag, coder = str(meaning.get("tag") or tier.id), str(meaning.get("annotator") or "")
    else:
        tag, coder = tier.id, tier.annotator
    before = len(bundle.annotations)
    by_vocabulary = cv is not None and not isinstance(meaning, dict)
    for ann_id, start, end, value in tier.annotations:
        if by_vocabulary:
            if not value:
                continue  # an uncoded slot on a vocabulary tier
            annotation = Annotation(tag=value, start=start, end=end, annotator=coder,
                                    source="imported")
        else:
            annotation = Annotation(tag=tag, start=start, end=end, note=value,
                                    annotator=coder, source="imported")
        bundle.annotations.append(annotation)
        bundle.annotation_origins.append(f"TIER '{tier.id}', ANNOTATION '{ann_id}'")
    what = "tags from its vocabulary" if by_vocabulary else f"tag {tag}"
    return ImportPart(f"tier '{tier.id}'", what + (f", coder {coder}" if coder else ""),
                      len(bundle.annotations) - before)


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
