"""Two people editing the same workshop participant or pilot action: the second save is detected (not written
over the first), attendance ticks merge per row, and a participant's data stays out of the logs."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from inducci_desktop.domain.pilots import Partner, Step
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ChangedElsewhere, ValidationError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import DayInput, WorkshopInput


@pytest.fixture
def anna(services: Services) -> Services:
    services.identity.set_name("Anna Kowalczyk")
    return services


def _workshop(services: Services) -> tuple[str, list[str]]:
    days = (DayInput(date(2026, 5, 12), 540, 1020), DayInput(date(2026, 5, 13), 540, 960))
    view = services.workshops.create(WorkshopInput("Szkolenie w Żywcu", days))
    return view.id, [d.id for d in view.days]


# --- participants ------------------------------------------------------------------------------------


def test_a_participant_edited_in_two_places_is_detected_and_nothing_saved(anna: Services, ben: Services,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wid, _days = _workshop(anna)
    zofia = anna.workshops.people.add(wid, ParticipantInput("Zofia Wójcik", "UM Bielsko-Biała",
                                                            email="zofia@example.pl"))
    assert (zofia.row_version, zofia.changed_by) == (1, "Anna Kowalczyk")
    loaded_by_anna = anna.workshops.people.participant(zofia.id).row_version
    theirs = ben.workshops.people.update(
        zofia.id, ParticipantInput("Zofia Wójcik", "Urząd Miasta Bielsko-Biała", email="zofia@example.pl"),
        expected=ben.workshops.people.participant(zofia.id).row_version)
    assert (theirs.row_version, theirs.changed_by) == (2, "Bořek Šťastný")

    with pytest.raises(ChangedElsewhere) as caught:
        anna.workshops.people.update(zofia.id, ParticipantInput("Zofia Wójcik-Nowak", "UM Bielsko-Biała",
                                                                email="zofia.nowak@example.pl"),
                                     expected=loaded_by_anna)
    error = caught.value
    assert (error.kind, error.record_id, error.changed_by, error.row_version) == (
        "participant", zofia.id, "Bořek Šťastný", 2)
    assert error.changed_at is not None
    assert error.current["organisation"] == "Urząd Miasta Bielsko-Biała"
    assert error.current["email"] == "zofia@example.pl"
    assert "changed by Bořek Šťastný at" in str(error)
    # the message names the kind of record and who changed it, never the participant
    assert "Zofia" not in str(error) and "Zofia" not in repr(error)
    stored = anna.workshops.people.participant(zofia.id)
    assert (stored.name, stored.organisation, stored.row_version) == ("Zofia Wójcik", "Urząd Miasta Bielsko-Biała", 2)

    # overwrite: Anna saves hers over the version she was shown
    mine = anna.workshops.people.update(zofia.id, ParticipantInput("Zofia Wójcik-Nowak", "UM Bielsko-Biała"),
                                        expected=error.row_version)
    assert (mine.name, mine.row_version, mine.changed_by) == ("Zofia Wójcik-Nowak", 3, "Anna Kowalczyk")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for personal in ("Zofia", "Wójcik", "zofia@", "Bielsko"):
        assert personal not in logged


def test_a_participant_saved_without_a_version_is_saved(anna: Services, ben: Services) -> None:
    wid, _days = _workshop(anna)
    person = anna.workshops.people.add(wid, ParticipantInput("Jiří Novák", "Krajský úřad"))
    ben.workshops.people.update(person.id, ParticipantInput("Jiří Novák", "Krajský úřad Ostrava"))
    saved = anna.workshops.people.update(person.id, ParticipantInput("Jiří Novák", "MSK"), expected=None)
    assert (saved.organisation, saved.row_version) == ("MSK", 3)


def test_a_refused_participant_edit_is_still_checked_first(anna: Services, ben: Services) -> None:
    wid, _days = _workshop(anna)
    person = anna.workshops.people.add(wid, ParticipantInput("Urška Kranjc"))
    ben.workshops.people.update(person.id, ParticipantInput("Urška Kranjc", "Kranj"))
    with pytest.raises(ValidationError, match="e-mail"):
        anna.workshops.people.update(person.id, ParticipantInput("Urška Kranjc", email="urska(at)kranj.si"),
                                     expected=1)
    assert anna.workshops.people.participant(person.id).organisation == "Kranj"


def test_attendance_ticks_merge_per_day_and_the_same_tick_keeps_the_last(anna: Services, ben: Services) -> None:
    wid, (first, second) = _workshop(anna)
    person = anna.workshops.people.add(wid, ParticipantInput("Łucja Ślęzak"))
    anna.workshops.people.set_attendance(person.id, first, True)
    ben.workshops.people.set_attendance(person.id, second, True)  # another day: both stay
    view = anna.workshops.people.participant(person.id)
    marks = anna.workshops.people.participants(wid)[0]
    assert marks.present == frozenset({first, second})
    ben.workshops.people.set_attendance(person.id, first, False)  # the same tick: the last one counts
    assert anna.workshops.people.participants(wid)[0].absent == frozenset({first})
    # ticks are rows of their own: the participant's version did not move, so an open editor still saves
    assert anna.workshops.people.participant(person.id).row_version == view.row_version
    anna.workshops.people.update(person.id, ParticipantInput("Łucja Ślęzak", "Ostrava"), expected=view.row_version)


# --- pilot actions -----------------------------------------------------------------------------------


def test_a_pilot_edited_in_two_places_is_detected_and_nothing_saved(anna: Services, ben: Services) -> None:
    anna.prepare()
    pilot = anna.pilots.create("Hackathon w Bielsku-Białej")
    assert (pilot.row_version, pilot.changed_by) == (1, "Anna Kowalczyk")
    loaded_by_anna = anna.pilots.get(pilot.id).row_version
    ben.pilots.update(pilot.id, {"challenge": "Abwärme der Hütte nutzen"},
                      expected=ben.pilots.get(pilot.id).row_version)
    with pytest.raises(ChangedElsewhere) as caught:
        anna.pilots.update(pilot.id, {"challenge": "Odpadní teplo", "places": "Žilina"}, expected=loaded_by_anna)
    error = caught.value
    assert (error.kind, error.changed_by, error.row_version) == ("pilot", "Bořek Šťastný", 2)
    assert error.current == {"challenge": "Abwärme der Hütte nutzen", "places": ""}
    assert "pilot action was changed by Bořek Šťastný" in str(error)
    stored = anna.pilots.get(pilot.id)
    assert (stored.challenge, stored.places, stored.changed_by) == ("Abwärme der Hütte nutzen", "",
                                                                   "Bořek Šťastný")
    saved = anna.pilots.update(pilot.id, {"challenge": "Odpadní teplo"}, expected=error.row_version)
    assert (saved.challenge, saved.row_version, saved.changed_by) == ("Odpadní teplo", 3, "Anna Kowalczyk")


def test_a_pilot_saved_without_a_version_is_saved(anna: Services, ben: Services) -> None:
    anna.prepare()
    pilot = anna.pilots.create("Design Week Łódź")
    ben.pilots.update(pilot.id, {"status": "running"})
    saved = anna.pilots.update(pilot.id, {"places": "Łódź, Piotrkowska"}, expected=None)
    assert (saved.status, saved.places, saved.row_version) == ("running", "Łódź, Piotrkowska", 3)


def test_keep_both_copies_a_pilot_with_my_values(anna: Services, ben: Services) -> None:
    anna.prepare()
    region = anna.regions.add("Śląskie")
    pilot = anna.pilots.create("Hackathon Žilina", region_id=region.id)
    anna.pilots.update(pilot.id, {"partners": [Partner("Huta Ł.", "host")], "steps": [Step("Kick-off", "done")],
                                  "start_date": "2026-03-01"})
    anna.pilots.add_lesson(pilot.id, "industry", "Früh anfangen")
    anna.pilots.publish(pilot.id)
    ben.pilots.update(pilot.id, {"places": "Trenčín"})
    copy = anna.pilots.copy(pilot.id, {"places": "Žilina, Stanica"})
    assert copy.id != pilot.id
    assert copy.title == "Hackathon Žilina (copy)"
    assert (copy.places, copy.region_id, copy.start_date) == ("Žilina, Stanica", region.id, date(2026, 3, 1))
    assert copy.partners == (Partner("Huta Ł.", "host"),) and copy.steps == (Step("Kick-off", "done"),)
    assert copy.lessons == () and copy.published_at is None and copy.changed_by == "Anna Kowalczyk"
    assert anna.pilots.get(pilot.id).places == "Trenčín"
    assert sorted(p.title for p in ben.pilots.list()) == ["Hackathon Žilina", "Hackathon Žilina (copy)"]


def test_a_copy_of_a_long_title_keeps_the_marker_and_bad_values_make_no_copy(anna: Services) -> None:
    anna.prepare()
    long_title = "Ł" * 300
    pilot = anna.pilots.create(long_title)
    copy = anna.pilots.copy(pilot.id, {})
    assert copy.title.endswith(" (copy)") and len(copy.title) == 300
    with pytest.raises(ValidationError):
        anna.pilots.copy(pilot.id, {"end_date": "1999-01-01", "start_date": "2026-01-01"})
    assert len(anna.pilots.list()) == 2
