"""Checklist commands: list (text and JSON), print (PDFs read back), errors without partial files, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inducci_desktop.app import run
from tests.printing.conftest import all_text


def cli(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_list_and_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = cli(capsys, data, "demo")
    assert code == 0 and "Silesia CCI status quo" in out
    code, out, _ = cli(capsys, data, "demo")
    assert code == 0 and "Silesia" not in out  # the second run adds nothing

    code, out, _ = cli(capsys, data, "list", "assessments", "--json")
    records = json.loads(out)
    assert code == 0 and len(records) == 2
    assert {r["title"] for r in records} == {"Silesia CCI status quo", "Silesia CCI status quo – round 2"}
    assert all(r["id"] and r["subject"] == "Śląskie (Silesia)" for r in records)
    code, out, _ = cli(capsys, data, "list", "templates", "--json")
    templates = json.loads(out)
    assert any(t["id"] == "checklist-regional-status-quo" for t in templates)
    assert all({"id", "title"} <= set(t) for t in templates)
    code, out, _ = cli(capsys, data, "list", "assessments")
    assert "Silesia CCI status quo – round 2" in out
    # the status as the GUI names it, never the stored code
    assert "\tIn progress\t" in out and "draft" not in out
    assert {r["status_label"] for r in records} <= {"In progress", "Completed"}

    first = next(r["id"] for r in records if r["round"] == 1)
    second = next(r["id"] for r in records if r["round"] == 2)
    target = tmp_path / "report.pdf"
    code, out, err = cli(capsys, data, "print", "assessment", first, "-o", str(target))
    assert code == 0, err
    assert "Anna Kowalczyk" in all_text(target.read_bytes())
    target = tmp_path / "compare.pdf"
    code, _, err = cli(capsys, data, "print", "compare", first, second, "-o", str(target), "--paper", "letter")
    assert code == 0, err
    assert "Scores by section" in all_text(target.read_bytes())
    target = tmp_path / "blank.pdf"
    code, _, err = cli(capsys, data, "print", "checklist", "checklist-regional-status-quo", "-o", str(target))
    assert code == 0, err
    assert "Regional CCI status quo" in all_text(target.read_bytes())


@pytest.mark.parametrize("argv", [
    ("print", "checklist", "checklist-nope"),
    ("print", "assessment", "no-such-id"),
    ("print", "compare", "no-such-id", "other"),
])
def test_unknown_ids_give_a_message_and_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                argv: tuple[str, ...]) -> None:
    target = tmp_path / "out.pdf"
    code, _, err = cli(capsys, tmp_path / "data", *argv, "-o", str(target))
    assert code != 0 and err.startswith("error: ") and "no" in err.lower()
    assert not target.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".out.pdf*")) == []


def test_unwritable_target_keeps_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, tmp_path / "data", "print", "checklist", "checklist-cci-needs", "-o",
                       str(tmp_path / "missing" / "x.pdf"))
    assert code == 2 and "does not exist" in err
