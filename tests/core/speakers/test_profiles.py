"""Voice profiles: the library file, and naming the same voice in another recording."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import FormatError, InputError
from desk.core.records import Segment
from desk.core.speakers.diarize import diarize
from desk.core.speakers.model import EMBEDDING_SIZE, SpeakerEmbedder
from desk.core.speakers.profiles import (
    MATCH_THRESHOLD,
    MODEL,
    Voice,
    VoiceLibrary,
    decode_centre,
    encode_centre,
    library_path,
    match_voices,
    unit,
)
from tests.core.speakers.conftest import PhoneCall, Talk


def random_voice(name: str, seed: int, windows: int = 10) -> Voice:
    return Voice(name, unit(np.random.default_rng(seed).normal(size=EMBEDDING_SIZE)), windows)


def test_the_library_lives_in_the_data_folder_and_keeps_every_change(tmp_path: Path) -> None:
    assert library_path().parent.name == "data"  # $DESK_DATA_DIR in the tests
    library = VoiceLibrary(tmp_path / "voices.json")
    library.add(random_voice("Musk", 1))
    library.add(random_voice("Trump", 2))
    again = VoiceLibrary(tmp_path / "voices.json")
    assert [v.name for v in again.list()] == ["Musk", "Trump"]
    assert np.allclose(again.voices["Musk"].centre, library.voices["Musk"].centre, atol=1e-6)
    again.remove("Musk")
    assert [v.name for v in VoiceLibrary(tmp_path / "voices.json").list()] == ["Trump"]
    with pytest.raises(InputError):
        again.remove("Musk")
    with pytest.raises(InputError):
        again.add(random_voice("  ", 3))
    # Several at once are all removed, or none when one of them is unknown.
    again.add(random_voice("Harris", 4))
    with pytest.raises(InputError, match="no voice profile named 'Vance'"):
        again.remove("Harris", "Vance")
    assert [v.name for v in VoiceLibrary(tmp_path / "voices.json").list()] == ["Harris", "Trump"]
    again.remove("Harris", "Trump")
    assert VoiceLibrary(tmp_path / "voices.json").list() == []


def test_adding_a_known_name_pools_the_voice_prints(tmp_path: Path) -> None:
    library = VoiceLibrary(tmp_path / "voices.json")
    first, second = random_voice("Musk", 1, 30), random_voice("Musk", 2, 10)
    library.add(first)
    pooled = library.add(Voice("Musk", second.centre, 10, "b.mp4"))
    assert pooled.windows == 40
    assert np.allclose(pooled.centre, unit(first.centre * 30 + second.centre * 10), atol=1e-6)


def test_export_and_import_carry_profiles_between_libraries(tmp_path: Path) -> None:
    mine = VoiceLibrary(tmp_path / "mine.json")
    mine.add(random_voice("Musk", 1))
    mine.add(random_voice("Trump", 2))
    shared = tmp_path / "shared.json"
    assert [v.name for v in mine.export(shared, ["Trump"])] == ["Trump"]
    theirs = VoiceLibrary(tmp_path / "theirs.json")
    theirs.import_file(shared)
    assert list(theirs.voices) == ["Trump"]
    with pytest.raises(InputError):
        mine.export(shared, ["Harris"])
    with pytest.raises(InputError, match="no such folder"):
        mine.export(tmp_path / "missing" / "x.json")
    with pytest.raises(InputError, match="no voice profiles to export"):
        VoiceLibrary(tmp_path / "empty.json").export(tmp_path / "none.json")
    assert not (tmp_path / "missing").exists() and not (tmp_path / "none.json").exists()


def test_foreign_or_broken_files_are_refused(tmp_path: Path) -> None:
    library = VoiceLibrary(tmp_path / "voices.json")
    bad = tmp_path / "bad.json"
    for content in ("not json", json.dumps({"format": "other"}), json.dumps(
                        {"format": "desk-voices", "version": 1, "model": MODEL, "voices": []}),
                    json.dumps({"format": "desk-voices", "version": 1, "model": "x",
                                "voices": []})):
        bad.write_text(content)
        with pytest.raises(FormatError):
            library.import_file(bad)
    with pytest.raises(InputError):
        library.import_file(tmp_path / "missing.json")
    assert not library.path.exists()
    library.add(random_voice("Musk", 1))
    before = library.path.read_bytes()
    library.export(bad)
    data = json.loads(bad.read_text())
    data["voices"] += [dict(data["voices"][0], name="Harris"), dict(data["voices"][0], name="")]
    bad.write_text(json.dumps(data))
    with pytest.raises(FormatError, match="without a name"):
        library.import_file(bad)  # the whole file or nothing: Harris is not added either
    assert library.path.read_bytes() == before and list(library.voices) == ["Musk"]
    with pytest.raises(FormatError):
        decode_centre(encode_centre(np.ones(5)))


def test_matching_is_one_to_one_and_needs_a_clear_winner() -> None:
    a, b = random_voice("A", 1), random_voice("B", 2)
    near_a = unit(a.centre + 0.2 * random_voice("n", 3).centre)
    matches = match_voices(np.array([near_a, near_a]), [a, b])
    assert [(m.cluster, m.voice) for m in matches] == [(0, "A")]
    assert matches[0].score >= MATCH_THRESHOLD
    twin = Voice("A again", unit(a.centre + 0.01 * b.centre), 5)
    assert match_voices(np.array([near_a]), [a, twin]) == []  # too alike to tell apart
    assert match_voices(np.array([b.centre]), [a]) == []


# -- real voices -------------------------------------------------------------------
@pytest.fixture(scope="module")
def embedder() -> SpeakerEmbedder:
    return SpeakerEmbedder()


def profiles_from(media: Path, segments: list[Segment], truth: list[str],
                  embedder: SpeakerEmbedder, speakers: int | None = None) -> list[Voice]:
    """A profile per voice found, named after the true speaker of most of its segments."""
    result = diarize(media, segments, speakers, embedder=embedder)
    voices = []
    for k, windows in enumerate(result.window_counts()):
        said = [who for s, who in zip(result.segments, truth, strict=True)
                for p in s.parts if p.label == k]
        voices.append(Voice(max(set(said), key=said.count), result.clustering.centres[k],
                            windows))
    return voices


def named(media: Path, segments: list[Segment], truth: list[str], profiles: list[Voice],
          embedder: SpeakerEmbedder, speakers: int | None = None) -> dict[str, str]:
    """Which true speaker each matched profile named (profile name → true speaker)."""
    found = profiles_from(media, segments, truth, embedder, speakers)
    matches = match_voices(np.array([v.centre for v in found]), profiles)
    return {m.voice: found[m.cluster].name for m in matches}


def test_an_espeak_profile_names_its_voice_in_other_sentences_and_nobody_else(
        talks: dict[str, Talk], embedder: SpeakerEmbedder) -> None:
    first, second, others = talks["first"], talks["second"], talks["others"]
    host = [v for v in profiles_from(first.path, first.segments(),
                                     [t.speaker for t in first.truth], embedder)
            if v.name == "HOST"]
    assert named(second.path, second.segments(), [t.speaker for t in second.truth], host,
                 embedder) == {"HOST": "HOST"}
    assert named(others.path, others.segments(), [t.speaker for t in others.truth], host,
                 embedder) == {}


def test_phone_call_profiles_from_one_half_name_the_other_half(
        phone_call: PhoneCall, talks: dict[str, Talk], embedder: SpeakerEmbedder) -> None:
    def half(start: float, end: float) -> tuple[list[Segment], list[str]]:
        lines = [line for line in phone_call.lines if line[0] >= start and line[1] <= end]
        return phone_call.segments(start, end), [line[2] for line in lines]

    # Halves at the turn nearest the middle: each holds a few seconds of both voices.
    made = profiles_from(phone_call.wav, *half(0.0, 17.78), embedder, speakers=2)
    assert sorted(v.name for v in made) == ["Diane", "Sheila"]
    found = named(phone_call.wav, *half(17.78, 30.0), made, embedder, speakers=2)
    assert found == {"Diane": "Diane", "Sheila": "Sheila"}
    others = talks["others"]
    assert named(others.path, others.segments(), [t.speaker for t in others.truth], made,
                 embedder) == {}
