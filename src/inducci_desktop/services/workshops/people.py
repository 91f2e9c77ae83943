"""Participants of workshops: by hand or from a CSV file, check-in per day, and a person's data on request.

Erasure is the one true delete of the app: every personal field of the person's entries, in every
workshop and in the trash, is blanked and marked erased. The rows stay, without personal data, so that
the attendance figures of past workshops do not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError, refuse_if_changed
from inducci_desktop.services.workshops.csv_import import (
    CsvPreview,
    ParticipantInput,
    clean_participant,
    identity,
    parse_participants,
)
from inducci_desktop.services.workshops.erasure import Erasure
from inducci_desktop.services.workshops.views import (
    AttendanceFigures,
    DayView,
    ParticipantView,
    PersonRecord,
    dates_text,
)
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import ActionItem, Attendance, Participant, Workshop, WorkshopDay, utcnow

EXPORT_FORMAT = "inducci-person-data/1"
#: the fields of a participant a conflict shows as theirs (personal data: never logged, see ChangedElsewhere)
PARTICIPANT_FIELDS = ("name", "organisation", "department", "email", "consent", "consent_date")


class PeopleService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- participants -------------------------------------------------------------------------------

    def participants(self, workshop_id: str, *, deleted: bool = False) -> list[ParticipantView]:
        """The workshop's participants (erased ones left out), sorted by name, with their attendance."""
        with self.store.db.reading() as session:
            _workshop(session, workshop_id)
            condition = Participant.deleted_at.is_not(None) if deleted else Participant.deleted_at.is_(None)
            rows = session.scalars(select(Participant).where(Participant.workshop_id == workshop_id, condition,
                                                              Participant.erased_at.is_(None))).all()
            marks: dict[str, tuple[set[str], set[str]]] = {r.id: (set(), set()) for r in rows}
            query = (select(Attendance.participant_id, Attendance.day_id, Attendance.present)
                     .join(Participant, Participant.id == Attendance.participant_id)
                     .where(Participant.workshop_id == workshop_id, Attendance.deleted_at.is_(None)))
            for pid, day_id, present in session.execute(query):
                if pid in marks:
                    marks[pid][0 if present else 1].add(day_id)
            views = [_view(r, frozenset(marks[r.id][0]), frozenset(marks[r.id][1])) for r in rows]
        collate = i18n.sort_key()  # as the language sorts: Czech ch after h, Polish ł after l
        return sorted(views, key=lambda p: (collate(p.name), collate(p.organisation)))

    def participant(self, participant_id: str) -> ParticipantView:
        with self.store.db.reading() as session:
            return _view(_participant(session, participant_id))

    def add(self, workshop_id: str, data: ParticipantInput) -> ParticipantView:
        data = _check(data)
        with self.store.db.unit_of_work() as session:
            _workshop(session, workshop_id)
            key = identity(data.name, data.email, data.organisation)
            if key in self._identities(session, workshop_id):
                raise ValidationError(_("{name} is already registered for this workshop.").format(name=data.name))
            row = Participant(workshop_id=workshop_id)
            _apply(row, data)
            session.add(row)
            session.flush()
            return _view(row)

    def update(self, participant_id: str, data: ParticipantInput, *, expected: int | None = None
               ) -> ParticipantView:
        """Save the participant's details. ``expected``: the row version the editor loaded; when someone else
        saved the participant since, ChangedElsewhere (with their values) and nothing is saved. None: no
        check (a command, an undo of one's own save).

        Attendance is not part of this record: each tick is a row of its own (``set_attendance``), so ticks
        made in two places merge, and the same tick set twice keeps the last one (a single value)."""
        data = _check(data)
        with self.store.db.unit_of_work() as session:
            row = _participant(session, participant_id)
            refuse_if_changed("participant", _("participant"), row, expected, PARTICIPANT_FIELDS)
            key = identity(data.name, data.email, data.organisation)
            if key in self._identities(session, row.workshop_id, except_id=row.id):
                raise ValidationError(_("{name} is already registered for this workshop.").format(name=data.name))
            _apply(row, data)
            session.flush()
            return _view(row)

    def delete(self, participant_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _participant(session, participant_id).deleted_at = utcnow()

    def restore(self, participant_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _participant(session, participant_id, include_deleted=True).deleted_at = None

    # --- CSV import ---------------------------------------------------------------------------------

    def preview_csv(self, workshop_id: str, data: bytes, *, encoding: str | None = None,
                    delimiter: str | None = None) -> CsvPreview:
        """Read a CSV file without storing anything; rows already in the workshop are marked."""
        with self.store.db.reading() as session:
            _workshop(session, workshop_id)
            existing = self._identities(session, workshop_id)
        return parse_participants(data, encoding=encoding, delimiter=delimiter, existing=sorted(existing))

    def import_participants(self, workshop_id: str, people: Sequence[ParticipantInput]) -> int:
        """Add the confirmed rows of a preview: all in one transaction, or none when any is refused."""
        with self.store.db.unit_of_work() as session:
            _workshop(session, workshop_id)
            seen = self._identities(session, workshop_id)
            for data in people:
                data = _check(data)
                key = identity(data.name, data.email, data.organisation)
                if key in seen:
                    raise ValidationError(_("{name} is already registered for this workshop; nothing was imported.")
                        .format(name=data.name))
                seen.add(key)
                row = Participant(workshop_id=workshop_id)
                _apply(row, data)
                session.add(row)
        return len(people)

    # --- check-in -----------------------------------------------------------------------------------

    def set_attendance(self, participant_id: str, day_id: str, present: bool | None) -> None:
        """Mark present (True), absent (False) or not yet known (None) for one day."""
        with self.store.db.unit_of_work() as session:
            person = _participant(session, participant_id)
            day = session.get(WorkshopDay, day_id)
            if day is None or day.deleted_at is not None or day.workshop_id != person.workshop_id:
                raise NotFoundError(_("The workshop has no day with id {day_id!r}.").format(day_id=day_id))
            row = session.scalar(select(Attendance).where(Attendance.participant_id == participant_id,
                                                          Attendance.day_id == day_id))
            if present is None:
                if row is not None and row.deleted_at is None:
                    row.deleted_at = utcnow()  # a tombstone, so that clearing the mark travels in bundles
            elif row is None:
                session.add(Attendance(participant_id=participant_id, day_id=day_id, present=present))
            else:
                row.present, row.deleted_at = present, None

    def figures(self, workshop_id: str, days: Sequence[DayView]) -> AttendanceFigures:
        """Counts for the report: registered (erased people included), present and absent per day."""
        with self.store.db.reading() as session:
            rows = session.execute(select(Participant.id, Participant.erased_at).where(
                Participant.workshop_id == workshop_id, Participant.deleted_at.is_(None))).all()
            ids = {r[0] for r in rows}
            marks = session.execute(select(Attendance.participant_id, Attendance.day_id, Attendance.present)
                                    .join(Participant, Participant.id == Attendance.participant_id)
                                    .where(Participant.workshop_id == workshop_id,
                                           Attendance.deleted_at.is_(None))).all()
        per_day = []
        attended: set[str] = set()
        for day in days:
            present = {pid for pid, did, here in marks if did == day.id and here and pid in ids}
            absent = {pid for pid, did, here in marks if did == day.id and not here and pid in ids}
            attended |= present
            per_day.append((day, len(present), len(absent)))
        return AttendanceFigures(len(rows), sum(1 for r in rows if r[1] is not None), tuple(per_day), len(attended))

    # --- a person's data on request -----------------------------------------------------------------

    def person(self, participant_id: str) -> PersonRecord:
        """Every entry of the same person (same e-mail, else same name) in all workshops, trash included."""
        with self.store.db.reading() as session:
            rows = self._same_person(session, _participant(session, participant_id, include_deleted=True))
            workshops = []
            for row in rows:
                workshop = session.get(Workshop, row.workshop_id)
                days = session.scalars(select(WorkshopDay.day).where(WorkshopDay.workshop_id == row.workshop_id,
                                                                     WorkshopDay.deleted_at.is_(None))).all()
                if workshop is not None:
                    workshops.append((workshop.id, workshop.title,
                                      dates_text(min(days), max(days)) if days else _("no date yet")))
            first = rows[0]
            actions = self._owned_actions(session, [r.name for r in rows])
            entries = []
            for row in rows:
                present = {a.day_id for a in self._attendance(session, row.id) if a.present}
                entries.append(_view(row, frozenset(present)))
            return PersonRecord(first.name, first.email, tuple(entries), tuple(workshops), tuple(actions))

    def export_person(self, participant_id: str) -> dict[str, Any]:
        """What is stored about the person, as JSON-ready data (for a request under the GDPR)."""
        record = self.person(participant_id)
        titles = {wid: (title, dates) for wid, title, dates in record.workshops}
        with self.store.db.reading() as session:
            days = {d.id: d.day.isoformat() for d in session.scalars(select(WorkshopDay).where(
                WorkshopDay.workshop_id.in_([w[0] for w in record.workshops])))}
        return {
            "format": EXPORT_FORMAT,
            "exported_at": utcnow().isoformat(timespec="seconds"),
            "name": record.name,
            "email": record.email,
            "entries": [{
                "workshop": titles.get(e.workshop_id, ("", ""))[0],
                "workshop_dates": titles.get(e.workshop_id, ("", ""))[1],
                "name": e.name, "organisation": e.organisation, "department": e.department, "email": e.email,
                "consent": e.consent, "consent_date": e.consent_date.isoformat() if e.consent_date else None,
                "present_on": sorted(days[d] for d in e.present if d in days),
                "in_trash": e.deleted_at is not None,
            } for e in record.entries],
            "action_items_owned": len(record.action_ids),
        }

    def erase_person(self, participant_id: str, *, extra_folders: Sequence[Path] = ()) -> Erasure:
        """Remove the person's data everywhere: every entry in every workshop, their name as a trainer, as
        the person responsible for an agenda block and as the owner of action items, and all of it in the
        backups; then read back every file of the data folder (and ``extra_folders``, e.g. the log folder)
        and name those that still hold the name or e-mail (services/workshops/erasure.py).

        Attendance marks stay, attached to an entry without personal data, so counts do not change.
        """
        from inducci_desktop.services.workshops import erasure

        backups = self.store.backups
        backups.remove_leftovers()  # a partial copy left by an interrupted backup would keep the name
        with self.store.db.unit_of_work() as session:
            rows = self._same_person(session, _participant(session, participant_id, include_deleted=True))
            names, emails = erasure.person_terms(rows)
            ids = [r.id for r in rows]
            erasure.erase_in_session(session, rows, names)
            now = rows[0].erased_at or utcnow()
        unclean: list[erasure.UncleanFile] = []
        if not erasure.wait_for_checkpoint(self.store, erasure.CHECKPOINT_WAIT_SECONDS):
            unclean.append(erasure.checkpoint_problem(self.store))
        stamp = now.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        cleaned, failed = backups.scrub(lambda conn: erasure.scrub_connection(conn, ids, names, emails, stamp))
        folders = self.erasure_folders(extra_folders)
        checked, found = erasure.check_files(folders, self.store.path, erasure.search_terms(names, emails))
        failed_paths = {path for path, _reason in failed}
        unclean.extend(erasure.UncleanFile(path, _("the backup could not be cleaned: {reason}").format(reason=reason))
                       for path, reason in failed)
        unclean.extend(f for f in found if f.path not in failed_paths and f not in unclean)
        result = erasure.Erasure(len(rows), len(cleaned), checked, tuple(unclean))
        erasure.log_outcome(result)
        return result

    def erasure_folders(self, extra_folders: Sequence[Path] = ()) -> list[Path]:
        """The folders an erasure reads back: the data folder (backups and logs in it included) and more."""
        return [self.store.path.parent, *(f for f in extra_folders if f.is_dir())]

    def delete_unclean(self, files: Sequence[Path], *, extra_folders: Sequence[Path] = ()) -> list[Path]:
        """Delete files that an erasure could not clean (never the database itself)."""
        from inducci_desktop.services.workshops import erasure

        return erasure.delete_files(self.store, self.erasure_folders(extra_folders), files)

    # --- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _identities(session: Session, workshop_id: str, except_id: str | None = None) -> set[str]:
        rows = session.execute(select(Participant.name, Participant.email, Participant.organisation).where(
            Participant.workshop_id == workshop_id, Participant.deleted_at.is_(None),
            Participant.erased_at.is_(None), Participant.id != (except_id or ""))).all()
        return {identity(*r) for r in rows}

    @staticmethod
    def _same_person(session: Session, row: Participant) -> list[Participant]:
        if row.erased_at is not None:
            raise ValidationError(_("This person's data has been erased already."))
        email = row.email.strip().casefold()
        name = " ".join(row.name.split()).casefold()
        candidates = session.scalars(select(Participant).where(Participant.erased_at.is_(None))).all()
        found = [c for c in candidates if (email and c.email.strip().casefold() == email)
                 or (not c.email.strip() and " ".join(c.name.split()).casefold() == name)
                 or c.id == row.id]
        return sorted(found, key=lambda c: c.created_at)

    @staticmethod
    def _owned_actions(session: Session, names: Sequence[str]) -> list[str]:
        wanted = {" ".join(n.split()).casefold() for n in names if n.strip()}
        rows = session.execute(select(ActionItem.id, ActionItem.owner)).all()
        return [aid for aid, owner in rows if " ".join(owner.split()).casefold() in wanted]

    @staticmethod
    def _attendance(session: Session, participant_id: str) -> list[Attendance]:
        return list(session.scalars(select(Attendance).where(Attendance.participant_id == participant_id,
                                                             Attendance.deleted_at.is_(None))))


def _check(data: ParticipantInput) -> ParticipantInput:
    raw = {"name": data.name, "organisation": data.organisation, "department": data.department,
           "email": data.email, "consent": "yes" if data.consent else "no",
           "consent_date": data.consent_date.isoformat() if data.consent_date else ""}
    person, errors, _warnings = clean_participant(raw, today=date.today())
    if person is None:
        raise ValidationError(_("The participant cannot be saved: ") + "; ".join(errors) + ".")
    return person


def _apply(row: Participant, data: ParticipantInput) -> None:
    if data.name != row.name:
        row.anonymous = False  # a name typed here is a real one
    row.name, row.organisation, row.department, row.email = data.name, data.organisation, data.department, data.email
    row.consent, row.consent_date = data.consent, data.consent_date if data.consent else None


def _view(row: Participant, present: frozenset[str] = frozenset(), absent: frozenset[str] = frozenset()
          ) -> ParticipantView:
    return ParticipantView(row.id, row.workshop_id, row.name, row.organisation, row.department, row.email,
                           row.consent, row.consent_date, present, absent, row.deleted_at, row.row_version,
                           row.changed_by)


def _workshop(session: Session, workshop_id: str) -> Workshop:
    row = session.get(Workshop, workshop_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(_("There is no workshop with id {workshop_id!r}.").format(workshop_id=workshop_id))
    return row


def _participant(session: Session, participant_id: str, *, include_deleted: bool = False) -> Participant:
    row = session.get(Participant, participant_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("There is no participant with id {participant_id!r}.")
            .format(participant_id=participant_id))
    if row.erased_at is not None and not include_deleted:
        raise NotFoundError(_("This participant's data has been erased on request."))
    return row
