"""Pilot actions: fields, criteria, lessons, voices with consent, photos, trash, publishing, search."""

from __future__ import annotations

import os
import stat
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from inducci_desktop.domain.pilots import ParticipantCount, Partner, Step
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.pilots import photos


def photo_file(folder: Path, name: str = "photo.png", size: tuple[int, int] = (2400, 1200)) -> Path:
    image = Image.new("RGB", size, (200, 120, 40))
    for x in range(0, size[0], 50):
        for y in range(size[1]):
            image.putpixel((x, y), (10, 10, 90))
    path = folder / name
    image.save(path)
    return path


def filled(services: Services) -> str:
    services.prepare()
    region = services.regions.add("Śląskie")
    pilot = services.pilots.create("Hackathon w Bielsku-Białej", region_id=region.id,
                                   format_id="format-hackathon")
    services.pilots.update(pilot.id, {
        "status": "running", "challenge": "Stahlwerk sucht Ideen für Abwärme (Žilina, Łódź)",
        "start_date": "2026-03-01", "end_date": date(2026, 3, 3), "budget_planned": "12 000", "budget_spent": 9500,
        "partners": [Partner("Huta Ł.", "host"), Partner("Kreativ Hub", "facilitation")],
        "steps": [Step("Challenge workshop", "done"), Step("24 h hackathon", "planned")],
        "participants": [ParticipantCount("creatives", 24), ParticipantCount("engineers", 9)],
    })
    return pilot.id


def test_a_pilot_keeps_every_field_and_checks_them(services: Services) -> None:
    pilot_id = filled(services)
    pilot = services.pilots.get(pilot_id)
    assert pilot.status == "running" and pilot.format_title
    assert pilot.budget_planned == 12000 and pilot.budget_spent == 9500
    assert pilot.partners[0] == Partner("Huta Ł.", "host") and pilot.participants_total == 33
    assert pilot.steps[1].status == "planned" and pilot.start_date == date(2026, 3, 1)
    before = services.pilots.get(pilot_id)
    for bad in ({"status": "finished"}, {"end_date": "2026-02-01"}, {"budget_spent": "a lot"},
                {"title": "  "}, {"format_id": "format-nonsense"}, {"nonsense": 1},
                {"participants": [ParticipantCount("x", -1)]}, {"challenge": "bad\x00text"}):
        with pytest.raises(ValidationError):
            services.pilots.update(pilot_id, bad)
    assert services.pilots.get(pilot_id) == before


def test_lessons_and_criteria_have_stable_ids_readable_until_trashed(services: Services) -> None:
    pilot_id = filled(services)
    lesson = services.pilots.add_lesson(pilot_id, "industry", "Firmen müssen mitmachen, nicht nur zuschauen.")
    criterion = services.pilots.add_criterion(pilot_id, "Prototypes made", "0", "5", "7")
    assert services.pilots.lesson(lesson.id) == lesson
    assert services.pilots.criterion(criterion.id) == criterion
    services.pilots.update_lesson(lesson.id, "creatives", "Firmen müssen mitmachen.")
    assert services.pilots.lesson(lesson.id).audience == "creatives"  # type: ignore[union-attr]
    services.pilots.delete_item("lesson", lesson.id)
    assert services.pilots.lesson(lesson.id) is None
    services.pilots.restore_item("lesson", lesson.id)
    assert services.pilots.lesson(lesson.id) is not None
    services.pilots.delete(pilot_id)
    assert services.pilots.criterion(criterion.id) is None and services.pilots.list() == []
    assert [p.id for p in services.pilots.list(deleted=True)] == [pilot_id]
    services.pilots.restore(pilot_id)
    assert services.pilots.criterion(criterion.id) == criterion
    with pytest.raises(ValidationError):
        services.pilots.add_lesson(pilot_id, "everyone", "text")


def test_voices_keep_their_words_and_withdrawn_consent_hides_them(services: Services) -> None:
    pilot_id = filled(services)
    voice = services.pilots.add_voice(pilot_id, "„Das war der beste Tag des Jahres“", "engineer, steel works",
                                      consent=True, consent_date=date(2026, 3, 3))
    assert services.pilots.get(pilot_id).printable_voices == [voice]
    services.pilots.set_voice_consent(voice.id, False)
    pilot = services.pilots.get(pilot_id)
    assert pilot.printable_voices == [] and pilot.voices[0].text == voice.text


def test_a_photo_is_scaled_stored_privately_without_metadata(services: Services, tmp_path: Path) -> None:
    pilot_id = filled(services)
    photo = services.pilots.add_photo(pilot_id, photo_file(tmp_path), "Teams at work — Žilina", "RDA",
                                      consent=True)
    stored = Path(photo.path)
    assert stored.parent == photos.photo_folder(services.store.path) and stored.suffix == ".jpg"
    assert max(photo.width, photo.height) == photos.MAX_SIDE
    if os.name == "posix":
        assert stat.S_IMODE(stored.stat().st_mode) == 0o600
        assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    with Image.open(stored) as image:
        assert image.format == "JPEG" and not image.getexif()
    services.pilots.update_photo(photo.id, "Teams", "", consent=False)
    assert services.pilots.get(pilot_id).printable_photos == []


@pytest.mark.parametrize("kind", ["text", "huge", "bomb", "truncated"])
def test_bad_photos_are_refused_with_a_message_and_nothing_stored(services: Services, tmp_path: Path,
                                                                  kind: str) -> None:
    pilot_id = filled(services)
    path = tmp_path / "bad.png"
    if kind == "text":
        path.write_text("not an image at all", encoding="utf-8")
        expected = "is not an image"
    elif kind == "huge":
        with path.open("wb") as out:
            out.truncate(50 * 1024 * 1024)
        expected = "50.0 MB"
    elif kind == "bomb":
        path.write_bytes(_png_bomb(30_000, 30_000))
        expected = "too many pixels"
    else:
        photo_file(tmp_path, "bad.png")
        path.write_bytes(path.read_bytes()[:2000])
        expected = "damaged"
    with pytest.raises(ValidationError, match=expected):
        services.pilots.add_photo(pilot_id, path, "x")
    assert services.pilots.get(pilot_id).photos == ()
    folder = photos.photo_folder(services.store.path)
    assert not folder.exists() or not any(folder.iterdir())


def _png_bomb(width: int, height: int) -> bytes:
    """A small PNG that claims width × height pixels (all zero): a decompression bomb."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_published_pilots_are_found_by_folded_words(services: Services) -> None:
    pilot_id = filled(services)
    assert services.pilots.search_published("abwarme") == []  # not published yet
    services.pilots.publish(pilot_id)
    hits = services.pilots.search_published("abwärme zilina")
    assert [h.id for h in hits] == [pilot_id] and hits[0].kind == "pilot"
    assert services.pilots.search_published("lodz") and not services.pilots.search_published("nowhere")
    services.pilots.publish(pilot_id, False)
    assert services.pilots.search_published("abwarme") == []


def test_unknown_ids_say_so(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.pilots.get("nope")
    assert services.pilots.lesson("nope") is None and services.pilots.criterion("nope") is None


def test_a_lesson_and_a_criterion_resolve_as_finding_sources_until_trashed(services: Services) -> None:
    from inducci_desktop.domain.evidence import SourceRef

    pilot_id = filled(services)
    lesson = services.pilots.add_lesson(pilot_id, "setting", "Ein neutraler Ort hilft.")
    criterion = services.pilots.add_criterion(pilot_id, "Prototypes tested", "0", "2", "3")
    seen = services.evidence.sources.resolve(SourceRef("pilot_lesson", lesson.id, ""))
    assert seen.state == "live" and seen.text == lesson.text
    assert seen.target == ("pilots", pilot_id, f"lesson:{lesson.id}")
    assert services.evidence.sources.resolve(SourceRef("pilot_criterion", criterion.id, "")).state == "live"
    services.pilots.delete_item("lesson", lesson.id)
    assert services.evidence.sources.resolve(SourceRef("pilot_lesson", lesson.id, "")).state == "trashed"
    services.pilots.delete(pilot_id)
    assert services.evidence.sources.resolve(SourceRef("pilot_criterion", criterion.id, "")).state == "trashed"


def test_the_library_s_published_cases_are_the_published_pilots_in_the_same_order(services: Services) -> None:
    """The Library's tree lists published pilots with a Core query (no pilot models at start-up): the same
    pilots, in the same order, as the service's list — newest start first, undated last, then by title."""
    from inducci_desktop.services.pilots.published import published_cases

    services.prepare()
    made = {}
    for title, start in (("Žilina Labor", "2025-05-01"), ("Łódź hackathon", "2026-03-01"), ("Ärzte Hub", None),
                         ("Brno Werkschau", "2026-03-01"), ("Zlín help desk", None), ("Hidden draft", "2027-01-01"),
                         ("Trashed one", "2024-01-01")):
        pilot = services.pilots.create(title)
        if start:
            services.pilots.update(pilot.id, {"start_date": start})
        made[title] = pilot.id
    for title in made:
        if title != "Hidden draft":
            services.pilots.publish(made[title])
    services.pilots.delete(made["Trashed one"])
    expected = [(s.id, s.title) for s in services.pilots.list(published=True)]
    assert [title for _id, title in expected][:3] == ["Brno Werkschau", "Łódź hackathon", "Žilina Labor"]
    assert {title for _id, title in expected[3:]} == {"Ärzte Hub", "Zlín help desk"}
    assert published_cases(services.store) == expected
