"""Workshop documents read back: agenda, sign-in sheet, feedback form, certificates and report."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.workshops.forms import attended_text, signin_sheet
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import demo_id, load_demo
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.documents import KINDS
from inducci_desktop.services.workshops.documents import render_kit as workshop_document
from inducci_desktop.services.workshops.views import DayView, WorkshopKit

from .conftest import all_text, iter_fonts, page_texts, pdf_title, pypdf_text, reader

OPTIONS = PrintOptions(date=date(2026, 5, 20))


@pytest.fixture
def kit(services: Services) -> WorkshopKit:
    services.prepare()
    load_demo(services)
    return services.workshops.kit(demo_id("workshop:bielsko-biala-training"))


def test_every_kind_embeds_dejavu_and_prints_central_european_letters(kit: WorkshopKit) -> None:
    for kind in KINDS:
        data = workshop_document(kind, kit, OPTIONS)
        fonts = {str(f.get("/BaseFont")) for f in iter_fonts(data)}
        assert fonts and all("DejaVu" in f for f in fonts), (kind, fonts)
        assert kit.workshop.title in pdf_title(data)  # type: ignore[operator]
        assert "Page 1 of" in all_text(data) or kind == "certificates"
    with pytest.raises(PrintError, match="Unknown workshop document"):
        workshop_document("poster", kit, OPTIONS)


def test_agenda_shows_computed_times_and_the_fit(kit: WorkshopKit) -> None:
    text = all_text(workshop_document("agenda", kit, OPTIONS))
    assert "09:00–09:30" in text and "Welcome, goals of the training" in text and "12:00–13:00" in text
    assert "Format: Q&A with creatives" in text
    assert "Day 2: Friday" in text or "Day 2:" in text
    assert "still free" not in text  # the planner's note is for the trainer's report, not the handout
    assert "still free" in all_text(workshop_document("report", kit, OPTIONS))


def test_signin_sheet_prefills_names_and_adds_blank_rows(kit: WorkshopKit) -> None:
    data = signin_sheet(kit, OPTIONS, blank_rows=5)
    pages = page_texts(data)
    assert len(pages) == 2  # one sheet per day
    for name in ("Zofia Wójcik", "Łukasz Żmuda", "Jiří Novák", "Urška Kranjc", "Gábor Szőke", "Jürgen Weiß"):
        assert name in pages[0] and name in pages[1]
    assert "Signature" in pages[0]
    assert re.search(r"^\s*15\s*$", pages[0], re.M) and not re.search(r"^\s*16\s*$", pages[0], re.M)


def test_signin_sheet_runs_over_many_pages_with_the_header_on_each(services: Services, kit: WorkshopKit) -> None:
    people = [ParticipantInput(f"Účastník Šťastný {n:03d}", "Obec Žďár") for n in range(120)]
    services.workshops.people.import_participants(kit.workshop.id, people)
    big = services.workshops.kit(kit.workshop.id)
    pages = page_texts(signin_sheet(big, OPTIONS))
    assert len(pages) >= 8
    assert all("Signature" in p for p in pages)
    assert "Účastník Šťastný 119" in " ".join(pages)


def test_certificates_one_page_per_person_present(kit: WorkshopKit) -> None:
    data = workshop_document("certificates", kit, OPTIONS)
    pages = page_texts(data)
    present = [p for p in kit.participants if p.present]
    assert len(pages) == len(present) == 10
    first = " ".join(pages[0].split())
    assert "CERTIFICATE OF ATTENDANCE" in first and "Agnieszka Szczęsna" in first
    assert re.search(r"\d+ hours?( \d+ minutes?)? of training", first) and "took part in the training" in first
    one_day = [p for p in present if len(p.present) == 1]
    assert one_day and all(any(p.name in page and "1 day," in " ".join(page.split()) for page in pages)
                           for p in one_day)


def test_attended_text() -> None:
    d = [DayView("a", 1, date(2026, 5, 12), 540, 960), DayView("b", 2, date(2026, 5, 13), 540, 900),
         DayView("c", 3, date(2026, 6, 1), 540, 900)]
    assert attended_text((d[0],)) == "on 12 May 2026, 09:00–16:00"
    assert attended_text((d[0], d[1])) == "on 12 and 13 May 2026"
    assert attended_text(tuple(d)) == "on 12 May, 13 May and 1 June 2026"


def test_feedback_form_has_the_workshop_questions(services: Services, kit: WorkshopKit) -> None:
    text = pypdf_text(workshop_document("feedback", kit, OPTIONS))
    for question in kit.questions:
        assert question.text in text
    assert "☐ 1" in text and "☐ partly" in text


def test_report_has_details_attendance_outcomes_actions_and_evaluation(kit: WorkshopKit) -> None:
    data = workshop_document("report", kit, OPTIONS)
    text = all_text(data)
    for part in ("Workshop report", "Agenda", "Attendance", "10 registered; 10 attended at least one day",
                 "Needs identified", "Interfaces between administration and CCI", "Ideas and pilot proposals",
                 "Decisions", "Action items", "Łukasz Żmuda", "In progress", "Evaluation",
                 "7 feedback forms returned", "4.29", "The site visit"):
        assert part in text, part
    assert len(reader(data).pages) >= 2


def test_an_empty_workshop_prints_without_errors(services: Services) -> None:
    from inducci_desktop.services.workshops.views import WorkshopInput

    wid = services.workshops.create(WorkshopInput("Leere Werkstatt – Straße")).id
    empty = services.workshops.kit(wid)
    for kind in KINDS:
        assert workshop_document(kind, empty, OPTIONS).startswith(b"%PDF")
    assert "Nobody is marked present" in all_text(workshop_document("certificates", empty, OPTIONS))


def test_certificate_states_the_workshops_place_date_and_hours_never_cut(services: Services) -> None:
    from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput

    venue = ("Regionalna Agencja Rozwoju, ul. Cieszyńska 365, sala konferencyjna na drugim piętrze, "
             "budynek B, wejście od strony parkingu")
    days = (DayInput(date(2026, 6, 3), 9 * 60, 16 * 60), DayInput(date(2026, 6, 4), 9 * 60, 15 * 60 + 30))
    ws = services.workshops
    view = ws.create(WorkshopInput("Kompetencje CCI dla administracji w Żywcu", days, venue=venue,
                                   place="Bielsko-Biała", trainers="Zofia Wójcik, Jiří Novák"))
    ws.add_block(view.days[0].id, BlockInput("Powitanie", 60))  # an agenda far from complete
    ws.people.add(view.id, ParticipantInput("Łukasz Żmuda", "Starostwo Powiatowe w Żywcu"))
    person = ws.people.participants(view.id)[0]
    for day in view.days:
        ws.people.set_attendance(person.id, day.id, True)

    text = " ".join(all_text(workshop_document("certificates", ws.kit(view.id), OPTIONS)).split())
    assert "2 days, 13 hours 30 minutes of training" in text  # 7 h + 6 h 30 min from the days' times
    assert "Bielsko-Biała, 4 June 2026" in text  # the place and the last day, not the print date
    assert "20 May 2026" not in text
    assert "…" not in text
    assert "wejście od strony parkingu" in text  # the long venue wraps instead of being cut

    data = view.as_input()
    ws.update(view.id, WorkshopInput(**{**data.__dict__, "certificate_date": date(2026, 6, 10),
                                        "certificate_minutes": 12 * 60}))
    text = " ".join(all_text(workshop_document("certificates", ws.kit(view.id), OPTIONS)).split())
    assert "2 days, 12 hours of training" in text and "Bielsko-Biała, 10 June 2026" in text
