"""Two people answering the same assessment: different answers merge, the same answer edited twice is detected."""

from __future__ import annotations

import pytest

from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ChangedElsewhere
from tests.services.test_checklists import own_template


@pytest.fixture
def anna(services: Services) -> Services:
    services.identity.set_name("Anna Kowalczyk")
    services.prepare()
    services.checklists.templates.save(own_template())
    return services


def test_answers_record_who_saved_them_and_their_version(anna: Services, ben: Services) -> None:
    a = anna.checklists.create("own-test", "Łódź 2025")
    first = anna.checklists.set_answer(a.id, "q-ynp", "yes", expected=0)
    assert first.row_version == 1
    second = anna.checklists.set_note(a.id, "q-ynp", "Mapa z 2023 r.", expected=1)
    assert second.row_version == 2
    answer = ben.checklists.get(a.id).answers["q-ynp"]
    assert (answer.value, answer.note, answer.row_version, answer.changed_by) == (
        "yes", "Mapa z 2023 r.", 2, "Anna Kowalczyk")


def test_different_answers_merge_and_the_same_answer_is_detected(anna: Services, ben: Services) -> None:
    a = anna.checklists.create("own-test", "Kraków")
    anna.checklists.set_answer(a.id, "q-text", "Kraków Design Week", expected=0)
    loaded_by_anna = anna.checklists.get(a.id).answers["q-text"].row_version
    loaded_by_ben = ben.checklists.get(a.id).answers["q-text"].row_version
    # different items: both saves go through
    anna.checklists.set_answer(a.id, "q-scale", 4, expected=0)
    ben.checklists.set_answer(a.id, "q-number", 12, expected=0)
    # the same item: Ben saves first, Anna's save is detected, not written over his
    ben.checklists.set_answer(a.id, "q-text", "Unsound Festival", expected=loaded_by_ben)
    with pytest.raises(ChangedElsewhere) as caught:
        anna.checklists.set_answer(a.id, "q-text", "Off Camera", expected=loaded_by_anna)
    error = caught.value
    assert (error.kind, error.changed_by, error.row_version) == ("answer", "Bořek Šťastný", 2)
    assert error.current == {"value": "Unsound Festival", "note": ""}
    assert error.changed_at is not None
    assert "changed by Bořek Šťastný at" in str(error)
    view = anna.checklists.get(a.id)
    assert {k: v.value for k, v in view.answers.items()} == {
        "q-text": "Unsound Festival", "q-scale": 4, "q-number": 12}
    # overwrite: Anna saves hers on top of the version she was shown
    ack = anna.checklists.set_answer(a.id, "q-text", "Off Camera", expected=error.row_version)
    assert ack.row_version == 3
    assert ben.checklists.get(a.id).answers["q-text"].changed_by == "Anna Kowalczyk"


def test_a_first_answer_given_in_two_places_is_detected(anna: Services, ben: Services) -> None:
    a = anna.checklists.create("own-test", "Ostrava")
    ben.checklists.set_note(a.id, "q-long", "Důl Michal", expected=0)
    with pytest.raises(ChangedElsewhere) as caught:
        anna.checklists.set_note(a.id, "q-long", "Dolní Vítkovice", expected=0)
    assert caught.value.current["note"] == "Důl Michal"
    assert anna.checklists.get(a.id).answers["q-long"].note == "Důl Michal"


def test_saving_an_answer_does_not_make_the_assessment_a_new_version(anna: Services) -> None:
    from sqlalchemy import select

    from inducci_desktop.store.models import Assessment

    a = anna.checklists.create("own-test", "Katowice")
    for value in (1, 2, 3):
        anna.checklists.set_answer(a.id, "q-scale", value)
    with anna.store.db.reading() as session:
        assert session.execute(select(Assessment.row_version).where(Assessment.id == a.id)).scalar() == 1
