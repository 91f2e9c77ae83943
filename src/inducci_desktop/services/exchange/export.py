"""Collecting the records of an export: the chosen ones plus everything they need on the other side.

Assessments bring their answers, the template version they pin (an own template as its stored version,
a toolbox template as its JSON) and their region; workshops bring days, agenda, participants, attendance,
outcomes, actions and feedback; regions bring their parent regions. Rows are read as Core rows (no ORM
objects) and handed back as JSON-ready dicts.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, Table, select
from sqlalchemy.orm import Session

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError
from inducci_desktop.services.exchange.schema import KIND_BY_NAME
from inducci_desktop.services.exchange.views import ExportSelection
from inducci_desktop.store.models import LOCAL_COLUMNS, UserTemplateVersion, UTCDateTime

CHUNK = 900  # ids per IN (...) clause, under SQLite's variable limit everywhere


def _table(kind: str) -> Table:
    model = KIND_BY_NAME[kind].table
    assert model is not None
    table: Table = model.__table__  # type: ignore[assignment]
    return table


def _rows(session: Session, kind: str, where: ColumnElement[bool] | None = None) -> list[dict[str, Any]]:
    table = _table(kind)
    # this database's own bookkeeping (the row version and who changed it) does not travel
    columns = [c for c in table.columns if c.name not in LOCAL_COLUMNS]
    query = select(*columns) if where is None else select(*columns).where(where)
    names = [c.name for c in columns]
    # only timestamp and date columns need turning into text; the rest is JSON-ready as it comes
    stamps = [c.name for c in columns if isinstance(c.type, UTCDateTime | Date | DateTime)]
    rows = []
    for row in session.connection(bind_arguments={"clause": table}).execute(query.order_by(table.c.id)):
        data = dict(zip(names, row, strict=True))
        for name in stamps:
            value = data[name]
            if value is not None:
                data[name] = value.isoformat()
        rows.append(data)
    return rows


def _rows_in(session: Session, kind: str, column: str, values: Iterable[str]) -> list[dict[str, Any]]:
    wanted = sorted(set(values))
    found: list[dict[str, Any]] = []
    for start in range(0, len(wanted), CHUNK):
        found.extend(_rows(session, kind, _table(kind).c[column].in_(wanted[start:start + CHUNK])))
    return found


def _require(kind: str, wanted: Sequence[str], rows: list[dict[str, Any]]) -> None:
    missing = sorted(set(wanted) - {r["id"] for r in rows})
    if missing:
        raise NotFoundError(_("There is no {label} with id {missing!r}.")
            .format(label=KIND_BY_NAME[kind].shown, missing=missing[0]))


def _add_pinned_templates(session: Session, assessments: list[dict[str, Any]], templates: list[dict[str, Any]],
                          toolbox: dict[tuple[str, int], dict[str, Any]]) -> None:
    """Add the template versions the assessments pin: the user's own to ``templates``, the toolbox's to
    ``toolbox``; NotFoundError if one is on neither."""
    have = {(r["template_id"], r["version"]) for r in templates}
    pins = sorted({(a["template_id"], a["template_version"]) for a in assessments} - have)
    for template_id, version in pins:
        own = _rows(session, "templates", (UserTemplateVersion.template_id == template_id)
                    & (UserTemplateVersion.version == version))
        if own:
            templates.extend(own)
            continue
        row = _toolbox_row(session, template_id, version)
        if row is None:
            title = next(a["title"] for a in assessments if (a["template_id"], a["template_version"])
                         == (template_id, version))
            raise NotFoundError(_("The assessment {title!r} uses checklist template {template_id!r} version "
                "{version}, which is not on this machine; it cannot be exported.")
                .format(title=title, template_id=template_id, version=version))
        toolbox[(template_id, version)] = row


def _add_referred_regions(session: Session, regions: list[dict[str, Any]],
                          records: Iterable[dict[str, Any]]) -> None:
    """Add to ``regions`` the regions ``records`` refer to, and their parents up to the top."""
    region_ids = {r["id"] for r in regions}
    wanted = {x["region_id"] for x in records if x["region_id"]}
    wanted |= {r["parent_id"] for r in regions if r["parent_id"]}
    while wanted - region_ids:
        more = _rows_in(session, "regions", "id", wanted - region_ids)
        if not more:
            break
        regions.extend(more)
        region_ids |= {r["id"] for r in more}
        wanted = {r["parent_id"] for r in more if r["parent_id"]}


def collect(session: Session, selection: ExportSelection, database: Path | None = None
            ) -> dict[str, list[dict[str, Any]]]:
    """The records of every kind to export (kinds with nothing are left out); ``database``: the data folder's
    database file, beside which the pilots' photos are."""
    records: dict[str, list[dict[str, Any]]] = {}
    if selection.everything:
        assessments = _rows(session, "assessments")
        workshops = _rows(session, "workshops")
        regions = _rows(session, "regions")
        templates = _rows(session, "templates")
        pilots = _rows(session, "pilots")
    else:
        pilots = _rows_in(session, "pilots", "id", selection.pilots)
        _require("pilots", selection.pilots, pilots)
        assessments = _rows_in(session, "assessments", "id", selection.assessments)
        _require("assessments", selection.assessments, assessments)
        workshops = _rows_in(session, "workshops", "id", selection.workshops)
        _require("workshops", selection.workshops, workshops)
        regions = _rows_in(session, "regions", "id", selection.regions)
        _require("regions", selection.regions, regions)
        templates = _rows_in(session, "templates", "template_id", selection.templates)
    toolbox: dict[tuple[str, int], dict[str, Any]] = {}
    own_ids = {r["template_id"] for r in templates}
    for template_id in selection.templates:
        if template_id not in own_ids:
            row = _toolbox_row(session, template_id, None)
            if row is None:
                raise NotFoundError(_("There is no checklist template {template_id!r}.")
                    .format(template_id=template_id))
            toolbox[(row["id"], row["version"])] = row
    _add_pinned_templates(session, assessments, templates, toolbox)
    _add_referred_regions(session, regions, (*assessments, *workshops, *pilots))
    records["regions"] = regions
    records["toolbox_templates"] = [toolbox[k] for k in sorted(toolbox)]
    records["templates"] = sorted(templates, key=lambda r: (r["template_id"], r["version"]))
    records["assessments"] = assessments
    records["answers"] = _rows_in(session, "answers", "assessment_id", (a["id"] for a in assessments))
    records["workshops"] = workshops
    workshop_ids = [w["id"] for w in workshops]
    for kind in ("workshop_days", "participants", "outcomes", "actions", "feedback_questions",
                 "feedback_responses"):
        records[kind] = _rows_in(session, kind, "workshop_id", workshop_ids)
    records["agenda_blocks"] = _rows_in(session, "agenda_blocks", "day_id", (d["id"] for d in records["workshop_days"]))
    records["attendance"] = _rows_in(session, "attendance", "participant_id",
                                     (p["id"] for p in records["participants"]))
    _add_pilots(session, records, pilots, database)
    _add_evidence(session, records, None if selection.everything else selection.regions)
    _add_strategy(session, records, None if selection.everything else selection.regions)
    if not selection.include_personal_data:
        _leave_out_personal_data(records)
    return {kind: rows for kind, rows in records.items() if rows}


def _add_pilots(session: Session, records: dict[str, list[dict[str, Any]]], pilots: list[dict[str, Any]],
                database: Path | None) -> None:
    """Pilots with their criteria, lessons, voices and photos (the photos' images embedded). A voice or photo
    whose consent is withdrawn travels without its words or image, so that they disappear on the other side."""
    from inducci_desktop.services.pilots.photos import stored_path

    records["pilots"] = pilots
    pilot_ids = [p["id"] for p in pilots]
    for kind in ("pilot_criteria", "pilot_lessons", "pilot_voices", "pilot_photos"):
        records[kind] = _rows_in(session, kind, "pilot_id", pilot_ids)
    for voice in records["pilot_voices"]:
        if not voice["consent"]:
            voice["text"] = ""
    for photo in records["pilot_photos"]:
        path = stored_path(database, photo["file"]) if database is not None and photo["consent"] else None
        photo["image"] = base64.b64encode(path.read_bytes()).decode("ascii") if path is not None else None


def _leave_out_personal_data(records: dict[str, list[dict[str, Any]]]) -> None:
    """Blank the personal fields of participants and action items, and free text that names people."""
    for kind in ("participants", "actions", "interviews", "stakeholders"):
        for row in records.get(kind, []):
            for field in KIND_BY_NAME[kind].personal:
                row[field] = None
    # free text that names people (trainers, who is responsible for a block) is personal too
    for kind, rows in records.items():
        for field in KIND_BY_NAME[kind].named:
            for row in rows:
                row[field] = ""


def _add_evidence(session: Session, records: dict[str, list[dict[str, Any]]], regions: Sequence[str] | None) -> None:
    """Findings, interviews and the people consulted of the chosen regions (of every region when exporting
    everything), with the topics the findings use; their regions travel too."""
    if regions is None:
        for kind in ("findings", "interviews", "stakeholders"):
            records[kind] = _rows(session, kind)
    else:
        for kind in ("findings", "interviews", "stakeholders"):
            records[kind] = _rows_in(session, kind, "region_id", regions)
    records["interview_answers"] = _rows_in(session, "interview_answers", "interview_id",
                                            (i["id"] for i in records["interviews"]))
    records["topics"] = _rows_in(session, "topics", "id", (t for f in records["findings"] for t in f["topic_ids"]))
    _add_referred_regions(session, records["regions"], (*records["findings"], *records["interviews"],
                                                        *records["stakeholders"]))


def _add_strategy(session: Session, records: dict[str, list[dict[str, Any]]], regions: Sequence[str] | None) -> None:
    """The strategy papers of the chosen regions (every version, with sections, blocks, priorities, measures and
    review comments) and the recommendations all of whose papers travel (all of them when exporting everything);
    the topics and findings they name travel too."""
    papers = _rows(session, "papers") if regions is None else _rows_in(session, "papers", "region_id", regions)
    records["papers"] = papers
    paper_ids = {p["id"] for p in papers}
    records["paper_sections"] = _rows_in(session, "paper_sections", "paper_id", paper_ids)
    section_ids = [x["id"] for x in records["paper_sections"]]
    records["paper_blocks"] = _rows_in(session, "paper_blocks", "section_id", section_ids)
    records["review_comments"] = _rows_in(session, "review_comments", "section_id", section_ids)
    records["priorities"] = _rows_in(session, "priorities", "paper_id", paper_ids)
    records["measures"] = _rows_in(session, "measures", "priority_id", (x["id"] for x in records["priorities"]))
    recommendations = [r for r in _rows(session, "recommendations")
                       if regions is None or (r["paper_ids"] and set(r["paper_ids"]) <= paper_ids)]
    records["recommendations"] = recommendations
    for kind in ("recommendation_topics", "recommendation_items"):
        records[kind] = _rows_in(session, kind, "recommendation_id", (r["id"] for r in recommendations))
    have = {f["id"] for f in records["findings"]}
    cited = {f for m in records["measures"] for f in m["finding_ids"]} - have
    records["findings"] += _rows_in(session, "findings", "id", cited)
    topic_ids = {t for m in records["measures"] for t in m["topic_ids"]}
    topic_ids |= {t["topic_id"] for t in records["recommendation_topics"]}
    topic_ids |= {t for f in records["findings"] for t in f["topic_ids"]}
    records["topics"] = _rows_in(session, "topics", "id", topic_ids | {t["id"] for t in records["topics"]})
    _add_referred_regions(session, records["regions"], (*papers, *records["findings"]))


def _toolbox_row(session: Session, template_id: str, version: int | None) -> dict[str, Any] | None:
    from inducci_desktop.content import pinned

    return pinned.find(session, template_id, version)  # this machine's cache, else the kept versions
