"""Who speaks when: speaker diarization and voice profiles, offline and Qt-free."""
