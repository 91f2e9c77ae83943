"""`list interviews`, `print interview`, `print people` and `erase interview`: output, exit codes, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inducci_desktop.app import run
from tests.printing.conftest import all_text
from tests.privacy.grep import hits

ORGANISATION = "City Office Bielsko-Biała (fictional)"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, out, _ = cli(capsys, "--data-dir", str(folder), "demo")
    assert code == 0 and "interview with the administration guide" in out
    return folder


def test_list_and_print_interviews_and_people(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "interviews", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert (rows[0]["organisation"], rows[0]["answered"], rows[0]["questions"]) == (ORGANISATION, 7, 24)
    interview_id = rows[0]["id"]
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "interviews")
    assert code == 0 and interview_id in out and "7/24 answered" in out
    target = tmp_path / "interview.pdf"
    code, out, _ = cli(capsys, "--data-dir", str(data), "print", "interview", interview_id, "-o", str(target))
    assert code == 0 and f"wrote {target}" in out
    text = all_text(target.read_bytes())
    assert "INTERVIEW RECORD" in text and "Head of business support unit" in text and "one day is realistic" in (
        text.casefold())
    annex = tmp_path / "people.pdf"
    code, _out, _ = cli(capsys, "--data-dir", str(data), "print", "people", "-o", str(annex), "--paper", "letter")
    text = all_text(annex.read_bytes())
    assert code == 0 and "People consulted" in text and "Focus group on vacant industrial" in text
    code, _out, err = cli(capsys, "--data-dir", str(data), "print", "interview", "no-such-id", "-o",
                          str(tmp_path / "x.pdf"))
    assert code != 0 and "no interview" in err and not (tmp_path / "x.pdf").exists()
    code, _out, err = cli(capsys, "--data-dir", str(data), "list", "interviews", "--region", "nowhere")
    assert code == 2 and "no region" in err


def test_erase_interview_reaches_the_register_and_backups(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    interview_id = json.loads(cli(capsys, "--data-dir", str(data), "list", "interviews", "--json")[1])[0]["id"]
    assert cli(capsys, "--data-dir", str(data), "backup", "create")[0] == 0
    assert hits(data, ORGANISATION)[1]
    code, out, err = cli(capsys, "--data-dir", str(data), "erase", "interview", interview_id)
    assert code == 0, err
    assert "erased 2 entries and from" in out and "the name and e-mail are in none of them" in out
    _searched, found = hits(data, ORGANISATION, "Head of business support unit", "two years of accounts")
    assert found == []
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "interviews")
    assert "(erased on request)" in out and "0/24 answered" in out
    code, _out, err = cli(capsys, "--data-dir", str(data), "erase", "interview", interview_id)
    assert code == 2 and "erased on request already" in err
    code, _out, err = cli(capsys, "--data-dir", str(data), "erase", "workshop", interview_id)
    assert code == 2 and "cannot erase 'workshop'" in err
