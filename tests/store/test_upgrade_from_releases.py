"""Databases written by released versions upgrade with every row kept.

``tests/fixtures/db-<version>-demo.sqlite3`` is the database the released version's ``demo`` command made
(the file alone is complete: its write-ahead log was checkpointed). Each test copies it to a data folder,
opens it as the app does (checks → backup → every migration since) and compares row by row with the
fixture, so it stays valid when later migrations are added.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from inducci_desktop.app import run
from inducci_desktop.paths import AppPaths
from inducci_desktop.store.database import open_database
from inducci_desktop.store.schema import HEAD, is_unmodelled_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

#: what the 0.1.0 demo holds, counted when the fixture was made (user data and the content it loaded)
DEMO_0_1_0 = {
    "regions": 2, "assessments": 2, "assessment_answers": 36, "checklist_templates": 6,
    "checklist_user_templates": 0, "bookmarks": 0, "notes": 0, "settings": 0,
    "workshops": 1, "workshop_days": 2, "workshop_blocks": 13, "workshop_participants": 10,
    "workshop_attendance": 20, "workshop_outcomes": 7, "workshop_actions": 3, "workshop_questions": 7,
    "workshop_responses": 7, "content_items": 41, "content_sections": 15, "content_glossary": 43,
    "content_links": 15, "content_search_docs": 90, "content_pack": 1,
}


#: tables that hold no user data: migration 0008 makes them anew (with a language) and the next start loads
#: every content pack into them again (checked below)
REBUILT = {"content_items", "content_sections", "content_glossary", "content_links", "content_search_docs",
           "content_pack"}


def rows(path: Path) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every row of every table (but Alembic's and the search index's), by primary key, as column → value."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        result: dict[str, dict[Any, dict[str, Any]]] = {}
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name == "alembic_version" or is_unmodelled_table(name):
                continue
            keys = [r[1] for r in sorted(conn.execute(f'PRAGMA table_info("{name}")'), key=lambda r: r[5]) if r[5]]
            table = {}
            for row in conn.execute(f'SELECT * FROM "{name}"'):
                data = dict(row)
                table[tuple(data[k] for k in keys) if keys else tuple(data.values())] = data
            result[name] = table
        return result
    finally:
        conn.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[Path, AppPaths]:
    fixture = FIXTURES / "db-0.1.0-demo.sqlite3"
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    shutil.copyfile(fixture, paths.database)
    db, report = open_database(paths.database, paths.backup_dir)
    try:
        assert report.migrated_from == "0004"
        assert db.revision() == HEAD
        assert report.backups_made  # the data as 0.1.0 left it is kept before the upgrade
    finally:
        db.close()
    return fixture, paths


def test_the_0_1_0_demo_database_upgrades_with_every_row_kept(upgraded: tuple[Path, AppPaths]) -> None:
    fixture, paths = upgraded
    before, after = rows(fixture), rows(paths.database)
    assert {t: len(before[t]) for t in DEMO_0_1_0} == DEMO_0_1_0  # the fixture is what it claims to be
    for table, old_rows in before.items():
        assert table in after, f"table {table} is gone"
        if table in REBUILT:
            continue
        assert set(after[table]) == set(old_rows), f"rows of {table} changed"
        for key, old in old_rows.items():
            new = after[table][key]
            # later migrations may add columns; the columns 0.1.0 had keep their values
            assert {c: new[c] for c in old} == old, f"{table} {key}"


def test_known_values_of_the_0_1_0_demo_survive(upgraded: tuple[Path, AppPaths]) -> None:
    _fixture, paths = upgraded
    conn = sqlite3.connect(paths.database)
    try:
        assert {r[0] for r in conn.execute("SELECT name FROM regions")} == {"Śląskie (Silesia)", "Gorenjska"}
        assert conn.execute("SELECT title, status, mode FROM workshops").fetchone() == (
            "CCI competency training for regional administration", "evaluated", "in_person")
        assert conn.execute("SELECT organisation FROM workshop_participants WHERE name = 'Zofia Wójcik'"
                            ).fetchone() == ("Urząd Miejski w Bielsku-Białej",)
        assert conn.execute("SELECT day, start_minutes, end_minutes FROM workshop_days ORDER BY day").fetchall() == [
            ("2026-11-12", 540, 990), ("2026-11-13", 540, 900)]
        assert sorted(conn.execute("SELECT title, status, round FROM assessments")) == [
            ("Silesia CCI status quo", "completed", 1), ("Silesia CCI status quo – round 2", "draft", 2)]
    finally:
        conn.close()


def test_the_upgraded_0_1_0_database_passes_db_check(upgraded: tuple[Path, AppPaths],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _fixture, paths = upgraded
    code = run(["--data-dir", str(paths.data_dir), "db", "check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "integrity: ok" in out and "(current)" in out


def test_the_content_of_the_0_1_0_demo_is_loaded_again_in_every_language(upgraded: tuple[Path, AppPaths]) -> None:
    from inducci_desktop.bootstrap import open_services

    _fixture, paths = upgraded
    with open_services(paths) as services:
        assert services.library.item("guide-mapping-cci").title
        assert "en" in services.library.languages()
    after = rows(paths.database)
    assert len([k for k in after["content_items"] if k[-1] == "en"]) == DEMO_0_1_0["content_items"]
