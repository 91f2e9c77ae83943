"""Interviews from the toolbox's interview guides and the stakeholder register: questions from the guides'
Markdown, autosave per answer, soft delete, erasure on request (database, findings, backups)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from inducci_desktop.domain.evidence import Activity, InterviewInput, StakeholderInput
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.evidence.guides import parse_questions
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
from inducci_desktop.store.models import Finding, Interview, InterviewAnswer, Participant, Stakeholder

ANSWER = "Wir treffen Kreative bei Zwischennutzungsgenehmigungsfristen – Łódź, Žilina, Győr."


@pytest.fixture
def ready(services: Services) -> Services:
    services.prepare()
    return services


def region(services: Services, name: str = "Śląskie") -> str:
    return services.regions.add(name).id


def interview(services: Services, region_id: str, **changes: object) -> str:
    data = dict(guide_id="interview-administration", region_id=region_id, held_on=date(2026, 3, 4),
                interviewer="Trainer", interviewee_role="Head of economic development",
                interviewee_organisation="Urząd Miasta Żywiec", consent=True)
    data.update(changes)
    return services.interviews.create(InterviewInput(**data)).id  # type: ignore[arg-type]


def test_questions_come_from_the_numbered_lists_under_each_heading(ready: Services) -> None:
    guides = {g.id: g for g in ready.interviews.guides()}
    assert set(guides) == {"interview-administration", "interview-cci-actors", "interview-industrial-companies"}
    admin = guides["interview-administration"]
    assert [q.key for q in admin.questions] == [f"q{n}" for n in range(1, 25)]
    first, fifth = admin.questions[0], admin.questions[4]
    assert first.section == "Role and picture of the sector"
    assert first.text.startswith("What is your role")
    assert fifth.section == "Contact with creatives today"
    assert all("consent" not in q.text.casefold() or q.number for q in admin.questions)
    assert not any(q.section.startswith(("How to conduct", "After the interview", "Before the interview"))
                   for g in guides.values() for q in g.questions)
    assert len(guides["interview-industrial-companies"].questions) == 23


def test_question_keys_follow_the_list_numbers_not_the_position() -> None:
    body = ("## A\n\n- **Bullet** not a question\n\n3. Third *emphasised* question?\n4. Fourth\n\n"
            "## B\n\n7. Seventh\n   - nested bullet\n\nText.\n")
    questions = parse_questions(body)
    assert [(q.key, q.section, q.text) for q in questions] == [
        ("q3", "A", "Third emphasised question?"), ("q4", "A", "Fourth"), ("q7", "B", "Seventh")]


def test_create_answer_autosave_and_list_per_region(ready: Services) -> None:
    rid, other = region(ready), region(ready, "Gorenjska")
    iid = interview(ready, rid, interviewee_name="Zofia Wójcik", name_consent=False)
    interview(ready, other)
    stored = ready.store.db
    with stored.reading() as session:
        assert session.get(Interview, iid).interviewee_name == ""  # type: ignore[union-attr]  # no consent, no name
    ack = ready.interviews.set_answer(iid, "q5", ANSWER)
    ready.interviews.set_note(iid, "q5", "spoke quickly")
    ready.interviews.set_answer(iid, "q1", "Wirtschaftsförderung")
    assert ack.question_key == "q5"
    view = ready.interviews.get(iid)
    assert [a.question.key for a in view.answers][:3] == ["q1", "q2", "q3"]
    q5 = next(a for a in view.answers if a.question.key == "q5")
    assert (q5.answer, q5.note) == (ANSWER, "spoke quickly")
    listed = ready.interviews.list(rid)
    assert [s.id for s in listed] == [iid]
    assert listed[0].guide_title == "Interview guide for administration staff"
    assert (listed[0].answered, listed[0].questions) == (2, 24)
    assert len(ready.interviews.list()) == 2
    with stored.reading() as session:
        assert session.scalar(select(InterviewAnswer.answer).where(InterviewAnswer.question_key == "q5")) == ANSWER


def test_bad_input_is_refused_and_changes_nothing(ready: Services) -> None:
    rid = region(ready)
    with pytest.raises(ValidationError, match="role or their organisation"):
        interview(ready, rid, interviewee_role="", interviewee_organisation=" ")
    with pytest.raises(ValidationError, match="interview guide"):
        interview(ready, rid, guide_id="guide-regional-strategy-paper")
    with pytest.raises(ValidationError, match="control character"):
        interview(ready, rid, interviewer="Tab\x07")
    with pytest.raises(NotFoundError):
        interview(ready, "no-such-region")
    assert ready.interviews.list() == []
    iid = interview(ready, rid)
    with pytest.raises(NotFoundError, match="no question"):
        ready.interviews.set_answer(iid, "q99", "x")
    with pytest.raises(ValidationError, match="20,000"):
        ready.interviews.set_answer(iid, "q1", "x" * 20_001)
    assert ready.interviews.list()[0].answered == 0


def test_name_kept_only_with_consent_and_printed_interviewee(ready: Services) -> None:
    rid = region(ready)
    iid = interview(ready, rid, interviewee_name="Zofia Wójcik", name_consent=True)
    summary = ready.interviews.summary(iid)
    assert summary.interviewee == "Zofia Wójcik (Head of economic development, Urząd Miasta Żywiec)"


def test_delete_and_restore(ready: Services) -> None:
    iid = interview(ready, region(ready))
    ready.interviews.delete(iid)
    assert ready.interviews.list() == [] and [s.id for s in ready.interviews.list(deleted=True)] == [iid]
    with pytest.raises(NotFoundError):
        ready.interviews.set_answer(iid, "q1", "x")
    ready.interviews.restore(iid)
    assert [s.id for s in ready.interviews.list()] == [iid]


@pytest.mark.sqlite_only("reads the bytes of the database file and of its file backups after the erasure")
def test_erase_blanks_the_interviewee_answers_findings_stakeholder_and_backups(ready: Services) -> None:
    rid = region(ready)
    iid = interview(ready, rid, interviewee_name="Zdeněk Šťastný", name_consent=True)
    keep = interview(ready, rid, interviewee_role="Kurátorka", interviewee_organisation="Galerie Ostrava")
    ready.interviews.set_answer(iid, "q2", ANSWER)
    ready.interviews.set_note(iid, "q2", "Poznámka: Šťastný souhlasí")
    ready.interviews.set_answer(keep, "q2", "Andere Antwort")
    person = ready.stakeholders.add_from_interview(iid)
    assert person.name == "Zdeněk Šťastný"
    with ready.store.db.unit_of_work() as session:
        session.add(Finding(region_id=rid, statement="Creatives meet the office over permits.",
                            source_kind="interview", source_ref=f"{iid}/q2",
                            source_title="Urząd Miasta Żywiec · q2", observed_on=date(2026, 3, 4)))
    backup = ready.maintenance.create_backup()

    result = ready.interviews.erase(iid)

    assert result.entries == 2 and result.backups == 1 and result.complete
    view = ready.interviews.get(iid)
    assert view.summary.erased_at is not None and view.summary.interviewee == ""
    assert all(a.answer == "" and a.note == "" for a in view.answers)
    assert ready.interviews.get(keep).answers[1].answer == "Andere Antwort"
    with ready.store.db.reading() as session:
        finding = session.scalars(select(Finding)).one()
        assert finding.source_title == "" and finding.statement == "Creatives meet the office over permits."
        erased = session.get(Stakeholder, person.id)
        assert erased is not None and erased.erased_at is not None and erased.name == ""
    assert ready.stakeholders.list() == []
    for path in (ready.store.path, ready.store.backups.get(backup.id).path):
        raw = path.read_bytes()
        for gone in ("Šťastný", "Zwischennutzungsgenehmigungsfristen", "Urząd Miasta Żywiec"):
            assert gone.encode() not in raw, (path.name, gone)
        assert "Kurátorka".encode() in raw
    with pytest.raises(ValidationError, match="erased"):
        ready.interviews.set_answer(iid, "q1", "again")
    with pytest.raises(ValidationError, match="already"):
        ready.interviews.erase(iid)


def test_stakeholders_add_edit_delete_and_bad_input(ready: Services) -> None:
    rid = region(ready)
    reg = ready.stakeholders
    added = reg.add(StakeholderInput(rid, "organisation", organisation="Kulturní centrum Ostrava",
                                     activities=(Activity("focus_group", "Focus group on vacant halls"),)))
    person = reg.add(StakeholderInput(rid, name="Jürgen Weiß", organisation="Stadt Chemnitz", role="Amtsleiter",
                                      email="jw@example.de", consent=True, consent_date=date(2026, 2, 1)))
    assert [s.organisation for s in reg.list(rid)] == ["Kulturní centrum Ostrava", "Stadt Chemnitz"]
    changed = reg.update(person.id, StakeholderInput(rid, name="Jürgen Weiß", organisation="Stadt Chemnitz",
                                                     role="Referent", consent=False,
                                                     consent_date=date(2026, 2, 1)))
    assert changed.role == "Referent" and changed.consent_date is None and changed.printed_name == ""
    for bad, message in ((StakeholderInput(rid), "Say who"), (StakeholderInput(rid, name="A", email="nope"),
                                                               "e-mail"),
                         (StakeholderInput(rid, "organisation", name="B"), "organisation field"),
                         (StakeholderInput(rid, name="C", activities=(Activity("party", "x"),)), "activity"),
                         (StakeholderInput(rid, name="D", consent=True, consent_date=date(2199, 1, 1)), "future")):
        with pytest.raises(ValidationError, match=message):
            reg.add(bad)
    reg.delete(added.id)
    assert [s.id for s in reg.list()] == [person.id]
    reg.restore(added.id)
    assert len(reg.list()) == 2


@pytest.mark.sqlite_only("reads the bytes of the database file and of its file backups after the erasure")
def test_participants_who_agreed_become_stakeholders_and_erasure_reaches_them(ready: Services) -> None:
    rid = region(ready)
    days = (DayInput(date(2026, 5, 12), 540, 1020),)
    workshop = ready.workshops.create(WorkshopInput("Training Kranj", days, region_id=rid))
    people = ready.workshops.people
    people.add(workshop.id, ParticipantInput("Urška Kranjc", "Mestna občina Kranj", "Oddelek", "urska@example.si",
                                             True, date(2026, 5, 1)))
    people.add(workshop.id, ParticipantInput("Gábor Szőke", "Ügynökség", consent=False))
    other = ready.workshops.create(WorkshopInput("Second training", days))
    people.add(other.id, ParticipantInput("Urška Kranjc", "Mestna občina Kranj", email="urska@example.si",
                                          consent=True, consent_date=date(2026, 5, 1)))
    added = ready.stakeholders.add_from_workshop(workshop.id)
    assert [(s.name, s.role, s.activities[0].label) for s in added] == [
        ("Urška Kranjc", "Oddelek", "Workshop: Training Kranj")]
    assert ready.stakeholders.add_from_workshop(workshop.id) == []  # not twice
    backup = ready.maintenance.create_backup()

    result = ready.stakeholders.erase(added[0].id)

    assert result.entries == 3 and result.backups == 1  # the stakeholder and both workshop entries
    with ready.store.db.reading() as session:
        names = session.scalars(select(Participant.name)).all()
    assert sorted(names) == ["", "", "Gábor Szőke"]
    for path in (ready.store.path, ready.store.backups.get(backup.id).path):
        raw = path.read_bytes()
        assert b"Kranjc" not in raw and b"urska@example.si" not in raw
        assert "Szőke".encode() in raw


def test_interviewee_without_consent_is_not_added(ready: Services) -> None:
    rid = region(ready)
    iid = interview(ready, rid, consent=False)
    with pytest.raises(ValidationError, match="not agreed"):
        ready.stakeholders.add_from_interview(iid)
    ok = interview(ready, rid, interviewee_name="Name Without Consent", name_consent=False)
    person = ready.stakeholders.add_from_interview(ok)
    assert person.name == "" and person.role == "Head of economic development"
    with pytest.raises(ValidationError, match="already"):
        ready.stakeholders.add_from_interview(ok)


def test_people_annex_prints_names_only_with_consent(ready: Services, tmp_path: Path) -> None:
    rid = region(ready)
    ready.stakeholders.add(StakeholderInput(rid, name="Agnieszka Szczęsna", organisation="RAR", consent=True,
                                            consent_date=date(2026, 1, 5)))
    ready.stakeholders.add(StakeholderInput(rid, name="Tomasz Łęcki", organisation="Gmina", consent=False))
    annex = ready.stakeholders.annex(rid)
    assert annex.region == "Śląskie"
    assert [p.printed_name for p in annex.people] == ["", "Agnieszka Szczęsna"]


@pytest.mark.sqlite_only("reads the bytes of the database file and of its file backups after the erasure")
def test_erasing_a_participant_reaches_the_stakeholder_added_from_them(ready: Services) -> None:
    rid = region(ready)
    workshop = ready.workshops.create(WorkshopInput("Delavnica", (DayInput(date(2026, 5, 12), 540, 1020),),
                                                    region_id=rid))
    person = ready.workshops.people.add(workshop.id, ParticipantInput(
        "Urška Kranjc", "Mestna občina Kranj", "Oddelek za gospodarstvo", "urska@example.si", True,
        date(2026, 5, 1)))
    [stakeholder] = ready.stakeholders.add_from_workshop(workshop.id)
    backup = ready.maintenance.create_backup()

    result = ready.workshops.people.erase_person(person.id)

    assert result.complete and result.backups == 1
    assert ready.stakeholders.list() == []
    with ready.store.db.reading() as session:
        row = session.get(Stakeholder, stakeholder.id)
        assert row is not None and row.erased_at is not None and row.activities == []
    for path in (ready.store.path, ready.store.backups.get(backup.id).path):
        raw = path.read_bytes()
        assert b"Kranjc" not in raw and b"Oddelek za gospodarstvo" not in raw, path.name
