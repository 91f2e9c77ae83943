"""Assessments: creating, answering, scoring, versions, trash, rounds and comparing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inducci_desktop.content.model import ChecklistItem, ChecklistOption, ChecklistSection, ChecklistTemplate
from inducci_desktop.services.checklists import scoring
from inducci_desktop.services.checklists.templates import TemplateProblems
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError


def own_template(template_id: str = "own-test") -> ChecklistTemplate:
    """Two sections covering every item type, with weights and required items."""
    opts = (ChecklistOption("a", "Alpha", 1.0), ChecklistOption("b", "Beta", 0.5), ChecklistOption("c", "Gamma", 0.0))
    first = ChecklistSection("first", "Erste Sektion – Łódź", (
        ChecklistItem("q-ynp", "Is there a map?", "ynp", weight=2.0, required=True),
        ChecklistItem("q-scale", "How strong?", "scale", scale_min=1, scale_max=5,
                      scale_labels={1: "weak", 5: "strong"}),
        ChecklistItem("q-choice", "Which stage?", "choice", options=opts),
        ChecklistItem("q-multi", "Which fields?", "multi", options=opts),
    ))
    second = ChecklistSection("second", "Second", (
        ChecklistItem("q-text", "Name one", "text", required=True),
        ChecklistItem("q-long", "Describe", "longtext"),
        ChecklistItem("q-number", "How many?", "number", unit="companies"),
        ChecklistItem("q-date", "Since when?", "date"),
        ChecklistItem("q-ynp2", "Is it funded?", "ynp"),
    ))
    return ChecklistTemplate(template_id, 1, "Own test checklist", "", (first, second))


@pytest.fixture
def svc(services: Services) -> Services:
    services.prepare()
    services.checklists.templates.save(own_template())
    return services


def test_scoring_excludes_na_and_applies_weights() -> None:
    template = own_template()
    answers = {"q-ynp": "yes", "q-scale": 3, "q-choice": "b", "q-multi": ["a", "c"], "q-ynp2": "na"}
    result = scoring.score(template, answers)
    first = result.section("first")
    assert first is not None and first.score is not None
    # (2*1 + 0.5 + 0.5 + 0.5) / (2+1+1+1)
    assert first.score == pytest.approx(3.5 / 5)
    second = result.section("second")
    assert second is not None and second.score is None  # only n.a. and unscored items
    assert result.total == pytest.approx(3.5 / 5)
    assert result.missing_required == ("q-text",)
    assert result.answered == 5 and result.total_items == 9


@pytest.mark.parametrize(("key", "bad"), [
    ("q-ynp", "maybe"), ("q-ynp", 1), ("q-scale", 6), ("q-scale", 2.5), ("q-scale", True), ("q-choice", "z"),
    ("q-multi", "a"), ("q-multi", ["a", "zz"]), ("q-text", "two\nlines"), ("q-number", "12"),
    ("q-number", float("nan")), ("q-date", "31.12.2024"), ("q-date", 20240101),
])
def test_answers_of_the_wrong_type_are_refused_and_nothing_changes(svc: Services, key: str, bad: object) -> None:
    a = svc.checklists.create("own-test", "Round 1")
    svc.checklists.set_answer(a.id, "q-ynp", "partly")
    with pytest.raises(ValidationError, match=key):
        svc.checklists.set_answer(a.id, key, bad)
    view = svc.checklists.get(a.id)
    assert view.value("q-ynp") == "partly"
    assert view.value(key) is None or key == "q-ynp"


def test_every_item_type_round_trips(svc: Services) -> None:
    a = svc.checklists.create("own-test", "All types", subject="Kraków", assessor="Zofia Wiśniewska",
                              assessed_on="2026-03-01")
    values = {"q-ynp": "no", "q-scale": 5, "q-choice": "a", "q-multi": ["c", "a"], "q-text": "Żółć",
              "q-long": "line 1\nline 2 ő ű", "q-number": 12.5, "q-date": "2024-02-29", "q-ynp2": "yes"}
    for key, value in values.items():
        ack = svc.checklists.set_answer(a.id, key, value)
        assert ack.item_key == key
    svc.checklists.set_note(a.id, "q-scale", "Nach Rücksprache mit der Kammer")
    view = svc.checklists.get(a.id)
    assert view.value("q-multi") == ["a", "c"]  # stored in option order
    assert view.value("q-long") == "line 1\nline 2 ő ű"
    assert view.note("q-scale") == "Nach Rücksprache mit der Kammer"
    assert view.summary.answered == 9 and view.summary.progress == 1.0
    assert view.scores.missing_required == ()
    svc.checklists.set_answer(a.id, "q-text", None)
    assert svc.checklists.get(a.id).value("q-text") is None


def test_unknown_ids_and_items_give_clear_messages(svc: Services) -> None:
    with pytest.raises(NotFoundError, match="no assessment"):
        svc.checklists.get("nope")
    with pytest.raises(NotFoundError, match="no checklist template"):
        svc.checklists.create("checklist-nope", "x")
    a = svc.checklists.create("own-test", "x")
    with pytest.raises(NotFoundError, match="has no item 'q-zz'"):
        svc.checklists.set_answer(a.id, "q-zz", "yes")
    with pytest.raises(ValidationError, match="title"):
        svc.checklists.create("own-test", "   ")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        svc.checklists.create("own-test", "x", assessed_on="yesterday")


def test_complete_requires_required_items_and_can_be_reopened(svc: Services) -> None:
    a = svc.checklists.create("own-test", "x")
    svc.checklists.set_answer(a.id, "q-ynp", "na")  # n.a. counts as answered
    with pytest.raises(ValidationError, match=r"(?s)1 required item.*2\.1 Name one"):
        svc.checklists.complete(a.id)
    svc.checklists.set_answer(a.id, "q-text", "done")
    view = svc.checklists.complete(a.id)
    assert view.summary.status == "completed"
    with pytest.raises(ValidationError, match="reopen"):
        svc.checklists.set_answer(a.id, "q-ynp", "yes")
    svc.checklists.reopen(a.id)
    svc.checklists.set_answer(a.id, "q-ynp", "yes")
    assert svc.checklists.get(a.id).summary.status == "draft"


def test_trash_restore_archive_and_filters(svc: Services) -> None:
    one = svc.checklists.create("own-test", "Gorenjska spring", subject="Gorenjska")
    two = svc.checklists.create("own-test", "Śląskie autumn", subject="Śląskie")
    svc.checklists.set_answer(two.id, "q-ynp", "yes")
    assert [a.title for a in svc.checklists.list("slaskie")] == ["Śląskie autumn"]
    svc.checklists.delete(two.id)
    assert [a.id for a in svc.checklists.list()] == [one.id]
    assert [a.id for a in svc.checklists.list(deleted=True)] == [two.id]
    with pytest.raises(NotFoundError):
        svc.checklists.set_answer(two.id, "q-ynp", "no")
    svc.checklists.restore(two.id)
    assert svc.checklists.get(two.id).value("q-ynp") == "yes"  # answers survive the trash
    svc.checklists.archive(one.id)
    assert [a.id for a in svc.checklists.list()] == [two.id]
    assert [a.id for a in svc.checklists.list(status="archived")] == [one.id]
    assert {a.id for a in svc.checklists.list(status="all")} == {one.id, two.id}
    with pytest.raises(ValidationError, match="archived"):
        svc.checklists.set_answer(one.id, "q-ynp", "no")
    svc.checklists.archive(one.id, archived=False)
    assert len(svc.checklists.list()) == 2


def test_next_round_copies_answers_and_compare_shows_differences(svc: Services) -> None:
    first = svc.checklists.create("own-test", "Kranj", subject="Gorenjska")
    svc.checklists.set_answer(first.id, "q-ynp", "no")
    svc.checklists.set_answer(first.id, "q-scale", 1)
    svc.checklists.set_note(first.id, "q-scale", "baseline")
    second = svc.checklists.next_round(first.id, assessed_on="2027-01-01")
    assert second.round == 2 and second.title == "Kranj – round 2" and second.previous_id == first.id
    view = svc.checklists.get(second.id)
    assert view.value("q-ynp") == "no" and view.note("q-scale") == "baseline"
    svc.checklists.set_answer(second.id, "q-ynp", "yes")
    svc.checklists.set_answer(second.id, "q-scale", 5)
    assert svc.checklists.get(first.id).value("q-ynp") == "no"  # the first round is untouched
    third = svc.checklists.next_round(second.id)
    assert third.title == "Kranj – round 3"

    comparison = svc.checklists.compare([first.id, second.id])
    row = comparison.sections[0]
    assert row.scores[0] == pytest.approx(0.0) and row.scores[1] == pytest.approx(1.0)
    assert row.differences == (0.0, pytest.approx(1.0))
    assert comparison.total.differences[1] == pytest.approx(1.0)
    item = next(i for i in comparison.items if i.item.key == "q-ynp")
    assert item.answers == ("No", "Yes") and item.number == "1.1"


def test_compare_refuses_fewer_than_two_or_different_templates(svc: Services) -> None:
    a = svc.checklists.create("own-test", "a")
    other = svc.checklists.create("checklist-cci-needs", "b")
    with pytest.raises(ValidationError, match="at least two"):
        svc.checklists.compare([a.id])
    with pytest.raises(ValidationError, match="same checklist"):
        svc.checklists.compare([a.id, other.id])


def test_editing_a_used_template_makes_a_new_version_and_keeps_answers(svc: Services) -> None:
    templates = svc.checklists.templates
    unused = templates.save(replace(own_template(), title="Renamed before use"))
    assert unused.outcome == "saved" and unused.template.version == 1  # nobody used it: edited in place
    a = svc.checklists.create("own-test", "pinned")
    svc.checklists.set_answer(a.id, "q-ynp", "yes")
    svc.checklists.set_answer(a.id, "q-choice", "b")
    svc.checklists.set_answer(a.id, "q-long", "kept text")
    template = templates.template("own-test")
    first, second = template.sections
    changed_choice = replace(first.items[2], type="scale", options=(), scale_min=0, scale_max=3)
    edited = replace(template, sections=(
        replace(first, items=(first.items[0], first.items[1], changed_choice, first.items[3])),
        replace(second, items=tuple(i for i in second.items if i.key != "q-long")),
    ))
    result = templates.save(edited)
    assert result.new_version and result.template.version == 2
    assert templates.versions("own-test") == [1, 2]
    assert templates.save(edited).outcome == "unchanged"
    # the assessment keeps version 1 and all its answers
    view = svc.checklists.get(a.id)
    assert view.template.version == 1 and view.newer_version == 2
    assert view.value("q-long") == "kept text"
    # moving to version 2: answers that do not fit are kept aside, not deleted
    move = svc.checklists.move_to_version(a.id)
    assert move.version == 2 and move.carried == 1
    assert {k.item_key for k in move.kept} == {"q-choice", "q-long"}
    view = svc.checklists.get(a.id)
    assert view.value("q-choice") is None and {k.item_key for k in view.kept} == {"q-choice", "q-long"}
    back = svc.checklists.move_to_version(a.id, 1)
    assert back.kept == ()
    assert svc.checklists.get(a.id).value("q-choice") == "b"
    # new assessments start on the current version
    assert svc.checklists.create("own-test", "new").template_version == 2


def test_toolbox_templates_cannot_be_overwritten_but_copied(svc: Services) -> None:
    templates = svc.checklists.templates
    with pytest.raises(ValidationError, match="toolbox template"):
        templates.save(templates.template("checklist-cci-needs"))
    copy = templates.copy_of("checklist-cci-needs")
    saved = templates.save(copy)
    assert saved.outcome == "created" and saved.template.id.startswith("own-")
    assert any(t.id == copy.id and t.source == "user" for t in templates.templates())


def test_template_trash(svc: Services) -> None:
    templates = svc.checklists.templates
    a = svc.checklists.create("own-test", "uses it")
    templates.delete("own-test")
    assert all(t.id != "own-test" for t in templates.templates())
    assert [t.id for t in templates.templates(deleted=True)] == ["own-test"]
    assert svc.checklists.get(a.id).template.id == "own-test"  # its assessments keep working
    templates.restore("own-test")
    assert any(t.id == "own-test" for t in templates.templates())


VALID_YAML = """\
id: own-imported
version: 3
title: Imported – Žilina check
sections:
  - key: s1
    title: Basics
    items:
      - key: i1
        text: Is there a CCI office?
        type: ynp
        required: true
        guide: guide-mapping-cci
      - key: i2
        text: Rate the network
        type: scale
        scale: {min: 0, max: 4}
"""


def test_import_template_yaml(svc: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yaml"
    path.write_text(VALID_YAML, encoding="utf-8")
    result = svc.checklists.templates.import_file(path)
    assert result.outcome == "created" and result.template.title == "Imported – Žilina check"
    again = svc.checklists.templates.import_file(path)
    assert again.outcome == "unchanged"
    exported = svc.checklists.templates.export_yaml("own-imported")
    assert "Žilina" in exported and "guide: guide-mapping-cci" in exported


@pytest.mark.parametrize(("text", "line", "message"), [
    (VALID_YAML.replace("type: scale", "type: slider"), 15, "type"),
    (VALID_YAML.replace("        scale: {min: 0, max: 4}\n", ""), 13, "needs 'scale"),
    (VALID_YAML.replace("key: i2", "key: i1"), 13, "duplicate item key 'i1'"),
    (VALID_YAML.replace("guide: guide-mapping-cci", "guide: guide-nowhere"), 12, "no item 'guide-nowhere'"),
    (VALID_YAML.replace("title: Basics", "title: [Basics"), 7, "YAML syntax error"),
    (VALID_YAML.replace("version: 3", "version: 3\ncolour: red"), 3, "unknown key 'colour'"),
])
def test_invalid_template_yaml_names_file_and_line(svc: Services, tmp_path, text: str, line: int,  # type: ignore[no-untyped-def]
                                                     message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateProblems) as caught:
        svc.checklists.templates.import_file(path)
    problem = caught.value.problems[0]
    assert problem.file == "broken.yaml" and problem.line == line, caught.value
    assert message in str(caught.value)
    assert all(t.id != "own-imported" for t in svc.checklists.templates.templates())


def test_not_utf8_template(svc: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: own-x\ntitle: Gr\xfc\xdfe\n".encode("latin-1"))
    with pytest.raises(TemplateProblems, match=r"latin1.yaml:2: not UTF-8"):
        svc.checklists.templates.import_file(path)


def test_a_changed_pinned_template_keeps_answers_aside(svc: Services) -> None:
    """If the pinned version's items changed under the assessment (a pack edited without a version
    bump), answers that no longer fit are reported and kept, never lost."""
    from sqlalchemy import select

    from inducci_desktop.content.dbload import template_to_json
    from inducci_desktop.store.models import UserTemplateVersion

    a = svc.checklists.create("own-test", "x")
    svc.checklists.set_answer(a.id, "q-scale", 4)
    svc.checklists.set_answer(a.id, "q-long", "still here")
    changed = own_template()
    first, second = changed.sections
    changed = replace(changed, sections=(
        replace(first, items=(first.items[0], replace(first.items[1], scale_max=3), *first.items[2:])),
        replace(second, items=second.items[:1])))
    with svc.store.db.unit_of_work() as session:
        row = session.scalars(select(UserTemplateVersion)).one()
        row.data = template_to_json(changed)
    svc.checklists.templates._cache.clear()
    view = svc.checklists.get(a.id)
    kept = {k.item_key: k for k in view.kept}
    assert kept["q-scale"].value == 4 and "does not fit" in kept["q-scale"].reason
    assert kept["q-long"].value == "still here" and "not in this version" in kept["q-long"].reason
