"""Checklists benchmark: autosave latency through the service, opening a 300-item assessment in the
runner, and the assessment list with 10,000 assessments (load, filter per keystroke, sort).

Run: QT_QPA_PLATFORM=offscreen python bench/checklists.py [--saves N] [--assessments N].
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from inducci_desktop.content.model import ChecklistItem, ChecklistOption, ChecklistSection, ChecklistTemplate
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPES = ("ynp", "scale", "choice", "multi", "text", "longtext", "number", "date")
OPTIONS = tuple(ChecklistOption(f"o{i}", f"Option {i} – Łódź", i / 4) for i in range(5))


def big_template(items: int = 300, sections: int = 6) -> ChecklistTemplate:
    per = items // sections
    result = []
    for s in range(sections):
        entries = []
        for i in range(per):
            kind = TYPES[(s * per + i) % len(TYPES)]
            entries.append(ChecklistItem(
                key=f"s{s}-i{i}", text=f"Question {s + 1}.{i + 1}: is the Śląskie network in Győr ready?",
                type=kind, help="Why this matters and how to answer it, in two sentences. Ask the chamber.",
                weight=1.0 + (i % 3), required=i % 7 == 0,
                options=OPTIONS if kind in ("choice", "multi") else (),
                scale_min=1 if kind == "scale" else None, scale_max=5 if kind == "scale" else None,
                scale_labels={1: "not at all", 5: "fully"} if kind == "scale" else {},
                unit="companies" if kind == "number" else ""))
        result.append(ChecklistSection(f"s{s}", f"Section {s + 1} — Kraków", tuple(entries)))
    return ChecklistTemplate("own-bench-300", 1, "Benchmark checklist (300 items)", "", tuple(result))


def value_for(item: ChecklistItem, n: int) -> Any:
    return {"ynp": ("yes", "partly", "no", "na")[n % 4], "scale": 1 + n % 5, "choice": f"o{n % 5}",
            "multi": [f"o{n % 5}", f"o{(n + 2) % 5}"], "text": f"Answer {n} Łódź",
            "longtext": f"Line one {n}\nLine two ő ű", "number": n, "date": "2026-03-31"}[item.type]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def open_services(folder: Path) -> Services:
    paths = AppPaths.resolve(folder)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open(auto_backup=False)
    services = Services.over(paths, store)
    services.prepare()
    return services


def bench_autosave(services: Services, saves: int) -> str:
    template = big_template()
    services.checklists.templates.save(template)
    a = services.checklists.create(template.id, "Autosave benchmark")
    items = [i for s in template.sections for i in s.items]
    rng = random.Random(7)
    times = []
    for n in range(saves):
        item = rng.choice(items)
        began = time.perf_counter()
        services.checklists.set_answer(a.id, item.key, value_for(item, n))
        times.append((time.perf_counter() - began) * 1000)
    notes = []
    for n in range(saves // 4):
        item = rng.choice(items)
        began = time.perf_counter()
        services.checklists.set_note(a.id, item.key, f"note {n} Győr")
        notes.append((time.perf_counter() - began) * 1000)
    for item in items:  # every item answered for the runner benchmark
        services.checklists.set_answer(a.id, item.key, value_for(item, 1))
    return (f"autosave set_answer ({saves} saves, committed each): median {statistics.median(times):.2f} ms, "
            f"p99 {pct(times, 99):.2f} ms, max {max(times):.2f} ms\n"
            f"autosave set_note ({len(notes)} saves): median {statistics.median(notes):.2f} ms, "
            f"p99 {pct(notes, 99):.2f} ms"), a.id  # type: ignore[return-value]


def bench_runner(services: Services, assessment_id: str, runs: int = 7) -> str:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from inducci_desktop.ui.pages.checklists.runner import RunnerWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    undo = QUndoStack()
    runner = RunnerWidget(services.checklists, undo, {})
    runner.resize(1200, 800)
    runner.show()
    opened, all_sections = [], []
    for _ in range(runs):
        began = time.perf_counter()
        runner.open(assessment_id)
        runner.repaint()  # first section painted: usable
        opened.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        for row in range(runner.sections.count()):
            runner.sections.setCurrentRow(row)
        runner.finish_sections()
        app.processEvents()
        all_sections.append((time.perf_counter() - began) * 1000)
    began = time.perf_counter()
    view = services.checklists.get(assessment_id)
    get_ms = (time.perf_counter() - began) * 1000
    runner.close()
    return (f"open 300-item assessment in the runner (service.get + first section painted): median "
            f"{statistics.median(opened):.0f} ms, best {min(opened):.0f} ms (of which service.get {get_ms:.0f} ms, "
            f"{view.summary.answered} answers)\n"
            f"then building all 300 cards (rest of section 1 and sections 2-6): median "
            f"{statistics.median(all_sections):.0f} ms (done in steps of 8 cards from the event loop in the app)")


def bench_list(services: Services, count: int) -> str:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from inducci_desktop.store.models import Assessment, AssessmentAnswer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    regions = ["Śląskie", "Gorenjska", "Oberösterreich", "Karlovarský kraj", "Veneto", "Limburg", "Sachsen"]
    templates = [t.id for t in services.checklists.templates.templates()]
    began = time.perf_counter()
    with services.store.db.unit_of_work() as session:
        rows = [Assessment(title=f"{regions[n % 7]} status quo {n}", template_id=templates[n % len(templates)],
                           template_version=1, subject=regions[n % 7], assessor=f"Łukasz {n % 50}",
                           assessed_on=f"20{20 + n % 7}-0{1 + n % 9}-1{n % 9}", round=1 + n % 3, status="draft")
                for n in range(count)]
        session.add_all(rows)
        session.flush()
        session.add_all(AssessmentAnswer(assessment_id=r.id, item_key=f"k{k}", value="yes", note="")
                        for r in rows for k in range(5))
    seeded = time.perf_counter() - began

    from inducci_desktop.ui.pages.checklists.list_panel import AssessmentTableModel

    loads = []
    for _ in range(3):
        began = time.perf_counter()
        found = services.checklists.list()
        loads.append((time.perf_counter() - began) * 1000)
    model = AssessmentTableModel()
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.resize(1000, 700)
    table.show()
    began = time.perf_counter()
    model.set_rows(found)
    app.processEvents()
    fill = (time.perf_counter() - began) * 1000
    keys = []
    typed = ""
    for char in "slaskie 12":
        typed += char
        began = time.perf_counter()
        model.set_filter(typed)
        app.processEvents()
        keys.append((time.perf_counter() - began) * 1000)
    model.set_filter("")
    began = time.perf_counter()
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    sort = (time.perf_counter() - began) * 1000
    return (f"list {len(found):,} assessments (seeded in {seeded:.1f} s): service.list median "
            f"{statistics.median(loads):.0f} ms; model + table shown {fill:.0f} ms\n"
            f"filter as you type (10 keystrokes): median {statistics.median(keys):.1f} ms, "
            f"worst {max(keys):.1f} ms; sort by title {sort:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=2000)
    parser.add_argument("--assessments", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "data")
        try:
            text, assessment_id = bench_autosave(services, args.saves)  # type: ignore[misc]
            print(text)
            print(bench_runner(services, assessment_id))
            print(bench_list(services, args.assessments))
        finally:
            services.close()


if __name__ == "__main__":
    main()
