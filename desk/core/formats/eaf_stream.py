"""Reading an ELAN file in one streamed pass, keeping only what the import uses.

ElementTree's pull parser (what `iterparse` is built on) reads the file in
chunks; each time slot and each annotation is read when its element ends and
is then dropped from its parent, so memory follows the number of annotations
(arrays of times, one string per value and id), never the XML tree: as a tree,
a 10⁶-annotation file is 5·10⁶ elements and 1.2 GB. The root keeps only its
small children (HEADER, LINGUISTIC_TYPE, CONTROLLED_VOCABULARY, ...), so the
importer reads those with the usual `find` calls.

Hostile XML: the same bytes also go, until the root element starts, to an
expat parser whose DOCTYPE handler refuses the file, as defusedxml's
`forbid_dtd` does. Nothing is handed to ElementTree before that check has
seen it, and without a DTD no entity can be declared, so neither an entity
bomb nor an external entity (XXE) can ever be expanded.
"""

from __future__ import annotations

import math
import pyexpat
import xml.etree.ElementTree as ET
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from desk.core.errors import FormatError, InputError
from desk.core.file_checks import require_file
from desk.core.formats.importing import span_problem

# Streamed, an ELAN file costs memory by its annotations, not its size: ELAN's own
# layout of 10⁶ annotations is ~400 MB.
MAX_EAF_BYTES = 2 * 1024**3
CHUNK = 1 << 16
_ABSENT, _NO_VALUE = -1.0, math.nan  # a slot never declared; one without TIME_VALUE


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


class _Slots:
    """TIME_SLOT id → seconds; ELAN's ids (ts1, ts2, ...) index an array, others a dict.

    As a dict of strings, the 2·10⁶ slots of a 10⁶-annotation file took ~250 MB.
    """

    def __init__(self) -> None:
        self._numbered = array("d")
        self._named: dict[str, float] = {}

    def _number(self, slot_id: str) -> int:
        """The index for an id `ts<N>`, or -1 for any other (or a far-off, hostile N)."""
        digits = slot_id[2:]
        if slot_id[:2] == "ts" and digits.isdigit() and digits[0] != "0" and len(digits) < 10:
            number = int(digits)
            if number < 2 * len(self._numbered) + CHUNK:
                return number
        return -1

    def add(self, slot_id: str, seconds: float) -> None:
        number = self._number(slot_id)
        if number < 0:
            self._named[slot_id] = seconds
            return
        if number >= len(self._numbered):
            self._numbered.extend([_ABSENT] * (number + 1 - len(self._numbered)))
        self._numbered[number] = seconds

    def get(self, slot_id: str | None) -> float:
        """Seconds, NaN for a slot without a time, -1 for one that does not exist."""
        if slot_id is None:
            return _ABSENT
        number = self._number(slot_id)
        if 0 <= number < len(self._numbered) and self._numbered[number] != _ABSENT:
            return self._numbered[number]
        return self._named.get(slot_id, _ABSENT)


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


class _DtdRefused(Exception):
    pass


class XmlRefused(FormatError):
    """The file declares a DTD: refused at once, whatever follows."""


class _RootReached(Exception):
    pass


class _PrologGuard:
    """Sees the bytes before ElementTree does, until the root element starts."""

    def __init__(self) -> None:
        self._expat = pyexpat.ParserCreate()
        self._expat.StartDoctypeDeclHandler = self._refuse
        self._expat.EntityDeclHandler = self._refuse
        self._expat.StartElementHandler = self._root
        self.passed = False

    def _refuse(self, *_: object) -> None:
        raise _DtdRefused

    def _root(self, *_: object) -> None:
        raise _RootReached

    def check(self, chunk: bytes, name: str) -> None:
        try:
            self._expat.Parse(chunk, False)
        except _RootReached:
            self.passed = True
        except _DtdRefused:
            raise XmlRefused(f"{name} was refused: it declares a DTD or XML entities "
                              "(DTDForbidden); ELAN files never need them") from None
        except pyexpat.ExpatError:
            self.passed = True  # ElementTree stops at the same place and says where


@dataclass
class EafFile:
    """The root with its small children, and the tiers read on the way."""

    root: ET.Element
    tiers: list[EafTier]


class _Reader:
    """What the import keeps, filled as the elements stream by."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.slots = _Slots()
        self.root: ET.Element | None = None
        self.tiers: list[EafTier] = []
        # Annotations whose slots were not declared yet (TIME_ORDER after the tiers).
        self._pending: list[tuple[EafTier, int, str, str | None, str | None]] = []

    def start(self, element: ET.Element, depth: int) -> None:
        if depth == 0:
            self.root = element
            if element.tag != "ANNOTATION_DOCUMENT":
                raise FormatError(f"{self.name} is XML but not an ELAN file "
                                  f"(root element <{element.tag}>)")
        elif element.tag == "TIER":
            tier = EafTier(id=element.get("TIER_ID", ""),
                           type=element.get("LINGUISTIC_TYPE_REF", ""),
                           participant=(element.get("PARTICIPANT") or "").strip(),
                           annotator=(element.get("ANNOTATOR") or "").strip(),
                           parent=element.get("PARENT_REF") or "")
            if not tier.id:
                raise FormatError(f"{self.name}: a TIER has no TIER_ID")
            self.tiers.append(tier)

    def slot(self, element: ET.Element) -> None:
        if element.tag == "TIME_SLOT":
            slot_id, value = element.get("TIME_SLOT_ID", ""), element.get("TIME_VALUE")
            self.slots.add(slot_id, _NO_VALUE if value is None else
                           _time(value, self.name, slot_id))

    def annotation(self, element: ET.Element) -> None:
        tier = self.tiers[-1]
        if element.tag != "ANNOTATION" or tier.parent:
            return
        for aligned in element:
            if aligned.tag != "ALIGNABLE_ANNOTATION":
                continue  # a REF_ANNOTATION: not time-aligned
            ann_id = aligned.get("ANNOTATION_ID", "?")
            ref1, ref2 = aligned.get("TIME_SLOT_REF1"), aligned.get("TIME_SLOT_REF2")
            start, end = self.slots.get(ref1), self.slots.get(ref2)
            tier.ids.append(ann_id)
            tier.values.append((aligned.findtext("ANNOTATION_VALUE") or "").strip())
            tier.starts.append(start)
            tier.ends.append(end)
            if not end > start >= 0:  # (False for NaN) a problem, or slots still to come
                self._check(tier, len(tier) - 1, ann_id, ref1, ref2, final=False)

    def _check(self, tier: EafTier, index: int, ann_id: str, ref1: str | None,
               ref2: str | None, final: bool) -> None:
        """Place an annotation whose times were not both found, or say what is wrong."""
        where = f"{self.name}, TIER '{tier.id}', ANNOTATION '{ann_id}'"
        times = []
        for ref in (ref1, ref2):
            found = self.slots.get(ref)
            if found == _ABSENT and not final:
                self._pending.append((tier, index, ann_id, ref1, ref2))
                return
            if found == _ABSENT or math.isnan(found):
                raise FormatError(_slot_problem(where, ref, found))
            times.append(found)
        if times[1] <= times[0]:
            raise FormatError(f"{where}: {span_problem(times[0], times[1])}")
        tier.starts[index], tier.ends[index] = times

    def finish(self) -> EafFile:
        for pending in self._pending:
            self._check(*pending, final=True)
        assert self.root is not None
        return EafFile(self.root, self.tiers)


def _events(source: BinaryIO, name: str) -> Iterator[tuple[str, ET.Element]]:
    """("start" | "end", element) for the file, read in chunks the guard saw first."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    # Only start and end events were asked for: each is (event, element).
    events = cast(Callable[[], Iterator[tuple[str, ET.Element]]], parser.read_events)
    guard = _PrologGuard()
    while chunk := source.read(CHUNK):
        if not guard.passed:
            guard.check(chunk, name)
        parser.feed(chunk)
        yield from events()
    parser.close()
    yield from events()


def _read(events: Iterator[tuple[str, ET.Element]], reader: _Reader,
          open_elements: list[ET.Element]) -> None:
    """Feed the reader; each slot and annotation is dropped once read (the hot loop)."""
    push, pop = open_elements.append, open_elements.pop
    for event, element in events:
        if event == "start":
            push(element)
            if len(open_elements) < 3:
                reader.start(element, len(open_elements) - 1)
            continue
        pop()
        depth = len(open_elements)
        if depth == 2:
            container = open_elements[1]
            if container.tag == "TIME_ORDER":
                reader.slot(element)
                del container[:]
            elif container.tag == "TIER":
                reader.annotation(element)
                del container[:]
        elif depth == 1 and element.tag in ("TIME_ORDER", "TIER"):
            open_elements[0].remove(element)  # the root keeps its small children


def _read_through(events: Iterator[tuple[str, ET.Element]],
                  open_elements: list[ET.Element]) -> None:
    """The rest of a file already refused: only whether it is well-formed, keeping nothing."""
    for event, element in events:
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        if open_elements:
            del open_elements[-1][:]


def read_eaf_stream(path: Path) -> EafFile:
    """The file's tiers and small elements, or a FormatError naming where it is wrong."""
    name = path.name
    size = require_file(path, "file", missing=InputError, empty=FormatError)
    if size > MAX_EAF_BYTES:
        raise FormatError(f"{name} is too large to import ({size // 2**20} MiB)")
    reader = _Reader(name)
    open_elements: list[ET.Element] = []
    # A wrong element is reported once the whole file proved well-formed, as a parse
    # of the whole tree would.
    failure: FormatError | None = None
    try:
        with path.open("rb") as source:
            events = _events(source, name)
            try:
                _read(events, reader, open_elements)
            except XmlRefused:
                raise
            except FormatError as exc:
                failure = exc
                _read_through(events, open_elements)
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(f"{name}, line {line}, column {column}: not well-formed XML "
                          f"({str(exc).split(':')[0]})") from exc
    except OSError as exc:
        raise FormatError(f"cannot read {name}: {exc.strerror}") from exc
    if failure is not None:
        raise failure
    return reader.finish()
