"""The stakeholder register: the people and organisations a region consulted, with consent and the
activities they took part in; an interviewee or the workshop participants who agreed are added in one
action each. Erasure on request follows the person into the interview or the workshop entries they came
from, backups included (``services/evidence/erasure.py``).

An activity is ``{"kind", "ref", "label"}``: ``kind`` of ``rules.ACTIVITY_KIND``; ``ref`` an interview's id
for ``interview``, a participant's id for ``workshop`` (the entry the person was added from), else "".
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.evidence import Activity, PeopleAnnex, StakeholderInput, StakeholderView
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.inputs import sentence
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.workshops.csv_import import EMAIL
from inducci_desktop.services.workshops.erasure import Erasure
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Interview, Participant, Region, Stakeholder, Workshop, utcnow


def _line(text: str, what: str, limit: int = rules.NAME) -> str:
    cleaned = " ".join(text.split())
    try:
        rules.check_text(cleaned, what, multiline=False)
        rules.check_length(cleaned, limit, what)
    except ValueError as exc:
        raise ValidationError(_("The stakeholder cannot be saved: {problem}.").format(problem=exc)) from None
    return cleaned


def check_input(data: StakeholderInput, *, today: date | None = None) -> StakeholderInput:
    """``data`` cleaned, or ValidationError naming the problem."""
    if data.kind not in rules.STAKEHOLDER_KIND:
        raise ValidationError(_("Unknown kind {kind!r}; use one of: {join}.")
                              .format(kind=data.kind, join=", ".join(rules.STAKEHOLDER_KIND.values)))
    name, organisation = _line(data.name, N_("name")), _line(data.organisation, N_("organisation"))
    role, email = _line(data.role, N_("role")), _line(data.email, N_("e-mail"))
    if data.kind == "organisation" and not organisation:
        raise ValidationError(_("An organisation needs its name in the organisation field."))
    if not name and not organisation and not role:
        raise ValidationError(_("Say who was consulted: a name, a role or an organisation."))
    if email and not EMAIL.match(email):
        raise ValidationError(_("“{email}” is not an e-mail address.").format(email=email))
    consent_date = data.consent_date if data.consent else None
    if consent_date is not None:
        try:
            rules.check_date(consent_date, N_("consent date"))
        except ValueError as exc:
            raise ValidationError(sentence(exc)) from None
        if consent_date > (today or date.today()):
            raise ValidationError(_("The consent date lies in the future."))
    if len(data.activities) > rules.MAX_ACTIVITIES:
        raise ValidationError(_("A stakeholder can have at most {count} activities.")
                              .format(count=rules.MAX_ACTIVITIES))
    activities = []
    for activity in data.activities:
        if activity.kind not in rules.ACTIVITY_KIND:
            raise ValidationError(_("Unknown kind of activity {kind!r}; use one of: {join}.")
                                  .format(kind=activity.kind, join=", ".join(rules.ACTIVITY_KIND.values)))
        label = _line(activity.label, N_("activity"), rules.TITLE)
        if not label:
            raise ValidationError(_("Each activity needs a description."))
        ref = _line(activity.ref, N_("activity's record"), rules.SOURCE_REF)
        activities.append(Activity(activity.kind, label, ref))
    return StakeholderInput(data.region_id, data.kind, name, organisation, role, email, data.consent,
                            consent_date, tuple(activities))


class StakeholderService:
    def __init__(self, store: Store, library: LibraryService) -> None:
        self.store = store
        self.library = library

    def list(self, region_id: str | None = None, *, deleted: bool = False) -> builtins.list[StakeholderView]:
        """The register (erased people left out), by organisation and name; of one region when given."""
        with self.store.db.reading() as session:
            condition = Stakeholder.deleted_at.is_not(None) if deleted else Stakeholder.deleted_at.is_(None)
            query = select(Stakeholder).where(condition, Stakeholder.erased_at.is_(None))
            if region_id is not None:
                query = query.where(Stakeholder.region_id == region_id)
            views = [_view(session, r) for r in session.scalars(query)]
        collate = i18n.sort_key()  # as the language sorts: Czech ch after h, Polish ł after l
        return sorted(views, key=lambda v: (collate(v.organisation), collate(v.name), collate(v.role)))

    def get(self, stakeholder_id: str) -> StakeholderView:
        with self.store.db.reading() as session:
            return _view(session, _row(session, stakeholder_id, include_deleted=True))

    def add(self, data: StakeholderInput, *, stakeholder_id: str | None = None) -> StakeholderView:
        data = check_input(data)
        with self.store.db.unit_of_work() as session:
            _check_region(session, data.region_id)
            row = Stakeholder()
            if stakeholder_id is not None:
                row.id = stakeholder_id
            _apply(row, data)
            session.add(row)
            session.flush()
            return _view(session, row)

    def update(self, stakeholder_id: str, data: StakeholderInput) -> StakeholderView:
        data = check_input(data)
        with self.store.db.unit_of_work() as session:
            row = _row(session, stakeholder_id)
            _check_region(session, data.region_id)
            _apply(row, data)
            session.flush()
            return _view(session, row)

    def delete(self, stakeholder_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _row(session, stakeholder_id).deleted_at = utcnow()

    def restore(self, stakeholder_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _row(session, stakeholder_id, include_deleted=True).deleted_at = None

    def erase(self, stakeholder_id: str, *, extra_folders: Sequence[Path] = ()) -> Erasure:
        """Erase the person on request: the stakeholder row, the interview or workshop entries they were
        added from (every entry of the same person), the backups; then read back the data folder."""
        from inducci_desktop.services.evidence import erasure

        return erasure.erase(self.store, stakeholder_ids=[stakeholder_id], extra_folders=extra_folders)

    # --- adding from other records --------------------------------------------------------------------

    def add_from_interview(self, interview_id: str) -> StakeholderView:
        """The interviewee as a stakeholder (named only if they agreed), with the interview as activity.
        Refused without their consent, for an erased interview, or when added already."""
        with self.store.db.unit_of_work() as session:
            interview = session.get(Interview, interview_id)
            if interview is None or interview.deleted_at is not None:
                raise NotFoundError(_("There is no interview with id {interview_id!r}.")
                                    .format(interview_id=interview_id))
            if interview.erased_at is not None:
                raise ValidationError(_("This interview was erased on request."))
            if not interview.consent:
                raise ValidationError(_("The interviewee has not agreed to be recorded; they cannot be added."))
            if self._known_refs(session, "interview") & {interview_id}:
                raise ValidationError(_("This interviewee is in the register already."))
            guide = rules.INTERVIEW_GUIDE.labels.get(interview.guide_id, interview.guide_id)
            label = _("Interview ({guide}), {date}").format(guide=guide, date=i18n.format_date(interview.held_on))
            row = Stakeholder(
                region_id=interview.region_id, kind="person",
                name=interview.interviewee_name if interview.name_consent else "",
                organisation=interview.interviewee_organisation, role=interview.interviewee_role, email="",
                consent=True, consent_date=interview.held_on,
                activities=[{"kind": "interview", "ref": interview_id, "label": label[:rules.TITLE]}])
            session.add(row)
            session.flush()
            return _view(session, row)

    def add_from_workshop(self, workshop_id: str) -> builtins.list[StakeholderView]:
        """The workshop's participants who agreed (consent given), each with the workshop as activity;
        people added from this workshop before are left out. All in one transaction."""
        with self.store.db.unit_of_work() as session:
            workshop = session.get(Workshop, workshop_id)
            if workshop is None or workshop.deleted_at is not None:
                raise NotFoundError(_("There is no workshop with id {workshop_id!r}.").format(workshop_id=workshop_id))
            known = self._known_refs(session, "workshop")
            people = session.scalars(select(Participant).where(
                Participant.workshop_id == workshop_id, Participant.deleted_at.is_(None),
                Participant.erased_at.is_(None), Participant.consent.is_(True),
                Participant.anonymous.is_(False))).all()
            added = []
            for person in sorted(people, key=lambda p: p.name.casefold()):
                if person.id in known:
                    continue
                row = Stakeholder(region_id=workshop.region_id, kind="person", name=person.name,
                                  organisation=person.organisation, role=person.department, email=person.email,
                                  consent=True, consent_date=person.consent_date,
                                  activities=[{"kind": "workshop", "ref": person.id,
                                               "label": f"Workshop: {workshop.title}"[:rules.TITLE]}])
                session.add(row)
                added.append(row)
            session.flush()
            return [_view(session, r) for r in added]

    def annex(self, region_id: str | None = None) -> PeopleAnnex:
        """What the "people consulted" annex prints (names only of those who agreed, in the view)."""
        people = self.list(region_id)
        region = ""
        if region_id is not None:
            with self.store.db.reading() as session:
                found = session.get(Region, region_id)
                region = found.name if found is not None else ""
        return PeopleAnnex(_("People consulted"), region, tuple(people), date.today())

    @staticmethod
    def _known_refs(session: Session, kind: str) -> set[str]:
        rows = session.scalars(select(Stakeholder.activities).where(Stakeholder.erased_at.is_(None),
                                                                    Stakeholder.deleted_at.is_(None))).all()
        return {a.get("ref", "") for acts in rows for a in acts if a.get("kind") == kind and a.get("ref")}


def _apply(row: Stakeholder, data: StakeholderInput) -> None:
    row.region_id, row.kind, row.name, row.organisation = data.region_id, data.kind, data.name, data.organisation
    row.role, row.email, row.consent, row.consent_date = data.role, data.email, data.consent, data.consent_date
    row.activities = [{"kind": a.kind, "ref": a.ref, "label": a.label} for a in data.activities]


def _view(session: Session, row: Stakeholder) -> StakeholderView:
    region = session.get(Region, row.region_id) if row.region_id else None
    activities = tuple(Activity(str(a.get("kind", "other")), str(a.get("label", "")), str(a.get("ref", "")))
                       for a in row.activities)
    return StakeholderView(row.id, row.region_id, region.name if region is not None else "", row.kind, row.name,
                           row.organisation, row.role, row.email, row.consent, row.consent_date, activities,
                           row.deleted_at, row.erased_at)


def _check_region(session: Session, region_id: str | None) -> None:
    if region_id is None:
        return
    region = session.get(Region, region_id)
    if region is None or region.deleted_at is not None:
        raise NotFoundError(_("There is no region with id {region_id!r}.").format(region_id=region_id))


def _row(session: Session, stakeholder_id: str, *, include_deleted: bool = False) -> Stakeholder:
    row = session.get(Stakeholder, stakeholder_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("There is no stakeholder with id {stakeholder_id!r}.")
                            .format(stakeholder_id=stakeholder_id))
    if row.erased_at is not None:
        raise ValidationError(_("This person's data was erased on request."))
    return row
