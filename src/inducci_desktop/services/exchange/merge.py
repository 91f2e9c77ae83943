"""Planning an import: each incoming record against this machine's, and the writes that follow.

Records merge by id. Equal content is unchanged; otherwise the newer ``updated_at`` wins, and a record
changed here after the incoming version is a conflict (listed, this machine's version kept). Records
with a second unique key (answers per assessment and item, attendance per person and day, template
versions) are matched on that key too, because two machines may each have made one. A region with an
unknown id but the name of a region here is taken as that region. Everything is checked here, before
anything is written: references must resolve and an id must not name a record of another kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from inducci_desktop.content.dbload import template_from_json
from inducci_desktop.services.exchange.bundle import Bundle, BundleError
from inducci_desktop.services.exchange.checks import check_values
from inducci_desktop.services.exchange.schema import KIND_BY_NAME, KINDS, PLACEHOLDER_NAME, RECORD_KINDS, Kind
from inducci_desktop.services.exchange.views import ADDED, CONFLICT, UNCHANGED, UPDATED, PlanEntry
from inducci_desktop.store.models import ChecklistTemplateRow, utcnow

CHUNK = 900
_SKIP = ("id", "created_at", "updated_at")


@dataclass
class Writes:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.inserts.values()) and not any(self.updates.values())


def _table(kind: Kind) -> Table:
    assert kind.table is not None
    table: Table = kind.table.__table__  # type: ignore[assignment]
    return table


def _fetch(session: Session, table: Table, column: str, values: Iterable[Any]) -> list[dict[str, Any]]:
    wanted = sorted(set(values))
    names = [c.name for c in table.columns]
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), CHUNK):
        query = select(table).where(table.c[column].in_(wanted[start:start + CHUNK]))
        rows.extend(dict(zip(names, r, strict=True)) for r in session.connection().execute(query))
    return rows


def _title(kind: Kind, data: dict[str, Any], context: dict[str, str]) -> str:
    if kind.name == "answers":
        return f"{context.get(data['assessment_id'], 'assessment')} · item {data['item_key']}"
    if kind.name == "templates":
        return f"{data['title']} (version {data['version']})"
    value = data.get(kind.title_field) if kind.title_field else None
    text = str(value) if value not in (None, "") else data.get("id", "")
    return text if len(text) <= 80 else text[:79] + "…"


class Planner:
    """One planning pass over a bundle inside the caller's session (writes nothing)."""

    def __init__(self, session: Session, bundle: Bundle) -> None:
        self.session = session
        self.bundle = bundle
        self.personal = bundle.manifest.includes_personal_data
        self.entries: list[PlanEntry] = []
        self.writes = Writes()
        self.region_map: dict[str, str] = {}
        self.local_ids: dict[str, set[str]] = {}
        self.titles: dict[str, str] = {a.id: a.title for a in bundle.of("assessments")}

    def run(self) -> tuple[list[PlanEntry], Writes]:
        for kind in RECORD_KINDS:
            self.local_ids[kind.name] = set(self.session.scalars(select(_table(kind).c.id)))
        self._check_kinds()
        for kind in KINDS:
            records = self.bundle.of(kind.name)
            if not records:
                continue
            if kind.table is None:
                self._toolbox(records)
                continue
            data = [self._incoming(kind, r) for r in records]
            self._check_references(kind, data)
            self._merge(kind, data)
        self._check_templates()
        check_values(self.session, self.bundle, (*self.writes.inserts.get("regions", ()),
                                                 *self.writes.updates.get("regions", ())))
        return self.entries, self.writes

    # --- checks ------------------------------------------------------------------------------------

    def _check_kinds(self) -> None:
        owner: dict[str, str] = {}
        for name, ids in self.local_ids.items():
            for record_id in ids:
                owner[record_id] = name
        for kind in RECORD_KINDS:
            for record in self.bundle.of(kind.name):
                here = owner.get(record.id)
                if here is not None and here != kind.name:
                    title = _title(kind, record.model_dump(), {})
                    other = KIND_BY_NAME[here].label
                    article = "an" if other[0] in "aeiou" else "a"
                    raise BundleError(f"The id {record.id} of the {kind.label} {title!r} names {article} {other} "
                                      "on this machine; the same id cannot be two kinds of record. Nothing was "
                                      "imported.")

    def _check_references(self, kind: Kind, data: list[dict[str, Any]]) -> None:
        for column, parent in kind.parents:
            known = self.local_ids[parent] | {r.id for r in self.bundle.of(parent)}
            for row in data:
                target = row.get(column)
                if target is not None and target not in known:
                    raise BundleError(
                        f"The {kind.label} {_title(kind, row, self.titles)!r} ({row['id']}) refers to the "
                        f"{KIND_BY_NAME[parent].label} {target}, which is neither in the bundle nor on this "
                        "machine. Nothing was imported.")

    def _check_templates(self) -> None:
        pins = {(a.template_id, a.template_version): a for a in self.bundle.of("assessments")}
        if not pins:
            return
        known = {(t.template_id, t.version) for t in self.bundle.of("templates")}
        known |= {(t.id, t.version) for t in self.bundle.of("toolbox_templates")}
        ids = {p[0] for p in pins}
        known |= set(self.session.execute(select(ChecklistTemplateRow.id, ChecklistTemplateRow.version)
                                          .where(ChecklistTemplateRow.id.in_(ids))).all())
        user = KIND_BY_NAME["templates"]
        known |= {(r["template_id"], r["version"]) for r in _fetch(self.session, _table(user), "template_id", ids)}
        for pin, assessment in sorted(pins.items(), key=lambda p: (p[0][0], p[0][1])):
            if pin not in known:
                raise BundleError(f"The assessment {assessment.title!r} ({assessment.id}) uses checklist template "
                                  f"{pin[0]!r} version {pin[1]}, which is neither in the bundle nor on this "
                                  "machine. Nothing was imported.")

    # --- kinds -------------------------------------------------------------------------------------

    def _incoming(self, kind: Kind, record: Any) -> dict[str, Any]:
        data: dict[str, Any] = record.model_dump()
        if kind.name == "templates":
            try:
                template = template_from_json(data["data"])
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise BundleError(f"records/templates.json: the own template version {data['title']!r} "
                                  f"({data['id']}) is not a valid checklist template ({exc!r}).") from None
            if (template.id, template.version) != (data["template_id"], data["version"]):
                raise BundleError(f"records/templates.json: the template version {data['id']} says it is "
                                  f"{data['template_id']} v{data['version']} but holds {template.id} "
                                  f"v{template.version}.")
        for column in ("region_id", "parent_id"):
            if data.get(column) in self.region_map:
                data[column] = self.region_map[data[column]]
        return data

    def _toolbox(self, records: Any) -> None:
        for record in records:
            try:
                template = template_from_json(record.data)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise BundleError(f"records/toolbox_templates.json: the template {record.id!r} version "
                                  f"{record.version} is not a valid checklist template ({exc!r}).") from None
            if (template.id, template.version) != (record.id, record.version):
                raise BundleError(f"records/toolbox_templates.json: {record.id} v{record.version} holds "
                                  f"{template.id} v{template.version}.")
            here = self.session.get(ChecklistTemplateRow, (record.id, record.version))
            label = f"{record.title} (version {record.version})"
            if here is not None:
                self.entries.append(PlanEntry("toolbox_templates", "toolbox template", record.id, label, UNCHANGED))
                continue
            self.entries.append(PlanEntry("toolbox_templates", "toolbox template", record.id, label, ADDED,
                                          "not in this machine's toolbox; kept so the assessments open"))
            self.writes.inserts.setdefault("toolbox_templates", []).append(
                {"id": record.id, "version": record.version, "title": record.title, "summary": record.summary,
                 "section": record.section, "data": record.data, "in_pack": False, "loaded_at": utcnow()})

    def _merge(self, kind: Kind, data: list[dict[str, Any]]) -> None:
        table = _table(kind)
        local = {r["id"]: r for r in _fetch(self.session, table, "id", (d["id"] for d in data))}
        by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
        if kind.natural_key:
            first = kind.natural_key[0]
            for row in _fetch(self.session, table, first, (d[first] for d in data)):
                by_key[tuple(row[k] for k in kind.natural_key)] = row
        if kind.name == "regions":
            self._match_regions(data, local)
            data = self._parents_first(data)
        inserts = self.writes.inserts.setdefault(kind.name, [])
        updates = self.writes.updates.setdefault(kind.name, [])
        for row in data:
            title = _title(kind, row, self.titles)
            here = local.get(row["id"])
            by_natural_key = False
            if here is None and kind.natural_key:
                here = by_key.get(tuple(row[k] for k in kind.natural_key))
                by_natural_key = here is not None
            if here is None:
                if row["id"] in self.local_ids[kind.name]:
                    raise BundleError(f"The {kind.label} {row['id']} belongs to another record on this machine; "
                                      "the bundle contradicts this machine's data. Nothing was imported.")
                if kind.name == "regions" and row["id"] in self.region_map:
                    self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, UNCHANGED,
                                                  "taken as the region of the same name here"))
                    continue
                inserts.append(self._new_row(kind, row))
                self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, ADDED, "",
                                              None, row["updated_at"]))
                continue
            action, reason = self._decide(kind, row, here, by_natural_key)
            self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, action, reason,
                                          here["updated_at"], row["updated_at"]))
            if action == UPDATED:
                updates.append(self._changed_row(kind, row, here))

    def _decide(self, kind: Kind, row: dict[str, Any], here: dict[str, Any], by_key: bool) -> tuple[str, str]:
        anonymous = bool(kind.personal) and not self.personal
        ignore = set(kind.personal) if anonymous else set()
        if not self.personal:
            ignore |= set(kind.named)  # left empty in an anonymous bundle: keep this machine's text
        differs = [c for c in row if c not in _SKIP and c not in ignore and row[c] != here.get(c)]
        if (kind.name == "participants" and not anonymous and _is_placeholder(here)
                and any(row[c] != here.get(c) for c in kind.personal)):
            return UPDATED, "personal data added to an anonymous participant"
        if not differs:
            if row["updated_at"] > here["updated_at"] and not by_key:
                return UPDATED, "the same content, changed later there (time of change taken over)"
            return UNCHANGED, ""
        if kind.name == "templates" and by_key:
            return CONFLICT, (f"this machine has a different version {row['version']} of the template; "
                              "kept this machine's version")
        fields = ", ".join(differs[:4])
        if row["updated_at"] > here["updated_at"]:
            return UPDATED, f"changed: {fields}"
        if row["updated_at"] == here["updated_at"]:
            return CONFLICT, f"different {fields} at the same time of change; kept this machine's version"
        return CONFLICT, f"changed here later ({fields}); kept this machine's version"

    def _new_row(self, kind: Kind, row: dict[str, Any]) -> dict[str, Any]:
        result = dict(row)
        if kind.personal and not self.personal:
            for column in kind.personal:
                result[column] = ""
            if kind.name == "participants" and row["erased_at"] is None:
                result["name"] = f"{PLACEHOLDER_NAME} {row['id'][:8]}"
        return result

    def _changed_row(self, kind: Kind, row: dict[str, Any], here: dict[str, Any]) -> dict[str, Any]:
        result = dict(row)
        result["id"] = here["id"]  # matched by natural key: this machine's id stays
        result["created_at"] = here["created_at"]
        if not self.personal:
            for column in kind.named:
                result[column] = here[column]
        if kind.personal and not self.personal:
            for column in kind.personal:
                erased = kind.name == "participants" and row["erased_at"] is not None
                result[column] = "" if erased else here[column]
        return result

    def _match_regions(self, data: list[dict[str, Any]], local: dict[str, dict[str, Any]]) -> None:
        from inducci_desktop.store.models import Region

        names = {name.casefold(): rid for rid, name in self.session.execute(
            select(Region.id, Region.name).where(Region.deleted_at.is_(None))).all()}
        for row in data:
            if row["id"] not in local and row["deleted_at"] is None:
                found = names.get(row["name"].casefold())
                if found is not None and found != row["id"]:
                    self.region_map[row["id"]] = found
        for row in data:
            if row.get("parent_id") in self.region_map:
                row["parent_id"] = self.region_map[row["parent_id"]]

    @staticmethod
    def _parents_first(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_id = {r["id"]: r for r in data}

        def depth(row: dict[str, Any]) -> int:
            seen: set[str] = set()
            level = 0
            while row.get("parent_id") in by_id and row["id"] not in seen:
                seen.add(row["id"])
                row = by_id[row["parent_id"]]
                level += 1
            return level

        return sorted(data, key=depth)


def _is_placeholder(row: dict[str, Any]) -> bool:
    return (str(row.get("name", "")).startswith(PLACEHOLDER_NAME) and not row.get("email")
            and not row.get("organisation") and row.get("erased_at") is None)
