"""Toolbox template versions that assessments pin reach every machine of a shared database (migration 0013).

Machine A is the test's store (SQLite or PostgreSQL); machine B is another data folder over the same database,
with a content cache of its own that never held the pinned version (on SQLite, one file: nothing changes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from inducci_desktop.content import pinned
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.exchange.views import ExportSelection
from inducci_desktop.store.database import Store
from inducci_desktop.store.location import Location
from inducci_desktop.store.models import ChecklistTemplateRow, PinnedTemplate

from ..content.packs import CHECKLIST, SOURCE, make_pack
from .exchange_helpers import folder, read_records

TEMPLATE = "checklist-one"
ANSWERS: dict[str, Any] = {"stats": "yes", "level": 4, "kind": "a", "count": 12}


def pack(root: Path, pack_version: str, template_version: int, words: str) -> Path:
    """The test pack with checklist-one at ``template_version``, its item texts ending in ``words``."""
    text = CHECKLIST.format(sources=SOURCE).replace("version: 1", f"version: {template_version}")
    for question in ("statistical overview?", "How well networked?", "Which kind?", "How many?"):
        text = text.replace(question, f"{question[:-1]} – {words}?")
    return make_pack(root / f"pack-{pack_version}" / "en", pack_version, {"checklists/one.yaml": text})


@contextmanager
def machine_b(paths: AppPaths, root: Path, content: Path) -> Iterator[Services]:
    """Another machine over the same database: its own data folder and content cache (which loads ``content``)."""
    other = AppPaths.resolve(root)
    other.ensure()
    location = paths.server if paths.server is not None else Location.local(paths.database)
    other = replace(other, location=location)
    store = Store(other.database, other.backup_dir, server=other.server)
    store.open()
    services = Services.over(other, store)
    try:
        status = services.library.ensure_content(content)
        assert status.loaded or paths.server is None  # on SQLite the content is in the file A loaded it into
        yield services
    finally:
        services.close()


def items(services: Services, assessment_id: str) -> list[tuple[str, str]]:
    view = services.checklists.get(assessment_id)
    return [(item.key, item.text) for section in view.template.sections for item in section.items]


def test_an_imported_assessment_opens_on_another_machine_with_its_pinned_version(
        services: Services, paths: AppPaths, tmp_path: Path) -> None:
    # machine C (a laptop elsewhere) answers an assessment on version 7 of the template
    with folder(tmp_path / "c") as c:
        c.library.ensure_content(pack(tmp_path, "7", 7, "Łódź, Plzeň, Görlitz"))
        made = c.checklists.create(TEMPLATE, "Stan wyjściowy – Śląsk", version=7)
        for key, value in ANSWERS.items():
            c.checklists.set_answer(made.id, key, value)
        c.checklists.set_note(made.id, "stats", "Dane z urzędu – żółć")
        c.exchange.export(tmp_path / "x.inducci", ExportSelection(assessments=(made.id,)))
        expected = items(c, made.id)
    _, records = read_records(tmp_path / "x.inducci")
    assert [(t["id"], t["version"]) for t in records["toolbox_templates"]] == [(TEMPLATE, 7)]

    # machine A (on the shared database) has version 1 in its pack and imports the bundle
    services.library.ensure_content(pack(tmp_path, "1", 1, "ß"))
    services.exchange.apply(services.exchange.plan(tmp_path / "x.inducci"))
    assert items(services, made.id) == expected

    # machine B: its own fresh cache, with version 1 only, opens the assessment with every item and answer
    with machine_b(paths, tmp_path / "b", pack(tmp_path, "1", 1, "ß")) as b:
        if paths.server is not None:
            with b.store.db.reading() as session:
                assert session.get(ChecklistTemplateRow, (TEMPLATE, 7)) is None  # not in B's cache
        view = b.checklists.get(made.id)
        assert view.template.version == 7
        assert items(b, made.id) == expected
        assert {k: a.value for k, a in view.answers.items()} == ANSWERS
        assert view.answers["stats"].note == "Dane z urzędu – żółć"
        assert view.kept == ()
        # B can hand it on: the export carries the version B reads from the shared database
        b.exchange.export(tmp_path / "from-b.inducci", ExportSelection(assessments=(made.id,)))
        _, again = read_records(tmp_path / "from-b.inducci")
        assert [(t["id"], t["version"]) for t in again["toolbox_templates"]] == [(TEMPLATE, 7)]
        assert b.library.checklist_template(TEMPLATE, 7).version == 7


def _answer_all(services: Services, assessment_id: str) -> None:
    for key, value in ANSWERS.items():
        services.checklists.set_answer(assessment_id, key, value)


def test_a_version_a_pack_change_sets_aside_is_readable_on_another_machine(
        services: Services, paths: AppPaths, tmp_path: Path) -> None:
    services.library.ensure_content(pack(tmp_path, "1", 1, "wersja pierwsza"))
    made = services.checklists.create(TEMPLATE, "Ocena – Vysočina")
    _answer_all(services, made.id)
    expected = items(services, made.id)
    with services.store.db.unit_of_work() as session:  # as an assessment made before the kept versions existed
        session.execute(delete(PinnedTemplate))
    # the app is upgraded on A: its new pack has version 2 only, version 1 is set aside (and kept)
    new_pack = pack(tmp_path, "2", 2, "wersja druga")
    services.library.ensure_content(new_pack)
    with services.store.db.reading() as session:
        assert session.get(ChecklistTemplateRow, (TEMPLATE, 1)).in_pack is False  # type: ignore[union-attr]
        assert [(r.id, r.version) for r in session.scalars(select(PinnedTemplate))] == [(TEMPLATE, 1)]

    # B was installed with the new version: its cache never held version 1
    with machine_b(paths, tmp_path / "b", new_pack) as b:
        view = b.checklists.get(made.id)
        assert (view.template.version, view.newer_version) == (1, 2)
        assert items(b, made.id) == expected
        assert {k: a.value for k, a in view.answers.items()} == ANSWERS
        # and a new assessment on B pins version 2, kept as well
        second = b.checklists.create(TEMPLATE, "Ocena – Dolny Śląsk")
        assert second.template_version == 2
    with services.store.db.reading() as session:
        kept = sorted((r.id, r.version) for r in session.scalars(select(PinnedTemplate)))
    assert kept == [(TEMPLATE, 1), (TEMPLATE, 2)]


def test_keeping_is_idempotent_and_skips_own_templates(services: Services, tmp_path: Path) -> None:
    services.library.ensure_content(pack(tmp_path, "1", 1, "ő ű"))
    first = services.checklists.create(TEMPLATE, "Pierwsza")
    services.checklists.create(TEMPLATE, "Druga")
    services.checklists.next_round(first.id)
    own = services.checklists.templates.save(services.checklists.templates.copy_of(TEMPLATE)).template
    services.checklists.create(own.id, "Własna")
    with services.store.db.unit_of_work() as session:
        assert pinned.keep(session, [(TEMPLATE, 1)]) == 0
        assert pinned.keep(session, [(TEMPLATE, 99)]) == 0  # nowhere to copy it from
    with services.store.db.reading() as session:
        kept = [(r.id, r.version, r.title) for r in session.scalars(select(PinnedTemplate))]
    assert kept == [(TEMPLATE, 1, "Regional status quo")]


@pytest.mark.parametrize("version", [None, 1])
def test_a_template_nowhere_is_still_not_found(services: Services, tmp_path: Path, version: int | None) -> None:
    from inducci_desktop.services.errors import NotFoundError

    services.library.ensure_content(pack(tmp_path, "1", 1, "ä ö ü"))
    with pytest.raises(NotFoundError, match="no-such-template"):
        services.checklists.templates.template("no-such-template", version)


def test_pins_only_this_machines_cache_holds_are_kept_at_the_next_start(services: Services, paths: AppPaths,
                                                                       tmp_path: Path) -> None:
    services.library.ensure_content(pack(tmp_path, "1", 1, "č š ž"))
    made = services.checklists.create(TEMPLATE, "Ocena – Bohemia")
    with services.store.db.unit_of_work() as session:  # made on the server before the versions were kept
        session.execute(delete(PinnedTemplate))
    services.prepare()  # the pack is unchanged: not loaded again
    with services.store.db.reading() as session:
        kept = [(r.id, r.version) for r in session.scalars(select(PinnedTemplate))]
    # on a server the start keeps it; a local file was filled by the migration and by every write
    assert kept == ([(TEMPLATE, 1)] if paths.server is not None else [])
    assert services.library.keep_pinned() == (0 if paths.server is not None else 1)
    assert services.checklists.get(made.id).template.version == 1
