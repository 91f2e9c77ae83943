"""Pilot documents: the case profile (toolbox layout, photos, own-record mark) and the one-page plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.documents import DocumentRequest, build, documents

from .conftest import CE_LETTERS, iter_fonts, page_texts, reader

DEMO_PILOT = demo_id("pilot:heat-and-light-hackathon")


def _images(data: bytes) -> int:
    count = 0
    for page in reader(data).pages:
        resources = page.get("/Resources") or {}
        objects = resources.get("/XObject") or {}
        count += sum(1 for name in objects if objects[name].get_object().get("/Subtype") == "/Image")
    return count


def test_both_pilot_documents_are_registered() -> None:
    keys = {d.key: d for d in documents()}
    assert keys["pilot-profile"].needs == "pilot" and keys["pilot-plan"].needs == "pilot"


def test_the_case_profile_prints_like_a_shipped_case_with_photos(services: Services) -> None:
    services.prepare()
    load_demo(services)
    built = build(services, DocumentRequest("pilot-profile", DEMO_PILOT))
    text = "\n".join(page_texts(built.data))
    for expected in ("CASE PROFILE", "Heat & Light Hackathon Żywiec 2026", "not part of the shipped InduCCI",
                     "Where", "When", "Partners", "Formats", "Results in brief", "Lessons in brief", "For industry",
                     "For creatives", "For the setting", "Voices", "Repeat it with changes", "Śląskie"):
        assert expected in text, expected
    assert _images(built.data) == 2
    fonts = {str(f.get("/BaseFont")) for f in iter_fonts(built.data)}
    assert all("DejaVu" in f for f in fonts)
    assert built.file_name.endswith(".pdf") and "Hackathon" in built.file_name
    shipped = services.printing.item_pdf("case-industrial-hackathon-silesia")
    shipped_text = page_texts(shipped)[0]
    for label in ("CASE PROFILE", "Where", "When", "Partners", "Formats"):
        assert label in shipped_text  # the same family of labels as the shipped case


def test_withdrawn_consent_takes_voice_and_photo_out_of_the_printout(services: Services) -> None:
    services.prepare()
    load_demo(services)
    pilot = services.pilots.get(DEMO_PILOT)
    services.pilots.set_voice_consent(pilot.voices[0].id, False)
    photo = pilot.photos[0]
    services.pilots.update_photo(photo.id, photo.caption, photo.credit, consent=False)
    text = "\n".join(page_texts(build(services, DocumentRequest("pilot-profile", DEMO_PILOT)).data))
    assert "Nobody at our plant" not in text and "Twenty-four hours" in text
    assert photo.caption not in text
    assert _images(build(services, DocumentRequest("pilot-profile", DEMO_PILOT)).data) == 1


def test_the_plan_is_one_page_with_targets_and_steps(services: Services) -> None:
    services.prepare()
    load_demo(services)
    pages = page_texts(build(services, DocumentRequest("pilot-plan", DEMO_PILOT)).data)
    assert len(pages) == 1
    for expected in ("PILOT PLAN", "Success criteria", "Steps", "Factory visit for the teams", "18 000 EUR"):
        assert expected in pages[0].replace("\u202f", " "), expected


def test_central_european_text_survives_in_a_pilot(services: Services, tmp_path: Path) -> None:
    services.prepare()
    letters = "".join(CE_LETTERS)
    pilot = services.pilots.create(f"Pilot {letters}")
    services.pilots.update(pilot.id, {"challenge": f"Wyzwanie {letters}", "start_date": date(2026, 1, 5)})
    services.pilots.add_lesson(pilot.id, "creatives", f"Lekcja {letters}")
    text = "\n".join(page_texts(build(services, DocumentRequest("pilot-profile", pilot.id)).data))
    assert text.count(letters) >= 3
