"""Erasing interviewees and stakeholders on request, everywhere they appear, backups included.

One erasure follows the person across records: a stakeholder added from an interview takes the interview
with it (and the interview the stakeholder), one added from workshop participants takes those entries
(every entry of the same person, as the participant erasure does). The values are overwritten in the
database, then in every backup, and the data folder is read back for the names and e-mails, exactly as
``services/workshops/erasure.py`` does for participants (whose helpers this module uses).

A finding made from an erased interview answer keeps its statement — the user's own summary, which they
can edit or delete — but the source title it copied (the question, the interviewee's organisation) is
cleared, and the register shows its source as erased.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.workshops import erasure as common
from inducci_desktop.services.workshops.people import PeopleService
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Finding, Interview, InterviewAnswer, Participant, Stakeholder, utcnow

Erasure = common.Erasure


class _Found:
    def __init__(self) -> None:
        self.interviews: dict[str, Interview] = {}
        self.stakeholders: dict[str, Stakeholder] = {}
        self.participants: dict[str, Participant] = {}

    @property
    def entries(self) -> int:
        return len(self.interviews) + len(self.stakeholders) + len(self.participants)


def _collect(session: Session, interview_ids: Iterable[str], stakeholder_ids: Iterable[str]) -> _Found:
    """The records of the person: those named, and those linked to them through a stakeholder's activities."""
    found = _Found()
    for iid in interview_ids:
        row = session.get(Interview, iid)
        if row is None:
            raise NotFoundError(_("There is no interview with id {interview_id!r}.").format(interview_id=iid))
        if row.erased_at is not None:
            raise ValidationError(_("This interview was erased on request already."))
        found.interviews[iid] = row
    for sid in stakeholder_ids:
        row2 = session.get(Stakeholder, sid)
        if row2 is None:
            raise NotFoundError(_("There is no stakeholder with id {stakeholder_id!r}.").format(stakeholder_id=sid))
        if row2.erased_at is not None:
            raise ValidationError(_("This person's data was erased on request already."))
        found.stakeholders[sid] = row2
    people = session.scalars(select(Stakeholder).where(Stakeholder.erased_at.is_(None),
                                                       Stakeholder.kind == "person")).all()
    for person in people:  # a person added from one of these interviews is the interviewee
        if any(a.get("kind") == "interview" and a.get("ref") in found.interviews for a in person.activities):
            found.stakeholders.setdefault(person.id, person)
    for person in list(found.stakeholders.values()):
        _follow_activities(session, person, found)
    return found


def _follow_activities(session: Session, person: Stakeholder, found: _Found) -> None:
    """Add the interview or the workshop entries (every entry of the same person) the stakeholder came from."""
    for activity in person.activities:
        ref, kind = activity.get("ref", ""), activity.get("kind")
        if kind == "interview" and ref:
            interview = session.get(Interview, ref)
            if interview is not None and interview.erased_at is None:
                found.interviews.setdefault(ref, interview)
        elif kind == "workshop" and ref:
            participant = session.get(Participant, ref)
            if participant is not None and participant.erased_at is None:
                for same in PeopleService._same_person(session, participant):
                    found.participants.setdefault(same.id, same)


def _terms(found: _Found) -> tuple[list[str], list[str]]:
    names = {i.interviewee_name for i in found.interviews.values()}
    names |= {s.name for s in found.stakeholders.values() if s.kind == "person"}
    emails = {s.email for s in found.stakeholders.values()}
    p_names, p_emails = common.person_terms(list(found.participants.values()))
    names |= set(p_names)
    emails |= set(p_emails)
    return (sorted({" ".join(n.split()) for n in names if n.strip()}),
            sorted({e.strip() for e in emails if e.strip()}))


def _erase_rows(session: Session, found: _Found, names: Sequence[str]) -> None:
    if session.connection().dialect.name == "sqlite":  # a server's storage is the administrator's (README)
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    now = utcnow()
    for row in found.interviews.values():
        row.interviewee_role = row.interviewee_organisation = row.interviewee_name = row.notes = ""
        row.consent, row.name_consent, row.erased_at = False, False, now
        for answer in session.scalars(select(InterviewAnswer).where(InterviewAnswer.interview_id == row.id)):
            answer.answer = answer.note = ""
        session.execute(update(Finding).where(Finding.source_kind == "interview",
                                              Finding.source_ref.startswith(f"{row.id}/", autoescape=True))
                        .values(source_title=""))
    for stakeholder in found.stakeholders.values():
        stakeholder.name = stakeholder.organisation = stakeholder.role = stakeholder.email = ""
        stakeholder.consent, stakeholder.consent_date, stakeholder.activities = False, None, []
        stakeholder.erased_at = now
    if found.participants:
        common.erase_in_session(session, list(found.participants.values()), names)


def scrub_connection(conn: sqlite3.Connection, interview_ids: Sequence[str], stakeholder_ids: Sequence[str],
                     names: Sequence[str], emails: Sequence[str], stamp: str) -> int:
    """The same erasure in a backup file (plain sqlite3; a backup older than the evidence tables has none)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    changed = 0
    if "interviews" in tables:
        for iid in interview_ids:
            changed += conn.execute(
                "UPDATE interviews SET interviewee_role = '', interviewee_organisation = '', interviewee_name = '', "
                "notes = '', consent = 0, name_consent = 0, erased_at = ? WHERE id = ?", (stamp, iid)).rowcount
            changed += conn.execute("UPDATE interview_answers SET answer = '', note = '' WHERE interview_id = ? "
                                    "AND (answer != '' OR note != '')", (iid,)).rowcount
            changed += conn.execute(
                "UPDATE evidence_findings SET source_title = '' WHERE source_kind = 'interview' "
                "AND substr(source_ref, 1, ?) = ? AND source_title != ''", (len(iid) + 1, f"{iid}/")).rowcount
    if "stakeholders" in tables:
        rows = conn.execute("SELECT id, name, email FROM stakeholders WHERE erased_at IS NULL").fetchall()
        known = set(stakeholder_ids)
        ids = {rid for rid, _n, _e in rows if rid in known}
        for name in names:
            ids.update(common.same_person(rows, name, ""))
        for email in emails:
            ids.update(common.same_person(rows, "", email))
        for rid in sorted(ids):
            changed += conn.execute(
                "UPDATE stakeholders SET name = '', organisation = '', role = '', email = '', consent = 0, "
                "consent_date = NULL, activities = '[]', erased_at = ? WHERE id = ?", (stamp, rid)).rowcount
    return changed


def erase(store: Store, *, interview_ids: Sequence[str] = (), stakeholder_ids: Sequence[str] = (),
          extra_folders: Sequence[Path] = ()) -> Erasure:
    """Erase the interviews and stakeholders named, and every record linked to the same person; then the
    backups; then read back every file of the data folder (and ``extra_folders``) for names and e-mails."""
    backups = store.backups
    backups.remove_leftovers()
    with store.db.unit_of_work() as session:
        found = _collect(session, interview_ids, stakeholder_ids)
        names, emails = _terms(found)
        _erase_rows(session, found, names)
        interviews, stakeholders = sorted(found.interviews), sorted(found.stakeholders)
        participants = sorted(found.participants)
        entries = found.entries
        now = utcnow()
    unclean: list[common.UncleanFile] = []
    if not common.wait_for_checkpoint(store, common.CHECKPOINT_WAIT_SECONDS):
        unclean.append(common.checkpoint_problem(store))
    stamp = now.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")

    def clean(conn: sqlite3.Connection) -> int:
        changed = scrub_connection(conn, interviews, stakeholders, names, emails, stamp)
        if participants:
            changed += common.scrub_connection(conn, participants, names, emails, stamp)
        return changed

    cleaned, failed = backups.scrub(clean)
    folders = [store.path.parent, *(f for f in extra_folders if f.is_dir())]
    checked, found_files = common.check_files(folders, store.path, common.search_terms(names, emails))
    failed_paths = {path for path, _reason in failed}
    unclean.extend(common.UncleanFile(path, _("the backup could not be cleaned: {reason}").format(reason=reason))
                   for path, reason in failed)
    unclean.extend(f for f in found_files if f.path not in failed_paths and f not in unclean)
    result = Erasure(entries, len(cleaned), checked, tuple(unclean))
    common.log_outcome(result)
    return result
