"""Planning an import: each incoming record against this machine's, and the writes that follow.

Records merge by id. Equal content is unchanged; otherwise the newer ``updated_at`` wins, and a record
changed here after the incoming version is a conflict (listed, this machine's version kept). Records
with a second unique key (answers per assessment and item, attendance per person and day, template
versions) are matched on that key too, because two machines may each have made one. A region with an
unknown id but the name of a region here is taken as that region. Everything is checked here, before
anything is written: references must resolve and an id must not name a record of another kind.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from inducci_desktop.content import pinned
from inducci_desktop.content.dbload import template_from_json
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.exchange.bundle import Bundle, BundleError
from inducci_desktop.services.exchange.checks import check_values
from inducci_desktop.services.exchange.rows import read_ids, read_rows
from inducci_desktop.services.exchange.schema import KIND_BY_NAME, KINDS, PLACEHOLDER_NAME, RECORD_KINDS, Kind
from inducci_desktop.services.exchange.versions import AFTER, BEFORE, EQUAL, compare, merged, this_folder
from inducci_desktop.services.exchange.views import ADDED, CONFLICT, UNCHANGED, UPDATED, PlanEntry
from inducci_desktop.store.models import ChecklistTemplateRow, ExchangePeer, utcnow

_SKIP = ("id", "created_at", "updated_at")
_NOT_COMPARED = frozenset((*_SKIP, "vv", "rev_by", "anonymous"))
#: a record's columns (in the bundle's order) → those of them compared with this machine's row
_COMPARED: dict[tuple[str, ...], list[str]] = {}


@dataclass(frozen=True)
class ConflictFound:
    """A record changed on both sides: this machine's row and the bundle's, as JSON-ready dicts."""

    kind: str
    record_id: str
    title: str
    mine: dict[str, Any]
    theirs: dict[str, Any]
    fields: list[str]


@dataclass
class Writes:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.inserts.values()) and not any(self.updates.values())


@cache
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose values are (lists of) pydantic models."""
    def holds_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_model(arg) for arg in get_args(annotation))

    return tuple(name for name, info in model.model_fields.items() if holds_model(info.annotation))


def _table(kind: Kind) -> Table:
    assert kind.table is not None
    table: Table = kind.table.__table__  # type: ignore[assignment]
    return table


def _fetch(session: Session, table: Table, column: str, values: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows whose ``column`` is one of ``values``; ``vv`` comes as its stored JSON text (see :func:`local_vv`)."""
    return read_rows(session, table, column, values)


def local_vv(row: dict[str, Any]) -> dict[str, int]:
    """The version vector of a row read by :func:`_fetch` (stored as JSON text), as a dict."""
    value = row.get("vv")
    if isinstance(value, str):
        parsed: dict[str, int] = json.loads(value)
        return parsed
    return dict(value or {})


def version_text(vv: dict[str, int] | None) -> str | None:
    """A version vector as compact JSON, as stored (its keys are validated ids, its values integers)."""
    if vv is None:
        return None
    return "{" + ",".join([f'"{key}":{int(n)}' for key, n in vv.items()]) + "}"


def _title(kind: Kind, data: dict[str, Any], context: dict[str, str]) -> str:
    if kind.name == "answers":
        return _("{get} · item {data}").format(get=context.get(data['assessment_id'], 'assessment'),
            data=data['item_key'])
    if kind.name == "templates":
        return _("{data} (version {data2})").format(data=data['title'], data2=data['version'])
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
        self.topic_map: dict[str, str] = {}  # a bundle's topic → the topic of the same name here
        self.local_ids: dict[str, set[str]] = {}
        self.titles: dict[str, str] = {a.id: a.title for a in bundle.of("assessments")}
        self.conflicts: list[ConflictFound] = []
        self.erased: list[dict[str, Any]] = []  # participants here (before the import) erased by the bundle
        #: interviews and people consulted here (before the import) erased by the bundle: (kind, row)
        self.erased_others: list[tuple[str, dict[str, Any]]] = []
        self.folder, self.clock = this_folder(session)
        manifest = bundle.manifest
        self.sender = (manifest.folder_id, manifest.clock or 0) if manifest.folder_id is not None else None
        self.legacy: int | None = None
        self.photos: dict[str, bytes] = {}  # pilot photos the bundle brings: stored file name → JPEG bytes

    def run(self) -> tuple[list[PlanEntry], Writes]:
        self._check_sender()
        for kind in RECORD_KINDS:
            self.local_ids[kind.name] = read_ids(self.session, _table(kind))
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

    def _check_sender(self) -> None:
        if self.sender is None:
            return
        sender, clock = self.sender
        if sender == self.folder:
            raise BundleError(_("The bundle says it was made by this data folder ({sender}). A bundle made here has "
                "nothing to bring here; if this data folder was copied to another machine, the copy must not be used "
                    "to exchange with this one. Nothing was imported.")
                .format(sender=sender))
        seen = self.session.get(ExchangePeer, sender)
        if seen is not None and clock < seen.clock:
            when = seen.bundle_created_at.strftime("%Y-%m-%d %H:%M")
            raise BundleError(_("The bundle replays an old state of data folder {sender}: a newer bundle of that "
                "folder (made {when} UTC) was imported already. Ask for a new bundle. Nothing was imported.")
                .format(sender=sender, when=when))

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
                    other = KIND_BY_NAME[here].shown
                    raise BundleError(_("The id {id} of the {label} {title!r} names another kind of record on this "
                        "machine ({other}); the same id cannot be two kinds of record. Nothing was imported.")
                        .format(id=record.id, label=kind.shown, title=title, other=other))

    def _check_references(self, kind: Kind, data: list[dict[str, Any]]) -> None:
        if kind.name == "findings":  # topics are named in a list, not a column
            topics = self.local_ids["topics"] | {r.id for r in self.bundle.of("topics")} | set(self.topic_map.values())
            for row in data:
                unknown = [t for t in row["topic_ids"] if t not in topics]
                if unknown:
                    raise BundleError(_("The finding {title!r} ({row}) has the topic {topic}, which is neither in "
                                        "the bundle nor on this machine. Nothing was imported.")
                                      .format(title=_title(kind, row, self.titles), row=row["id"], topic=unknown[0]))
        for column, parent in kind.parents:
            known = self.local_ids[parent] | {r.id for r in self.bundle.of(parent)}
            for row in data:
                target = row.get(column)
                if target is not None and target not in known:
                    raise BundleError(
                        _("The {label} {title!r} ({row}) refers to the {label2} {target}, which is neither in the "
                            "bundle nor on this machine. Nothing was imported.")
                            .format(label=kind.shown, title=_title(kind, row, self.titles), row=row['id'],
                                label2=KIND_BY_NAME[parent].shown, target=target))

    def _check_templates(self) -> None:
        pins = {(a.template_id, a.template_version): a for a in self.bundle.of("assessments")}
        if not pins:
            return
        known = {(t.template_id, t.version) for t in self.bundle.of("templates")}
        known |= {(t.id, t.version) for t in self.bundle.of("toolbox_templates")}
        ids = {p[0] for p in pins}
        known |= set(pinned.find_many(self.session, ids))
        user = KIND_BY_NAME["templates"]
        known |= {(r["template_id"], r["version"]) for r in _fetch(self.session, _table(user), "template_id", ids)}
        for pin, assessment in sorted(pins.items(), key=lambda p: (p[0][0], p[0][1])):
            if pin not in known:
                raise BundleError(_("The assessment {title!r} ({id}) uses checklist template {pin!r} version {pin2}, "
                    "which is neither in the bundle nor on this machine. Nothing was imported.")
                    .format(title=assessment.title, id=assessment.id, pin=pin[0], pin2=pin[1]))

    # --- kinds -------------------------------------------------------------------------------------

    def _incoming(self, kind: Kind, record: Any) -> dict[str, Any]:
        # the fields as validated (what model_dump gives, without copying the containers: nothing changes them);
        # fields that hold records of their own (indicators, activities) are dumped to plain data
        data: dict[str, Any] = dict(record.__dict__)
        for name in _nested_fields(kind.schema):
            value = data[name]
            data[name] = ([v.model_dump() for v in value] if isinstance(value, list)
                          else value.model_dump() if isinstance(value, BaseModel) else value)
        if kind.name == "templates":
            try:
                template = template_from_json(data["data"])
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise BundleError(_("records/templates.json: the own template version {data!r} ({data2}) is not a "
                    "valid checklist template ({exc!r}).")
                    .format(data=data['title'], data2=data['id'], exc=exc)) from None
            if (template.id, template.version) != (data["template_id"], data["version"]):
                raise BundleError(_("records/templates.json: the template version {data} says it is {data2} v{data3} "
                    "but holds {id} v{version}.")
                    .format(data=data['id'], data2=data['template_id'], data3=data['version'], id=template.id,
                        version=template.version))
        if kind.name == "pilot_photos":
            self._photo(data)
        for column in ("region_id", "parent_id"):
            if data.get(column) in self.region_map:
                data[column] = self.region_map[data[column]]
        if kind.name == "findings" and self.topic_map:
            data["topic_ids"] = list(dict.fromkeys(self.topic_map.get(t, t) for t in data["topic_ids"]))
        return data

    def _photo(self, data: dict[str, Any]) -> None:
        """Take the photo's image out of the record (it is a file here, not a column), checked like a photo
        chosen on this machine."""
        from inducci_desktop.services.pilots.photos import check_received

        image = data.pop("image", None)
        if image is None:
            return
        raw = base64.b64decode(image, validate=True)
        problem = check_received(raw, data["file"])
        if problem:
            raise BundleError(_("records/pilot_photos.json: the photo {photo} cannot be imported: {problem}. "
                                "Nothing was imported.").format(photo=data["id"], problem=problem))
        self.photos[data["file"]] = raw

    def _toolbox(self, records: Any) -> None:
        for record in records:
            try:
                template = template_from_json(record.data)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise BundleError(_("records/toolbox_templates.json: the template {id!r} version {version} is not a "
                    "valid checklist template ({exc!r}).")
                    .format(id=record.id, version=record.version, exc=exc)) from None
            if (template.id, template.version) != (record.id, record.version):
                raise BundleError(_("records/toolbox_templates.json: {id} v{version} holds {id2} v{version2}.")
                    .format(id=record.id, version=record.version, id2=template.id, version2=template.version))
            here = self.session.get(ChecklistTemplateRow, (record.id, record.version))
            label = _("{title} (version {version})").format(title=record.title, version=record.version)
            if here is not None:
                self.entries.append(PlanEntry("toolbox_templates", _("toolbox template"), record.id, label, UNCHANGED))
                continue
            self.entries.append(PlanEntry("toolbox_templates", _("toolbox template"), record.id, label, ADDED,
                                          _("not in this machine's toolbox; kept so the assessments open")))
            self.writes.inserts.setdefault("toolbox_templates", []).append(
                {"id": record.id, "version": record.version, "title": record.title, "summary": record.summary,
                 "section": record.section, "data": record.data, "in_pack": False, "loaded_at": utcnow()})

    def _merge(self, kind: Kind, data: list[dict[str, Any]]) -> None:
        table = _table(kind)
        by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
        if kind.natural_key:
            # one read serves both: the rows of the same parents hold (nearly) every id of the bundle
            first = kind.natural_key[0]
            found = _fetch(self.session, table, first, (d[first] for d in data))
            by_key = {tuple(row[k] for k in kind.natural_key): row for row in found}
            local = {r["id"]: r for r in found}
            missing = [d["id"] for d in data if d["id"] not in local]
            if missing:
                local.update((r["id"], r) for r in _fetch(self.session, table, "id", missing))
        else:
            local = {r["id"]: r for r in _fetch(self.session, table, "id", (d["id"] for d in data))}
        if kind.name == "regions":
            self._match_regions(data, local)
            data = self._parents_first(data)
        if kind.name == "topics":
            self._match_topics(data, local)
        inserts = self.writes.inserts.setdefault(kind.name, [])
        updates = self.writes.updates.setdefault(kind.name, [])
        for row in data:
            self._check_history(kind, row)
            title = _title(kind, row, self.titles)
            here = local.get(row["id"])
            by_natural_key = False
            if here is None and kind.natural_key:
                here = by_key.get(tuple(row[k] for k in kind.natural_key))
                by_natural_key = here is not None
            if here is None:
                if row["id"] in self.local_ids[kind.name]:
                    raise BundleError(_("The {label} {row} belongs to another record on this machine; the bundle "
                        "contradicts this machine's data. Nothing was imported.")
                        .format(label=kind.shown, row=row['id']))
                if kind.name == "regions" and row["id"] in self.region_map:
                    self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, UNCHANGED,
                                                  _("taken as the region of the same name here")))
                    continue
                if kind.name == "topics" and row["id"] in self.topic_map:
                    self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, UNCHANGED,
                                                  "taken as the topic of the same name here"))
                    continue
                inserts.append(self._new_row(kind, row))
                self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, ADDED, "",
                                              None, row["updated_at"], by=row.get("rev_by")))
                continue
            action, reason, write = self._decide(kind, row, here, by_natural_key, title)
            self.entries.append(PlanEntry(kind.name, kind.label, row["id"], title, action, reason,
                                          here["updated_at"], row["updated_at"], by=row.get("rev_by"),
                                          local_by=here.get("rev_by")))
            if write is not None:
                updates.append(write)

    def _check_history(self, kind: Kind, row: dict[str, Any]) -> None:
        """A version must be consistent with itself, with the bundle's folder and with this folder."""
        vv, by = row.get("vv"), row.get("rev_by")
        if vv is None:
            if by is not None or self.sender is not None:
                raise BundleError(_("The {label} {row} has no version in a bundle that carries versions; its history "
                    "contradicts itself. Nothing was imported.")
                    .format(label=kind.shown, row=row['id']))
            return
        problem = ""
        if by is None or by not in vv:
            problem = _("its version names no data folder that made it")
        elif self.sender is not None and vv.get(self.sender[0], 0) > self.sender[1]:
            problem = _("it claims an edit the sending data folder had not made when it made the bundle")
        elif vv.get(self.folder, 0) > self.clock:
            problem = _("it claims an edit of this data folder that this data folder never made")
        if problem:
            raise BundleError(_("The {label} {row}: {problem}; its history contradicts itself. Nothing was imported.")
                .format(label=kind.shown, row=row['id'], problem=problem))

    def _content(self, kind: Kind, row: dict[str, Any], here: dict[str, Any]) -> tuple[list[str], list[str]]:
        """(fields that differ, personal fields that differ), comparing what the bundle can tell."""
        columns = tuple(row)
        compared = _COMPARED.get(columns)
        if compared is None:
            compared = _COMPARED[columns] = [c for c in columns if c not in _NOT_COMPARED]
        found = here.get
        changed = [column for column in compared if row[column] != found(column)]
        if not changed:
            return [], []  # nearly every record of a repeated import
        personal = self._brings_personal(kind, row)
        differs: list[str] = []
        private: list[str] = []
        for column in changed:
            if column in kind.named:
                # free text naming people: left empty in an anonymous bundle (keep this machine's text);
                # personal data in a full one (a version this machine has with the text left out gets it)
                if self.personal:
                    private.append(column)
                continue
            if column in kind.personal:
                if personal:
                    private.append(column)
                continue
            differs.append(column)
        return differs, private

    def _brings_personal(self, kind: Kind, row: dict[str, Any]) -> bool:
        return bool(kind.personal) and self.personal and not row.get("anonymous", False)

    def _decide(self, kind: Kind, row: dict[str, Any], here: dict[str, Any], by_key: bool, title: str
                ) -> tuple[str, str, dict[str, Any] | None]:
        """The action for a record both sides have, its reason, and the row to write (None: nothing)."""
        differs, private = self._content(kind, row, here)
        theirs = row.get("vv")
        if not differs and not private and here.get("vv") == version_text(theirs) and theirs is not None:
            return UNCHANGED, "", None  # the same version (most records of a repeated import)
        mine = local_vv(here)
        joined = merged(mine, theirs)
        if "erased_at" in here and (here["erased_at"] is not None or row.get("erased_at") is not None):
            return self._erasure(kind, row, here, differs or private, joined)
        if theirs is None:
            # made by 0.1.0: no history, so no common version
            if not differs and not private:
                return UNCHANGED, "", None
            self._conflict(kind, row, here, differs + private, title)
            fields = ", ".join((differs + private)[:4])
            return CONFLICT, _("no common version (a bundle of 0.1.0); differs in {fields}").format(fields=fields), None
        order = compare(mine, theirs)
        if not differs and not private:
            if order in (EQUAL, AFTER):
                return UNCHANGED, "", None
            return UNCHANGED, _("the same content; versions joined"), self._versioned(here, joined, here.get("rev_by"))
        if order == AFTER:
            return UNCHANGED, _("a newer version is here"), None
        if order == BEFORE:
            return UPDATED, _("changed there: {join}").format(join=', '
                .join((differs + private)[:4])), self._changed_row(kind, row, here)
        if order == EQUAL:
            if not differs:
                # the same version, with personal data this machine did not get before
                return UPDATED, _("personal data added"), self._changed_row(kind, row, here)
            raise BundleError(_("The {label} {title!r} ({row}) has this machine's version but different {join}; its "
                "history contradicts itself. Nothing was imported.")
                .format(label=kind.shown, title=title, row=row['id'], join=', '.join(differs[:4])))
        self._conflict(kind, row, here, differs + private, title)
        if by_key:  # two records of the same item made separately: their versions share nothing
            return CONFLICT, (_("no common version (made separately on both machines); differs in {join}")
                .format(join=', '.join((differs + private)[:4]))), None
        return CONFLICT, _("changed on both sides: {join}").format(join=', '.join((differs + private)[:4])), None

    def _erasure(self, kind: Kind, row: dict[str, Any], here: dict[str, Any], differs: list[str],
                 joined: dict[str, int]) -> tuple[str, str, dict[str, Any] | None]:
        """An erasure on either side wins: a person erased stays erased, and an erasure received erases here."""
        if here["erased_at"] is not None:
            order = compare(local_vv(here), row.get("vv") or {})
            if not differs or order in (EQUAL, AFTER):
                return UNCHANGED, _("erased on request here") if differs else "", None
            # erased on both sides: nothing personal is left, and what remains (the trash) must end the same on
            # every machine: the newer version, or of two concurrent ones the same one everywhere
            both = row.get("erased_at") is not None
            if both and (order == BEFORE or str(row.get("rev_by") or "") < str(here.get("rev_by") or "")):
                result = self._changed_row(kind, row, here)
                for column in kind.personal:
                    result[column] = ""
                if "anonymous" in here:
                    result["anonymous"] = False
                result["vv"], result["rev_by"] = joined, row.get("rev_by")
                return UPDATED, _("erased on request on both sides"), result
            return UNCHANGED, _("erased on request here; not brought back"), self._versioned(here, joined,
                                                                                           here.get("rev_by"))
        result = self._changed_row(kind, row, here)
        for column in kind.personal:
            result[column] = ""
        if "anonymous" in here:
            result["anonymous"] = False
        result["vv"], result["rev_by"] = joined, row.get("rev_by")
        if kind.name == "participants":
            self.erased.append(dict(here))
        else:
            self.erased_others.append((kind.name, dict(here)))
        return UPDATED, _("erased on request there: erased here too"), result

    def _conflict(self, kind: Kind, row: dict[str, Any], here: dict[str, Any], fields: list[str], title: str
                  ) -> None:
        mine = {**_jsonable(here), "vv": local_vv(here) if here.get("vv") is not None else None}
        self.conflicts.append(ConflictFound(kind.name, here["id"], title, mine, _jsonable(row), fields))

    @staticmethod
    def _versioned(here: dict[str, Any], vv: dict[str, int], by: str | None) -> dict[str, Any]:
        result = dict(here)
        result["vv"], result["rev_by"] = vv, by
        return result

    def _new_row(self, kind: Kind, row: dict[str, Any]) -> dict[str, Any]:
        result = dict(row)
        if result.get("vv") is None:
            result["vv"], result["rev_by"] = self.legacy_version()
        if kind.personal and not self._brings_personal(kind, row):
            for column in kind.personal:
                result[column] = ""
            if kind.name == "participants":
                erased = row["erased_at"] is not None
                result["anonymous"] = not erased
                if not erased:
                    result["name"] = f"{PLACEHOLDER_NAME} {row['id'][:8]}"
        return result

    def _changed_row(self, kind: Kind, row: dict[str, Any], here: dict[str, Any]) -> dict[str, Any]:
        result = dict(row)
        result["id"] = here["id"]  # matched by natural key: this machine's id stays
        result["created_at"] = here["created_at"]
        if not self.personal:
            for column in kind.named:
                result[column] = here[column]  # left empty in an anonymous bundle: keep this machine's text
        if kind.personal and not self._brings_personal(kind, row):
            for column in kind.personal:
                result[column] = here[column]
            if kind.name == "participants":
                result["anonymous"] = here["anonymous"]
        return result

    def legacy_version(self) -> tuple[dict[str, int], str]:
        """One new version of this folder for every record of a 0.1.0 bundle it adds (they have none)."""
        if self.legacy is None:
            self.legacy = self.clock + 1
        return {self.folder: self.legacy}, self.folder

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

    def _match_topics(self, data: list[dict[str, Any]], local: dict[str, dict[str, Any]]) -> None:
        """Topics are one shared list: a topic made on both machines under the same name is one topic (the
        findings that use the bundle's are given this machine's)."""
        from inducci_desktop.store.models import Topic

        names = {name.casefold(): tid for tid, name in self.session.execute(select(Topic.id, Topic.name)).all()}
        for row in data:
            if row["id"] not in local:
                found = names.get(row["name"].casefold())
                if found is not None and found != row["id"]:
                    self.topic_map[row["id"]] = found

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



def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON-ready values (dates and times as ISO text), for the conflict list."""
    result: dict[str, Any] = {}
    for key, value in row.items():
        result[key] = value.isoformat() if isinstance(value, datetime | date) else value
    return result
