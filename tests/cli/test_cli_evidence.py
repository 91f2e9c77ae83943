"""`list findings`, `print findings` and `export-table findings`: output, filters, clear errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.printing.conftest import page_texts

from .test_cli_workshops import cli


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, out, _ = cli(capsys, "--data-dir", str(folder), "demo")
    assert code == 0 and "12 findings" in out
    return folder


def test_list_filter_and_print_findings(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "findings", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 12
    assert {r["source"]["state"] for r in rows} == {"live"} and rows[0]["region"] == "Śląskie (Silesia)"
    code, out, _ = cli(capsys, "--data-dir", str(data), "list", "findings", "--topic", "contact POINTS")
    assert code == 0 and len(out.strip().splitlines()) == 5 and "contact person" in out
    target = tmp_path / "annex.pdf"
    code, out, err = cli(capsys, "--data-dir", str(data), "print", "findings", "--region", "śląskie (silesia)",
                         "--group", "region", "-o", str(target))
    assert code == 0, err
    text = "\n".join(page_texts(target.read_bytes()))
    assert "Śląskie (Silesia) (12)" in text and "Checklist answer" in text


@pytest.mark.parametrize(("args", "message"), [
    (("list", "findings", "--topic", "Nonsense"), "there is no topic 'Nonsense'; topics: CCI and industry"),
    (("list", "findings", "--region", "Łódź"), "there is no region 'Łódź'"),
    (("print", "findings", "--region", "Łódź", "-o", "x.pdf"), "there is no region 'Łódź'"),
])
def test_unknown_filters_are_named(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   args: tuple[str, ...], message: str) -> None:
    argv = [a if a != "x.pdf" else str(tmp_path / "x.pdf") for a in args]
    code, _out, err = cli(capsys, "--data-dir", str(data), *argv)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_export_table_of_findings(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.csv"
    code, _out, err = cli(capsys, "--data-dir", str(data), "export-table", "findings", "-o", str(target))
    assert code == 0, err
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 12 and {r["Source state"] for r in rows} == {"live"}
    assert any("Data and statistics" in r["Topics"] for r in rows)
