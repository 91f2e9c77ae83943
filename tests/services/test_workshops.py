"""Workshops: details and days, agenda from formats with times, copies, outcomes, actions and feedback."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.workshops.agenda import format_duration, format_time, lay_out, parse_time
from inducci_desktop.services.workshops.feedback import DEFAULT_QUESTIONS
from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput, dates_text

D1, D2 = date(2026, 5, 12), date(2026, 5, 13)


def two_days(services: Services, title: str = "CCI competency training Bielsko-Biała") -> str:
    data = WorkshopInput(title, (DayInput(D2, 9 * 60, 16 * 60), DayInput(D1, 9 * 60, 17 * 60)),
                         venue="Urząd Miejski, sala 204", mode="in_person", trainers="Zofia Wójcik")
    return services.workshops.create(data).id


def test_agenda_arithmetic() -> None:
    assert parse_time("9:30") == 570 and parse_time("09.05") == 545 and parse_time("14") == 840
    for bad in ("25:00", "9:75", "noon", ""):
        with pytest.raises(ValidationError):
            parse_time(bad)
    assert format_time(570) == "09:30" and format_duration(90) == "1 h 30 min" and format_duration(45) == "45 min"
    plan = lay_out(540, 600, [(30, False), (15, True), (30, False)])
    assert [(b.start, b.end) for b in plan.blocks] == [(540, 570), (570, 585), (585, 615)]
    assert not plan.fits and plan.overrun == 15 and plan.break_minutes == 15
    assert "Does not fit" in plan.message() and "15 min after 10:00" in plan.message()
    assert "still free" in lay_out(540, 600, [(30, False)]).message()
    assert dates_text(D1, D2) == "12–13 May 2026"


def test_create_list_update_and_trash(services: Services) -> None:
    wid = two_days(services)
    view = services.workshops.get(wid)
    assert [d.day for d in view.days] == [D1, D2] and [d.number for d in view.days] == [1, 2]
    assert view.status == "planned" and view.dates_text == "12–13 May 2026"
    assert [q.text for q in services.workshops.results.questions(wid)] == [t for _k, t in DEFAULT_QUESTIONS]
    assert [w.id for w in services.workshops.list(when="upcoming", today=date(2026, 1, 1))] == [wid]
    assert services.workshops.list(when="past", today=date(2026, 1, 1)) == []
    assert [w.id for w in services.workshops.list(when="past", today=date(2026, 6, 1))] == [wid]

    data = view.as_input()
    changed = services.workshops.update(wid, WorkshopInput(**{**data.__dict__, "status": "held",
                                                              "days": data.days[:1]}))
    assert changed.status == "held" and len(changed.days) == 1
    services.workshops.delete(wid)
    assert services.workshops.list() == []
    with pytest.raises(NotFoundError):
        services.workshops.get(wid)
    services.workshops.restore(wid)
    assert services.workshops.get(wid).title.startswith("CCI")


@pytest.mark.parametrize(("days", "message"), [
    ((DayInput(D1, 600, 540),), "end after it starts"),
    ((DayInput(D1, 540, 720), DayInput(D1, 700, 800)), "overlap"),
])
def test_bad_days_are_refused(services: Services, days: tuple[DayInput, ...], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.workshops.create(WorkshopInput("X", days))
    assert services.workshops.list() == []


def test_bad_details_are_refused(services: Services) -> None:
    for data, message in ((WorkshopInput("  "), "title"), (WorkshopInput("X", mode="carrier pigeon"), "mode"),
                          (WorkshopInput("X", status="done"), "status")):
        with pytest.raises(ValidationError, match=message):
            services.workshops.create(data)
    with pytest.raises(NotFoundError):
        services.workshops.create(WorkshopInput("X", region_id="nope"))


def test_agenda_from_formats_with_times_reorder_and_trash(services: Services) -> None:
    services.prepare()
    formats = {f.id: f for f in services.workshops.formats()}
    lunch = formats["format-networking-lunch"]
    assert lunch.default_minutes == 45 and "45" in lunch.duration_text
    wid = two_days(services)
    day = services.workshops.get(wid).days[0]
    ws = services.workshops
    intro = ws.add_block(day.id, BlockInput("Welcome and goals", 30, responsible="Zofia Wójcik"))
    qa = ws.add_block(day.id, BlockInput(formats["format-qa-with-creatives"].title, 60,
                                         format_id="format-qa-with-creatives"))
    pause = ws.add_block(day.id, BlockInput("", 15, kind="break"))
    ws.add_block(day.id, BlockInput(lunch.title, lunch.default_minutes, format_id=lunch.id), position=1)
    agenda = ws.agenda_day(day.id)
    assert [b.title for b in agenda.blocks] == ["Welcome and goals", lunch.title, "Q&A with creatives", "Break"]
    assert [format_time(b.start) for b in agenda.blocks] == ["09:00", "09:30", "10:15", "11:15"]
    assert agenda.plan.fits and agenda.plan.total == 150

    ws.move_block(pause.id, 0)
    assert ws.agenda_day(day.id).blocks[0].id == pause.id
    ws.order_blocks(day.id, [intro.id, qa.id, pause.id, agenda.blocks[1].id])
    assert [b.id for b in ws.agenda_day(day.id).blocks][:3] == [intro.id, qa.id, pause.id]
    ws.delete_block(qa.id)
    assert qa.id not in [b.id for b in ws.agenda_day(day.id).blocks]
    ws.restore_block(qa.id, 1)
    assert ws.agenda_day(day.id).blocks[1].id == qa.id

    ws.add_block(day.id, BlockInput("Site visit", 480))
    plan = ws.agenda_day(day.id).plan
    assert not plan.fits and plan.overrun == 150
    day2 = services.workshops.get(wid).days[1]
    ws.move_block(intro.id, 0, day_id=day2.id)
    assert [b.id for b in ws.agenda_day(day2.id).blocks] == [intro.id]
    with pytest.raises(ValidationError):
        ws.add_block(day.id, BlockInput("Too long", 0))
    with pytest.raises(ValidationError):
        ws.order_blocks(day.id, [qa.id])


def test_copy_for_a_repeat_keeps_plan_not_people(services: Services) -> None:
    from inducci_desktop.services.workshops.csv_import import ParticipantInput

    wid = two_days(services)
    day = services.workshops.get(wid).days[0]
    services.workshops.add_block(day.id, BlockInput("Role play", 60, format_id="format-role-play"))
    services.workshops.people.add(wid, ParticipantInput("Zofia Wójcik"))
    services.workshops.results.set_questions(wid, [(None, "rating", "Was it worth it?")])
    copy = services.workshops.copy(wid, first_day=date(2026, 10, 5))
    assert copy.title.endswith("(repeat)") and copy.status == "planned"
    assert [d.day for d in copy.days] == [date(2026, 10, 5), date(2026, 10, 6)]
    assert [b.title for b in services.workshops.agenda(copy.id)[0].blocks] == ["Role play"]
    assert services.workshops.people.participants(copy.id) == []
    assert [q.text for q in services.workshops.results.questions(copy.id)] == ["Was it worth it?"]


def test_outcomes_actions_and_the_overview(services: Services) -> None:
    results = services.workshops.results
    a, b = two_days(services), two_days(services, "Second training")
    results.add_outcome(a, "decision", "Set up a CCI contact point in the economic development office")
    results.add_outcome(a, "need", "Creatives need one contact person at the town hall")
    assert [o.kind for o in results.outcomes(a)] == ["need", "decision"]
    with pytest.raises(ValidationError):
        results.add_outcome(a, "gossip", "x")
    first = results.add_action(a, "Draft the contact-point proposal", "Zofia Wójcik", date(2026, 6, 30))
    results.add_action(b, "Invite creatives to the next round", due=date(2026, 6, 1))
    done = results.add_action(b, "Send the photos", status="done")
    assert [x.text for x in results.actions(open_only=True)] == ["Invite creatives to the next round",
                                                                  "Draft the contact-point proposal"]
    assert results.actions(open_only=True)[0].workshop_title == "Second training"
    results.update_action(first.id, status="done")
    assert len(results.actions(open_only=True)) == 1
    assert results.actions(a)[0].overdue(date(2026, 7, 1)) is False
    results.delete_action(done.id)
    assert done.id not in [x.id for x in results.actions(b)]
    services.workshops.delete(b)
    assert results.actions(open_only=True) == []


def test_feedback_entry_and_summary(services: Services) -> None:
    results = services.workshops.results
    wid = two_days(services)
    q = results.questions(wid)
    useful, organised, contact, valuable = q[0].id, q[1].id, q[2].id, q[3].id
    results.add_response(wid, {useful: 5, organised: "4", contact: "yes", valuable: "The site visit"})
    results.add_response(wid, {useful: 4, contact: "p"})
    results.add_response(wid, {useful: "3", organised: 4, contact: "no"})
    for bad in ({useful: 6}, {contact: "maybe"}, {"other": 1}, {useful: ""}):
        with pytest.raises(ValidationError):
            results.add_response(wid, bad)
    summary = results.summary(wid)
    assert summary.responses == 3
    by_id = {s.question.id: s for s in summary.questions}
    assert by_id[useful].average == 4.0 and dict(by_id[useful].distribution) == {"1": 0, "2": 0, "3": 1,
                                                                                  "4": 1, "5": 1}
    assert by_id[organised].average == 4.0 and by_id[organised].answered == 2
    assert dict(by_id[contact].distribution) == {"yes": 1, "partly": 1, "no": 1}
    assert by_id[valuable].comments == ("The site visit",)
    # editing the form keeps old answers attached to the questions that stay
    questions = results.set_questions(wid, [(useful, "rating", "Useful for your work?"),
                                            (None, "text", "Anything else?")])
    assert [x.text for x in questions] == ["Useful for your work?", "Anything else?"]
    assert results.summary(wid).questions[0].average == 4.0


@pytest.mark.parametrize(("minutes", "text"), [(675, "11 hours 15 minutes"), (480, "8 hours"), (60, "1 hour"),
                                               (45, "45 minutes"), (61, "1 hour 1 minute"), (0, "0 hours")])
def test_hours_on_certificates_read_as_words(minutes: int, text: str) -> None:
    from inducci_desktop.services.workshops.agenda import hours_text

    assert hours_text(minutes) == text


def test_place_and_certificate_fields_and_a_removed_day_coming_back(services: Services) -> None:
    days = (DayInput(date(2026, 6, 3), 540, 960), DayInput(date(2026, 6, 4), 540, 900))
    view = services.workshops.create(WorkshopInput("Żywiec", days, place="  Żywiec  ", certificate_minutes=600))
    assert (view.place, view.certificate_minutes, view.certificate_date) == ("Żywiec", 600, None)
    with pytest.raises(ValidationError, match="hours on the certificate"):
        services.workshops.update(view.id, WorkshopInput("Żywiec", view.as_input().days, certificate_minutes=-5))
    before = view.as_input()
    second = view.days[1]
    services.workshops.add_block(second.id, BlockInput("Mapa kreatywnych", 60))
    # a save without the second day trashes it; saving the earlier details (undo) brings it back, agenda and all
    services.workshops.update(view.id, WorkshopInput(**{**before.__dict__, "days": before.days[:1]}))
    assert len(services.workshops.get(view.id).days) == 1
    services.workshops.update(view.id, before)
    again = services.workshops.get(view.id)
    assert [d.id for d in again.days] == [d.id for d in view.days]
    assert [b.title for b in services.workshops.agenda_day(second.id).blocks] == ["Mapa kreatywnych"]
