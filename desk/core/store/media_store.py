"""The recording a project annotates, its dead-air regions, level track and waveform cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.core.records import Media, Silence
from desk.core.store.database import Database, utc_now

if TYPE_CHECKING:  # numpy is imported when a waveform is read, not at start-up
    import numpy as np


class MediaStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self) -> Media | None:
        rows = self._db.query("SELECT * FROM media ORDER BY id LIMIT 1")
        if not rows:
            return None
        r = rows[0]
        return Media(id=r["id"], path=r["path"], size=r["size"], fingerprint=r["fingerprint"],
                     duration=r["duration"], has_video=bool(r["has_video"]),
                     has_audio=bool(r["has_audio"]))

    def set(self, media: Media) -> Media:
        """Attach (or relink) the recording; a project has exactly one."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM media")
            conn.execute(
                "INSERT INTO media(path, size, fingerprint, duration, has_video, has_audio, "
                "added_at) VALUES (?,?,?,?,?,?,?)",
                (media.path, media.size, media.fingerprint, media.duration,
                 int(media.has_video), int(media.has_audio), utc_now()),
            )
        stored = self.get()
        assert stored is not None
        return stored

    def duration(self) -> float:
        rows = self._db.query("SELECT duration FROM media LIMIT 1")
        return float(rows[0][0]) if rows else 0.0

    # -- dead air ------------------------------------------------------------------
    def silences(self) -> list[Silence]:
        rows = self._db.query('SELECT id, start, "end" FROM silences ORDER BY start')
        return [Silence(r["start"], r["end"], r["id"]) for r in rows]

    def set_silences(self, silences: list[Silence]) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM silences")
            conn.executemany(
                'INSERT INTO silences(start, "end") VALUES (?,?)',
                [(round(s.start, 3), round(s.end, 3)) for s in silences],
            )

    # -- level track -------------------------------------------------------------------
    def level_track(self, fingerprint: str) -> tuple[float, float, np.ndarray] | None:
        """(frame seconds, duration, float32 dBFS per frame) of the recording, if stored.

        Scanning a 2-hour recording takes a while; a resumed job reads this
        instead, and gets exactly the levels (so the windows) the first run had.
        """
        rows = self._db.query(
            "SELECT frame_seconds, duration, levels FROM level_track WHERE fingerprint=?",
            (fingerprint,),
        )
        if not rows:
            return None
        import numpy as np

        levels = np.frombuffer(rows[0]["levels"], dtype=np.float32).copy()
        return float(rows[0]["frame_seconds"]), float(rows[0]["duration"]), levels

    def set_level_track(self, fingerprint: str, frame_seconds: float, duration: float,
                        levels: np.ndarray) -> None:
        import numpy as np

        data = np.ascontiguousarray(levels, dtype=np.float32).tobytes()
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM level_track")
            conn.execute(
                "INSERT INTO level_track(fingerprint, frame_seconds, duration, levels) "
                "VALUES (?,?,?,?)",
                (fingerprint, frame_seconds, duration, data),
            )

    # -- waveform cache --------------------------------------------------------------
    def waveform(self, fingerprint: str) -> tuple[float, np.ndarray] | None:
        """(buckets per second, float32 array of shape (n, 2): min, max) if cached."""
        rows = self._db.query(
            "SELECT buckets_per_second, data FROM waveform WHERE fingerprint=?", (fingerprint,)
        )
        if not rows:
            return None
        import numpy as np

        peaks = np.frombuffer(rows[0]["data"], dtype=np.float32).reshape(-1, 2)
        return float(rows[0]["buckets_per_second"]), peaks

    def set_waveform(self, fingerprint: str, buckets_per_second: float,
                     peaks: np.ndarray) -> None:
        import numpy as np

        data = np.ascontiguousarray(peaks, dtype=np.float32).tobytes()
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM waveform")
            conn.execute(
                "INSERT INTO waveform(fingerprint, buckets_per_second, data) VALUES (?,?,?)",
                (fingerprint, buckets_per_second, data),
            )
