"""Reading JSON someone hands Desk (a codebook, a Desk JSON export, an EAF header property).

Such a file is untrusted: nested 100,000 levels deep it would exhaust Python's
recursion; a 100,000-digit integer costs seconds to convert and then fails;
`NaN` and `Infinity` are not JSON at all. `parse_json` refuses each with one
line naming the file, so the caller only checks shapes. The `expect_*`
helpers are those shape checks, written once for every importer: each names
the JSON path of the value it refuses (`tags[3].keywords[0]`).
"""

from __future__ import annotations

import json
import math
from typing import Any

from desk.core.errors import DeskError, FormatError
from desk.core.timecode import number_text

MAX_DEPTH = 64  # Desk's own files nest 6 levels; other tools' rarely more than 10
MAX_INT_DIGITS = 30  # beyond any time, key or count (SQLite integers have 19)


def parse_json(text: str, source: str, error: type[DeskError] = FormatError) -> object:
    """The value in `text`, or an `error` that names `source` and the problem."""
    try:
        value = json.loads(text, parse_int=_integer, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise error(f"{source}, line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    except RecursionError:
        raise error(f"{source}: nested deeper than {MAX_DEPTH} levels") from None
    except _Refused as exc:
        raise error(f"{source}: {exc}") from None
    if _depth(value) > MAX_DEPTH:
        raise error(f"{source}: nested deeper than {MAX_DEPTH} levels")
    return value


class _Refused(ValueError):
    """A literal JSON allows but Desk does not read (a huge integer, NaN)."""


def _integer(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _Refused(f"an integer of {digits:,} digits is not a value Desk reads")
    return int(literal)


def _constant(literal: str) -> float:
    raise _Refused(f"{literal} is not a number JSON allows")


def _depth(value: object) -> int:
    """How deeply lists and objects nest in `value` (iterative: no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children
                             if isinstance(child, dict | list))
    return deepest


def describe(value: object) -> str:
    """A refused value as a person would write it, kept short."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool) or value is None:
        text = json.dumps(value)
    elif isinstance(value, int | float):
        return number_text(value)
    elif isinstance(value, dict):
        return "an object"
    elif isinstance(value, list):
        return "a list"
    else:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…" + text[-1]


class Shape:
    """Checks of one JSON value's shape, naming `source` and the path in every refusal."""

    def __init__(self, source: str, error: type[DeskError] = FormatError) -> None:
        self.source = source
        self.error = error

    def fail(self, where: str, problem: str) -> DeskError:
        return self.error(f"{self.source}, {where}: {problem}" if where else
                          f"{self.source}: {problem}")

    def obj(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, not {describe(value)}")
        return value

    def array(self, value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"must be a list, not {describe(value)}")
        return value

    def text(self, value: object, where: str, max_length: int, blank: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"must be text, not {describe(value)}")
        if len(value) > max_length:
            raise self.fail(where, f"is longer than {max_length:,} characters")
        if not blank and not value.strip():
            raise self.fail(where, "is empty")
        return value

    def optional_text(self, value: object, where: str, max_length: int) -> str | None:
        return None if value is None else self.text(value, where, max_length)

    def texts(self, value: object, where: str, max_length: int, max_items: int) -> list[str]:
        """A list of non-empty texts (keywords)."""
        if isinstance(value, str):
            raise self.fail(where, f'must be a list of texts such as ["{value[:20]}"], not '
                                   f"{describe(value)}")
        items = self.array(value, where)
        if len(items) > max_items:
            raise self.fail(where, f"holds more than {max_items:,} items")
        return [self.text(v, f"{where}[{i}]", max_length, blank=False).strip()
                for i, v in enumerate(items)]

    def number(self, value: object, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
                value):
            raise self.fail(where, f"must be a number, not {describe(value)}")
        return float(value)

    def optional_number(self, value: object, where: str) -> float | None:
        return None if value is None else self.number(value, where)

    def flag(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, f"must be true or false, not {describe(value)}")
        return value
