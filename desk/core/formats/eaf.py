"""ELAN (.eaf, EAF 3.0) export: one transcript tier per speaker, one tier per tag.

A tag tier's annotations carry the analyst's note as their value; its
ANNOTATOR attribute names the coder (one tier per coder when several coded),
and overlapping annotations of one tag go to extra tiers (`tag #2`), as ELAN
expects one annotation at a time per tier. The codebook is also offered as
an ELAN controlled vocabulary (`desk-codebook`, with a `desk-code` type) for
coding on in ELAN. Header properties named `desk:*` keep what EAF has no
place for (tier meanings, tag colours and keys, the transcript's origin, and
the export's provenance fact by fact: `desk:recording`, `desk:edited-by-hand`,
...), so a Desk → EAF → Desk round trip loses nothing but words and confidences.
"""

from __future__ import annotations

import json
import mimetypes
import os
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desk.core.atomic import write_bytes_atomic
from desk.core.formats.provenance import facts
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.formats.tiers import assign_tiers, tier_name
from desk.core.formats.xml_text import xml_safe
from desk.core.records import Annotation, Segment

TRANSCRIPT_TYPE = "desk-transcript"
TAG_TYPE = "desk-tag"
CODE_TYPE = "desk-code"
CODEBOOK_CV = "desk-codebook"
PROPERTY_TIERS = "desk:tiers"
PROPERTY_CODEBOOK = "desk:codebook"
PROPERTY_TRANSCRIPT = "desk:transcript"
NO_SPEAKER_TIER = "transcript"
_LANGUAGES = {"en": ("eng", "English (eng)"), "de": ("deu", "German (deu)"),
              "fr": ("fra", "French (fra)"), "es": ("spa", "Spanish (spa)")}


class _Ids:
    """Unique tier ids: a speaker may share a tag's name, tiers must not."""

    def __init__(self) -> None:
        self.tier_ids: set[str] = set()

    def tier(self, wanted: str) -> str:
        wanted = " ".join(xml_safe(wanted).split()) or "tier"
        name, n = wanted, 2
        while name.casefold() in self.tier_ids:
            name, n = f"{wanted} ({n})", n + 1
        self.tier_ids.add(name.casefold())
        return name


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _plan_tiers(snapshot: ProjectSnapshot,
                ids: _Ids) -> list[tuple[str, dict[str, Any], list[Any]]]:
    """(tier id, meaning, items) for speakers then tags, in a stable, readable order."""
    plan: list[tuple[str, dict[str, Any], list[Any]]] = []
    by_speaker: dict[str | None, list[Segment]] = defaultdict(list)
    for segment in snapshot.segments:
        by_speaker[segment.speaker].append(segment)
    for speaker, segments in by_speaker.items():
        parts = assign_tiers(segments, lambda s: s.start, lambda s: s.end)
        for index, part in enumerate(parts):
            tier = ids.tier(tier_name(speaker or NO_SPEAKER_TIER, index))
            plan.append((tier, {"kind": "speaker", "speaker": speaker}, part))
    several_coders = len({a.annotator for a in snapshot.annotations}) > 1
    by_tag: dict[tuple[str, str], list[Annotation]] = defaultdict(list)
    for annotation in snapshot.annotations:
        by_tag[(annotation.tag, annotation.annotator)].append(annotation)
    for tag in snapshot.tags:
        coders = sorted(coder for name, coder in by_tag if name == tag.name)
        if not coders and tag.archived:
            continue
        for coder in coders or [""]:
            coded = assign_tiers(by_tag.get((tag.name, coder), []), lambda a: a.start,
                                 lambda a: a.end) or [[]]
            base = f"{tag.name} @{coder}" if several_coders and coder else tag.name
            for index, ranges in enumerate(coded):
                tier = ids.tier(tier_name(base, index))
                plan.append((tier, {"kind": "tag", "tag": tag.name, "annotator": coder}, ranges))
    return plan


def _media_descriptor(header: ET.Element, snapshot: ProjectSnapshot,
                      relative_to: Path | None) -> None:
    if not snapshot.media:
        return
    path = Path(snapshot.media.path).resolve()
    attrs = {"MEDIA_URL": path.as_uri(),
             "MIME_TYPE": mimetypes.guess_type(path.name)[0] or "application/octet-stream"}
    if relative_to is not None:
        try:
            relative = os.path.relpath(path, relative_to).replace(os.sep, "/")
            attrs["RELATIVE_MEDIA_URL"] = relative if relative.startswith("..") else (
                "./" + relative)
        except ValueError:
            pass
    ET.SubElement(header, "MEDIA_DESCRIPTOR", attrs)


def render_eaf(snapshot: ProjectSnapshot, relative_to: Path | None = None) -> bytes:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    root = ET.Element("ANNOTATION_DOCUMENT", {
        "AUTHOR": xml_safe(", ".join(snapshot.annotators)), "DATE": now, "FORMAT": "3.0",
        "VERSION": "3.0", "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:noNamespaceSchemaLocation": "http://www.mpi.nl/tools/elan/EAFv3.0.xsd"})
    header = ET.SubElement(root, "HEADER", {"MEDIA_FILE": "", "TIME_UNITS": "milliseconds"})
    _media_descriptor(header, snapshot, relative_to)
    plan = _plan_tiers(snapshot, _Ids())
    # One time slot per distinct millisecond, numbered in time order.
    times = sorted({_ms(t) for _, _, items in plan for i in items for t in (i.start, i.end)})
    slots = {ms: f"ts{number}" for number, ms in enumerate(times, start=1)}
    time_order = ET.SubElement(root, "TIME_ORDER")
    for ms, slot_id in slots.items():
        ET.SubElement(time_order, "TIME_SLOT", {"TIME_SLOT_ID": slot_id, "TIME_VALUE": str(ms)})
    annotation_count = 0
    for tier_id, meaning, items in plan:
        attrs = {"TIER_ID": tier_id}
        if meaning["kind"] == "speaker":
            attrs["LINGUISTIC_TYPE_REF"] = TRANSCRIPT_TYPE
            if meaning["speaker"]:
                attrs["PARTICIPANT"] = xml_safe(meaning["speaker"])
        else:
            attrs["LINGUISTIC_TYPE_REF"] = TAG_TYPE
            if meaning["annotator"]:
                attrs["ANNOTATOR"] = xml_safe(meaning["annotator"])
        tier = ET.SubElement(root, "TIER", attrs)
        for item in items:
            annotation_count += 1
            wrapper = ET.SubElement(tier, "ANNOTATION")
            aligned = ET.SubElement(wrapper, "ALIGNABLE_ANNOTATION", {
                "ANNOTATION_ID": f"a{annotation_count}",
                "TIME_SLOT_REF1": slots[_ms(item.start)], "TIME_SLOT_REF2": slots[_ms(item.end)]})
            value = item.text if isinstance(item, Segment) else item.note
            ET.SubElement(aligned, "ANNOTATION_VALUE").text = xml_safe(value)
    _properties(header, snapshot, plan, annotation_count)
    _types_and_vocabulary(root, snapshot)
    ET.indent(root, space="    ")
    data: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"


def _properties(header: ET.Element, snapshot: ProjectSnapshot, plan: list[Any],
                annotation_count: int) -> None:
    def prop(name: str, value: str) -> None:
        ET.SubElement(header, "PROPERTY", {"NAME": name}).text = xml_safe(value)

    prop("lastUsedAnnotationId", str(annotation_count))
    prop(PROPERTY_TIERS, json.dumps({tier: meaning for tier, meaning, _ in plan},
                                    ensure_ascii=False))
    prop(PROPERTY_CODEBOOK, json.dumps({"desk_codebook": 1, "name": snapshot.name, "tags": [
        {"name": t.name, "description": t.description, "colour": t.colour, "key": t.key,
         "keywords": t.keywords, "archived": t.archived} for t in snapshot.tags]},
        ensure_ascii=False))
    for fact in facts(snapshot):
        prop(f"desk:{fact.key}", fact.value)
    if snapshot.transcript:
        t = snapshot.transcript
        prop(PROPERTY_TRANSCRIPT, json.dumps({"engine": t.engine, "model": t.model,
                                              "language": t.language, "settings": t.settings,
                                              "desk_version": snapshot.desk_version},
                                             ensure_ascii=False))


def _types_and_vocabulary(root: ET.Element, snapshot: ProjectSnapshot) -> None:
    for type_id, extra in ((TRANSCRIPT_TYPE, {}), (TAG_TYPE, {}),
                           (CODE_TYPE, {"CONTROLLED_VOCABULARY_REF": CODEBOOK_CV})):
        ET.SubElement(root, "LINGUISTIC_TYPE", {"GRAPHIC_REFERENCES": "false",
                                                "LINGUISTIC_TYPE_ID": type_id,
                                                "TIME_ALIGNABLE": "true", **extra})
    language = snapshot.transcript.language if snapshot.transcript else None
    lang_id, label = _LANGUAGES.get(language or "en", (language or "und", language or "und"))
    ET.SubElement(root, "LANGUAGE", {"LANG_ID": lang_id, "LANG_LABEL": label})
    cv = ET.SubElement(root, "CONTROLLED_VOCABULARY", {"CV_ID": CODEBOOK_CV})
    ET.SubElement(cv, "DESCRIPTION", {"LANG_REF": lang_id}).text = (
        xml_safe(f"Desk codebook of {snapshot.name}"))
    for number, tag in enumerate(snapshot.tags, start=1):
        entry = ET.SubElement(cv, "CV_ENTRY_ML", {"CVE_ID": f"cve{number}"})
        ET.SubElement(entry, "CVE_VALUE", {"DESCRIPTION": xml_safe(tag.description),
                                           "LANG_REF": lang_id}).text = xml_safe(tag.name)


def export_eaf(snapshot: ProjectSnapshot, path: Path) -> Path:
    write_bytes_atomic(path, render_eaf(snapshot, relative_to=Path(path).resolve().parent))
    return path
