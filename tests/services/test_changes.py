"""Every service write reports what it changed (kinds and ids) through the container's one feed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.services.checklists.demo import TEMPLATE
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput
from tests.services.exchange_helpers import folder


@contextmanager
def heard(services: Services) -> Iterator[list[Changes]]:
    reports: list[Changes] = []
    stop = services.changes.subscribe(reports.append)
    try:
        yield reports
    finally:
        stop()


def one(reports: list[Changes]) -> Changes:
    assert len(reports) == 1, reports
    return reports[0]


def test_region_setting_library_writes(services: Services) -> None:
    with heard(services) as reports:
        region = services.regions.add("Dolní Lužice")
    assert one(reports).ids_of(Kind.REGION) == {region.id}
    with heard(services) as reports:
        services.regions.rename(region.id, "Śląsk Cieszyński")
        services.regions.delete(region.id)
    assert [r.ids_of(Kind.REGION) for r in reports] == [{region.id}, {region.id}]
    with heard(services) as reports:
        services.settings.set("paper", "Letter")
    assert one(reports).ids_of(Kind.SETTING) == {"paper"}

    services.prepare()
    item = services.library.items(kind="guide")[0].id
    with heard(services) as reports:
        services.library.add_bookmark(item)
        services.library.set_note(item, "Zażółć gęślą jaźń")
    assert reports[0].touches(Kind.BOOKMARK) and not reports[0].touches(Kind.NOTE)
    assert reports[1].touches(Kind.NOTE) and not reports[1].touches(Kind.BOOKMARK)


def test_a_failed_write_reports_nothing(services: Services) -> None:
    with heard(services) as reports, pytest.raises(ValidationError):
        services.regions.add("")
    assert reports == []


def test_workshop_writes_report_their_records(services: Services) -> None:
    with heard(services) as reports:
        view = services.workshops.create(WorkshopInput("Szkolenie w Żywcu", (DayInput(date(2026, 5, 12), 540, 960),)))
    created = one(reports)
    assert created.ids_of(Kind.WORKSHOP) == {view.id} and created.touches(Kind.WORKSHOP_DAY)
    day_id = view.days[0].id
    with heard(services) as reports:
        block = services.workshops.add_block(day_id, BlockInput("Kaffeepause", 15, kind="break"))
    assert one(reports).ids_of(Kind.AGENDA_BLOCK) == {block.id}
    with heard(services) as reports:
        person = services.workshops.people.add(view.id, ParticipantInput("Jiří Dvořák"))
    assert one(reports).ids_of(Kind.PARTICIPANT) == {person.id}
    with heard(services) as reports:
        services.workshops.delete(view.id)
    assert one(reports).touches(Kind.WORKSHOP, record_id=view.id)


def test_checklist_answers_exchange_import_restore_and_demo(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a:
        with heard(a) as reports:
            made = a.checklists.create(TEMPLATE, "Kranj")
            a.checklists.set_answer(made.id, "presence-statistics", "yes")
        assert reports[0].ids_of(Kind.ASSESSMENT) == {made.id}
        assert reports[1].touches(Kind.ANSWER) and reports[1].touches(Kind.ASSESSMENT, record_id=made.id)
        a.exchange.export(tmp_path / "one.inducci", ExportSelection(assessments=(made.id,)))

        backup = a.maintenance.create_backup()
        with heard(a) as reports:
            a.maintenance.restore_backup(backup.id)
        assert reports[0].everything and reports[-1].touches(Kind.BACKUP)

    with folder(tmp_path / "b", demo=False) as b:
        with heard(b) as reports:
            b.exchange.import_file(tmp_path / "one.inducci")
        assert any(r.touches(Kind.ASSESSMENT, record_id=made.id) for r in reports)
        assert any(r.touches(Kind.ANSWER) for r in reports)

    with folder(tmp_path / "c", demo=False) as c:
        from inducci_desktop.services.demo import load_demo

        with heard(c) as reports:
            load_demo(c)
        kinds = set().union(*(r.kinds for r in reports))
        assert {Kind.REGION, Kind.WORKSHOP, Kind.ASSESSMENT} <= kinds


def test_workshop_kit_reads_in_one_transaction(services: Services) -> None:
    from sqlalchemy import event

    services.prepare()
    view = services.workshops.create(WorkshopInput("Kit", (DayInput(date(2026, 5, 12), 540, 960),)))
    services.workshops.people.add(view.id, ParticipantInput("Ewa Łukasiewicz"))
    db = services.store.db
    begun: list[object] = []  # the engine of each transaction begun
    listener = lambda _session, _transaction, connection: begun.append(connection.engine.url)  # noqa: E731
    event.listen(db._read_sessions, "after_begin", listener)
    try:
        kit = services.workshops.kit(view.id)
    finally:
        event.remove(db._read_sessions, "after_begin", listener)
    assert kit.workshop.id == view.id and len(kit.participants) == 1
    # one transaction per database: the user data's, and on a server also the content cache's
    assert len(begun) == len(set(begun)) == (2 if services.store.on_server else 1)
