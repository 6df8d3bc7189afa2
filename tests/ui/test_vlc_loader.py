"""Loading libvlc: the real one loads; a missing one is a sentence with the install hint."""

from __future__ import annotations

import builtins
from collections.abc import Iterator

import pytest

from desk.ui import vlc_loader


@pytest.fixture(autouse=True)
def _fresh_attempt() -> Iterator[None]:
    vlc_loader.reset()
    yield
    vlc_loader.reset()


def test_the_real_libvlc_loads_once_with_the_test_arguments(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_VLC_ARGS", "--vout=dummy --aout=dummy")
    assert vlc_loader.load_vlc() is vlc_loader.load_vlc()
    assert vlc_loader.instance_args()[-2:] == ["--vout=dummy", "--aout=dummy"]
    instance = vlc_loader.create_instance()
    assert instance is not None
    instance.release()


def test_a_missing_libvlc_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_vlc(name: str, *args: object, **kwargs: object) -> object:
        if name == "vlc":
            raise OSError("libvlc.so.5: cannot open shared object file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_vlc)
    with pytest.raises(vlc_loader.VlcUnavailable) as caught:
        vlc_loader.load_vlc()
    message = str(caught.value)
    assert message.startswith("VLC could not be loaded, so playback is off.")
    assert vlc_loader.install_hint() in message and "apt install vlc" in message
    with pytest.raises(vlc_loader.VlcUnavailable):  # the failure is remembered, not retried
        vlc_loader.load_vlc()
