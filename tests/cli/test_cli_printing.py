"""The print commands: guide, item, file, glossary, pack — output, paper, and failures that leave no file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from inducci_desktop.app import run


def cli(data: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    assert isinstance(code, int)
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def test_print_guide_item_glossary_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(data, "print", "guide", "guide-mapping-cci", "-o", str(tmp_path / "g.pdf"), capsys=capsys)
    assert code == 0 and "wrote" in out and pages(tmp_path / "g.pdf") >= 1
    code, _, _ = cli(data, "print", "item", "case-industrial-hackathon-silesia", "-o", str(tmp_path / "c.pdf"),
                     capsys=capsys)
    assert code == 0 and pages(tmp_path / "c.pdf") >= 1
    code, _, _ = cli(data, "print", "glossary", "-o", str(tmp_path / "gl.pdf"), capsys=capsys)
    assert code == 0 and PdfReader(tmp_path / "gl.pdf").metadata.title == "Glossary"
    notes = tmp_path / "notes.md"
    notes.write_text("# Plan for Żywiec\n\n- Győr\n- Třinec\n", encoding="utf-8")
    code, _, _ = cli(data, "print", "file", str(notes), "-o", str(tmp_path / "n.pdf"), "--paper", "letter",
                     capsys=capsys)
    assert code == 0
    reader = PdfReader(tmp_path / "n.pdf")
    assert reader.metadata.title == "Plan for Żywiec"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_print_guide_refuses_another_kind(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.pdf"
    code, _, err = cli(data, "print", "guide", "case-industrial-hackathon-silesia", "-o", str(target), capsys=capsys)
    assert code == 2 and "not a guide" in err and "print item" in err
    assert not target.exists()


def test_print_pack_in_order_with_title(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "pack.pdf"
    code, _, _ = cli(data, "print", "pack", "format-hackathon", "guide-mapping-cci", "-o", str(target),
                     "--title", "Warsztaty w Łodzi", "--paper", "letter", capsys=capsys)
    assert code == 0
    reader = PdfReader(target)
    assert reader.metadata.title == "Warsztaty w Łodzi"
    titles = [str(o.title) for o in reader.outline if not isinstance(o, list)]
    assert titles[0].startswith("Hackathon") and "Mapping" in titles[1]
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_print_pack_all(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "all.pdf"
    code, _, _ = cli(data, "print", "pack", "--all", "-o", str(target), capsys=capsys)
    assert code == 0
    outline = [str(o.title) for o in PdfReader(target).outline if not isinstance(o, list)]
    assert len(outline) == 18 + 8 + 12 + 3 + 1  # every guide, case, format, interview guide + glossary
    code, _, err = cli(data, "print", "pack", "-o", str(target), capsys=capsys)
    assert code == 2 and "--all" in err


def test_unknown_ids_leave_no_file_and_keep_an_existing_one(data: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "pack.pdf"
    code, _, err = cli(data, "print", "pack", "guide-mapping-cci", "guide-nope", "-o", str(target), capsys=capsys)
    assert code == 2 and "guide-nope" in err and err.startswith("error:")
    assert not target.exists()
    target.write_bytes(b"old")
    code, _, err = cli(data, "print", "item", "nope", "-o", str(target), capsys=capsys)
    assert code == 2 and "'nope'" in err
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "pack.pdf"]


def test_bad_markdown(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.md"
    bad.write_bytes("Łódź i Bielsko-Biała".encode("cp1250"))
    target = tmp_path / "n.pdf"
    code, _, err = cli(data, "print", "file", str(bad), "-o", str(target), capsys=capsys)
    assert code == 2 and "not UTF-8" in err
    code, _, err = cli(data, "print", "file", str(tmp_path / "missing.md"), "-o", str(target), capsys=capsys)
    assert code == 2 and "does not exist" in err
    assert not target.exists()


def test_output_folder_that_cannot_be_written(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(data, "print", "glossary", "-o", str(tmp_path / "no" / "such" / "g.pdf"), capsys=capsys)
    assert code == 3 and "does not exist" in err
    code, _, err = cli(data, "print", "glossary", "-o", str(tmp_path), capsys=capsys)
    assert code == 3 and "is a folder" in err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_keeps_the_existing_file(data: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "g.pdf"
    target.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        code, _, err = cli(data, "print", "glossary", "-o", str(target), capsys=capsys)
    finally:
        folder.chmod(0o700)
    assert code == 3 and "cannot be written" in err
    assert target.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["g.pdf"]


def test_write_failure_leaves_nothing_behind(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fails while writing (as a full one does): exit 3, old file kept, no temporary file."""
    import inducci_desktop.printing.output as output

    target = tmp_path / "g.pdf"
    target.write_bytes(b"old")

    def failing_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", failing_fsync)
    code, _, err = cli(data, "print", "glossary", "-o", str(target), capsys=capsys)
    assert code == 3 and "No space left" in err
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "g.pdf"]


@pytest.mark.slow
def test_reportlab_is_not_imported_for_other_commands(data: Path) -> None:
    code = ("import sys; from inducci_desktop.app import run; run(['--data-dir', sys.argv[1], 'db', 'upgrade']);"
            "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")
    out = io.StringIO(result.stdout)
    assert out.getvalue()
