"""Stand-in for PyAV inside Desk's frozen app (never on the path of a source install).

faster-whisper imports `av` when it is imported, but uses it only to decode a
file it is given by name. Desk always hands it decoded samples (ffmpeg, in
desk.core.pipeline.decode), so the real PyAV, about 100 MB with its private FFmpeg, is
left out of the bundle. Touching anything here says why it is missing.
"""

from __future__ import annotations

BUNDLED = False


def __getattr__(name: str) -> object:
    if name.startswith("__"):  # introspection (getattr(av, "__all__", None)) must see "absent"
        raise AttributeError(name)
    raise ImportError(
        f"PyAV is not bundled with Desk (something asked for av.{name}); "
        "Desk decodes audio with ffmpeg and passes samples to faster-whisper"
    )
