"""Atomic saving: nothing partial on failure, an existing file kept, clear folder errors."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from inducci_desktop.printing import output
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.library.items import item_document
from inducci_desktop.printing.output import write_pdf

from .conftest import make_guide, reader


def test_writes_pdf(tmp_path: Path) -> None:
    target = tmp_path / "Łódź handout.pdf"
    result = write_pdf(target, lambda: item_document(make_guide()))
    assert result == target
    assert len(reader(target.read_bytes()).pages) >= 1
    assert list(tmp_path.iterdir()) == [target]
    assert target.stat().st_mode & 0o777 == 0o644


def test_replaces_existing_file_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_render_failure_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"

    def broken() -> bytes:
        raise PrintError("layout failed")

    with pytest.raises(PrintError, match="layout failed"):
        write_pdf(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_render_failure_keeps_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"precious")

    def broken() -> bytes:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_pdf(target, broken)
    assert target.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [target]


def test_write_failure_keeps_existing_file_and_removes_temp(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"precious")

    def no_space(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", no_space)
    with pytest.raises(PrintError, match=r"out\.pdf could not be saved in .*No space left on device"):
        write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [target]


def test_interrupted_write_removes_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_pdf(tmp_path / "out.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "does-not-exist"
    with pytest.raises(PrintError, match=f"The folder {folder} does not exist"):
        write_pdf(folder / "x.pdf", b"%PDF")


def test_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="is a folder"):
        write_pdf(tmp_path, b"%PDF")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_real(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PrintError, match=f"The folder {folder} cannot be written to"):
            write_pdf(folder / "x.pdf", lambda: item_document(make_guide()))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(PrintError, match=f"The folder {tmp_path} cannot be written to"):
        write_pdf(tmp_path / "x.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_folder_check_comes_before_rendering(tmp_path: Path) -> None:
    calls: list[int] = []

    def render() -> bytes:
        calls.append(1)
        return b"%PDF"

    with pytest.raises(PrintError):
        write_pdf(tmp_path / "missing" / "x.pdf", render)
    assert calls == []
