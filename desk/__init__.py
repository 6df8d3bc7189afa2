"""Desk: annotate a livestream recording with a local Whisper transcript and a codebook."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("desk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
