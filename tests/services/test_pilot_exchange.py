"""Pilot actions in bundles: photos embedded, versions and trash travel, withdrawn consent travels as removal."""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.services.pilots import photos
from tests.services.exchange_helpers import folder
from tests.services.test_pilots import photo_file

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")


def _pilot(services, tmp_path: Path) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    pilot = services.pilots.create("Kulturcafé Žďár", format_id="format-help-desk")
    services.pilots.update(pilot.id, {"challenge": "Wie kommen Kreative und Industrie ins Gespräch?",
                                      "start_date": date(2026, 5, 1)})
    services.pilots.add_lesson(pilot.id, "setting", "Ein neutraler Ort hilft.")
    services.pilots.add_criterion(pilot.id, "Visitors per evening", "0", "20", "26")
    voice = services.pilots.add_voice(pilot.id, "„Endlich redet man miteinander.“", "Designerin", consent=True)
    photo = services.pilots.add_photo(pilot.id, photo_file(tmp_path), "Abend im Café", consent=True)
    return pilot.id, voice.id, photo.id


def test_a_pilot_travels_with_its_photo_and_lessons(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as a, folder(tmp_path / "b") as b:
        pilot_id, _voice, _photo = _pilot(a, tmp_path)
        target = tmp_path / "pilot.inducci"
        result = a.exchange.export(target, ExportSelection(pilots=(pilot_id,)))
        assert result.counts["pilots"] == 1 and result.counts["pilot_photos"] == 1
        b.exchange.apply(b.exchange.plan(target))
        there = b.pilots.get(pilot_id)
        assert there.title == "Kulturcafé Žďár" and there.lessons[0].text == "Ein neutraler Ort hilft."
        assert there.criteria[0].achieved == "26" and there.voices[0].consent
        assert there.photos[0].path and Path(there.photos[0].path).read_bytes() == \
            Path(a.pilots.get(pilot_id).photos[0].path).read_bytes()
        again = b.exchange.plan(target)
        assert not again.added and not again.updated and not again.conflicts


def test_withdrawn_consent_removes_the_voice_and_photo_on_the_other_side(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as a, folder(tmp_path / "b") as b:
        pilot_id, voice_id, photo_id = _pilot(a, tmp_path)
        target = tmp_path / "first.inducci"
        a.exchange.export(target, ExportSelection(pilots=(pilot_id,)))
        b.exchange.apply(b.exchange.plan(target))
        a.pilots.set_voice_consent(voice_id, False)
        photo = a.pilots.get(pilot_id).photos[0]
        a.pilots.update_photo(photo_id, photo.caption, photo.credit, consent=False)
        second = tmp_path / "second.inducci"
        a.exchange.export(second, ExportSelection(pilots=(pilot_id,)))
        with zipfile.ZipFile(second) as archive:
            voices = json.loads(archive.read("records/pilot_voices.json"))
            sent = json.loads(archive.read("records/pilot_photos.json"))
        assert voices[0]["text"] == "" and sent[0]["image"] is None
        b.exchange.apply(b.exchange.plan(second))
        there = b.pilots.get(pilot_id)
        assert there.printable_voices == [] and there.printable_photos == []
        assert there.voices[0].text == ""


def test_trash_travels(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as a, folder(tmp_path / "b") as b:
        pilot_id, _voice, _photo = _pilot(a, tmp_path)
        lesson = a.pilots.get(pilot_id).lessons[0]
        a.pilots.delete_item("lesson", lesson.id)
        a.exchange.export(tmp_path / "x.inducci", ExportSelection(everything=True))
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        assert b.pilots.get(pilot_id).lessons == () and b.pilots.lesson(lesson.id) is None


def _rewrite_photo(source: Path, target: Path, image: bytes) -> None:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "records/pilot_photos.json":
                rows = json.loads(data)
                rows[0]["image"] = base64.b64encode(image).decode("ascii")
                data = json.dumps(rows).encode("utf-8")
            out.writestr(info.filename, data)


@pytest.mark.parametrize("image", [b"<script>not an image</script>", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100])
def test_a_bundle_whose_photo_is_not_the_image_it_names_is_refused(tmp_path: Path, image: bytes) -> None:
    with folder(tmp_path / "a") as a, folder(tmp_path / "b") as b:
        pilot_id, _voice, _photo = _pilot(a, tmp_path)
        a.exchange.export(tmp_path / "x.inducci", ExportSelection(pilots=(pilot_id,)))
        _rewrite_photo(tmp_path / "x.inducci", tmp_path / "bad.inducci", image)
        with pytest.raises(ServiceError, match="photo"):
            b.exchange.plan(tmp_path / "bad.inducci")
        assert b.pilots.list() == []
        assert not photos.photo_folder(b.store.path).exists()
