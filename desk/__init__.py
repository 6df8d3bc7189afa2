"""Desk: annotate a livestream recording with a local Whisper transcript and a codebook.

`__version__` is looked up when first asked for: importlib.metadata costs
~35 ms, a twentieth of a `desk agreement` run that never prints it.
"""

from functools import cache


@cache
def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("desk")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.1.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'desk' has no attribute {name!r}")
