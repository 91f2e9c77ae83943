"""Exchange between two data folders: round trips both ways, idempotence, conflicts, all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from inducci_desktop.services.checklists.demo import TEMPLATE
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange import service as exchange_module
from inducci_desktop.services.exchange.schema import PLACEHOLDER_NAME
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from tests.services.exchange_helpers import dump, folder, read_records

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")

ALL = ExportSelection(everything=True)


def _draft(services: Services) -> str:
    return next(a.id for a in services.checklists.list() if a.status == "draft")


def _first_ynp(services: Services, assessment_id: str) -> str:
    view = services.checklists.get(assessment_id)
    return next(i.key for s in view.template.sections for i in s.items if i.type == "ynp")


def _keys(services: Services, assessment_id: str) -> list[str]:
    view = services.checklists.get(assessment_id)
    return [i.key for s in view.template.sections for i in s.items if i.type == "ynp"]


def _column(database: Path, table: str, column: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(database)
    try:
        return conn.execute(f'SELECT "{column}" FROM "{table}"').fetchall()
    finally:
        conn.close()


def _without(database: Path, table: str, column: str) -> list[tuple[Any, ...]]:
    """The rows of ``table`` with ``column`` blanked."""
    conn = sqlite3.connect(database)
    try:
        names = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
    finally:
        conn.close()
    at = names.index(column)
    return sorted((tuple("" if i == at else v for i, v in enumerate(r)) for r in rows), key=repr)


@pytest.mark.sqlite_only("reads the receiving database file directly with sqlite3")
def test_round_trip_both_ways_loses_and_doubles_nothing(tmp_path: Path) -> None:
    with folder(tmp_path / "official", demo=True) as official, folder(tmp_path / "coordinator") as coordinator:
        official.exchange.export(tmp_path / "out.inducci", ALL)
        plan = coordinator.exchange.plan(tmp_path / "out.inducci")
        assert not plan.conflicts and not plan.updated and len(plan.added) > 100
        coordinator.exchange.apply(plan)
        # stored exactly as the official's app stored them (same text for timestamps, JSON, dates)
        for table in ("regions", "assessments", "assessment_answers", "workshop_days",
                      "workshop_attendance", "workshop_responses", "workshop_outcomes"):
            theirs, mine = dump(official.store.path, local=False), dump(coordinator.store.path, local=False)
            assert mine[table] == theirs[table], table
        # names in free text (trainers, who is responsible for a block) are personal data: left out
        for table, column in (("workshops", "trainers"), ("workshop_blocks", "responsible")):
            theirs_rows, mine_rows = _without(coordinator.store.path, table, column), \
                _without(official.store.path, table, column)
            assert theirs_rows == mine_rows, table
            assert all(not r[0] for r in _column(coordinator.store.path, table, column))
        # the coordinator sees every assessment with every answer and scores equal to the official's
        mine = {a.id: official.checklists.get(a.id) for a in official.checklists.list(status="all")}
        theirs = {a.id: coordinator.checklists.get(a.id) for a in coordinator.checklists.list(status="all")}
        assert set(mine) == set(theirs) and len(mine) == 2
        for aid, view in mine.items():
            assert {k: a.value for k, a in view.answers.items()} == \
                   {k: a.value for k, a in theirs[aid].answers.items()}
            assert view.scores.total == theirs[aid].scores.total
            assert view.summary.region_id == theirs[aid].summary.region_id
        workshop = official.workshops.list()[0]
        here = coordinator.workshops.get(workshop.id)
        assert [d.day for d in here.days] == [d.day for d in official.workshops.get(workshop.id).days]
        official_figures = official.workshops.people.figures(workshop.id, official.workshops.get(workshop.id).days)
        coordinator_figures = coordinator.workshops.people.figures(workshop.id, here.days)
        assert coordinator_figures == official_figures  # attendance counts stay right without personal data
        assert coordinator.workshops.results.summary(workshop.id) == official.workshops.results.summary(workshop.id)

        # the coordinator adds a region and an assessment of their own and sends everything back
        region = coordinator.regions.add("Gorenjska Kranj", "region", "Slovenia")
        own = coordinator.checklists.create(TEMPLATE, "Kranj status quo", region_id=region.id)
        coordinator.checklists.set_answer(own.id, _first_ynp(coordinator, own.id), "yes")
        coordinator.exchange.export(tmp_path / "back.inducci", ALL)
        before = {name: len(rows) for name, rows in dump(official.store.path).items()}
        back = official.exchange.plan(tmp_path / "back.inducci")
        assert not back.conflicts
        assert {(e.label, e.title) for e in back.added} >= {("assessment", "Kranj status quo"),
                                                             ("region", "Gorenjska Kranj")}
        assert {e.label for e in back.added} == {"region", "assessment", "answer"}
        official.exchange.apply(back)
        after = {name: len(rows) for name, rows in dump(official.store.path).items()}
        assert after["assessments"] == before["assessments"] + 1
        assert after["workshop_participants"] == before["workshop_participants"]  # nothing doubled
        # personal data came back untouched: the anonymous copies did not overwrite the names
        people = official.workshops.people.participants(workshop.id)
        assert all(p.name and not p.name.startswith(PLACEHOLDER_NAME) for p in people)
        assert official.checklists.get(own.id).scores.total == 1.0


def test_second_import_changes_nothing(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        first = dump(b.store.path)
        plan = b.exchange.plan(tmp_path / "x.inducci")
        assert not plan.added and not plan.updated and not plan.conflicts and plan.unchanged
        b.exchange.apply(plan)
        assert dump(b.store.path) == first


def test_personal_data_stays_out_unless_chosen(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        workshop = a.workshops.list()[0].id
        names = {p.name for p in a.workshops.people.participants(workshop)}
        a.exchange.export(tmp_path / "anon.inducci", ExportSelection(workshops=(workshop,)))
        head, records = read_records(tmp_path / "anon.inducci")
        assert head["includes_personal_data"] is False
        text = (tmp_path / "anon.inducci").read_bytes()
        assert all(p["name"] is None and p["email"] is None for p in records["participants"])
        assert all(a["owner"] is None for a in records["actions"])
        assert not any(name.encode() in text for name in names)
        b.exchange.apply(b.exchange.plan(tmp_path / "anon.inducci"))
        placeholders = b.workshops.people.participants(workshop)
        assert len(placeholders) == len(names)
        assert all(p.name.startswith(PLACEHOLDER_NAME) and not p.email for p in placeholders)

        a.exchange.export(tmp_path / "full.inducci", ExportSelection(workshops=(workshop,),
                                                                   include_personal_data=True))
        plan = b.exchange.plan(tmp_path / "full.inducci")
        # the same versions with the personal data the anonymous bundle left out: names, owners, trainers and
        # who is responsible for a block are filled in, no conflict
        assert {e.label for e in plan.updated} <= {"participant", "action item", "workshop", "agenda block"}
        assert "participant" in {e.label for e in plan.updated} and not plan.conflicts
        b.exchange.apply(plan)
        assert {p.name for p in b.workshops.people.participants(workshop)} == names
        assert b.workshops.get(workshop).trainers == a.workshops.get(workshop).trainers


def test_edits_on_both_sides_are_a_conflict_whatever_the_clocks_say(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "start.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "start.inducci"))
        draft = _draft(a)
        key = _first_ynp(a, draft)
        b.checklists.set_answer(draft, key, "no")  # B first …
        a.checklists.set_answer(draft, key, "partly")  # … A later: the later clock decides nothing
        a.exchange.export(tmp_path / "from_a.inducci", ALL)
        b.exchange.export(tmp_path / "from_b.inducci", ALL)

        into_b = b.exchange.plan(tmp_path / "from_a.inducci")
        conflict = next(e for e in into_b.conflicts if e.label == "answer")
        assert conflict.title.endswith(f"item {key}") and "changed on both sides: value" in conflict.reason
        assert not into_b.updated
        b.exchange.apply(into_b)
        assert b.checklists.get(draft).value(key) == "no"  # kept until the user chooses
        [open_b] = b.exchange.conflicts()
        assert (open_b.mine["value"], open_b.theirs["value"]) == ("no", "partly")

        into_a = a.exchange.plan(tmp_path / "from_b.inducci")
        assert [e.label for e in into_a.conflicts] == ["answer"]
        a.exchange.apply(into_a)
        assert a.checklists.get(draft).value(key) == "partly"
        # B takes A's answer; A keeps its own: both hold "partly", and the next exchange agrees silently
        b.exchange.resolve(open_b.id, "theirs")
        a.exchange.resolve(a.exchange.conflicts()[0].id, "mine")
        assert b.checklists.get(draft).value(key) == "partly" and not b.exchange.conflicts()
        a.exchange.export(tmp_path / "a2.inducci", ALL)
        b.exchange.export(tmp_path / "b2.inducci", ALL)
        assert not b.exchange.import_file(tmp_path / "a2.inducci")[0].conflicts
        assert not a.exchange.import_file(tmp_path / "b2.inducci")[0].conflicts
        # the losing version stays with the resolved conflict and can be restored
        [done] = b.exchange.conflicts(resolved=True)
        b.exchange.resolve(done.id, "mine")
        assert b.checklists.get(draft).value(key) == "no"


def test_answers_made_on_both_sides_match_by_item(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        fresh = a.checklists.create(TEMPLATE, "Fresh start")
        a.exchange.export(tmp_path / "start.inducci", ExportSelection(assessments=(fresh.id,)))
        b.exchange.apply(b.exchange.plan(tmp_path / "start.inducci"))
        key = _first_ynp(a, fresh.id)
        b.checklists.set_answer(fresh.id, key, "no")
        a.checklists.set_answer(fresh.id, key, "yes")  # a different answer row id on each side: no common version
        other = next(k for k in _keys(a, fresh.id) if k != key)
        a.checklists.set_answer(fresh.id, other, "partly")  # another item: no conflict, simply taken
        a.exchange.export(tmp_path / "a.inducci", ExportSelection(assessments=(fresh.id,)))
        plan = b.exchange.plan(tmp_path / "a.inducci")
        assert [e.title for e in plan.conflicts] == [f"Fresh start · item {key}"]
        assert "made separately on both machines" in plan.conflicts[0].reason
        assert [e.title for e in plan.added if e.label == "answer"] == [f"Fresh start · item {other}"]
        b.exchange.apply(plan)
        assert b.checklists.get(fresh.id).value(other) == "partly"
        b.exchange.resolve(b.exchange.conflicts()[0].id, "theirs")
        assert b.checklists.get(fresh.id).value(key) == "yes"
        assert not b.exchange.plan(tmp_path / "a.inducci").changes_anything


def test_trash_state_travels(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "1.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "1.inducci"))
        draft = _draft(a)
        a.checklists.delete(draft)
        a.exchange.export(tmp_path / "2.inducci", ALL)
        plan = b.exchange.plan(tmp_path / "2.inducci")
        assert [e.id for e in plan.updated if e.label == "assessment"] == [draft]
        b.exchange.apply(plan)
        assert b.checklists.get(draft).summary.deleted_at is not None


def test_failure_halfway_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        b.regions.add("Linz", "region", "Austria")
        before = dump(b.store.path)
        real = exchange_module._write
        written: list[str] = []

        def failing(session: Any, planner: Any, source: str, on_write: Any) -> Any:
            def note(kind: str) -> None:
                written.append(kind)
                if kind == "participants":  # regions, assessments, answers, workshops are in by now
                    raise OSError("disk unplugged")
            return real(session, planner, source, note)

        monkeypatch.setattr(exchange_module, "_write", failing)
        plan = b.exchange.plan(tmp_path / "x.inducci")
        with pytest.raises(OSError, match="unplugged"):
            b.exchange.apply(plan)
        assert {"regions", "assessments", "answers", "workshops"} <= set(written)
        assert dump(b.store.path) == before
        monkeypatch.setattr(exchange_module, "_write", real)
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        assert len(b.checklists.list(status="all")) == 2


def test_apply_refuses_when_the_data_changed_since_the_preview(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        draft = _draft(a)
        key = _first_ynp(a, draft)
        before_value = a.checklists.get(draft).value(key)
        a.checklists.set_answer(draft, key, "no")
        a.exchange.export(tmp_path / "y.inducci", ALL)
        plan = b.exchange.plan(tmp_path / "y.inducci")
        assert plan.updated
        mine = next(v for v in ("yes", "partly", "na") if v != before_value)
        b.checklists.set_answer(draft, key, mine)  # now the same answer changed on both sides
        before = dump(b.store.path)
        with pytest.raises(ValidationError, match="preview the import again"):
            b.exchange.apply(plan)
        assert dump(b.store.path) == before


def test_templates_travel_with_assessments(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        own = a.checklists.templates.save(a.checklists.templates.copy_of(TEMPLATE)).template
        made = a.checklists.create(own.id, "On my own checklist")
        a.exchange.export(tmp_path / "x.inducci", ExportSelection(assessments=(made.id,)))
        _, records = read_records(tmp_path / "x.inducci")
        assert [t["template_id"] for t in records["templates"]] == [own.id]
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        assert b.checklists.get(made.id).template.title == own.title
        assert b.checklists.templates.is_user_template(own.id)


@pytest.mark.sqlite_only("reads the receiving database file directly with sqlite3")
def test_a_toolbox_template_version_the_receiver_lacks_travels_as_json(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        import sqlite3

        with sqlite3.connect(b.store.path) as conn:  # the receiver's pack has no such template at all
            conn.execute("DELETE FROM checklist_templates WHERE id = ?", (TEMPLATE,))
        conn.close()
        plan = b.exchange.plan(tmp_path / "x.inducci")
        assert [e.label for e in plan.added if e.kind == "toolbox_templates"] == ["toolbox template"]
        b.exchange.apply(plan)
        for summary in b.checklists.list(status="all"):
            assert b.checklists.get(summary.id).template.id == TEMPLATE


def test_regions_of_the_same_name_are_taken_as_one(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as a, folder(tmp_path / "b") as b:
        mine = a.regions.add("Vysočina", "region", "Czechia")
        theirs = b.regions.add("Vysočina", "region", "Czechia")
        made = a.checklists.create(TEMPLATE, "Vysočina status quo", region_id=mine.id)
        a.exchange.export(tmp_path / "x.inducci", ExportSelection(assessments=(made.id,)))
        plan = b.exchange.plan(tmp_path / "x.inducci")
        assert any("same name" in e.reason for e in plan.unchanged)
        b.exchange.apply(plan)
        assert [r.id for r in b.regions.list()] == [theirs.id]
        assert b.checklists.get(made.id).summary.region_id == theirs.id
        assert not b.exchange.plan(tmp_path / "x.inducci").changes_anything


def test_participant_added_by_hand_is_not_confused(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        workshop = a.workshops.list()[0].id
        a.exchange.export(tmp_path / "x.inducci", ExportSelection(workshops=(workshop,)))
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        b.workshops.people.add(workshop, ParticipantInput("Jana Nováková", "MAS Sokolov"))
        count = len(b.workshops.people.participants(workshop))
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        assert len(b.workshops.people.participants(workshop)) == count


def test_export_refuses_unknown_ids_and_empty_selections(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as a:
        with pytest.raises(ValidationError, match="Choose something"):
            a.exchange.export(tmp_path / "x.inducci", ExportSelection())
        with pytest.raises(Exception, match="no assessment with id"):
            a.exchange.export(tmp_path / "x.inducci", ExportSelection(assessments=("nope",)))
        assert not list(tmp_path.glob("*.inducci*"))


def test_a_save_that_changes_nothing_is_not_an_edit(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "1.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "1.inducci"))
        draft = _draft(a)
        key = _first_ynp(a, draft)
        value = a.checklists.get(draft).value(key)
        a.checklists.set_answer(draft, key, value)  # saved again, unchanged: no new version
        b.checklists.set_note(draft, key, "Checked in Łódź.")  # an edit on the other side does not conflict
        a.exchange.export(tmp_path / "2.inducci", ALL)
        plan = b.exchange.plan(tmp_path / "2.inducci")
        assert not plan.changes_anything and not plan.conflicts


@pytest.mark.sqlite_only("file backups before an import are SQLite's; a server's backups are the administrator's")
def test_an_import_that_writes_keeps_the_data_before_it_as_a_backup(tmp_path: Path) -> None:
    from inducci_desktop.store.backup import Backups

    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        b.regions.add("Sokolov")
        before = dump(b.store.path)
        a.exchange.export(tmp_path / "out.inducci", ALL)
        _plan, result = b.exchange.import_file(tmp_path / "out.inducci")
        assert result is not None and result.backup_id is not None
        backup = b.store.backups.get(result.backup_id)
        assert backup.reason == "pre-import"
        # the backup holds exactly the data before the import
        copy = tmp_path / "copy"
        copy.mkdir()
        restored = Backups(copy / "x.sqlite3", copy / "b")
        restored.folder.mkdir()
        (restored.folder / backup.path.name).write_bytes(backup.path.read_bytes())
        restored.restore(backup.id)
        after = dump(restored.database)
        # a restored copy continues under a new data folder id (see Backups.restore); the rest is equal
        assert after.pop("data_folder")[0][1:] == before.pop("data_folder")[0][1:]
        assert after == before
        # a second import writes nothing and makes no backup
        _plan, again = b.exchange.import_file(tmp_path / "out.inducci")
        assert again is not None and again.backup_id is None


def test_workshop_place_travels_and_bundles_made_before_it_still_import(tmp_path: Path) -> None:
    from tests.services.exchange_helpers import bundle

    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b, folder(tmp_path / "c") as c:
        workshop = a.workshops.list()[0]
        a.exchange.export(tmp_path / "new.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "new.inducci"))
        assert b.workshops.get(workshop.id).place == "Bielsko-Biała"

        head, records = read_records(tmp_path / "new.inducci")
        for record in records["workshops"]:  # as written before workshops had a place
            for name in ("place", "certificate_date", "certificate_minutes"):
                del record[name]
        bundle(tmp_path / "old.inducci", records, includes_personal_data=head["includes_personal_data"])
        plan = c.exchange.plan(tmp_path / "old.inducci")
        assert not plan.conflicts
        c.exchange.apply(plan)
        old = c.workshops.get(workshop.id)
        assert (old.title, old.place, old.certificate_date, old.certificate_minutes) == (workshop.title, "", None,
                                                                                         None)
