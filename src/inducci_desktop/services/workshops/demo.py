"""The demo workshop: a two-day training in Bielsko-Biała with invented participants, attendance, outcomes,
action items and feedback. All people are fictional."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.services.errors import NotFoundError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

PEOPLE = (
    ("Zofia Wójcik", "Urząd Miejski w Bielsku-Białej", "Wydział Promocji i Kultury", "z.wojcik@example.pl"),
    ("Łukasz Żmuda", "Starostwo Powiatowe w Żywcu", "Wydział Rozwoju", ""),
    ("Małgorzata Dębska", "Urząd Marszałkowski Województwa Śląskiego", "Departament Gospodarki", ""),
    ("Jiří Novák", "Krajský úřad Karlovarského kraje", "Odbor regionálního rozvoje", "jiri.novak@example.cz"),
    ("Věra Dvořáková", "Mikroregion Sokolov-východ", "", ""),
    ("Urška Kranjc", "Mestna občina Kranj", "Oddelek za gospodarstvo", "urska.kranjc@example.si"),
    ("Gábor Szőke", "Regionális Fejlesztési Ügynökség", "", ""),
    ("Jürgen Weiß", "Stadt Chemnitz", "Amt für Wirtschaftsförderung", ""),
    ("Agnieszka Szczęsna", "Regionalna Agencja Rozwoju", "Dział Projektów", ""),
    ("Tomasz Łęcki", "Urząd Gminy Wilkowice", "Referat Inwestycji", ""),
)
AGENDA_DAY1 = (
    ("Welcome, goals of the training", 30, "session", None, "Zofia Wójcik", "Flip chart"),
    ("What CCI are and where they are in our region", 60, "session", None, "Trainer", "Regional CCI map"),
    ("Coffee break", 15, "break", None, "", ""),
    ("Q&A with creatives", 75, "session", "format-qa-with-creatives", "Trainer", "Microphone, name cards"),
    ("Networking lunch", 60, "session", "format-networking-lunch", "", ""),
    ("Site visit to creative places", 150, "session", "format-site-visit", "Local host", "Bus tickets"),
    ("Wrap-up of the day", 30, "session", None, "Trainer", "Sticky notes"),
)
AGENDA_DAY2 = (
    ("Role play: a creative asks the office for support", 90, "session", "format-role-play", "Trainer",
     "Role cards"),
    ("Coffee break", 15, "break", None, "", ""),
    ("Interfaces between administration and CCI", 90, "session", None, "Trainer", "Flip charts"),
    ("Lunch", 45, "break", None, "", ""),
    ("From ideas to a pilot proposal", 60, "session", None, "Zofia Wójcik", ""),
    ("Feedback talk and next steps", 30, "session", None, "Trainer", "Feedback forms"),
)
OUTCOMES = (
    ("need", "Creatives do not know whom to ask at the town hall about permits for temporary use of empty shops."),
    ("need", "Small design studios need short, plain-language calls for funding."),
    ("interface", "Business support office and culture department work separately with the same companies."),
    ("interface", "The regional development agency could act as a one-stop contact for CCI."),
    ("idea", "Pilot: a monthly CCI help desk hour in the town hall, together with the development agency."),
    ("idea", "Industrial hackathon with two local manufacturers and students of design."),
    ("decision", "The culture department names one CCI contact person by the end of the quarter."),
)


def demo_workshop_step(services: Services) -> list[str]:
    from inducci_desktop.services.demo_ids import demo_id

    workshop_id = demo_id("workshop:bielsko-biala-training")
    ws = services.workshops
    try:
        ws.get(workshop_id)
        return []
    except NotFoundError:
        pass
    region_id: str | None = demo_id("region:Śląskie (Silesia)")
    try:
        services.regions.get(demo_id("region:Śląskie (Silesia)"))
    except NotFoundError:
        region_id = None
    first = date.today() - timedelta(days=14)
    days = (DayInput(first, 9 * 60, 16 * 60 + 30), DayInput(first + timedelta(days=1), 9 * 60, 15 * 60))
    data = WorkshopInput(
        "CCI competency training for regional administration", days,
        venue="Regional Development Agency, Bielsko-Biała", mode="in_person", region_id=region_id,
        organisation="Regional Development Agency Bielsko-Biała", trainers="Zofia Wójcik, Jiří Novák",
        target_group="Staff of municipal and regional offices for economic development, culture and planning",
        objectives="Know the creative industries of the region and their needs.\n"
                   "Find the interfaces between administration and CCI.\nAgree on a pilot action.",
        status="evaluated", place="Bielsko-Biała")
    workshop = ws.create(data, workshop_id=workshop_id)
    for day, blocks in zip(workshop.days, (AGENDA_DAY1, AGENDA_DAY2), strict=True):
        for title, minutes, kind, format_id, responsible, materials in blocks:
            ws.add_block(day.id, BlockInput(title, minutes, kind, format_id, responsible, materials))
    people = [ParticipantInput(n, o, d, e, True, first - timedelta(days=10)) for n, o, d, e in PEOPLE]
    ws.people.import_participants(workshop_id, people)
    shown = ws.people.participants(workshop_id)
    for index, person in enumerate(shown):
        ws.people.set_attendance(person.id, workshop.days[0].id, index != 4)
        ws.people.set_attendance(person.id, workshop.days[1].id, index not in (2, 7))
    for kind, text in OUTCOMES:
        ws.results.add_outcome(workshop_id, kind, text)
    ws.results.add_action(workshop_id, "Name the CCI contact person and announce it on the city website",
                          "Zofia Wójcik", first + timedelta(days=60))
    ws.results.add_action(workshop_id, "Draft the help-desk pilot with the development agency", "Łukasz Żmuda",
                          first + timedelta(days=45), "in_progress")
    ws.results.add_action(workshop_id, "Send photos and flip-chart notes to all participants", "Urška Kranjc",
                          first + timedelta(days=3), "done")
    questions = ws.results.questions(workshop_id)
    forms = ((5, 4, "yes", "The site visit", "Fewer slides", "Call the design studio we met"),
             (4, 5, "partly", "Q&A with creatives", "", "Read the toolbox guide on mapping"),
             (5, 5, "yes", "Role play", "Lunch was long", ""),
             (3, 4, "partly", "", "The first talk", "Invite creatives to our next meeting"),
             (4, 3, "no", "Meeting colleagues from other offices", "", ""),
             (5, 4, "yes", "The site visit", "", "Simplify our permit form"),
             (4, 4, "yes", "", "", ""))
    for form in forms:
        answers = {q.id: value for q, value in zip(questions, form, strict=False) if value != ""}
        ws.results.add_response(workshop_id, answers)
    return [_("workshop “{title}” ({participants}, {days}, {forms})").format(
        title=data.title, participants=ngettext("{count} participant", "{count} participants", len(PEOPLE)).format(
            count=len(PEOPLE)), days=ngettext("{count} day", "{count} days", 2).format(count=2),
        forms=ngettext("{count} feedback form", "{count} feedback forms", len(forms)).format(count=len(forms)))]
