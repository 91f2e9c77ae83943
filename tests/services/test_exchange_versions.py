"""Versions in the exchange: 0.1.0 bundles, bad histories, erasure and attendance that travel, wrong clocks."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.service import ExportSelection
from tests.services.exchange_helpers import dump, folder, read_records, write_zip

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")

ALL = ExportSelection(everything=True, include_personal_data=True)
FIXTURE = Path(__file__).parent.parent / "fixtures" / "exchange-0.1.0-demo.inducci"


def _rewrite(source: Path, target: Path, change: object) -> Path:
    head, records = read_records(source)
    change(head, records)  # type: ignore[operator]
    entries: dict[str, bytes | str] = {"manifest.json": json.dumps(head)}
    for kind, rows in records.items():
        entries[f"records/{kind}.json"] = json.dumps(rows)
    return write_zip(target, entries)


def test_a_bundle_of_0_1_0_imports_and_differences_are_conflicts(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURE) as archive:
        assert json.loads(archive.read("manifest.json"))["app_version"] == "0.1.0"
    with folder(tmp_path / "fresh") as fresh:
        plan, result = fresh.exchange.import_file(FIXTURE)
        assert result is not None and plan.added and not plan.conflicts
        assert len(fresh.checklists.list(status="all")) == 2
        # anonymous entries are marked as such, not recognised by their name
        with fresh.store.db.reading() as session:
            flags = [r[0] for r in session.execute(text("SELECT anonymous FROM workshop_participants"))]
        assert flags and all(flags)
        draft = next(a.id for a in fresh.checklists.list() if a.status == "draft")
        view = fresh.checklists.get(draft)
        key = next(i.key for s in view.template.sections for i in s.items if i.type == "ynp")
        fresh.checklists.set_answer(draft, key, "na" if view.value(key) != "na" else "no")
        plan, _ = fresh.exchange.import_file(FIXTURE)
        assert [e.label for e in plan.conflicts] == ["answer"] and "0.1.0" in plan.conflicts[0].reason
        assert fresh.exchange.conflicts()[0].theirs_by == "0.1.0"


def test_replayed_self_made_and_contradicting_bundles_are_refused(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "old.inducci", ALL)
        a.regions.add("Łódzkie")
        a.exchange.export(tmp_path / "new.inducci", ALL)
        b.exchange.import_file(tmp_path / "new.inducci")
        before = dump(b.store.path)
        with pytest.raises(ValidationError, match="replays an old state"):
            b.exchange.import_file(tmp_path / "old.inducci")
        b.exchange.export(tmp_path / "mine.inducci", ALL)
        with pytest.raises(ValidationError, match="made by this data folder"):
            b.exchange.import_file(tmp_path / "mine.inducci")

        def future(head: dict, records: dict) -> None:  # type: ignore[type-arg]
            row = records["regions"][0]
            row["vv"] = {**row["vv"], head["folder_id"]: head["clock"] + 5}

        with pytest.raises(ValidationError, match="contradicts itself"):
            b.exchange.import_file(_rewrite(tmp_path / "new.inducci", tmp_path / "future.inducci", future))

        def same_version_other_text(head: dict, records: dict) -> None:  # type: ignore[type-arg]
            records["regions"][0]["notes"] = "changed without a new version"

        with pytest.raises(ValidationError, match="has this machine's version but different notes"):
            b.exchange.import_file(_rewrite(tmp_path / "new.inducci", tmp_path / "same.inducci",
                                            same_version_other_text))

        def version_dropped(head: dict, records: dict) -> None:  # type: ignore[type-arg]
            records["regions"][0]["vv"] = None

        with pytest.raises(ValidationError, match="has no version in a bundle that carries versions"):
            b.exchange.import_file(_rewrite(tmp_path / "new.inducci", tmp_path / "dropped.inducci", version_dropped))
        assert dump(b.store.path) == before


def test_clocks_a_year_apart_decide_nothing(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "1.inducci", ALL)
        b.exchange.import_file(tmp_path / "1.inducci")
        region = a.regions.list()[0]
        b.regions.rename(region.id, "Renamed on B")
        b.exchange.export(tmp_path / "2.inducci", ALL)

        # B's laptop clock a year ahead of A's: the stamps say so, the versions decide
        ahead = (datetime.now(UTC) + timedelta(days=365)).isoformat()

        def ahead_of_a(head: dict, records: dict) -> None:  # type: ignore[type-arg]
            for rows in records.values():
                for row in rows:
                    for field in ("created_at", "updated_at"):
                        if field in row:
                            row[field] = ahead

        def a_year_behind(head: dict, records: dict) -> None:  # type: ignore[type-arg]
            for rows in records.values():
                for row in rows:
                    for field in ("updated_at",):
                        if field in row:
                            row[field] = "2025-01-01T00:00:00+00:00"

        # B's laptop is a year behind: its edit is still taken (changed on one side only)
        plan, _ = a.exchange.import_file(_rewrite(tmp_path / "2.inducci", tmp_path / "2b.inducci", a_year_behind))
        assert not plan.conflicts and a.regions.get(region.id).name == "Renamed on B"
        # both edit; B's clock ahead does not make B win: a conflict
        a.regions.rename(region.id, "Renamed on A")
        b.regions.rename(region.id, "Renamed on B again")
        b.exchange.export(tmp_path / "3.inducci", ALL)
        plan, _ = a.exchange.import_file(_rewrite(tmp_path / "3.inducci", tmp_path / "3b.inducci", ahead_of_a))
        assert [e.label for e in plan.conflicts] == ["region"]
        assert a.regions.get(region.id).name == "Renamed on A"
        assert timedelta(days=364) < (plan.conflicts[0].incoming_updated - plan.conflicts[0].local_updated)


@pytest.mark.sqlite_only("makes a file backup of the sending data folder")
def test_unmarked_attendance_and_erasure_travel(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "1.inducci", ALL)
        b.exchange.import_file(tmp_path / "1.inducci")
        workshop = a.workshops.list()[0].id
        person = next(p for p in a.workshops.people.participants(workshop) if p.present)
        day = sorted(person.present)[0]
        a.workshops.people.set_attendance(person.id, day, None)  # marked present by mistake
        a.exchange.export(tmp_path / "2.inducci", ALL)
        b.exchange.import_file(tmp_path / "2.inducci")
        assert day not in b.workshops.people.participant(person.id).present
        b.exchange.export(tmp_path / "3.inducci", ALL)
        a.exchange.import_file(tmp_path / "3.inducci")
        assert day not in a.workshops.people.participant(person.id).present  # does not come back
        # an erasure on B erases on A too, also from A's backups, and A's old copy never brings it back
        name = person.name
        a.store.backups.create("manual")
        b.workshops.people.erase_person(person.id)
        b.exchange.export(tmp_path / "4.inducci", ALL)
        plan, _ = a.exchange.import_file(tmp_path / "4.inducci")
        assert any("erased on request there" in e.reason for e in plan.updated)
        assert all(p.name != name for p in a.workshops.people.participants(workshop, deleted=True))
        for backup in a.store.backups.list():
            assert name.encode() not in backup.path.read_bytes()
        with pytest.raises(ValidationError):
            b.exchange.import_file(tmp_path / "1.inducci")  # an old bundle of A: refused as a replay


def test_keep_both_joins_the_texts_and_the_result_travels(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "1.inducci", ALL)
        b.exchange.import_file(tmp_path / "1.inducci")
        with a.store.db.unit_of_work() as session:
            session.execute(text("UPDATE regions SET notes = 'Notes from Brno: ř ů ě' WHERE name = 'Gorenjska'"))
        with b.store.db.unit_of_work() as session:
            session.execute(text("UPDATE regions SET notes = 'Notes from Győr: ő ű' WHERE name = 'Gorenjska'"))
        a.exchange.export(tmp_path / "2.inducci", ALL)
        plan, _ = b.exchange.import_file(tmp_path / "2.inducci")
        [conflict] = b.exchange.conflicts()
        assert conflict.text_fields == ("notes",) and [e.label for e in plan.conflicts] == ["region"]
        b.exchange.resolve(conflict.id, "both")
        with b.store.db.reading() as session:
            notes = session.execute(text("SELECT notes FROM regions WHERE name = 'Gorenjska'")).scalar_one()
        assert notes == "Notes from Győr: ő ű\n\nNotes from Brno: ř ů ě"
        b.exchange.export(tmp_path / "3.inducci", ALL)
        plan, _ = a.exchange.import_file(tmp_path / "3.inducci")
        assert not plan.conflicts and [e.label for e in plan.updated] == ["region"]
        with pytest.raises(ValidationError, match="Choose what to keep"):
            b.exchange.resolve(conflict.id, "neither")
