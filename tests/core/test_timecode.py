from __future__ import annotations

import pytest

from desk.core.errors import InputError
from desk.core.timecode import format_time, number_text, parse_time, seconds_text


@pytest.mark.parametrize("text, seconds", [
    ("12.5", 12.5), ("12,5", 12.5), ("0:05", 5.0), ("01:02.250", 62.25),
    ("1:00:00", 3600.0), ("2:40:00.5", 9600.5), (7, 7.0),
])
def test_parse(text: str, seconds: float) -> None:
    assert parse_time(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "abc", "-1", "1:60", "nan", "inf", "1::2"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_time(text)


def test_format_round_trip() -> None:
    assert format_time(3723.4567, millis=True) == "01:02:03.457"
    assert format_time(59.9996) == "00:01:00"
    assert parse_time(format_time(9600.5, millis=True)) == 9600.5


@pytest.mark.parametrize("value, text", [
    (1e308, "1e308"), (2.0, "2"), (40, "40"), (0.1 + 0.2, "0.3"), (-3.5, "-3.5"),
    (10**100, "1e100"), (10**400, "a number of more than 308 digits"), (1e-5, "1e-5"),
])
def test_numbers_in_messages_read_as_written(value: float, text: str) -> None:
    assert number_text(value) == text


def test_seconds_in_messages() -> None:
    assert seconds_text(2) == "2.000 s" and seconds_text(12.3456) == "12.346 s"
    assert seconds_text(1e308) == "1e308 s" and seconds_text(float("inf")) == "inf s"
