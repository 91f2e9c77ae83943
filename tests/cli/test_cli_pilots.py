"""`list pilots`, `print pilot ID --kind profile|plan`, `export-table pilots`, `export --pilots`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.test_cli_workshops import cli


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, out, _ = cli(capsys, "--data-dir", str(folder), "demo")
    assert code == 0 and "pilot action Heat & Light Hackathon Żywiec 2026" in out
    return folder


def test_list_print_and_table(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "pilots", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1 and rows[0]["status"] == "evaluated" and rows[0]["published"]
    pilot_id = rows[0]["id"]
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "pilots")
    assert pilot_id in out and "Evaluated" in out and "2026-04-17 – 2026-04-18" in out
    for kind in ("profile", "plan"):
        target = tmp_path / f"{kind}.pdf"
        code, out, err = cli(capsys, "--data-dir", str(data), "print", "pilot", pilot_id, "--kind", kind,
                             "-o", str(target))
        assert code == 0, err
        assert len(PdfReader(target).pages) >= 1
    assert len(PdfReader(tmp_path / "plan.pdf").pages) == 1
    table = tmp_path / "pilots.csv"
    code, _out, err = cli(capsys, "--data-dir", str(data), "export-table", "pilots", "-o", str(table))
    assert code == 0, err
    with table.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][:3] == ["Pilot ID", "Title", "Region"]
    assert lines[1][1] == "Heat & Light Hackathon Żywiec 2026" and lines[1][10] == "47"
    bundle = tmp_path / "pilot.inducci"
    code, out, err = cli(capsys, "--data-dir", str(data), "export", "--pilots", pilot_id, "-o", str(bundle))
    assert code == 0 and "1 pilots" in out and "2 pilot photos" in out, err


@pytest.mark.parametrize(("args", "message"), [
    (("nope", "--kind", "profile"), "no pilot action with id 'nope'"),
    (("ID", "--kind", "poster"), "unknown kind 'poster'"),
])
def test_bad_requests_leave_no_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    args: tuple[str, ...], message: str) -> None:
    target = tmp_path / "x.pdf"
    code, _out, err = cli(capsys, "--data-dir", str(data), "print", "pilot", *args, "-o", str(target))
    assert code != 0 and message in err and not target.exists()
