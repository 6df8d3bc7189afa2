"""Reading an ELAN file in one streamed pass, keeping only what the import uses.

expat reads the file in chunks and calls back only for elements: no element
object is made for a time slot or an annotation, each is read from its
attributes into columns (arrays of times, one string per value and id), so
memory follows the number of annotations, never the XML tree (as a tree, a
10⁶-annotation file is 5·10⁶ elements and 1.2 GB). What is not a TIME_ORDER
or a TIER (HEADER, LINGUISTIC_TYPE, CONTROLLED_VOCABULARY, ...) is small and
is built into an ElementTree root, so the importer reads it with `find`.

Each part of the document has its own pair of handlers, swapped in when the
part starts, so each callback does only what its part needs: a time slot is
a number stored, not an element made and walked (10⁵ annotations: ~3.4x the
CPU of expat alone, against ~5x for ElementTree's pull parser).

Hostile XML: the DOCTYPE handler refuses the file when a DTD starts, as
defusedxml's `forbid_dtd` does, before anything of it is read; without a DTD
no entity can be declared, so neither an entity bomb nor an external entity
(XXE) can ever be expanded.
"""

from __future__ import annotations

import math
import pyexpat
import xml.etree.ElementTree as ET
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.errors import FormatError, InputError
from desk.core.file_checks import require_file
from desk.core.formats.importing import span_problem

# Streamed, an ELAN file costs memory by its annotations, not its size: ELAN's own
# layout of 10⁶ annotations is ~400 MB.
MAX_EAF_BYTES = 2 * 1024**3
CHUNK = 1 << 16
_ABSENT, _NO_VALUE = -1.0, math.nan  # a slot never declared; one without TIME_VALUE
# 10**(n-1) for an n-digit number: `ts<N>` with fewer digits than characters after
# "ts" ("ts05", "ts+5", "ts 5") is not ELAN's numbering and is looked up by name.
_FLOOR = tuple(10 ** max(0, n - 1) if n else 1 for n in range(10))
_Attributes = list[str]  # expat's ordered_attributes: [name, value, name, value, ...]


@dataclass
class EafTier:
    """A TIER and its time-aligned annotations (none for a dependent tier)."""

    id: str
    type: str
    participant: str
    annotator: str
    parent: str
    ids: list[str] = field(default_factory=list)
    starts: array[float] = field(default_factory=lambda: array("d"))
    ends: array[float] = field(default_factory=lambda: array("d"))
    values: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self) -> Iterator[tuple[str, float, float, str]]:
        """(annotation id, start s, end s, value) in the file's order."""
        return zip(self.ids, self.starts, self.ends, self.values, strict=True)


@dataclass
class EafFile:
    """The root with its small children, and the tiers read on the way."""

    root: ET.Element
    tiers: list[EafTier]


class XmlRefused(FormatError):
    """The file declares a DTD: refused at once, whatever follows."""


def _number(slot_id: str) -> int:
    """N for ELAN's slot id `ts<N>` (ASCII digits, no leading zero), else -1."""
    if slot_id[:2] == "ts" and slot_id.isascii() and len(slot_id) < 12:
        try:
            number = int(slot_id[2:])
        except ValueError:
            return -1
        if number >= _FLOOR[len(slot_id) - 2]:
            return number
    return -1


class _Slots:
    """TIME_SLOT id → seconds; ELAN's ids (ts1, ts2, ...) index an array, others a dict.

    As a dict of strings, the 2·10⁶ slots of a 10⁶-annotation file took ~250 MB.
    """

    def __init__(self) -> None:
        self.numbered = array("d", [_ABSENT]) * CHUNK
        self.named: dict[str, float] = {}

    def add(self, slot_id: str, seconds: float) -> None:
        number = _number(slot_id)
        numbered = self.numbered
        if 0 <= number < len(numbered):
            numbered[number] = seconds
        elif 0 <= number < 2 * len(numbered) + CHUNK:  # else a far-off, hostile N
            numbered.extend(array("d", [_ABSENT]) * max(len(numbered), number))
            numbered[number] = seconds
        else:
            self.named[slot_id] = seconds

    def get(self, slot_id: str | None) -> float:
        """Seconds, NaN for a slot without a time, -1 for one that does not exist."""
        if slot_id is None:
            return _ABSENT
        number = _number(slot_id)
        if 0 <= number < len(self.numbered):
            found = self.numbered[number]
            if found != _ABSENT:
                return found
        return self.named.get(slot_id, _ABSENT)


def _time(value: str, name: str, slot_id: str) -> float:
    try:
        ms = int(value)
    except ValueError:
        raise FormatError(f"{name}, TIME_SLOT '{slot_id}': TIME_VALUE '{value}' is not whole "
                          "milliseconds") from None
    if ms < 0:
        raise FormatError(f"{name}, TIME_SLOT '{slot_id}': negative TIME_VALUE {ms}")
    return ms / 1000


def _slot_problem(where: str, ref_id: str | None, found: float) -> str:
    if math.isnan(found):
        return (f"{where}: time slot '{ref_id}' has no time value "
                "(unaligned annotations cannot be imported)")
    return f"{where}: time slot '{ref_id}' does not exist"


def _attributes(attrs: _Attributes) -> dict[str, str]:
    return dict(zip(attrs[::2], attrs[1::2], strict=True))


def _refuse(*_: object) -> None:
    raise XmlRefused("it declares a DTD or XML entities (DTDForbidden); ELAN files never "
                     "need them")


class _Reader:
    """expat's handlers, one pair per part of the document, and what they keep."""

    def __init__(self, name: str, parser: pyexpat.XMLParserType) -> None:
        self.name = name
        self.parser = parser
        self.slots = _Slots()
        self.tree = ET.TreeBuilder()
        self.tiers: list[EafTier] = []
        self.failure: FormatError | None = None
        # Annotations whose slots were not declared yet (TIME_ORDER after the tiers).
        self.pending: list[tuple[EafTier, int, str, str | None, str | None]] = []
        parser.ordered_attributes = True
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = _refuse
        parser.EntityDeclHandler = _refuse
        self._use(self._root_start, None)

    def _use(self, start: Callable[[str, _Attributes], None] | None,
             end: Callable[[str], object] | None) -> None:
        self.parser.StartElementHandler = start
        self.parser.EndElementHandler = end

    def fail(self, failure: FormatError) -> None:
        """Keep the first wrong element, reported once the file proved well-formed."""
        self.failure = failure
        self._use(None, None)
        self.parser.CharacterDataHandler = None

    def _root_start(self, name: str, attrs: _Attributes) -> None:
        if name != "ANNOTATION_DOCUMENT":
            self.fail(FormatError(f"{self.name} is XML but not an ELAN file "
                                  f"(root element <{name}>)"))
            return
        self.tree.start(name, _attributes(attrs))
        self._use(self._top_start, self.tree.end)

    def _top_start(self, name: str, attrs: _Attributes) -> None:
        """A child of the root: the big parts are read, the small ones built."""
        if name == "TIME_ORDER":
            self._use(*_slot_handlers(self))
        elif name == "TIER":
            attributes = _attributes(attrs)
            tier = EafTier(id=attributes.get("TIER_ID", ""),
                           type=attributes.get("LINGUISTIC_TYPE_REF", ""),
                           participant=(attributes.get("PARTICIPANT") or "").strip(),
                           annotator=(attributes.get("ANNOTATOR") or "").strip(),
                           parent=attributes.get("PARENT_REF") or "")
            if not tier.id:
                self.fail(FormatError(f"{self.name}: a TIER has no TIER_ID"))
                return
            self.tiers.append(tier)
            self._use(*(_nested_handlers(self, build=False) if tier.parent
                        else _tier_handlers(self, tier)))
        else:
            self.tree.start(name, _attributes(attrs))
            self._use(*_nested_handlers(self, build=True))

    def back_to_top(self) -> None:
        self._use(self._top_start, self.tree.end)

    def check(self, tier: EafTier, index: int, ann_id: str, ref1: str | None,
              ref2: str | None, final: bool) -> None:
        """Place an annotation whose times were not both found, or say what is wrong."""
        where = f"{self.name}, TIER '{tier.id}', ANNOTATION '{ann_id}'"
        times = []
        for ref in (ref1, ref2):
            found = self.slots.get(ref)
            if found == _ABSENT and not final:
                self.pending.append((tier, index, ann_id, ref1, ref2))
                return
            if found == _ABSENT or math.isnan(found):
                raise FormatError(_slot_problem(where, ref, found))
            times.append(found)
        if times[1] <= times[0]:
            raise FormatError(f"{where}: {span_problem(times[0], times[1])}")
        tier.starts[index], tier.ends[index] = times

    def finish(self) -> EafFile:
        for pending in self.pending:
            self.check(*pending, final=True)
        return EafFile(self.tree.close(), self.tiers)


_Handlers = tuple[Callable[[str, _Attributes], None], Callable[[str], object]]


def _slot_handlers(reader: _Reader) -> _Handlers:
    """Inside TIME_ORDER: each TIME_SLOT child into the slots (the hot loop, with the tier's)."""
    depth = 0
    slots, name = reader.slots, reader.name
    numbered, add = slots.numbered, slots.add

    def start(tag: str, attrs: _Attributes) -> None:
        nonlocal depth
        depth += 1
        if depth != 1 or tag != "TIME_SLOT":
            return
        value: str | None
        if len(attrs) == 4 and attrs[0] == "TIME_SLOT_ID" and attrs[2] == "TIME_VALUE":
            slot_id, value = attrs[1], attrs[3]  # as ELAN writes them
        else:
            attributes = _attributes(attrs)
            slot_id, value = attributes.get("TIME_SLOT_ID", ""), attributes.get("TIME_VALUE")
        try:
            seconds = _NO_VALUE if value is None else _time(value, name, slot_id)
        except FormatError as exc:
            reader.fail(exc)
            return
        if slot_id[:2] == "ts" and slot_id.isascii() and 2 < len(slot_id) < 12:  # _number()
            digits = slot_id[2:]
            if digits.isdigit() and digits[0] != "0" and int(digits) < len(numbered):
                numbered[int(digits)] = seconds
                return
        add(slot_id, seconds)

    def end(_: str) -> None:
        nonlocal depth
        if depth:
            depth -= 1
        else:
            reader.back_to_top()

    return start, end


def _tier_handlers(reader: _Reader, tier: EafTier) -> _Handlers:
    """Inside a TIER: ANNOTATION/ALIGNABLE_ANNOTATION (times from its slots) and the text of
    its first ANNOTATION_VALUE, as `findtext` gives it; REF_ANNOTATIONs are not aligned."""
    depth, in_annotation, awaiting_value, in_value, text = 0, False, False, False, ""
    parser, slots = reader.parser, reader.slots
    numbered = slots.numbered
    ids, starts, ends, values = tier.ids, tier.starts, tier.ends, tier.values

    def seconds(ref: str | None) -> float:
        """`slots.get(ref)`, its ELAN case written out: two a row."""
        if ref is not None and ref[:2] == "ts" and ref.isascii() and 2 < len(ref) < 12:
            digits = ref[2:]
            if digits.isdigit() and digits[0] != "0" and int(digits) < len(numbered):
                found = numbered[int(digits)]
                if found != _ABSENT:
                    return found
        return slots.get(ref)

    def characters(data: str) -> None:
        nonlocal text
        text += data

    def start(tag: str, attrs: _Attributes) -> None:
        nonlocal depth, in_annotation, awaiting_value, in_value, text
        depth += 1
        if depth == 1:
            in_annotation = tag == "ANNOTATION"
        elif depth == 2:
            awaiting_value = in_annotation and tag == "ALIGNABLE_ANNOTATION"
            if not awaiting_value:
                return
            ref1: str | None
            ref2: str | None
            if (len(attrs) == 6 and attrs[0] == "ANNOTATION_ID"
                    and attrs[2] == "TIME_SLOT_REF1" and attrs[4] == "TIME_SLOT_REF2"):
                ann_id, ref1, ref2 = attrs[1], attrs[3], attrs[5]  # as ELAN writes them
            else:
                attributes = _attributes(attrs)
                ann_id = attributes.get("ANNOTATION_ID", "?")
                ref1, ref2 = attributes.get("TIME_SLOT_REF1"), attributes.get("TIME_SLOT_REF2")
            begin, finish = seconds(ref1), seconds(ref2)
            ids.append(ann_id)
            starts.append(begin)
            ends.append(finish)
            values.append("")
            if not finish > begin >= 0:  # (False for NaN) a problem, or slots still to come
                try:
                    reader.check(tier, len(ids) - 1, ann_id, ref1, ref2, final=False)
                except FormatError as exc:
                    reader.fail(exc)
        elif depth == 3 and awaiting_value and tag == "ANNOTATION_VALUE":
            awaiting_value, in_value, text = False, True, ""
            parser.CharacterDataHandler = characters
        elif depth == 4 and in_value:
            parser.CharacterDataHandler = None  # findtext: the text before the first child

    def end(_: str) -> None:
        nonlocal depth, in_value
        if depth == 3 and in_value:
            in_value = False
            parser.CharacterDataHandler = None
            values[-1] = text.strip()
        if depth:
            depth -= 1
        else:
            reader.back_to_top()

    return start, end


def _nested_handlers(reader: _Reader, build: bool) -> _Handlers:
    """Inside a small child of the root: built into the tree, text and all (`build`); inside
    a dependent tier: nothing kept."""
    depth = 0
    tree, parser = reader.tree, reader.parser
    if build:
        parser.CharacterDataHandler = tree.data

    def start(tag: str, attrs: _Attributes) -> None:
        nonlocal depth
        depth += 1
        if build:
            tree.start(tag, _attributes(attrs))

    def end(tag: str) -> None:
        nonlocal depth
        if build:
            tree.end(tag)
        if depth:
            depth -= 1
        else:
            parser.CharacterDataHandler = None
            reader.back_to_top()

    return start, end


def read_eaf_stream(path: Path) -> EafFile:
    """The file's tiers and small elements, or a FormatError naming where it is wrong."""
    name = path.name
    size = require_file(path, "file", missing=InputError, empty=FormatError)
    if size > MAX_EAF_BYTES:
        raise FormatError(f"{name} is too large to import ({size // 2**20} MiB)")
    parser = pyexpat.ParserCreate()
    reader = _Reader(name, parser)
    try:
        with path.open("rb") as source:
            while chunk := source.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except XmlRefused as exc:
        raise XmlRefused(f"{name} was refused: {exc}") from None
    except pyexpat.ExpatError as exc:
        raise FormatError(f"{name}, line {exc.lineno}, column {exc.offset}: not well-formed "
                          f"XML ({pyexpat.ErrorString(exc.code)})") from exc
    except OSError as exc:
        raise FormatError(f"cannot read {name}: {exc.strerror}") from exc
    if reader.failure is not None:
        raise reader.failure
    return reader.finish()
