"""Pilot actions: a region's own pilots with criteria, lessons, voices and photos; trash; publishing.

Every write is one unit of work; deleting sets ``deleted_at`` (the trash), so nothing is lost without a way
back. ``lesson`` and ``criterion`` read one lesson or criterion by its stable id (None when it or its pilot
is in the trash): findings elsewhere link to them as their source.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.content.search import SearchHit, query_terms, term_ranges
from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import (
    CriterionView,
    LessonView,
    ParticipantCount,
    Partner,
    PhotoView,
    PilotPrint,
    PilotSummary,
    PilotView,
    Step,
    VoiceView,
    status_label,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError, checked_text, refuse_if_changed
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.pilots import photos
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    Pilot,
    PilotCriterion,
    PilotLesson,
    PilotPhoto,
    PilotVoice,
    Region,
    new_id,
    utcnow,
)

#: the checklist a pilot's planning is assessed with
PLANNING_CHECKLIST = "checklist-pilot-action"
#: the fields ``update`` takes
TEXT_FIELDS = ("repeat_note", "places", "challenge", "target_groups", "changes", "problems", "outputs")
FIELDS = frozenset({"title", "region_id", "format_id", "status", "repeat", "start_date", "end_date",
                    "budget_planned", "budget_spent", "currency", "partners", "steps", "participants",
                    "assessment_id", "workshop_ids", *TEXT_FIELDS})
_CHILD_MODELS: dict[str, Any] = {"criterion": PilotCriterion, "lesson": PilotLesson, "voice": PilotVoice,
                                 "photo": PilotPhoto}


def _line(value: str, label: str, limit: int, *, required: bool = False) -> str:
    checked_text(value, label, multiline=True)
    cleaned = " ".join(value.split())
    if required and not cleaned:
        raise ValidationError(_("The {field} cannot be empty.").format(field=label))
    if len(cleaned) > limit:
        raise ValidationError(_("The {field} can be at most {limit} characters long.").format(field=label,
                                                                                              limit=limit))
    return cleaned


def _paragraphs(value: str, label: str, limit: int = rules.PILOT_TEXT, *, required: bool = False) -> str:
    checked_text(value, label, multiline=True)
    cleaned = value.strip()
    if required and not cleaned:
        raise ValidationError(_("The {field} cannot be empty.").format(field=label))
    if len(cleaned) > limit:
        raise ValidationError(_("The {field} can be at most {limit} characters long.").format(field=label,
                                                                                              limit=limit))
    return cleaned


def _choice(choice: rules.Choice, value: object, label: str) -> str:
    if not isinstance(value, str) or value not in choice:
        raise ValidationError(_("Unknown {field} {value!r}; use one of: {values}.").format(
            field=label, value=value, values=", ".join(choice.values)))
    return value


def _day(value: object, label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_("The {field} {value!r} is not a date (YYYY-MM-DD).").format(
                field=label, value=value)) from None
    if not isinstance(value, date):
        raise ValidationError(_("The {field} is not a date.").format(field=label))
    try:
        return rules.check_date(value, label)
    except ValueError as exc:
        raise ValidationError(str(exc).capitalize() + ".") from None


def _amount(value: object, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        cleaned = value.replace(" ", "").replace("\u202f", "").replace(",", "").replace(".", "")
        if not cleaned.isdigit():
            raise ValidationError(_("The {field} {value!r} is not a whole amount.").format(field=label, value=value))
        value = int(cleaned)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(_("The {field} is not a whole amount.").format(field=label))
    low, high = rules.BUDGET
    if not low <= value <= high:
        raise ValidationError(_("The {field} must be between {low} and {high}.").format(field=label, low=low,
                                                                                        high=high))
    return value


def _rows(value: object, label: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise ValidationError(_("The {field} must be a list.").format(field=label))
    if len(value) > rules.MAX_PILOT_ROWS:
        raise ValidationError(_("A pilot can list at most {limit} {field}.").format(limit=rules.MAX_PILOT_ROWS,
                                                                                    field=label))
    return list(value)


def _partners(value: object) -> list[dict[str, str]]:
    out = []
    for partner in _rows(value, _("partners")):
        if not isinstance(partner, Partner):
            raise ValidationError(_("A partner must have a name and a role."))
        out.append({"name": _line(partner.name, _("partner's name"), rules.NAME, required=True),
                    "role": _line(partner.role, _("partner's role"), rules.TITLE)})
    return out


def _steps(value: object) -> list[dict[str, str]]:
    out = []
    for step in _rows(value, _("steps")):
        if not isinstance(step, Step):
            raise ValidationError(_("A step must have a title and a status."))
        out.append({"title": _line(step.title, _("step"), rules.TITLE, required=True),
                    "status": _choice(rules.STEP_STATUS, step.status, _("step status"))})
    return out


def _participants(value: object) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for group in _rows(value, _("participant types")):
        if not isinstance(group, ParticipantCount):
            raise ValidationError(_("Participants are counted by type: a type and a number."))
        low, high = rules.PARTICIPANT_COUNT
        if isinstance(group.count, bool) or not isinstance(group.count, int) or not low <= group.count <= high:
            raise ValidationError(_("The number of {type} must be a whole number from {low} to {high}.").format(
                type=group.type or _("participants"), low=low, high=high))
        out.append({"type": _line(group.type, _("participant type"), rules.NAME, required=True),
                    "count": group.count})
    return out


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(_("The pilot cannot end ({end}) before it starts ({start}).").format(
            end=end.isoformat(), start=start.isoformat()))


class PilotService:
    """Pilot actions of this data folder (plain views in and out)."""

    def __init__(self, store: Store, library: LibraryService) -> None:
        self.store = store
        self.library = library

    # --- pilots ----------------------------------------------------------------------------------------

    def list(self, *, deleted: bool = False, published: bool | None = None) -> builtins.list[PilotSummary]:
        """The pilots (or, with ``deleted``, those in the trash), newest start first."""
        with self.store.db.reading() as session:
            condition = Pilot.deleted_at.is_not(None) if deleted else Pilot.deleted_at.is_(None)
            query = select(Pilot, Region.name).outerjoin(Region, Region.id == Pilot.region_id).where(condition)
            if published is not None:
                query = query.where(Pilot.published_at.is_not(None) if published else Pilot.published_at.is_(None))
            rows = session.execute(query).all()
            found = [PilotSummary(p.id, p.title, name or "", p.status, p.start_date, p.end_date,
                                  p.published_at is not None, p.deleted_at) for p, name in rows]
        collate = i18n.sort_key()  # as the language sorts
        return sorted(found, key=lambda s: (s.start_date is None, -(s.start_date.toordinal() if s.start_date else 0),
                                            collate(s.title)))

    def get(self, pilot_id: str, *, include_deleted: bool = False) -> PilotView:
        with self.store.db.reading() as session:
            return self._view(session, self._row(session, pilot_id, include_deleted=include_deleted))

    def create(self, title: str, *, region_id: str | None = None, format_id: str | None = None,
               record_id: str | None = None) -> PilotView:
        """A new pilot (``record_id``: a fixed id, for the demo)."""
        title = _line(title, _("pilot's title"), rules.TITLE, required=True)
        with self.store.db.unit_of_work() as session:
            row = Pilot(id=record_id or new_id(), title=title, region_id=self._region(session, region_id),
                        format_id=self._format(format_id), partners=[], steps=[], participants=[],
                        workshop_ids=[])
            session.add(row)
            session.flush()
            return self._view(session, row)

    def update(self, pilot_id: str, values: Mapping[str, object], *, expected: int | None = None) -> PilotView:
        """Change the given fields (names in ``FIELDS``); all checked before anything is stored.

        ``expected``: the row version the editor loaded; when someone else saved the pilot since, ChangedElsewhere
        (with their values of the fields given) and nothing is saved. None: no check (a command, the demo)."""
        unknown = sorted(set(values) - FIELDS)
        if unknown:
            raise ValidationError(_("A pilot has no field {field!r}.").format(field=unknown[0]))
        with self.store.db.unit_of_work() as session:
            row = self._row(session, pilot_id)
            refuse_if_changed("pilot", _("pilot action"), row, expected, tuple(sorted(values)))
            checked = self._checked(session, values)
            _check_period(checked.get("start_date", row.start_date), checked.get("end_date", row.end_date))
            for name, value in checked.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()
            return self._view(session, row)

    def _checked(self, session: Session, values: Mapping[str, object]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in values.items():
            if name == "title":
                out[name] = _line(str(value), _("pilot's title"), rules.TITLE, required=True)
            elif name in TEXT_FIELDS:
                out[name] = _paragraphs(str(value or ""), name.replace("_", " "))
            elif name == "region_id":
                out[name] = self._region(session, value if isinstance(value, str) else None)
            elif name == "format_id":
                out[name] = self._format(value if isinstance(value, str) else None)
            elif name == "status":
                out[name] = _choice(rules.PILOT_STATUS, value, _("pilot status"))
            elif name == "repeat":
                out[name] = _choice(rules.PILOT_REPEAT, value, _("repeat decision"))
            elif name in ("start_date", "end_date"):
                out[name] = _day(value, _("start date") if name == "start_date" else _("end date"))
            elif name in ("budget_planned", "budget_spent"):
                out[name] = _amount(value, _("planned budget") if name == "budget_planned" else _("budget spent"))
            elif name == "currency":
                out[name] = _line(str(value), _("currency"), rules.SHORT_CODE, required=True)
            else:
                out[name] = self._linked(session, name, value)
        return out

    def _linked(self, session: Session, name: str, value: object) -> Any:
        from inducci_desktop.store.models import Workshop  # declared on first use (store/models.py)

        if name == "partners":
            return _partners(value)
        if name == "steps":
            return _steps(value)
        if name == "participants":
            return _participants(value)
        if name == "assessment_id":
            return self._assessment(session, value if isinstance(value, str) and value else None)
        ids = [str(v) for v in _rows(value, _("workshops"))]
        for workshop_id in ids:
            row = session.get(Workshop, workshop_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("There is no workshop with id {id!r}.").format(id=workshop_id))
        return list(dict.fromkeys(ids))

    def copy(self, pilot_id: str, values: Mapping[str, object]) -> PilotView:
        """A new pilot "… (copy)" with the fields of ``pilot_id`` as ``values`` change them (names in ``FIELDS``),
        in one transaction: "Keep both" after a save refused because someone else changed the pilot.

        Criteria, lessons, voices and photos stay with the original (voices and photos carry their speakers'
        consent for that pilot; findings link to its lessons by id); the copy is not published."""
        unknown = sorted(set(values) - FIELDS)
        if unknown:
            raise ValidationError(_("A pilot has no field {field!r}.").format(field=unknown[0]))
        mine = {**editable_values(self.get(pilot_id)), **values}
        title = " ".join(str(mine["title"]).split())
        marked = _("{title} (copy)").format(title=title)
        if len(marked) > rules.TITLE:  # shorten the title, keep the marker
            marked = _("{title} (copy)").format(title=title[:max(0, len(title) - (len(marked) - rules.TITLE))])
        mine["title"] = marked
        with self.store.db.unit_of_work() as session:
            checked = self._checked(session, mine)
            _check_period(checked["start_date"], checked["end_date"])
            row = Pilot(id=new_id(), title=checked.pop("title"))
            for name, value in checked.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return self._view(session, row)

    def delete(self, pilot_id: str) -> None:
        """Move the pilot to the trash (``restore`` brings it back)."""
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id).deleted_at = utcnow()

    def restore(self, pilot_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id, include_deleted=True).deleted_at = None

    def publish(self, pilot_id: str, published: bool = True) -> PilotView:
        """Show the pilot in the Library as this region's own case (or take it out again)."""
        with self.store.db.unit_of_work() as session:
            row = self._row(session, pilot_id)
            if published and row.published_at is None:
                row.published_at = utcnow()
            elif not published:
                row.published_at = None
            session.flush()
            return self._view(session, row)

    # --- criteria, lessons, voices, photos -------------------------------------------------------------

    def add_criterion(self, pilot_id: str, text: str, baseline: str = "", target: str = "", achieved: str = ""
                      ) -> CriterionView:
        values = self._criterion_values(text, baseline, target, achieved)
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id)
            row = PilotCriterion(pilot_id=pilot_id, position=self._next(session, PilotCriterion, pilot_id),
                                 **values)
            session.add(row)
            session.flush()
            return _criterion(row)

    def update_criterion(self, criterion_id: str, text: str, baseline: str = "", target: str = "",
                         achieved: str = "") -> CriterionView:
        values = self._criterion_values(text, baseline, target, achieved)
        with self.store.db.unit_of_work() as session:
            row = self._child(session, PilotCriterion, criterion_id)
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()
            return _criterion(row)

    @staticmethod
    def _criterion_values(text: str, baseline: str, target: str, achieved: str) -> dict[str, str]:
        return {"text": _paragraphs(text, _("success criterion"), rules.PILOT_ITEM, required=True),
                "baseline": _line(baseline, _("baseline"), rules.CRITERION_VALUE),
                "target": _line(target, _("target"), rules.CRITERION_VALUE),
                "achieved": _line(achieved, _("achieved value"), rules.CRITERION_VALUE)}

    def add_lesson(self, pilot_id: str, audience: str, text: str) -> LessonView:
        audience = _choice(rules.LESSON_AUDIENCE, audience, _("lesson audience"))
        text = _paragraphs(text, _("lesson"), rules.PILOT_ITEM, required=True)
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id)
            row = PilotLesson(pilot_id=pilot_id, position=self._next(session, PilotLesson, pilot_id),
                              audience=audience, text=text)
            session.add(row)
            session.flush()
            return _lesson(row)

    def update_lesson(self, lesson_id: str, audience: str, text: str) -> LessonView:
        audience = _choice(rules.LESSON_AUDIENCE, audience, _("lesson audience"))
        text = _paragraphs(text, _("lesson"), rules.PILOT_ITEM, required=True)
        with self.store.db.unit_of_work() as session:
            row = self._child(session, PilotLesson, lesson_id)
            if (row.audience, row.text) != (audience, text):
                row.audience, row.text = audience, text
            session.flush()
            return _lesson(row)

    def add_voice(self, pilot_id: str, text: str, speaker: str = "", *, consent: bool = False,
                  consent_date: date | None = None) -> VoiceView:
        """A statement as the speaker made it (stored as typed, never edited afterwards)."""
        text = _paragraphs(text, _("statement"), rules.PILOT_ITEM, required=True)
        speaker = _line(speaker, _("speaker"), rules.NAME)
        day = _day(consent_date, _("consent date"))
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id)
            row = PilotVoice(pilot_id=pilot_id, position=self._next(session, PilotVoice, pilot_id), text=text,
                             speaker=speaker, consent=consent, consent_date=day if consent else None)
            session.add(row)
            session.flush()
            return _voice(row)

    def set_voice_consent(self, voice_id: str, consent: bool, consent_date: date | None = None) -> VoiceView:
        """Record the speaker's consent or its withdrawal (the statement itself never changes)."""
        day = _day(consent_date, _("consent date"))
        with self.store.db.unit_of_work() as session:
            row = self._child(session, PilotVoice, voice_id)
            row.consent = consent
            row.consent_date = (day or date.today()) if consent else None
            session.flush()
            return _voice(row)

    def add_photo(self, pilot_id: str, source: Path | str, caption: str = "", credit: str = "", *,
                  consent: bool = False) -> PhotoView:
        """Copy ``source`` (checked, scaled) into the data folder and add it to the pilot."""
        caption = _paragraphs(caption, _("caption"), rules.PILOT_ITEM)
        credit = _line(credit, _("photo credit"), rules.NAME)
        self.get(pilot_id)  # a pilot that is gone gets no file
        name, width, height = photos.store_file(self.store.path, Path(source))
        with self.store.db.unit_of_work() as session:
            self._row(session, pilot_id)
            row = PilotPhoto(pilot_id=pilot_id, position=self._next(session, PilotPhoto, pilot_id), file=name,
                             caption=caption, credit=credit, consent=consent, width=width, height=height)
            session.add(row)
            session.flush()
            return self._photo(row)

    def update_photo(self, photo_id: str, caption: str, credit: str, consent: bool) -> PhotoView:
        caption = _paragraphs(caption, _("caption"), rules.PILOT_ITEM)
        credit = _line(credit, _("photo credit"), rules.NAME)
        with self.store.db.unit_of_work() as session:
            row = self._child(session, PilotPhoto, photo_id)
            for name, value in (("caption", caption), ("credit", credit), ("consent", consent)):
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()
            return self._photo(row)

    def delete_item(self, kind: str, item_id: str) -> None:
        """Move a criterion, lesson, voice or photo to the trash (``restore_item`` brings it back)."""
        with self.store.db.unit_of_work() as session:
            self._child(session, _CHILD_MODELS[kind], item_id).deleted_at = utcnow()

    def restore_item(self, kind: str, item_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._child(session, _CHILD_MODELS[kind], item_id, include_deleted=True).deleted_at = None

    # --- for other features ----------------------------------------------------------------------------

    def lesson(self, lesson_id: str) -> LessonView | None:
        """The lesson with this id, or None when it (or its pilot) is in the trash or gone."""
        with self.store.db.reading() as session:
            row = session.get(PilotLesson, lesson_id)
            return _lesson(row) if row is not None and self._alive(session, row) else None

    def criterion(self, criterion_id: str) -> CriterionView | None:
        """The success criterion with this id, or None when it (or its pilot) is in the trash or gone."""
        with self.store.db.reading() as session:
            row = session.get(PilotCriterion, criterion_id)
            return _criterion(row) if row is not None and self._alive(session, row) else None

    def formats(self) -> builtins.list[tuple[str, str]]:
        """(id, title) of the toolbox's formats a pilot can test."""
        return [(i.id, i.title) for i in self.library.items(kind="format")]

    def planning_assessments(self) -> builtins.list[tuple[str, str]]:
        """(id, title) of the assessments made with the pilot planning checklist."""
        from inducci_desktop.store.models import Assessment  # declared on first use (store/models.py)

        with self.store.db.reading() as session:
            rows = session.execute(select(Assessment.id, Assessment.title).where(
                Assessment.template_id == PLANNING_CHECKLIST, Assessment.deleted_at.is_(None))
                .order_by(Assessment.title)).all()
        return [(r[0], r[1]) for r in rows]

    def workshop_choices(self) -> builtins.list[tuple[str, str]]:
        from inducci_desktop.store.models import Workshop  # declared on first use (store/models.py)

        with self.store.db.reading() as session:
            rows = session.execute(select(Workshop.id, Workshop.title).where(Workshop.deleted_at.is_(None))
                                   .order_by(Workshop.title)).all()
        return [(r[0], r[1]) for r in rows]

    def for_print(self, pilot_id: str) -> PilotPrint:
        """The pilot with the names of what it links to, as documents print it."""
        from inducci_desktop.store.models import Assessment, Workshop  # declared on first use (store/models.py)

        pilot = self.get(pilot_id)
        with self.store.db.reading() as session:
            assessment = ""
            if pilot.assessment_id:
                row = session.get(Assessment, pilot.assessment_id)
                if row is not None and row.deleted_at is None:
                    assessment = row.title
            workshops = []
            for workshop_id in pilot.workshop_ids:
                found = session.get(Workshop, workshop_id)
                if found is not None and found.deleted_at is None:
                    workshops.append(found.title)
        return PilotPrint(pilot, assessment, tuple(workshops))

    def search_published(self, query: str, limit: int = 20) -> builtins.list[SearchHit]:
        """Published pilots whose text holds every word of ``query`` (folded, prefixes), as Library hits of
        kind ``pilot``."""
        terms = query_terms(query)
        if not terms:
            return []
        hits: list[SearchHit] = []
        for summary in self.list(published=True):
            pilot = self.get(summary.id)
            text = _searchable(pilot)
            if all(term_ranges(text, term) for term in terms):
                snippet = pilot.challenge or pilot.outputs or pilot.region
                snippet = snippet if len(snippet) <= 240 else snippet[:239] + "…"
                hits.append(SearchHit(pilot.id, "pilot", pilot.title, snippet, tuple(term_ranges(snippet, query)),
                                      tuple(term_ranges(pilot.title, query)), 0.0))
            if len(hits) >= limit:
                break
        return hits

    # --- helpers ---------------------------------------------------------------------------------------

    @staticmethod
    def _row(session: Session, pilot_id: str, *, include_deleted: bool = False) -> Pilot:
        row = session.get(Pilot, pilot_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no pilot action with id {id!r}.").format(id=pilot_id))
        return row

    @staticmethod
    def _child(session: Session, model: Any, item_id: str, *, include_deleted: bool = False) -> Any:
        row = session.get(model, item_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no such entry ({id}) in a pilot action.").format(id=item_id))
        return row

    @staticmethod
    def _alive(session: Session, row: Any) -> bool:
        if row.deleted_at is not None:
            return False
        pilot = session.get(Pilot, row.pilot_id)
        return pilot is not None and pilot.deleted_at is None

    @staticmethod
    def _next(session: Session, model: Any, pilot_id: str) -> int:
        positions = session.scalars(select(model.position).where(model.pilot_id == pilot_id)).all()
        return max(positions, default=-1) + 1

    @staticmethod
    def _region(session: Session, region_id: str | None) -> str | None:
        if not region_id:
            return None
        row = session.get(Region, region_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("There is no region with id {id!r}.").format(id=region_id))
        return region_id

    def _format(self, format_id: str | None) -> str | None:
        if not format_id:
            return None
        if format_id not in {i for i, _t in self.formats()}:
            raise ValidationError(_("The toolbox has no format {id!r}.").format(id=format_id))
        return format_id

    @staticmethod
    def _assessment(session: Session, assessment_id: str | None) -> str | None:
        from inducci_desktop.store.models import Assessment  # declared on first use (store/models.py)

        if assessment_id is None:
            return None
        row = session.get(Assessment, assessment_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("There is no assessment with id {id!r}.").format(id=assessment_id))
        if row.template_id != PLANNING_CHECKLIST:
            raise ValidationError(_("“{title}” is not a pilot planning checklist ({checklist}).").format(
                title=row.title, checklist=PLANNING_CHECKLIST))
        return assessment_id

    def _photo(self, row: PilotPhoto) -> PhotoView:
        path = photos.stored_path(self.store.path, row.file)
        return PhotoView(row.id, row.pilot_id, row.file, row.caption, row.credit, row.consent, row.width,
                         row.height, row.position, str(path) if path else "")

    def _view(self, session: Session, row: Pilot) -> PilotView:
        region = session.get(Region, row.region_id) if row.region_id else None

        def alive(model: Any) -> Sequence[Any]:
            return session.scalars(select(model).where(model.pilot_id == row.id, model.deleted_at.is_(None))
                                   .order_by(model.position)).all()

        format_title = ""
        if row.format_id:
            format_title = dict(self.formats()).get(row.format_id, row.format_id)
        return PilotView(
            id=row.id, title=row.title, region_id=row.region_id, region=region.name if region else "",
            format_id=row.format_id, format_title=format_title, status=row.status, repeat=row.repeat,
            repeat_note=row.repeat_note, partners=tuple(Partner(p["name"], p.get("role", "")) for p in row.partners),
            start_date=row.start_date, end_date=row.end_date, places=row.places, challenge=row.challenge,
            target_groups=row.target_groups, budget_planned=row.budget_planned, budget_spent=row.budget_spent,
            currency=row.currency, steps=tuple(Step(s["title"], s.get("status", "planned")) for s in row.steps),
            participants=tuple(ParticipantCount(p["type"], int(p["count"])) for p in row.participants),
            changes=row.changes, problems=row.problems, outputs=row.outputs, assessment_id=row.assessment_id,
            workshop_ids=tuple(row.workshop_ids), published_at=row.published_at,
            criteria=tuple(_criterion(c) for c in alive(PilotCriterion)),
            lessons=tuple(_lesson(x) for x in alive(PilotLesson)),
            voices=tuple(_voice(v) for v in alive(PilotVoice)),
            photos=tuple(self._photo(p) for p in alive(PilotPhoto)),
            updated_at=row.updated_at, deleted_at=row.deleted_at, row_version=row.row_version,
            changed_by=row.changed_by,
        )


def _criterion(row: PilotCriterion) -> CriterionView:
    return CriterionView(row.id, row.pilot_id, row.text, row.baseline, row.target, row.achieved, row.position)


def _lesson(row: PilotLesson) -> LessonView:
    return LessonView(row.id, row.pilot_id, row.audience, row.text, row.position)


def _voice(row: PilotVoice) -> VoiceView:
    return VoiceView(row.id, row.pilot_id, row.text, row.speaker, row.consent, row.consent_date, row.position)


def _searchable(pilot: PilotView) -> str:
    parts: Iterable[str] = (pilot.title, pilot.region, pilot.format_title, pilot.challenge, pilot.target_groups,
                            pilot.places, pilot.outputs, pilot.changes, pilot.problems,
                            *(p.name for p in pilot.partners), *(x.text for x in pilot.lessons),
                            *(c.text for c in pilot.criteria), status_label(pilot.status))
    return "\n".join(p for p in parts if p)


def editable_values(pilot: PilotView) -> dict[str, object]:
    """The pilot's own fields as ``update`` takes them (every name of ``FIELDS``)."""
    values: dict[str, object] = {name: getattr(pilot, name) for name in FIELDS}
    values["workshop_ids"] = list(pilot.workshop_ids)
    for name in ("partners", "steps", "participants"):
        values[name] = list(getattr(pilot, name))
    return values


def without_withdrawn(pilot: PilotView) -> PilotView:
    """The pilot as it may be shown to others: voices and photos without consent left out."""
    return replace(pilot, voices=tuple(pilot.printable_voices), photos=tuple(pilot.printable_photos))
