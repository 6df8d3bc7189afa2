from __future__ import annotations

import pytest

from desk.core.errors import InputError
from desk.core.timecode import format_time, parse_time


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
