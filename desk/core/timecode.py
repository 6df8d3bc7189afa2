"""Reading and writing times: `12.5`, `1:02`, `01:02:03.250` ↔ seconds."""

from __future__ import annotations

import math
import re

from desk.core.errors import InputError

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d{1,3})?)$")


def parse_time(text: str | float | int) -> float:
    """Seconds from `12.5`, `mm:ss[.mmm]` or `hh:mm:ss[.mmm]` (comma allowed as decimal mark)."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        raw = str(text).strip()
        match = _CLOCK.match(raw)
        if match:
            hours, minutes, seconds = match.groups()
            if int(minutes) >= 60 or float(seconds.replace(",", ".")) >= 60:
                raise InputError(f"'{raw}' is not a valid time (minutes and seconds go to 59)")
            value = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds.replace(",", "."))
        else:
            try:
                value = float(raw.replace(",", "."))
            except ValueError:
                raise InputError(
                    f"'{raw}' is not a time; use seconds (12.5) or [hh:]mm:ss[.mmm]"
                ) from None
    if not math.isfinite(value) or value < 0:
        raise InputError(f"'{text}' is not a time within the recording")
    return value


def format_time(seconds: float, millis: bool = False) -> str:
    """`hh:mm:ss` (or with `.mmm`): the way analysts cite a moment."""
    total_ms = round(max(0.0, seconds) * 1000)
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{text}.{ms:03d}" if millis else text


def number_text(value: float) -> str:
    """A number as a person writes it: `2.5`, `40`, `1e308` — never 309 digits."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**15:
        return str(value)
    try:
        number = float(value)
    except OverflowError:
        return "a number of more than 308 digits"
    text = f"{number:.15g}"
    mantissa, _, exponent = text.partition("e")
    return mantissa + (f"e{int(exponent)}" if exponent else "")


def seconds_text(value: float) -> str:
    """A time in a message: `12.500 s` (milliseconds, as stored), `1e308 s` when absurd."""
    if math.isfinite(value) and abs(value) < 10**9:
        return f"{value:.3f} s"
    return f"{number_text(value)} s"
