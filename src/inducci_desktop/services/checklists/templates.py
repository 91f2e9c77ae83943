"""Checklist templates: the toolbox's (read-only, from the content pack) and the user's own.

The user's templates are stored per version (``checklist_user_templates``). Saving a template that
assessments use creates a new version, so every assessment keeps the exact items it was answered on.
Template YAML (docs/CONTENT_FORMAT.md) is checked with the content validator, so problems name the
file and line; a user's template may leave out ``summary`` and ``sources``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.content import pinned
from inducci_desktop.content.dbload import template_from_json, template_to_json
from inducci_desktop.content.folding import fold
from inducci_desktop.content.model import ChecklistItem, ChecklistTemplate
from inducci_desktop.content.problems import ContentError, Problem
from inducci_desktop.domain import i18n
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Assessment, ChecklistTemplateRow, UserTemplateVersion, utcnow

MAX_TEMPLATE_BYTES = 2_000_000


class TemplateProblems(ValidationError):
    """A template that cannot be used; ``problems`` names file and line of each (nothing was stored)."""

    def __init__(self, problems: list[Problem], file: str) -> None:
        self.problems = sorted(problems)
        shown = "\n".join(f"  {p}" if p.line else f"  {p.file}: {p.message}" for p in self.problems[:20])
        more = _("\n  … and {value} more").format(value=len(self.problems) - 20) if len(self.problems) > 20 else ""
        count = len(self.problems)
        super().__init__(ngettext("The checklist template {file} has {count} problem:\n{shown}{more}",
                                  "The checklist template {file} has {count} problems:\n{shown}{more}", count)
            .format(file=file, count=count, shown=shown, more=more))


@dataclass(frozen=True)
class TemplateSummary:
    id: str
    version: int
    title: str
    summary: str
    source: str  # "toolbox" | "user"
    sections: int
    items: int
    assessments: int  # assessments (not in the trash) on any version
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def editable(self) -> bool:
        return self.source == "user"


@dataclass(frozen=True)
class SaveResult:
    template: ChecklistTemplate
    new_version: bool  # True when an earlier version stays for the assessments that use it
    outcome: str = "saved"  # saved | created | new-version | unchanged


def _user_model() -> type[Any]:
    """The pack's checklist schema, with summary and sources optional (user templates need neither)."""
    from inducci_desktop.content.validate import ChecklistModel, SourceModel

    class UserChecklistModel(ChecklistModel):
        summary: str = ""
        sources: list[SourceModel] = []  # noqa: RUF012 (a pydantic field, copied per instance)

    return UserChecklistModel


def parse_template(text: str, file: str, known_items: set[str] | None = None) -> ChecklistTemplate:
    """A template from YAML text; TemplateProblems (file and line each) when it does not fit the format."""
    from inducci_desktop.content import loader
    from inducci_desktop.content.validate import parse_yaml, validate

    try:
        doc = parse_yaml(text, file)
        if not isinstance(doc.data, dict):
            raise ContentError([Problem(file, 1, _("a checklist template is a mapping with id, title, sections …"))])
        model = validate(doc, _user_model())
    except ContentError as exc:
        raise TemplateProblems(exc.problems, file) from None
    found = loader._Collector()
    refs = loader._Refs()
    loader._check_checklist(doc, model, refs, found)
    if known_items is not None:
        for ref_file, line, target, what, _kinds in refs.items:
            if target not in known_items:
                found.add(ref_file, line, _("{what}: the toolbox has no item '{target}'")
                    .format(what=what, target=target))
    if found.problems:
        raise TemplateProblems(found.problems, file)
    template: ChecklistTemplate = loader._checklist(model, file)
    return template


def template_to_yaml_data(template: ChecklistTemplate) -> dict[str, Any]:
    """The template in the shape of a template YAML file (docs/CONTENT_FORMAT.md)."""
    data: dict[str, Any] = {"id": template.id, "version": template.version, "title": template.title}
    if template.summary:
        data["summary"] = template.summary
    if template.section:
        data["section"] = template.section
    if template.sources:
        data["sources"] = [{"url": s.url, "title": s.title} if s.title else {"url": s.url} for s in template.sources]
    data["sections"] = [
        {"key": section.key, "title": section.title, "items": [_item_yaml_data(item) for item in section.items]}
        for section in template.sections
    ]
    return data


def _item_yaml_data(item: ChecklistItem) -> dict[str, Any]:
    entry: dict[str, Any] = {"key": item.key, "text": item.text}
    if item.help:
        entry["help"] = item.help
    entry["type"] = item.type
    if item.weight != 1.0:
        entry["weight"] = item.weight
    if item.required:
        entry["required"] = True
    if item.guide:
        entry["guide"] = item.guide
    if item.type in ("choice", "multi"):
        entry["options"] = [
            {"key": o.key, "label": o.label, **({"score": o.score} if o.score is not None else {})}
            for o in item.options]
    if item.type == "scale":
        scale: dict[str, Any] = {"min": item.scale_min, "max": item.scale_max}
        if item.scale_labels:
            scale["labels"] = dict(item.scale_labels)
        entry["scale"] = scale
    if item.type == "number" and item.unit:
        entry["unit"] = item.unit
    return entry


def template_to_yaml(template: ChecklistTemplate) -> str:
    import yaml  # only when a template is exported: keeps YAML off the start-up path

    return yaml.safe_dump(template_to_yaml_data(template), sort_keys=False, allow_unicode=True, width=110)


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words)[:60].strip("-") or "checklist"


class TemplateService:
    def __init__(self, store: Store, library: LibraryService) -> None:
        self.store = store
        self.library = library
        # (id, version) → template; versions never change once stored (a new version is a new key)
        self._cache: dict[tuple[str, int], ChecklistTemplate] = {}
        # (id, version, language) → the toolbox template in that language (English where untranslated)
        self._translated: dict[tuple[str, int, str], ChecklistTemplate] = {}
        self._toolbox: set[tuple[str, int]] = set()  # cached versions that are the toolbox's, not the user's
        # a template version replaced by any write (an import included) must not be served from the cache
        store.feed.subscribe(self._forget_changed)

    def _forget_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.TEMPLATE) or changes.touches(Kind.CONTENT):
            self._cache.clear()
            self._translated.clear()
            self._toolbox.clear()

    # --- reading -----------------------------------------------------------------------------------

    def templates(self, *, deleted: bool = False) -> list[TemplateSummary]:
        """Current versions of the toolbox's and the user's templates (or the user's in the trash)."""
        with self.store.db.reading() as session:
            counts = dict(session.execute(
                select(Assessment.template_id, func.count()).where(Assessment.deleted_at.is_(None))
                .group_by(Assessment.template_id)).all())
            result: list[TemplateSummary] = []
            if not deleted:
                for row in session.scalars(select(ChecklistTemplateRow).where(ChecklistTemplateRow.in_pack)):
                    if session.scalar(select(func.count()).where(UserTemplateVersion.template_id == row.id)):
                        continue  # an own template with the same id wins (see template())
                    template = self.library.translated_template(session, template_from_json(row.data))
                    result.append(self._summary(template, "toolbox", counts.get(row.id, 0)))
            for user in self._latest_rows(session, deleted=deleted):
                template = template_from_json(user.data)
                result.append(self._summary(template, "user", counts.get(user.template_id, 0), user.updated_at,
                                            user.deleted_at))
        collate = i18n.sort_key()
        return sorted(result, key=lambda t: (t.source != "toolbox", collate(t.title)))

    def template(self, template_id: str, version: int | None = None,
                 language: str | None = None) -> ChecklistTemplate:
        """A template: ``version`` exactly, or the current one. The user's templates come first.

        A toolbox template comes in ``language`` (default: the interface language) when the pack has that
        translation of this version, with the same keys; in English otherwise (``template.language``).
        """
        with self.store.db.reading() as session:
            return self.lookup(session, template_id, version, language)

    def lookup(self, session: Session, template_id: str, version: int | None = None,
               language: str | None = None) -> ChecklistTemplate:
        """``template`` inside the caller's session (sessions must not nest: each holds the write lock)."""
        template = self._english(session, template_id, version)
        if (template.id, template.version) not in self._toolbox:
            return template  # the user's own templates are in one language, as written
        lang = self.library.reading_language(session, language)
        key = (template.id, template.version, lang)
        found = self._translated.get(key)
        if found is None:
            found = self.library.translated_template(session, template, lang)
            self._translated[key] = found
        return found

    def _english(self, session: Session, template_id: str, version: int | None = None) -> ChecklistTemplate:
        if version is not None and (template_id, version) in self._cache:
            return self._cache[(template_id, version)]
        query = select(UserTemplateVersion.data).where(UserTemplateVersion.template_id == template_id)
        if version is not None:
            query = query.where(UserTemplateVersion.version == version)
        else:
            query = query.where(UserTemplateVersion.deleted_at.is_(None))
        data = session.scalars(query.order_by(UserTemplateVersion.version.desc()).limit(1)).first()
        toolbox = data is None
        if data is None:
            found = pinned.find(session, template_id, version)  # this machine's cache, else the kept versions
            data = None if found is None else found["data"]
        if data is None:
            which = f" version {version}" if version is not None else ""
            raise NotFoundError(_("There is no checklist template {template_id!r}{which}.")
                .format(template_id=template_id, which=which))
        template = template_from_json(data)
        self._cache[(template.id, template.version)] = template
        if toolbox:
            self._toolbox.add((template.id, template.version))
        return template

    def is_user_template(self, template_id: str) -> bool:
        with self.store.db.reading() as session:
            return session.scalar(select(func.count()).where(UserTemplateVersion.template_id == template_id)) != 0

    def latest_version(self, template_id: str) -> int:
        return self.template(template_id).version

    def versions(self, template_id: str) -> list[int]:
        with self.store.db.reading() as session:
            found = list(session.scalars(select(UserTemplateVersion.version)
                                         .where(UserTemplateVersion.template_id == template_id)))
        if not found:
            found = [self.library.checklist_template(template_id).version]
        return sorted(found)

    # --- writing -----------------------------------------------------------------------------------

    def save(self, template: ChecklistTemplate) -> SaveResult:
        """Store the user's template (validated). If assessments use its latest version, that version
        stays as it is and the template is saved as the next version."""
        self._refuse_toolbox_id(template.id)
        template = self.validate(template)
        with self.store.db.unit_of_work() as session:
            latest = self._latest_row(session, template.id, include_deleted=True)
            if latest is None:
                stored = replace(template, version=1)
                self._add(session, stored)
                return SaveResult(stored, False, "created")
            current = template_from_json(latest.data)
            if replace(template, version=current.version, path="") == replace(current, path=""):
                return SaveResult(current, False, "unchanged")
            used = session.scalar(select(func.count()).where(
                Assessment.template_id == template.id, Assessment.template_version == latest.version)) or 0
            if used:
                stored = replace(template, version=latest.version + 1)
                self._add(session, stored)
                return SaveResult(stored, True, "new-version")
            stored = replace(template, version=latest.version)
            latest.data, latest.title, latest.deleted_at = template_to_json(stored), stored.title, None
            self._cache.pop((stored.id, stored.version), None)
            self._toolbox.discard((stored.id, stored.version))
            return SaveResult(stored, False, "saved")

    def import_file(self, path: Path) -> SaveResult:
        """Import a template YAML file; problems raise TemplateProblems naming the file and line."""
        name = path.name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ValidationError(_("{path} cannot be read: {value}.")
                .format(path=path, value=exc.strerror or exc)) from None
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise ValidationError(_("{name} is larger than {value} MB; a checklist template is a small YAML file.")
                .format(name=name, value=MAX_TEMPLATE_BYTES // 1_000_000))
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise TemplateProblems([Problem(name, line, _("not UTF-8 text; save the file as UTF-8"))], name) from None
        return self.import_text(text, name)

    def import_text(self, text: str, name: str = "template.yaml") -> SaveResult:
        template = parse_template(text, name, self._known_items())
        self._refuse_toolbox_id(template.id)
        return self.save(replace(template, path=""))

    def validate(self, template: ChecklistTemplate) -> ChecklistTemplate:
        """The template checked as if it were a YAML file (same rules, same messages)."""
        text = template_to_yaml(replace(template, version=max(template.version, 1)))
        checked = parse_template(text, _("template '{value}'")
            .format(value=template.title or template.id), self._known_items())
        return replace(checked, version=template.version, path="")

    def copy_of(self, template_id: str, version: int | None = None) -> ChecklistTemplate:
        """A new, unsaved template with the items of another (e.g. to change a toolbox template)."""
        source = self.template(template_id, version)
        title = _("{title} (own copy)").format(title=source.title)
        return replace(source, id=self.new_id(title), version=1, title=title, path="")

    def blank(self, title: str = N_("New checklist")) -> ChecklistTemplate:
        from inducci_desktop.content.model import ChecklistSection

        title = _(title)
        item = ChecklistItem(key="item-1", text=_("First question"), type="ynp")
        return ChecklistTemplate(self.new_id(title), 1, title, "", (ChecklistSection("section-1", _("Section 1"),
                                                                                       (item,)),))

    @staticmethod
    def new_id(title: str) -> str:
        return f"own-{slug(title)}-{uuid.uuid4().hex[:6]}"

    def delete(self, template_id: str) -> None:
        """Move the user's template (all versions) to the trash; its assessments keep working."""
        with self.store.db.unit_of_work() as session:
            rows = self._rows(session, template_id)
            now = utcnow()
            for row in rows:
                row.deleted_at = row.deleted_at or now

    def restore(self, template_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            for row in self._rows(session, template_id):
                row.deleted_at = None

    def export_yaml(self, template_id: str, version: int | None = None) -> str:
        return template_to_yaml(self.template(template_id, version))

    # --- helpers -----------------------------------------------------------------------------------

    def _known_items(self) -> set[str] | None:
        items = {i.id for i in self.library.items()} | {c.id for c in self.library.checklists()}
        return items or None  # no content loaded: guide references cannot be checked

    def _refuse_toolbox_id(self, template_id: str) -> None:
        with self.store.db.reading() as session:
            user = session.scalar(select(func.count()).where(UserTemplateVersion.template_id == template_id))
        if user:
            return
        if any(c.id == template_id for c in self.library.checklists()):
            raise ValidationError(_("'{template_id}' is a toolbox template, which cannot be changed. Give the "
                "template an id of its own (or make an own copy in the app).")
                .format(template_id=template_id))

    def _add(self, session: Session, template: ChecklistTemplate) -> None:
        session.add(UserTemplateVersion(template_id=template.id, version=template.version, title=template.title,
                                        data=template_to_json(template)))
        session.flush()

    @staticmethod
    def _rows(session: Session, template_id: str) -> list[UserTemplateVersion]:
        rows = list(session.scalars(select(UserTemplateVersion)
                                    .where(UserTemplateVersion.template_id == template_id)))
        if not rows:
            raise NotFoundError(_("There is no own checklist template {template_id!r}.")
                .format(template_id=template_id))
        return rows

    @staticmethod
    def _latest_row(session: Session, template_id: str, *, include_deleted: bool = False
                    ) -> UserTemplateVersion | None:
        query = select(UserTemplateVersion).where(UserTemplateVersion.template_id == template_id)
        if not include_deleted:
            query = query.where(UserTemplateVersion.deleted_at.is_(None))
        return session.scalars(query.order_by(UserTemplateVersion.version.desc()).limit(1)).first()

    @staticmethod
    def _latest_rows(session: Session, *, deleted: bool) -> list[UserTemplateVersion]:
        rows = session.scalars(select(UserTemplateVersion).order_by(UserTemplateVersion.version)).all()
        latest: dict[str, UserTemplateVersion] = {}
        for row in rows:
            latest[row.template_id] = row
        return [r for r in latest.values() if (r.deleted_at is not None) == deleted]

    @staticmethod
    def _summary(template: ChecklistTemplate, source: str, assessments: int, updated: datetime | None = None,
                 deleted: datetime | None = None) -> TemplateSummary:
        return TemplateSummary(template.id, template.version, template.title, template.summary, source,
                               len(template.sections), sum(len(s.items) for s in template.sections),
                               assessments, updated, deleted)
