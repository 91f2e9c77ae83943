"""Portable mode: portable.txt or a data folder beside the executable keeps everything beside it; a
read-only or full drive is refused with a message that says so."""

from __future__ import annotations

import errno
import shutil
import subprocess
from collections import namedtuple
from pathlib import Path

import pytest

from inducci_desktop import paths as paths_module
from inducci_desktop.app import main
from inducci_desktop.paths import AppPaths, DataDirError


def test_portable_txt_beside_the_program_keeps_the_data_beside_it(tmp_path: Path) -> None:
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    paths = AppPaths.resolve(app_dir=tmp_path)
    assert paths.portable
    assert paths.data_dir == tmp_path / "data"
    assert paths.log_dir == tmp_path / "data" / "logs"
    assert paths.backup_dir == tmp_path / "data" / "backups"


def test_a_data_folder_beside_the_program_means_portable_too(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    assert AppPaths.resolve(app_dir=tmp_path).portable


def test_without_marker_the_user_folder_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INDUCCI_DATA_DIR", raising=False)
    paths = AppPaths.resolve(app_dir=tmp_path)
    assert not paths.portable
    assert tmp_path not in paths.data_dir.parents


def test_data_dir_option_wins_over_portable(tmp_path: Path) -> None:
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    chosen = AppPaths.resolve(tmp_path / "elsewhere", app_dir=tmp_path)
    assert not chosen.portable and chosen.data_dir == tmp_path / "elsewhere"


def test_a_source_install_is_never_portable() -> None:
    assert paths_module.frozen_app_dir() is None


@pytest.fixture
def write_protected(tmp_path: Path) -> Path:
    """A real write-protected folder (immutable attribute: even root cannot create files in it)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    (folder / "portable.txt").write_text("", encoding="utf-8")
    (folder / "data").mkdir()
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    if subprocess.run(["chattr", "+i", str(folder / "data")], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot make a folder immutable")
    yield folder
    subprocess.run(["chattr", "-i", str(folder / "data")], check=True)


def test_a_read_only_portable_drive_is_refused_clearly(write_protected: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("INDUCCI_DATA_DIR", raising=False)
    monkeypatch.setattr(paths_module, "frozen_app_dir", lambda: write_protected)
    assert main(["db", "check"]) == 3
    message = capsys.readouterr().err
    assert "portable mode" in message and "read-only or write-protected" in message
    assert str(write_protected / "data") in message
    assert list((write_protected / "data").iterdir()) == []


def test_a_full_drive_is_refused_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    paths = AppPaths.resolve(app_dir=tmp_path)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(paths_module.shutil, "disk_usage", lambda _path: usage(8_000_000, 7_990_000, 10_000))
    with pytest.raises(DataDirError, match="the drive is full"):
        paths.ensure()


def test_a_full_drive_while_writing_is_named(tmp_path: Path) -> None:
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    paths = AppPaths.resolve(app_dir=tmp_path)
    assert "the drive is full" in paths._refusal(paths.data_dir, OSError(errno.ENOSPC, "No space left on device"))
