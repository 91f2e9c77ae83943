"""Tables for spreadsheet users: answers, an assessments × items matrix, workshop attendance, feedback.

The format follows the file name: ``.csv`` is UTF-8 with a byte order mark (so Excel reads ł and ř
right), ``.xlsx`` is written with openpyxl. Text that a spreadsheet would run as a formula (=, +, -, @)
is kept as text. Files are written next to the target and moved into place, so a failure leaves nothing.
Participants' names appear only when asked for; otherwise they are numbered per workshop.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain.checklists import item_numbers
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.labels import assessment_status_label
from inducci_desktop.services.checklists import scoring
from inducci_desktop.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

TABLES = {"answers": N_("Answers (one row per answer)"), "matrix": N_("Assessments × items"),
          "attendance": N_("Workshop attendance"), "feedback": N_("Workshop feedback"),
          "pilots": N_("Pilot actions (one row per pilot)"),
          "findings": N_("Findings of the evidence register")}
FORMATS = (".csv", ".xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_WIDTH = 60  # characters; longer text wraps in the spreadsheet rather than making one huge column


@dataclass(frozen=True)
class Table:
    name: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class TableResult:
    path: Path
    rows: int
    note: str = ""


def table_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(_("Cannot tell the format from {name!r}; name the file .csv or .xlsx.")
                              .format(name=path.name))
    return suffix


class TableService:
    def __init__(self, services: Services) -> None:
        self.services = services

    def build(self, kind: str, *, template_id: str | None = None, personal: bool = False) -> tuple[Table, str]:
        if kind == "answers":
            return self.answers(), ""
        if kind == "matrix":
            return self.matrix(template_id)
        if kind == "attendance":
            return self.attendance(personal=personal), ""
        if kind == "feedback":
            return self.feedback(), ""
        if kind == "pilots":
            return self.pilots(), ""
        if kind == "findings":
            return self.findings(), ""
        raise ValidationError(_("Unknown table {kind!r}; use one of: {join}.")
                              .format(kind=kind, join=", ".join(TABLES)))

    def write(self, kind: str, target: Path | str, *, template_id: str | None = None,
              personal: bool = False) -> TableResult:
        target = Path(target)
        suffix = table_format(target)
        table, note = self.build(kind, template_id=template_id, personal=personal)
        if suffix == ".csv":
            _atomic(target, lambda path: _write_csv(path, table))
        else:
            _atomic(target, lambda path: _write_xlsx(path, table))
        return TableResult(target, len(table.rows), note)

    # --- the tables --------------------------------------------------------------------------------

    def _views(self, template_id: str | None = None) -> Iterator[Any]:
        checklists = self.services.checklists
        for summary in checklists.list(status="all", template_id=template_id):
            try:
                yield checklists.get(summary.id)
            except NotFoundError:
                continue  # its template is missing: nothing to lay the answers out on

    def _regions(self) -> dict[str, str]:
        return {r.id: r.name for r in self.services.regions.list()} | {
            r.id: r.name for r in self.services.regions.list(deleted=True)}

    def answers(self) -> Table:
        header = ("Assessment ID", "Assessment", "Region", "Template", "Template version", "Round", "Status",
                  "Assessed on", "Section", "No.", "Item key", "Item", "Answer type", "Answer", "Score", "Note",
                  "Last changed (UTC)")
        regions = self._regions()
        rows: list[tuple[Any, ...]] = []
        for view in self._views():
            s = view.summary
            numbers = item_numbers(view.template)
            region = regions.get(s.region_id or "", s.subject)
            for section in view.template.sections:
                for item in section.items:
                    answer = view.answers.get(item.key)
                    if answer is None or (not scoring.is_answered(answer.value) and not answer.note):
                        continue
                    score = scoring.item_score(item, answer.value)
                    rows.append((s.id, s.title, region, view.template.id, s.template_version, s.round,
                                 assessment_status_label(s.status),
                                 _date(s.assessed_on), section.title, numbers[item.key], item.key, item.text,
                                 item.type, _answer_cell(item, answer.value),
                                 None if score is None else round(score, 4), answer.note,
                                 answer.updated_at.replace(tzinfo=None, microsecond=0)))
        return Table("answers", header, rows)

    def matrix(self, template_id: str | None = None) -> tuple[Table, str]:
        summaries = self.services.checklists.list(status="all")
        if not summaries:
            return Table("matrix", ("Assessment ID", "Assessment"), []), _("there are no assessments yet")
        note = ""
        if template_id is None:
            counts = Counter(s.template_id for s in summaries)
            template_id = counts.most_common(1)[0][0]
            if len(counts) > 1:
                note = (_("assessments use {count} templates; the matrix shows {template_id!r} "
                          "(choose another with --template)").format(count=len(counts), template_id=template_id))
        elif not any(s.template_id == template_id for s in summaries):
            raise NotFoundError(_("No assessment uses the checklist template {template_id!r}.")
                                .format(template_id=template_id))
        views = list(self._views(template_id))
        template = max((v.template for v in views), key=lambda t: t.version) if views else \
            self.services.checklists.templates.template(template_id)
        numbers = item_numbers(template)
        items = [i for s in template.sections for i in s.items]
        sections = [s.key for s in template.sections]
        header = ("Assessment ID", "Assessment", "Region", "Round", "Status", "Template version", "Total score",
                  *(f"Section {n}: {s.title}" for n, s in enumerate(template.sections, 1)),
                  *(f"{numbers[i.key]} {i.key}" for i in items))
        regions = self._regions()
        rows: list[tuple[Any, ...]] = []
        for view in views:
            s = view.summary
            section_scores = []
            for key in sections:
                found = view.scores.section(key)
                section_scores.append(None if found is None or found.score is None else round(found.score, 4))
            cells = []
            for item in items:
                value = view.value(item.key)
                cells.append(_cell_value(item, value))
            total = None if view.scores.total is None else round(view.scores.total, 4)
            rows.append((s.id, s.title, regions.get(s.region_id or "", s.subject), s.round,
                         assessment_status_label(s.status),
                         s.template_version, total, *section_scores, *cells))
        return Table("matrix", header, rows), note

    def attendance(self, *, personal: bool = False) -> Table:
        workshops = self.services.workshops
        header = ("Workshop ID", "Workshop", "Day", "Participant", "Organisation", "Present")
        rows: list[tuple[Any, ...]] = []
        for summary in workshops.list():
            view = workshops.get(summary.id)
            people = workshops.people.participants(summary.id)
            for number, person in enumerate(people, 1):
                name = person.name if personal and person.name else f"Participant {number}"
                organisation = person.organisation if personal else ""
                for day in view.days:
                    present = "yes" if day.id in person.present else ("no" if day.id in person.absent else "")
                    rows.append((summary.id, summary.title, day.day, name, organisation, present))
        return Table("attendance", header, rows)

    def feedback(self) -> Table:
        workshops = self.services.workshops
        columns: list[str] = []
        per_workshop: list[tuple[Any, list[Any], list[tuple[str, dict[str, Any]]]]] = []
        for summary in workshops.list():
            questions = workshops.results.questions(summary.id)
            for q in questions:
                label = f"{q.position}. {q.text}"
                if label not in columns:
                    columns.append(label)
            per_workshop.append((summary, questions, workshops.results.responses(summary.id)))
        header = ("Workshop ID", "Workshop", "Response ID", *columns)
        rows: list[tuple[Any, ...]] = []
        for summary, questions, responses in per_workshop:
            labels = {q.id: f"{q.position}. {q.text}" for q in questions}
            for response_id, answers in responses:
                by_label = {labels[k]: v for k, v in answers.items() if k in labels}
                rows.append((summary.id, summary.title, response_id, *(by_label.get(c) for c in columns)))
        return Table("feedback", header, rows)

    def pilots(self) -> Table:
        """One row per pilot action: its facts, budget, participants by type, criteria and lessons counted."""
        from inducci_desktop.domain.pilots import repeat_label, status_label

        header = ("Pilot ID", "Title", "Region", "Format", "Status", "Start", "End", "Budget planned",
                  "Budget spent", "Currency", "Participants", "Participants by type", "Criteria met",
                  "Lessons", "Repeat it?", "Published")
        rows: list[tuple[Any, ...]] = []
        for summary in self.services.pilots.list():
            p = self.services.pilots.get(summary.id)
            met = sum(1 for c in p.criteria if c.achieved)
            rows.append((p.id, p.title, p.region, p.format_title, status_label(p.status), p.start_date, p.end_date,
                         p.budget_planned, p.budget_spent, p.currency, p.participants_total,
                         "; ".join(f"{x.type}: {x.count}" for x in p.participants),
                         f"{met} of {len(p.criteria)}", len(p.lessons), repeat_label(p.repeat),
                         "yes" if p.published_at else "no"))
        return Table("pilots", header, rows)


    def findings(self) -> Table:
        evidence = self.services.evidence
        header = ("Finding ID", "Statement", "Region", "Observed on", "Strength", "Topics", "Source kind",
                  "Source", "Source state", "Citation")
        rows: list[tuple[Any, ...]] = []
        findings = evidence.findings.list()
        sources = evidence.sources.resolve_all({f.id: f.source for f in findings})
        for f in findings:
            source = sources[f.id]
            rows.append((f.id, f.statement, f.region_name, f.observed_on, f.strength, ", ".join(f.topic_names),
                         f.source.kind, source.title, source.state, f.citation))
        return Table("findings", header, rows)


def _cell_value(item: Any, value: Any) -> Any:
    if value is None or not scoring.fits(item, value):
        return None
    if item.type in ("number", "scale") and not isinstance(value, bool):
        return value
    return scoring.answer_text(item, value)


def _answer_cell(item: Any, value: Any) -> Any:
    """An answer as a spreadsheet cell: numbers and scales as numbers, everything else as its text."""
    if item.type in ("number", "scale") and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return scoring.answer_text(item, value)


def _date(text: str | None) -> date | str | None:
    """An ISO date text as a date (so spreadsheets sort and filter it as one); anything else unchanged."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return _safe_text(value)


def _safe_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow([_csv_value(v) for v in row])


def _write_xlsx(path: Path, table: Table) -> None:
    """A sheet people can read at once: bold frozen header, columns as wide as their content (within
    limits), dates as dates, numbers as numbers, and text that looks like a formula kept as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from inducci_desktop.domain.text import strip_controls

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.name
    sheet.append(list(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) for h in table.header]
    for raw in table.rows:
        # text stored before the control-character rule (domain/text.py): XLSX cannot hold those characters
        row = tuple(strip_controls(v) if isinstance(v, str) else v for v in raw)
        sheet.append([None if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in row])
        line = sheet.max_row
        for column, value in enumerate(row, 1):
            cell = sheet.cell(row=line, column=column)
            if isinstance(value, str) and value.startswith(_FORMULA_START):
                cell.value = value
                cell.data_type = "s"  # text, never a formula
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            widths[column - 1] = max(widths[column - 1], _shown_width(value))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 6), XLSX_MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    book.save(path)


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:g}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _atomic(target: Path, write: Any) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder))
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=folder)
    os.close(handle)
    try:
        write(Path(temp))
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ValidationError(_("{target} cannot be written: {problem}.")
                              .format(target=target, problem=exc.strerror or exc)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def table_names() -> Sequence[str]:
    return tuple(TABLES)
