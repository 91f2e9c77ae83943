"""Workshops: details and days, the agenda built from the toolbox formats, copies for a repeat.

``WorkshopService`` also carries ``people`` (participants, CSV import, check-in, erasure on request) and
``results`` (outcomes, action items, feedback), so the container holds one workshop service.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.errors import NotFoundError, ValidationError, checked_text, refuse_if_changed
from inducci_desktop.services.inputs import sentence
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.workshops.agenda import check_day_times, check_duration, find_overlap, lay_out
from inducci_desktop.services.workshops.feedback import DEFAULT_QUESTIONS
from inducci_desktop.services.workshops.people import PeopleService
from inducci_desktop.services.workshops.results import ResultsService
from inducci_desktop.services.workshops.views import (
    BLOCK_KINDS,
    MODES,
    STATUSES,
    AgendaDay,
    BlockInput,
    BlockView,
    DayView,
    FormatChoice,
    WorkshopInput,
    WorkshopKit,
    WorkshopSummary,
    WorkshopView,
)
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    AgendaBlock,
    FeedbackQuestion,
    Participant,
    Region,
    Workshop,
    WorkshopDay,
    utcnow,
)

MAX_TITLE = rules.TITLE
MAX_DAYS = rules.MAX_DAYS
MAX_PLACE = rules.NAME
MAX_CERTIFICATE_MINUTES = MAX_DAYS * 24 * 60
DEFAULT_BLOCK_MINUTES = 60
#: the details a conflict shows as theirs
DETAIL_FIELDS = ("title", "venue", "place", "mode", "organisation", "trainers", "target_group", "objectives",
                 "status")


def _text(value: str, label: str, limit: int, *, required: bool = False) -> str:
    label = _(label)  # marked with N_ by the callers
    checked_text(value, _("The {label}").format(label=label), multiline=True)
    cleaned = " ".join(value.split())
    if required and not cleaned:
        raise ValidationError(_("A workshop needs a {label}.").format(label=label))
    if len(cleaned) > limit:
        raise ValidationError(_("The {label} can be at most {limit} characters long.").format(label=label, limit=limit))
    return cleaned


def _in_range(value: date, what: str) -> date:
    try:
        return rules.check_date(value, what)
    except ValueError as exc:
        raise ValidationError(sentence(exc)) from None


def check_workshop(data: WorkshopInput) -> WorkshopInput:
    """``data`` cleaned, or a ValidationError that says what is wrong."""
    if data.mode not in MODES:
        raise ValidationError(_("Unknown mode {mode!r}; use one of: {join}.")
            .format(mode=data.mode, join=', '.join(MODES)))
    if data.status not in STATUSES:
        raise ValidationError(_("Unknown status {status!r}; use one of: {join}.")
            .format(status=data.status, join=', '.join(STATUSES)))
    if len(data.days) > MAX_DAYS:
        raise ValidationError(_("A workshop can have at most {MAX_DAYS} days.").format(MAX_DAYS=MAX_DAYS))
    for day in data.days:
        check_day_times(day.start, day.end)
        _in_range(day.day, _("workshop day"))
    overlap = find_overlap([(d.day.isoformat(), d.start, d.end) for d in data.days])
    if overlap:
        raise ValidationError(overlap)
    if data.certificate_date is not None:
        _in_range(data.certificate_date, _("certificate date"))
    minutes = data.certificate_minutes
    if minutes is not None and not 0 < minutes <= MAX_CERTIFICATE_MINUTES:
        raise ValidationError(_("The hours on the certificate must be more than 0 and at most {value}.")
            .format(value=MAX_CERTIFICATE_MINUTES // 60))
    days = tuple(sorted(data.days, key=lambda d: (d.day, d.start)))
    return WorkshopInput(
        _text(data.title, N_("title"), MAX_TITLE, required=True), days,
        _text(data.venue, N_("venue"), rules.TITLE), data.mode, data.region_id or None,
        _text(data.organisation, N_("organisation"), rules.TITLE),
        checked_text(data.trainers, _("The trainers"), multiline=True).strip(),
        checked_text(data.target_group, _("The target group"), multiline=True).strip(),
        checked_text(data.objectives, _("The objectives"), multiline=True).strip(), data.status,
        _text(data.place, N_("place"), MAX_PLACE), data.certificate_date, minutes)


class WorkshopService:
    def __init__(self, store: Store, library: LibraryService | None = None) -> None:
        self.store = store
        self.library = library
        self.people = PeopleService(store)
        self.results = ResultsService(store)

    # --- workshops ----------------------------------------------------------------------------------

    def list(self, *, deleted: bool = False, when: str = "all", today: date | None = None
             ) -> builtins.list[WorkshopSummary]:
        """Workshops, newest first. ``when``: all | upcoming (last day today or later, or no date) | past."""
        today = today or date.today()
        with self.store.db.reading() as session:
            condition = Workshop.deleted_at.is_not(None) if deleted else Workshop.deleted_at.is_(None)
            rows = session.execute(select(Workshop, Region.name).outerjoin(Region, Workshop.region_id == Region.id)
                                   .where(condition)).all()
            spans = {wid: (first, last, n) for wid, first, last, n in session.execute(
                select(WorkshopDay.workshop_id, func.min(WorkshopDay.day), func.max(WorkshopDay.day),
                       func.count(WorkshopDay.id)).where(WorkshopDay.deleted_at.is_(None))
                .group_by(WorkshopDay.workshop_id))}
            people = dict(session.execute(
                select(Participant.workshop_id, func.count(Participant.id)).where(Participant.deleted_at.is_(None))
                .group_by(Participant.workshop_id)).all())
            result = []
            for row, region in rows:
                first, last, count = spans.get(row.id, (None, None, 0))
                summary = WorkshopSummary(row.id, row.title, first, last, count, row.venue, row.mode, row.status,
                                          region or row.organisation, people.get(row.id, 0), row.deleted_at)
                past = last is not None and last < today
                if when == "all" or (when == "past") == past:
                    result.append(summary)
        far = date.max
        result.sort(key=lambda s: (s.first_day or far, s.title.casefold()), reverse=when != "upcoming")
        return result

    def get(self, workshop_id: str) -> WorkshopView:
        with self.store.db.reading() as session:
            return self._view(session, self._row(session, workshop_id))

    def create(self, data: WorkshopInput, *, workshop_id: str | None = None,
               questions: Sequence[tuple[str, str]] = DEFAULT_QUESTIONS) -> WorkshopView:
        data = check_workshop(data)
        with self.store.db.unit_of_work() as session:
            self._check_region(session, data.region_id)
            if workshop_id is not None and session.get(Workshop, workshop_id) is not None:
                raise ValidationError(_("A workshop with id {workshop_id} exists already.")
                    .format(workshop_id=workshop_id))
            row = Workshop(title=data.title)
            if workshop_id is not None:
                row.id = workshop_id
            self._apply(row, data)
            session.add(row)
            session.flush()
            for day in data.days:
                session.add(WorkshopDay(workshop_id=row.id, day=day.day, start_minutes=day.start, end_minutes=day.end))
            for position, (kind, text) in enumerate(questions):
                session.add(FeedbackQuestion(workshop_id=row.id, position=position, kind=kind, text=text))
            session.flush()
            return self._view(session, row)

    def update(self, workshop_id: str, data: WorkshopInput, *, expected: int | None = None) -> WorkshopView:
        """Change details and days. Days are matched by id; a day left out goes to the trash with its agenda.

        ``expected``: the ``row_version`` the form loaded; ChangedElsewhere (nothing saved) when someone else
        saved the workshop since."""
        data = check_workshop(data)
        with self.store.db.unit_of_work() as session:
            row = self._row(session, workshop_id)
            refuse_if_changed("workshop", _("workshop"), row, expected, DETAIL_FIELDS)
            self._check_region(session, data.region_id)
            self._apply(row, data)
            existing = {d.id: d for d in self._days(session, workshop_id)}
            for day in data.days:
                found = existing.pop(day.id, None) if day.id else None
                if found is None and day.id:  # a day removed before (undo brings it back with its agenda)
                    trashed = session.get(WorkshopDay, day.id)
                    if trashed is not None and trashed.workshop_id == workshop_id:
                        trashed.deleted_at = None
                        found = trashed
                if found is None:
                    session.add(WorkshopDay(workshop_id=row.id, day=day.day, start_minutes=day.start,
                                            end_minutes=day.end))
                else:
                    found.day, found.start_minutes, found.end_minutes = day.day, day.start, day.end
            for gone in existing.values():
                gone.deleted_at = utcnow()
            row.updated_at = utcnow()
            session.flush()
            return self._view(session, row)

    def set_status(self, workshop_id: str, status: str) -> WorkshopView:
        current = self.get(workshop_id)
        data = current.as_input()
        return self.update(workshop_id, WorkshopInput(**{**data.__dict__, "status": status}))

    def delete(self, workshop_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._row(session, workshop_id).deleted_at = utcnow()

    def restore(self, workshop_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._row(session, workshop_id, include_deleted=True).deleted_at = None

    def copy(self, workshop_id: str, *, title: str | None = None, first_day: date | None = None) -> WorkshopView:
        """A new planned workshop with the same details, days (moved to ``first_day``), agenda and feedback
        questions; no participants, outcomes or feedback."""
        source = self.get(workshop_id)
        shift = timedelta(0)
        if first_day is not None and source.first_day is not None:
            shift = first_day - source.first_day
        data = source.as_input()
        days = tuple(type(d)(d.day + shift, d.start, d.end) for d in data.days)
        fields = {**data.__dict__, "title": title or f"{source.title} (repeat)", "days": days, "status": "planned",
                  "certificate_date": None}
        questions = [(q.kind, q.text) for q in self.results.questions(workshop_id)]
        copy = self.create(WorkshopInput(**fields), questions=questions)
        with self.store.db.unit_of_work() as session:
            made = session.get(Workshop, copy.id)
            assert made is not None  # created just above
            made.copied_from = workshop_id
            old_days = self._days(session, workshop_id)
            new_days = self._days(session, copy.id)
            for old, new in zip(old_days, new_days, strict=False):
                for block in self._blocks(session, old.id):
                    session.add(AgendaBlock(day_id=new.id, position=block.position, kind=block.kind,
                                            title=block.title, format_id=block.format_id,
                                            duration_minutes=block.duration_minutes, responsible=block.responsible,
                                            materials=block.materials, notes=block.notes))
        return self.get(copy.id)

    # --- agenda -------------------------------------------------------------------------------------

    def formats(self) -> builtins.list[FormatChoice]:
        """The toolbox's method cards, with a default duration for an agenda block (their shortest)."""
        if self.library is None:
            return []
        choices = []
        for summary in self.library.items(kind="format"):
            fields = self.library.item(summary.id).fields
            minutes = fields.get("duration_minutes") or {}
            default = minutes.get("min") or minutes.get("max") or DEFAULT_BLOCK_MINUTES
            materials = tuple(str(m) for m in fields.get("materials") or ())
            choices.append(FormatChoice(summary.id, summary.title, summary.summary, int(default),
                                        str(fields.get("duration", "")), materials))
        return choices

    def agenda(self, workshop_id: str) -> builtins.list[AgendaDay]:
        with self.store.db.reading() as session:
            self._row(session, workshop_id)
            days = self._day_views(session, workshop_id)
            return [self._agenda_day(session, day) for day in days]

    def agenda_day(self, day_id: str) -> AgendaDay:
        with self.store.db.reading() as session:
            day = self._day_row(session, day_id)
            views = {d.id: d for d in self._day_views(session, day.workshop_id)}
            return self._agenda_day(session, views[day_id])

    def add_block(self, day_id: str, data: BlockInput, position: int | None = None) -> BlockView:
        data = self._check_block(data)
        with self.store.db.unit_of_work() as session:
            self._day_row(session, day_id)
            blocks = self._blocks(session, day_id)
            position = len(blocks) if position is None else max(0, min(position, len(blocks)))
            row = AgendaBlock(day_id=day_id, position=position)
            self._apply_block(row, data)
            blocks.insert(position, row)
            session.add(row)
            self._renumber(blocks)
            session.flush()
            return _block_view(row)

    def update_block(self, block_id: str, data: BlockInput) -> BlockView:
        data = self._check_block(data)
        with self.store.db.unit_of_work() as session:
            row = self._block_row(session, block_id)
            self._apply_block(row, data)
            session.flush()
            return _block_view(row)

    def delete_block(self, block_id: str) -> BlockView:
        with self.store.db.unit_of_work() as session:
            row = self._block_row(session, block_id)
            row.deleted_at = utcnow()
            self._renumber(self._blocks(session, row.day_id))
            return _block_view(row)

    def restore_block(self, block_id: str, position: int | None = None) -> BlockView:
        with self.store.db.unit_of_work() as session:
            row = self._block_row(session, block_id, include_deleted=True)
            blocks = [b for b in self._blocks(session, row.day_id) if b.id != block_id]
            row.deleted_at = None
            blocks.insert(len(blocks) if position is None else max(0, min(position, len(blocks))), row)
            self._renumber(blocks)
            session.flush()
            return _block_view(row)

    def move_block(self, block_id: str, position: int, day_id: str | None = None) -> BlockView:
        """Put a block at ``position`` of its day (or of another day of the same workshop)."""
        with self.store.db.unit_of_work() as session:
            row = self._block_row(session, block_id)
            source_day = self._day_row(session, row.day_id)
            target = row.day_id if day_id is None else day_id
            if self._day_row(session, target).workshop_id != source_day.workshop_id:
                raise ValidationError(_("A block can only move to a day of the same workshop."))
            if target != row.day_id:
                old = [b for b in self._blocks(session, row.day_id) if b.id != block_id]
                self._renumber(old)
                row.day_id = target
                session.flush()
            blocks = [b for b in self._blocks(session, target) if b.id != block_id]
            blocks.insert(max(0, min(position, len(blocks))), row)
            self._renumber(blocks)
            session.flush()
            return _block_view(row)

    def order_blocks(self, day_id: str, block_ids: Sequence[str]) -> None:
        """Put the day's blocks in the order given (every block of the day exactly once)."""
        with self.store.db.unit_of_work() as session:
            blocks = {b.id: b for b in self._blocks(session, day_id)}
            if sorted(blocks) != sorted(block_ids):
                raise ValidationError(_("The new order must name every block of the day once."))
            self._renumber([blocks[i] for i in block_ids])

    # --- documents ----------------------------------------------------------------------------------

    def kit(self, workshop_id: str) -> WorkshopKit:
        """What the printed documents of a workshop show (participants without erased ones).

        Read in one snapshot: the reads below share this ``reading()`` session (see Database.reading)."""
        with self.store.db.reading():
            workshop = self.get(workshop_id)
            agenda = tuple(self.agenda(workshop_id))
            titles = {}
            if self.library is not None:
                titles = {f.id: f.title for f in self.library.items(kind="format")}
            return WorkshopKit(workshop, agenda, tuple(self.people.participants(workshop_id)),
                               self.people.figures(workshop_id, workshop.days),
                               tuple(self.results.outcomes(workshop_id)), tuple(self.results.actions(workshop_id)),
                               tuple(self.results.questions(workshop_id)), self.results.summary(workshop_id), titles)

    # --- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _apply(row: Workshop, data: WorkshopInput) -> None:
        row.title, row.venue, row.mode, row.region_id = data.title, data.venue, data.mode, data.region_id
        row.organisation, row.trainers, row.target_group = data.organisation, data.trainers, data.target_group
        row.objectives, row.status = data.objectives, data.status
        row.place, row.certificate_date, row.certificate_minutes = (data.place, data.certificate_date,
                                                                    data.certificate_minutes)

    @staticmethod
    def _check_region(session: Session, region_id: str | None) -> None:
        if region_id is not None and session.get(Region, region_id) is None:
            raise NotFoundError(_("There is no region with id {region_id!r}.").format(region_id=region_id))

    @staticmethod
    def _check_block(data: BlockInput) -> BlockInput:
        if data.kind not in BLOCK_KINDS:
            raise ValidationError(_("Unknown block kind {kind!r}.").format(kind=data.kind))
        for label, value in ((N_("title"), data.title), (N_("responsible person"), data.responsible),
                             (N_("materials"), data.materials), (N_("notes"), data.notes)):
            checked_text(value, _("The block's {label}").format(label=_(label)), multiline=True)
        title = " ".join(data.title.split()) or (_("Break") if data.kind == "break" else "")
        if not title:
            raise ValidationError(_("An agenda block needs a title."))
        if len(title) > MAX_TITLE:
            raise ValidationError(_("A block title can be at most {MAX_TITLE} characters long.")
                .format(MAX_TITLE=MAX_TITLE))
        check_duration(data.duration)
        responsible = _text(data.responsible, N_("person responsible"), rules.TITLE)
        return BlockInput(title, data.duration, data.kind, data.format_id, responsible,
                          data.materials.strip(), data.notes.strip())

    @staticmethod
    def _apply_block(row: AgendaBlock, data: BlockInput) -> None:
        row.title, row.duration_minutes, row.kind, row.format_id = data.title, data.duration, data.kind, data.format_id
        row.responsible, row.materials, row.notes = data.responsible, data.materials, data.notes

    @staticmethod
    def _renumber(blocks: Sequence[AgendaBlock]) -> None:
        for index, block in enumerate(blocks):
            if block.position != index:
                block.position = index

    @staticmethod
    def _row(session: Session, workshop_id: str, *, include_deleted: bool = False) -> Workshop:
        row = session.get(Workshop, workshop_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no workshop with id {workshop_id!r}.").format(workshop_id=workshop_id))
        return row

    @staticmethod
    def _days(session: Session, workshop_id: str) -> builtins.list[WorkshopDay]:
        return list(session.scalars(select(WorkshopDay).where(WorkshopDay.workshop_id == workshop_id,
                                                              WorkshopDay.deleted_at.is_(None))
                                    .order_by(WorkshopDay.day, WorkshopDay.start_minutes)))

    def _day_views(self, session: Session, workshop_id: str) -> builtins.list[DayView]:
        return [DayView(d.id, n, d.day, d.start_minutes, d.end_minutes)
                for n, d in enumerate(self._days(session, workshop_id), start=1)]

    @staticmethod
    def _day_row(session: Session, day_id: str) -> WorkshopDay:
        row = session.get(WorkshopDay, day_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("There is no workshop day with id {day_id!r}.").format(day_id=day_id))
        return row

    @staticmethod
    def _blocks(session: Session, day_id: str) -> builtins.list[AgendaBlock]:
        return list(session.scalars(select(AgendaBlock).where(AgendaBlock.day_id == day_id,
                                                              AgendaBlock.deleted_at.is_(None))
                                    .order_by(AgendaBlock.position, AgendaBlock.created_at)))

    @staticmethod
    def _block_row(session: Session, block_id: str, *, include_deleted: bool = False) -> AgendaBlock:
        row = session.get(AgendaBlock, block_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no agenda block with id {block_id!r}.").format(block_id=block_id))
        return row

    def _agenda_day(self, session: Session, day: DayView) -> AgendaDay:
        rows = self._blocks(session, day.id)
        plan = lay_out(day.start, day.end, [(b.duration_minutes, b.kind == "break") for b in rows])
        blocks = tuple(_block_view(b, t.start, t.end) for b, t in zip(rows, plan.blocks, strict=True))
        return AgendaDay(day, blocks, plan)

    def _view(self, session: Session, row: Workshop) -> WorkshopView:
        region = session.get(Region, row.region_id) if row.region_id else None
        return WorkshopView(row.id, row.title, tuple(self._day_views(session, row.id)), row.venue, row.mode,
                            row.region_id, region.name if region else "", row.organisation, row.trainers,
                            row.target_group, row.objectives, row.status, row.updated_at, row.deleted_at,
                            row.place, row.certificate_date, row.certificate_minutes, row.row_version,
                            row.changed_by)


def _block_view(row: AgendaBlock, start: int = 0, end: int = 0) -> BlockView:
    return BlockView(row.id, row.day_id, row.position, row.kind, row.title, row.format_id, row.duration_minutes,
                     row.responsible, row.materials, row.notes, start, end)
