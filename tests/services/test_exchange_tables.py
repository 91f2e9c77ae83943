"""Tables for spreadsheets: CSV with BOM, XLSX read back with openpyxl, no names unless asked, no formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.tables import TableService
from tests.services.exchange_helpers import folder


def test_each_table_as_csv_and_xlsx(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        tables = TableService(services)
        for kind in ("answers", "matrix", "attendance", "feedback"):
            csv_result = tables.write(kind, tmp_path / f"{kind}.csv")
            xlsx_result = tables.write(kind, tmp_path / f"{kind}.xlsx")
            raw = (tmp_path / f"{kind}.csv").read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
            assert len(rows) - 1 == csv_result.rows == xlsx_result.rows > 0
            sheet = load_workbook(tmp_path / f"{kind}.xlsx", read_only=True).active
            assert sheet is not None
            values = [list(r) for r in sheet.iter_rows(values_only=True)]
            assert [str(v) for v in values[0]] == rows[0]
            assert len(values) == len(rows)
        assert not list(tmp_path.glob(".*"))  # no temporary files left


def test_matrix_has_one_row_per_assessment_and_scores(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        table, note = TableService(services).matrix()
        assert note == "" and len(table.rows) == 2
        assert table.header[6] == "total_score" and any(h.startswith("1.1 ") for h in table.header)
        totals = {row[1]: row[6] for row in table.rows}
        for summary in services.checklists.list(status="all"):
            assert totals[summary.title] == pytest.approx(services.checklists.get(summary.id).scores.total, abs=1e-3)


def test_attendance_without_names_unless_asked(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        workshop = services.workshops.list()[0].id
        names = {p.name for p in services.workshops.people.participants(workshop)}
        anonymous = TableService(services).attendance()
        assert not names & {r[3] for r in anonymous.rows}
        assert {r[3] for r in anonymous.rows} >= {"Participant 1", "Participant 2"}
        named = TableService(services).attendance(personal=True)
        assert names == {r[3] for r in named.rows}
        present = sum(1 for r in anonymous.rows if r[5] == "yes")
        view = services.workshops.get(workshop)
        figures = services.workshops.people.figures(workshop, view.days)
        assert present == sum(p for _day, p, _a in figures.per_day)


def test_text_is_never_a_formula(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        draft = next(s.id for s in services.checklists.list() if s.status == "draft")
        view = services.checklists.get(draft)
        key = next(i.key for s in view.template.sections for i in s.items if i.type == "longtext")
        services.checklists.set_answer(draft, key, '=HYPERLINK("http://example.com","click")')
        tables = TableService(services)
        tables.write("answers", tmp_path / "a.csv")
        tables.write("answers", tmp_path / "a.xlsx")
        text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text
        sheet = load_workbook(tmp_path / "a.xlsx").active
        assert sheet is not None
        cells = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")]
        assert cells and all(c.data_type == "s" for c in cells)


def test_unknown_format_or_table(tmp_path: Path) -> None:
    with folder(tmp_path / "data") as services:
        with pytest.raises(ValidationError, match=r"\.csv or \.xlsx"):
            TableService(services).write("answers", tmp_path / "a.txt")
        with pytest.raises(ValidationError, match="Unknown table"):
            TableService(services).write("people", tmp_path / "a.csv")
