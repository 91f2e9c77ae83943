"""`demo`, `list workshops` and `print workshop`: output, exit codes, no partial files on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from inducci_desktop.app import run


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, out, _ = cli(capsys, "--data-dir", str(folder), "demo")
    assert code == 0 and "workshop" in out
    return folder


def test_demo_list_and_print_every_kind(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "demo")
    assert code == 0 and "nothing added" in out
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "workshops", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1 and rows[0]["participants"] == 10
    workshop_id = rows[0]["id"]
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "workshops")
    assert workshop_id in out and "evaluated" in out
    for kind in ("agenda", "signin", "feedback", "certificates", "report"):
        target = tmp_path / f"{kind}.pdf"
        code, out, err = cli(capsys, "--data-dir", str(data), "print", "workshop", workshop_id, "--kind", kind,
                             "-o", str(target), "--paper", "letter")
        assert code == 0, err
        assert len(PdfReader(target).pages) >= 1 and "wrote" in out


@pytest.mark.parametrize(("args", "message"), [
    (("nope", "--kind", "agenda"), "no workshop with id 'nope'"),
    (("ID", "--kind", "poster"), "unknown kind 'poster'"),
    (("ID", "--kind", "signin", "--blank-rows", "-1"), "--blank-rows"),
])
def test_bad_requests_leave_no_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    args: tuple[str, ...], message: str) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "workshops", "--json")
    workshop_id = json.loads(out)[0]["id"]
    target = tmp_path / "out.pdf"
    argv = [a.replace("ID", workshop_id) for a in args]
    code, out, err = cli(capsys, "--data-dir", str(data), "print", "workshop", *argv, "-o", str(target))
    assert code == 2 and message in err and out == ""
    assert not target.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_unwritable_target_folder(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "workshops", "--json")
    workshop_id = json.loads(out)[0]["id"]
    code, _out, err = cli(capsys, "--data-dir", str(data), "print", "workshop", workshop_id, "--kind", "report",
                          "-o", str(tmp_path / "missing" / "r.pdf"))
    assert code == 1 and "does not exist" in err


def test_empty_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "list", "workshops")
    assert code == 0 and "no workshops" in out
