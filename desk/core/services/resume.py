"""What can be resumed: a transcription that stopped before the end, and how to continue it."""

from __future__ import annotations

from desk.core.pipeline.job_messages import DECODINGS, JobOptions
from desk.core.records import Transcript
from desk.core.store import Project
from desk.core.store.transcripts import RESUMABLE


def interrupted_transcript(project: Project) -> Transcript | None:
    """The newest version whose job stopped (killed, cancelled, failed) before the end.

    It need not be the current version: a second run that was cancelled is
    kept as a partial version while the first stays current.
    """
    newest = project.versions.newest(RESUMABLE)
    if newest is None or newest.progress >= newest.total:
        return None
    return newest


def resume_options(transcript: Transcript) -> JobOptions:
    """The options that continue `transcript` as it was started (engine, model, prompt...)."""
    settings = transcript.settings
    beam_size = settings.get("beam_size", 5)
    decoding = settings.get("decoding")
    return JobOptions(engine=transcript.engine, model=transcript.model,
                      language=transcript.language, prompt=settings.get("prompt"),
                      beam_size=beam_size if isinstance(beam_size, int) else 5,
                      decoding=decoding if decoding in DECODINGS else "accurate", resume=True)
