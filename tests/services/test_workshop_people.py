"""Participants: by hand and from CSV (all or nothing), check-in, and export and erasure on request."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
from inducci_desktop.store.models import Participant

CSV = ("Name;Organisation;E-mail;Consent\n"
       "Zofia Wójcik;Urząd Miasta Bielsko-Biała;zofia@example.pl;tak\n"
       "Jiří Novák;Krajský úřad;;ano\n"
       ";broken row;;\n").encode("cp1250")


def workshop(services: Services, title: str = "Training") -> str:
    days = (DayInput(date(2026, 5, 12), 540, 1020), DayInput(date(2026, 5, 13), 540, 960))
    return services.workshops.create(WorkshopInput(title, days)).id


def test_add_by_hand_with_consent_and_duplicates(services: Services) -> None:
    people = services.workshops.people
    wid = workshop(services)
    zofia = people.add(wid, ParticipantInput("  Zofia   Wójcik ", "UM Bielsko-Biała", consent=True))
    assert zofia.name == "Zofia Wójcik" and zofia.consent and zofia.consent_date == date.today()
    with pytest.raises(ValidationError, match="already registered"):
        people.add(wid, ParticipantInput("zofia wójcik", "UM Bielsko-Biała"))
    with pytest.raises(ValidationError, match="e-mail"):
        people.add(wid, ParticipantInput("Urška Kranjc", email="urska(at)kranj.si"))
    people.delete(zofia.id)
    assert people.participants(wid) == [] and len(people.participants(wid, deleted=True)) == 1
    people.restore(zofia.id)
    assert [p.name for p in people.participants(wid)] == ["Zofia Wójcik"]


def test_csv_preview_stores_nothing_and_import_is_all_or_nothing(services: Services) -> None:
    people = services.workshops.people
    wid = workshop(services)
    preview = people.preview_csv(wid, CSV)
    assert preview.encoding == "cp1250" and len(preview.good) == 2 and len(preview.bad) == 1
    assert people.participants(wid) == []
    assert people.import_participants(wid, preview.good) == 2
    assert [p.name for p in people.participants(wid)] == ["Jiří Novák", "Zofia Wójcik"]
    # the same file again: every row is already there, and a forced import changes nothing
    again = people.preview_csv(wid, CSV)
    assert again.good == [] and {r.errors for r in again.bad} >= {("already in the list",)}
    new = ParticipantInput("Urška Kranjc")
    with pytest.raises(ValidationError, match="nothing was imported"):
        people.import_participants(wid, [new, preview.good[0]])
    assert len(people.participants(wid)) == 2


def test_check_in_per_day_and_figures(services: Services) -> None:
    people = services.workshops.people
    wid = workshop(services)
    day1, day2 = services.workshops.get(wid).days
    a = people.add(wid, ParticipantInput("Anna Nowak"))
    b = people.add(wid, ParticipantInput("Bořek Šťastný"))
    people.set_attendance(a.id, day1.id, True)
    people.set_attendance(a.id, day2.id, True)
    people.set_attendance(b.id, day1.id, False)
    people.set_attendance(b.id, day1.id, True)
    people.set_attendance(b.id, day2.id, False)
    shown = {p.name: p for p in people.participants(wid)}
    assert shown["Anna Nowak"].present == {day1.id, day2.id}
    assert shown["Bořek Šťastný"].present == {day1.id} and shown["Bořek Šťastný"].absent == {day2.id}
    people.set_attendance(b.id, day2.id, None)
    figures = people.figures(wid, services.workshops.get(wid).days)
    assert figures.registered == 2 and figures.attended_any == 2
    assert [(p, ab) for _d, p, ab in figures.per_day] == [(2, 0), (1, 0)]
    other = workshop(services, "Other")
    with pytest.raises(NotFoundError):
        people.set_attendance(a.id, services.workshops.get(other).days[0].id, True)


def test_export_and_erasure_reach_every_workshop_and_keep_counts(services: Services) -> None:
    people, results = services.workshops.people, services.workshops.results
    first, second = workshop(services, "Spring"), workshop(services, "Autumn")
    day = services.workshops.get(first).days[0]
    zofia = people.add(first, ParticipantInput("Zofia Wójcik", "UM", "Kultura", "zofia@example.pl", consent=True))
    people.add(second, ParticipantInput("Zofia Wójcik", "UM", email="ZOFIA@example.pl"))
    other = people.add(first, ParticipantInput("Jiří Novák"))
    people.set_attendance(zofia.id, day.id, True)
    people.set_attendance(other.id, day.id, True)
    action = results.add_action(first, "Write the summary", owner="Zofia Wójcik")
    trashed = people.add(workshop(services, "Winter"), ParticipantInput("Zofia Wójcik", email="zofia@example.pl"))
    people.delete(trashed.id)

    record = people.person(zofia.id)
    assert len(record.entries) == 3 and {w[1] for w in record.workshops} == {"Spring", "Autumn", "Winter"}
    exported = people.export_person(zofia.id)
    json.dumps(exported)
    assert exported["name"] == "Zofia Wójcik" and len(exported["entries"]) == 3
    assert exported["entries"][0]["present_on"] == ["2026-05-12"]
    assert exported["action_items_owned"] == 1

    before = people.figures(first, services.workshops.get(first).days)
    assert people.erase_person(zofia.id).entries == 3
    after = people.figures(first, services.workshops.get(first).days)
    assert (after.registered, after.attended_any, after.per_day[0][1]) == (before.registered, 2, 2)
    assert after.erased == 1
    assert [p.name for p in people.participants(first)] == ["Jiří Novák"]
    assert people.participants(second) == [] and people.participants(second, deleted=True) == []
    assert results.actions(first)[0].owner == "" and results.actions(first)[0].id == action.id
    with services.store.db.reading() as session:
        names = session.scalars(select(Participant.name)).all()
        assert sorted(names) == ["", "", "", "Jiří Novák"]
        dump = "\n".join(str(r) for r in session.execute(text("SELECT * FROM workshop_participants")))
        assert "Wójcik" not in dump and "zofia@" not in dump.lower()
    with pytest.raises(NotFoundError):
        people.participant(zofia.id)
    with pytest.raises(ValidationError, match="erased already"):
        people.erase_person(zofia.id)


@pytest.mark.sqlite_only("reads the bytes of the database file and of its file backups after the erasure")
def test_erasure_reaches_the_backups_and_leaves_no_old_bytes(services: Services) -> None:
    people = services.workshops.people
    day = DayInput(date(2026, 5, 12), 540, 1020)
    workshop = services.workshops.create(WorkshopInput(title="Backup test", days=(day,)))
    people.add(workshop.id, ParticipantInput("Zofia Wójcik", "Urząd Marszałkowski", email="zofia@example.org"))
    keep = people.add(workshop.id, ParticipantInput("Jiří Novák", "Krajský úřad"))
    first = services.maintenance.create_backup()
    second = services.maintenance.create_backup()
    zofia = next(p for p in people.participants(workshop.id) if p.name == "Zofia Wójcik")

    erased = people.erase_person(zofia.id)

    assert (erased.entries, erased.backups) == (1, 2)
    for path in (services.store.path, services.store.backups.get(first.id).path,
                 services.store.backups.get(second.id).path):
        raw = path.read_bytes()
        assert "Wójcik".encode() not in raw and b"zofia@example.org" not in raw, path.name
        assert "Novák".encode() in raw  # only that person
    wal = Path(f"{services.store.path}-wal")
    assert not wal.exists() or "Wójcik".encode() not in wal.read_bytes()
    # the cleaned backups still restore
    services.maintenance.restore_backup(first.id)
    assert [p.name for p in services.workshops.people.participants(workshop.id)] == [keep.name]
