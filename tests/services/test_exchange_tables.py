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

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")


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
            assert not any("_" in str(v) for v in values[0][:3])  # human headers, not field names
            assert len(values) == len(rows)
        assert not list(tmp_path.glob(".*"))  # no temporary files left


def test_matrix_has_one_row_per_assessment_and_scores(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        table, note = TableService(services).matrix()
        assert note == "" and len(table.rows) == 2
        assert table.header[6] == "Total score" and any(h.startswith("1.1 ") for h in table.header)
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


def test_xlsx_reads_as_a_spreadsheet_should(tmp_path: Path) -> None:
    from datetime import date, datetime

    with folder(tmp_path / "data", demo=True) as services:
        tables = TableService(services)
        tables.write("answers", tmp_path / "answers.xlsx")
        tables.write("attendance", tmp_path / "attendance.xlsx")
        tables.write("answers", tmp_path / "answers.csv")
        statuses = {s.status for s in services.checklists.list(status="all")}
    book = load_workbook(tmp_path / "answers.xlsx")
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Assessment ID", "Assessment", "Region", "Template"]
    assert "Assessed on" in header and "Last changed (UTC)" in header
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"  # the header stays in view
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    column = {name: header.index(name) for name in header}
    assert all(isinstance(r[column["Assessed on"]], datetime | date) for r in rows)
    assert all(isinstance(r[column["Last changed (UTC)"]], datetime) for r in rows)
    assert all(isinstance(r[column["Round"]], int) and isinstance(r[column["Template version"]], int) for r in rows)
    assert all(isinstance(r[column["Score"]], int | float) for r in rows if r[column["Score"]] is not None)
    numbers = [r[column["Answer"]] for r in rows if r[column["Answer type"]] in ("number", "scale")]
    assert numbers and all(isinstance(v, int | float) for v in numbers)
    # one label for a status everywhere: "In progress", as the GUI says, never the stored code "draft"
    assert "draft" in statuses and {r[column["Status"]] for r in rows} <= {"In progress", "Completed"}
    assert "In progress" in (tmp_path / "answers.csv").read_text(encoding="utf-8-sig")
    # columns fitted to their content: the long item texts wider than the round numbers, within limits
    from openpyxl.utils import get_column_letter

    def width(name: str) -> float:
        return float(sheet.column_dimensions[get_column_letter(column[name] + 1)].width)

    assert width("Item") > width("Round") and width("Item") <= 62
    assert width("Assessment ID") >= max(len(str(r[0])) for r in rows)
    day = load_workbook(tmp_path / "attendance.xlsx").active
    assert day is not None
    days = [row[2].value for row in day.iter_rows(min_row=2)]
    assert days and all(isinstance(v, datetime) for v in days)  # openpyxl reads dates back as datetimes
    assert day.cell(row=2, column=3).number_format == "yyyy-mm-dd"
