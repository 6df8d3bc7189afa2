"""Untrusted JSON: bounded depth and digits, and shape checks that name the path."""

from __future__ import annotations

import pytest

from desk.core.errors import FormatError, InputError
from desk.core.json_input import MAX_DEPTH, Shape, describe, parse_json


def test_ordinary_json_is_read() -> None:
    assert parse_json('{"a": [1, 2.5, "x", null, true]}', "f.json") == {
        "a": [1, 2.5, "x", None, True]}
    nested = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_json(nested, "f.json") is not None


@pytest.mark.parametrize("text, says", [
    ("[" * 100_000 + "]" * 100_000, "nested deeper than 64 levels"),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "nested deeper than 64 levels"),
    ("[" + "7" * 100_000 + "]", "integer of 100,000 digits"),
    ('{"x": NaN}', "NaN is not a number JSON allows"),
    ('{"x": -Infinity}', "-Infinity is not a number JSON allows"),
    ('{"x": ', "line 1: not valid JSON"),
])
def test_hostile_json_is_one_clear_error(text: str, says: str) -> None:
    with pytest.raises(FormatError, match=says) as caught:
        parse_json(text, "f.json")
    assert str(caught.value).startswith("f.json")
    with pytest.raises(InputError):
        parse_json(text, "f.json", InputError)


def test_shapes_name_the_path_and_never_coerce() -> None:
    shape = Shape("cb.json")
    assert shape.texts([" DDoS ", "attack"], "k", 20, 5) == ["DDoS", "attack"]
    with pytest.raises(FormatError, match=r'cb.json, k: must be a list of texts such as \["DDoS'):
        shape.texts("DDoS", "k", 20, 5)
    with pytest.raises(FormatError, match=r"k\[1\]: must be text, not null"):
        shape.texts(["a", None], "k", 20, 5)
    with pytest.raises(FormatError, match=r"k\[0\]: is empty"):
        shape.texts(["  "], "k", 20, 5)
    with pytest.raises(FormatError, match="holds more than 2 items"):
        shape.texts(["a", "b", "c"], "k", 20, 2)
    with pytest.raises(FormatError, match="longer than 3 characters"):
        shape.text("abcd", "t", 3)
    with pytest.raises(FormatError, match="must be a number, not true"):
        shape.number(True, "n")
    with pytest.raises(FormatError, match="must be true or false, not 1"):
        shape.flag(1, "f")
    with pytest.raises(FormatError, match="must be an object, not a list"):
        shape.obj([], "o")
    assert shape.optional_number(None, "n") is None and shape.optional_text(None, "t", 3) is None


def test_refused_values_are_shown_short() -> None:
    assert describe("x" * 100).endswith('…"') and len(describe("x" * 100)) == 39
    assert describe(1e308) == "1e308" and describe(None) == "null" and describe({}) == "an object"
