"""`Project`: one .desk file and everything an analyst does with a recording.

The facade the CLI, the UI and the jobs use. It only composes the stores; each
store owns the SQL of one concept:

- `media`       the recording, dead air, waveform cache  (media_store.py)
- `transcripts` transcripts, segments, words, search     (transcripts.py)
- `edits`       the analyst's corrections and speakers   (segment_edits.py)
- `tags`        the codebook                             (tags.py)
- `annotations` coded time ranges                        (annotations.py)
- `speakers`    the voices: number, colour, name, match  (speakers.py)
- `speaker_edits` rename, assign, merge, split off, colour (speaker_edits.py)
- `speaker_turns` a diarization run applied as one step    (speaker_turns.py)
- `layers`      another analyst's coding merged in       (layers.py)
- `adjudications` the consensus layer and its decisions  (adjudications.py)
- `settings`    rules kept in the file (blind coding)    (project_settings.py)
- `history`     provenance, undo and redo                (history.py)
- `versions`    transcript versions, the current one     (versions.py)
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from desk.core.coding.codebook import Codebook
from desk.core.errors import ProjectError
from desk.core.records import Media
from desk.core.store.adjudications import AdjudicationStore
from desk.core.store.annotations import AnnotationStore
from desk.core.store.database import Database
from desk.core.store.history import History
from desk.core.store.layers import LayerStore
from desk.core.store.media_store import MediaStore
from desk.core.store.project_settings import ProjectSettings
from desk.core.store.segment_edits import SegmentEditor
from desk.core.store.speaker_edits import SpeakerEditor
from desk.core.store.speaker_turns import SpeakerTurns
from desk.core.store.speakers import SpeakerStore
from desk.core.store.tags import TagStore
from desk.core.store.transcripts import TranscriptStore
from desk.core.store.versions import VersionStore

SUFFIX = ".desk"


class Project:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.path = database.path
        self.history = History(database)
        self.media = MediaStore(database)
        self.transcripts = TranscriptStore(database)
        self.speakers = SpeakerStore(database)
        self.versions = VersionStore(database, self.history, self.transcripts)
        self.speaker_edits = SpeakerEditor(database, self.history, self.speakers,
                                           self.transcripts)
        self.speaker_turns = SpeakerTurns(database, self.history, self.speakers,
                                          self.transcripts)
        self.edits = SegmentEditor(database, self.history, self.transcripts,
                                   self.speaker_edits)
        self.tags = TagStore(database, self.history)
        self.annotations = AnnotationStore(database, self.history, self.tags,
                                           self.media.duration)
        self.layers = LayerStore(database, self.history)
        self.adjudications = AdjudicationStore(database, self.history)
        self.settings = ProjectSettings(database)

    @classmethod
    def create(cls, path: Path | str, media: Media | None = None,
               codebook: Codebook | None = None) -> Project:
        """A new project file, optionally with its recording and a codebook."""
        path = Path(path)
        if path.suffix != SUFFIX:
            raise ProjectError(f"a Desk project file ends in {SUFFIX}: {path.name}")
        project = cls(Database.create(path))
        try:
            if media is not None:
                project.media.set(media)
            if codebook is not None:
                project.tags.apply_codebook(codebook)
        except BaseException:
            project.close()
            path.unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: Path | str, writable: bool = True) -> Project:
        return cls(Database.open(Path(path), writable=writable))

    @property
    def writable(self) -> bool:
        return self.database.writable

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
