"""``content check`` and ``search`` on the command line, through the composition root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inducci_desktop.app import run

from .packs import GUIDE, SOURCE, make_pack


def test_content_check_of_the_shipped_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("ok: inducci-toolbox ")


def test_content_check_of_a_good_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_pack(tmp_path / "en")
    assert run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(folder)]) == 0
    assert "1 guides, 1 cases, 1 formats, 1 interview guides, 1 checklists" in capsys.readouterr().out


def test_content_check_lists_every_problem_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = GUIDE.format(sources=SOURCE).replace("section: mapping", "section: nowhere")
    folder = make_pack(tmp_path / "en", changes={"guides/one.md": broken, "links.yaml": "- id: [x\n"})
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert "guides/one.md:3: unknown section 'nowhere' (not in sections.yaml)" in lines
    assert any(line.startswith("links.yaml:") and "YAML syntax error" in line for line in lines)
    assert lines[-1] == "2 problems found"


def test_search_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["--data-dir", str(tmp_path / "data"), "search", "hackathon", "--json", "--limit", "3"])
    out = capsys.readouterr().out
    assert code == 0
    hits = json.loads(out)
    assert 0 < len(hits) <= 3
    assert all(set(hit) == {"id", "kind", "title"} for hit in hits)
    assert any("hackathon" in hit["id"] for hit in hits)


def test_search_plain_and_hostile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "search", "Škofja"]) == 0
    assert "case-cci-help-desk-slovenia\tcase\t" in capsys.readouterr().out
    assert run(["--data-dir", data, "search", 'NOT "AND -( *']) == 0
    assert run(["--data-dir", data, "search", "", "--json"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "[]"
