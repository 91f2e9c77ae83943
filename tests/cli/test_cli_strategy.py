"""`list papers|recommendations`, `print paper|recommendation` as PDF and DOCX, `export-table measures|topic-matrix`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from inducci_desktop.app import run


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_print_and_export_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    code, out, _ = cli(capsys, "--data-dir", data, "demo")
    assert code == 0 and "strategy paper" in out
    code, out, _ = cli(capsys, "--data-dir", data, "list", "papers", "--json")
    papers = json.loads(out)
    assert code == 0 and {p["region"] for p in papers} == {"Śląskie (Silesia)", "Gorenjska"}
    silesia = next(p for p in papers if p["region"] == "Śląskie (Silesia)")["id"]
    code, out, _ = cli(capsys, "--data-dir", data, "list", "recommendations")
    assert code == 0 and "Creative industries" in out
    recommendation = out.split("\t")[0]
    code, out, err = cli(capsys, "--data-dir", data, "print", "paper", silesia, "-o", str(tmp_path / "p.pdf"))
    assert code == 0, err
    assert "Creative Śląskie 2030" in PdfReader(str(tmp_path / "p.pdf")).pages[0].extract_text()
    code, out, err = cli(capsys, "--data-dir", data, "print", "paper", silesia, "--version", "1",
                         "-o", str(tmp_path / "p.docx"))
    assert code == 0, err
    assert Document(str(tmp_path / "p.docx")).core_properties.title == "Creative Śląskie 2030"
    code, _, err = cli(capsys, "--data-dir", data, "print", "paper", silesia, "--version", "7",
                       "-o", str(tmp_path / "v7.pdf"))
    assert code != 0 and "no version 7" in err and not (tmp_path / "v7.pdf").exists()
    for flag in ("--short", "--full"):
        code, _, err = cli(capsys, "--data-dir", data, "print", "recommendation", recommendation, flag,
                           "-o", str(tmp_path / f"r{flag}.pdf"))
        assert code == 0, err
    code, _, err = cli(capsys, "--data-dir", data, "print", "recommendation", recommendation, "--short",
                       "-o", str(tmp_path / "missing" / "r.docx"))
    assert code != 0 and "does not exist" in err
    code, out, err = cli(capsys, "--data-dir", data, "export-table", "measures", "-o", str(tmp_path / "m.csv"))
    assert code == 0, err
    with (tmp_path / "m.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][6] == "Measure" and len(rows) == 8
    code, out, err = cli(capsys, "--data-dir", data, "export-table", "topic-matrix", "-o", str(tmp_path / "t.xlsx"))
    assert code == 0 and "rows" in out, err
