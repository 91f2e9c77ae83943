"""Cost linear in the work: the same operation at 1×, 10× (and, with ``--hundred``, 100×) data.

Every case builds its data through the services into real SQLite files in a temporary folder (one data folder
per case and scale), runs the operation once to warm up (imports, fonts, caches) and then ``--runs`` times,
and prints the best time, the time per unit of work (per item, row or page) and the growth factor: the time
per unit at this scale divided by the time per unit at 1× (``step``: divided by the one at the scale
before). A path whose cost is linear in the work, plus a fixed part, has a growth factor ≤ 1; above ~1.3
the path grows faster than the work (noise on this shared machine is about ±20 %).
``--markdown`` adds ``markdown_layout.py`` (one long paragraph of 100 KB and 1 MB).

Cases: search (items in the index, per query), the assessment / workshop / finding lists, exchange export and
import (assessments × 20 answers), and the biggest printouts: a handout pack of many items, sign-in sheet and
certificates of a workshop (per participant, per page), an assessment report, the evidence annex and a
strategy paper (per page).

Run: python bench/scaling.py [--runs 3] [--hundred] [--only NAME,…] [--markdown]. Prints figures; asserts
nothing. CPU time (``time.process_time``) is printed beside the wall time: it is the steadier figure on a
shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store

HERE = Path(__file__).resolve().parent
FIRST = ["Zofia", "Łukasz", "Małgorzata", "Jiří", "Věra", "Urška", "Gábor", "Jürgen", "Agnieszka", "Žiga"]
LAST = ["Wójcik", "Żmuda", "Dębska", "Novák", "Dvořáková", "Kranjc", "Szőke", "Weiß", "Szczęsna", "Łęcki"]
SENTENCE = ("Współpraca przemysłu z twórcami w Bielsku-Białej i Győr przyniosła nowe usługi; příběh řemesla "
            "w Ústí, Straße der Industriekultur, Škofja Loka and Padova's città creativa were compared. ")


def open_services(folder: Path) -> Services:
    paths = AppPaths.resolve(folder)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open(auto_backup=False)
    services = Services.over(paths, store)
    services.prepare()
    return services


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def document(services: Services, key: str, record: str = "", **more: Any) -> bytes:
    from inducci_desktop.services.documents import DocumentRequest, build

    return build(services, DocumentRequest(key, record, **more)).data


@dataclass
class Prepared:
    """An operation to time over data of ``units`` units of work (``measure``: count the units from the
    result, e.g. the pages of a PDF; None: ``units`` is the count)."""

    run: Callable[[], Any]
    units: int
    measure: Callable[[Any], int] | None = None
    operations: int = 1  # operations per run (the times printed are per operation)


@dataclass(frozen=True)
class Case:
    name: str
    unit: str
    base: int  # the data at 1×
    hundred: bool  # whether 100× fits in a few minutes
    prepare: Callable[[Services, int, Path], Prepared]


# --- the cases -------------------------------------------------------------------------------------------


def _search(services: Services, n: int, _tmp: Path) -> Prepared:
    sys.path.insert(0, str(HERE))
    from inducci_desktop.content.dbload import store_pack
    from search import queries, synthetic_pack

    rng = random.Random(7)
    with services.store.db.unit_of_work() as session:
        store_pack(session, synthetic_pack(n, rng))
    typed = queries(100, random.Random(11))

    def run() -> None:
        for query in typed:
            services.library.search(query, 20, language="en")

    # the work of a query is the size of the index: the unit is 1,000 items
    return Prepared(run, n, operations=len(typed))


def _assessment_list(services: Services, n: int, _tmp: Path) -> Prepared:
    templates = [t.id for t in services.checklists.templates.templates()]
    region = services.regions.add("Śląskie (Silesia)", "region", "Poland")
    for k in range(n):
        services.checklists.create(templates[k % len(templates)], f"Status quo {k} Łódź", region_id=region.id,
                                   subject="Śląskie")
    return Prepared(lambda: services.checklists.list(), n, len)


def _workshop_list(services: Services, n: int, _tmp: Path) -> Prepared:
    from inducci_desktop.services.workshops.views import DayInput, WorkshopInput

    for k in range(n):
        day = date(2026, 1 + k % 12, 1 + k % 28)
        services.workshops.create(WorkshopInput(f"Training {k} in Bielsko-Biała", (DayInput(day, 540, 1020),),
                                                venue="Győr", trainers="Zofia Wójcik"))
    return Prepared(lambda: services.workshops.list(), n, len)


def _findings(services: Services, n: int) -> None:
    from inducci_desktop.domain.evidence import SourceRef

    region = services.regions.add("Gorenjska", "region", "Slovenia")
    findings = services.evidence.findings
    topics = [findings.add_topic(name).id for name in ("Skills – Łódź", "Networks – Győr", "Funding – Plzeň",
                                                         "Spaces – Chemnitz")]
    for k in range(n):
        findings.add(region.id, f"Finding {k}: {SENTENCE[: 80 + k % 120]}",
                     SourceRef("note", "", f"Workshop notes {k % 17}"), citation=f"Minutes of meeting {k % 31}",
                     strength=("weak", "moderate", "strong")[k % 3], topic_ids=(topics[k % 4],))


def _finding_list(services: Services, n: int, _tmp: Path) -> Prepared:
    _findings(services, n)
    return Prepared(lambda: services.evidence.findings.list(), n, len)


def _evidence_annex(services: Services, n: int, _tmp: Path) -> Prepared:
    _findings(services, n)
    return Prepared(lambda: document(services, "evidence-annex"), n, pages)


def _assessments_with_answers(services: Services, n: int) -> None:
    sys.path.insert(0, str(HERE))
    from exchange import template

    saved = services.checklists.templates.save(template(20)).template
    keys = [i.key for s in saved.sections for i in s.items]
    for k in range(n):
        a = services.checklists.create(saved.id, f"Assessment {k} Łódź", subject="Śląskie")
        for j, key in enumerate(keys):
            services.checklists.set_answer(a.id, key, ("yes", "partly", "no", "na")[(k + j) % 4])


def _export(services: Services, n: int, tmp: Path) -> Prepared:
    from inducci_desktop.services.exchange.views import ExportSelection

    _assessments_with_answers(services, n)
    target = tmp / "bundle.inducci"
    return Prepared(lambda: services.exchange.export(target, ExportSelection(everything=True)), n)


def _import(services: Services, n: int, tmp: Path) -> Prepared:
    from inducci_desktop.services.exchange.views import ExportSelection

    _assessments_with_answers(services, n)
    bundle = tmp / "bundle.inducci"
    services.exchange.export(bundle, ExportSelection(everything=True))
    # a fresh data folder per import, created (database, content) before the clock starts
    fresh = [tmp / f"fresh-{k}" for k in range(6)]
    for folder in fresh:
        open_services(folder).close()
    runs = iter(range(1000))

    def run() -> None:
        k = next(runs)
        other = open_services(fresh[k] if k < len(fresh) else tmp / f"fresh-{k}")
        try:
            other.exchange.import_file(bundle)
        finally:
            other.close()

    return Prepared(run, n)


def _pack(services: Services, n: int, _tmp: Path) -> Prepared:
    from inducci_desktop.services.documents import PackCover

    items = [i for i, _title in services.printing.printable_items()]
    ids = tuple(items[k % len(items)] for k in range(n)) if n <= len(items) else tuple(items)
    return Prepared(lambda: document(services, "pack", records=ids, cover=PackCover("Scaling")), n, pages)


def _workshop(services: Services, n: int) -> str:
    from inducci_desktop.services.workshops.csv_import import ParticipantInput
    from inducci_desktop.services.workshops.views import DayInput, WorkshopInput

    ws = services.workshops
    workshop = ws.create(WorkshopInput("Training in Bielsko-Biała", (DayInput(date(2026, 5, 12), 540, 1020),
                                                                    DayInput(date(2026, 5, 13), 540, 960)),
                                       venue="Bielsko-Biała", trainers="Zofia Wójcik"))
    rng = random.Random(7)
    ws.people.import_participants(workshop.id, [
        ParticipantInput(f"{rng.choice(FIRST)} {rng.choice(LAST)} {k}", "Urząd Miejski w Żywcu") for k in range(n)])
    for person in ws.people.participants(workshop.id):
        for day in workshop.days:
            ws.people.set_attendance(person.id, day.id, True)
    return workshop.id


def _signin(services: Services, n: int, _tmp: Path) -> Prepared:
    workshop_id = _workshop(services, n)
    # per participant: each day's sheet has 10 blank rows and a header, so pages are not proportional at 1×
    return Prepared(lambda: document(services, "workshop-signin", workshop_id), n)


def _certificates(services: Services, n: int, _tmp: Path) -> Prepared:
    workshop_id = _workshop(services, n)
    return Prepared(lambda: document(services, "workshop-certificates", workshop_id), n, pages)


def _assessment_report(services: Services, n: int, _tmp: Path) -> Prepared:
    sys.path.insert(0, str(HERE))
    from checklists import big_template, value_for

    template = big_template(n, max(1, n // 50))
    saved = services.checklists.templates.save(template).template
    a = services.checklists.create(saved.id, "Report Łódź", subject="Śląskie")
    for k, item in enumerate(i for s in saved.sections for i in s.items):
        services.checklists.set_answer(a.id, item.key, value_for(item, k))
        if k % 3 == 0:
            services.checklists.set_note(a.id, item.key, f"Checked with the chamber in Győr ({k}).")
    return Prepared(lambda: document(services, "assessment-report", a.id), n, pages)


def _strategy_paper(services: Services, n: int, _tmp: Path) -> Prepared:
    from inducci_desktop.domain.strategy import MeasureInput

    region = services.regions.add("Karlovarský kraj", "region", "Czechia")
    papers = services.strategy.papers
    paper = papers.create(region.id, "Strategy for the creative industries")
    for k in range(n):
        section = papers.add_section(paper.id, f"Section {k + 1}: Łódź, Győr and Plzeň")
        papers.set_body(section.id, "\n\n".join(SENTENCE * 3 for _ in range(3)))
        if k % 3 == 0:
            priority = papers.add_priority(paper.id, f"Priority {k // 3 + 1} – Škofja Loka", SENTENCE)
            for m in range(4):
                papers.add_measure(priority.id, MeasureInput(f"Measure {m + 1}: {SENTENCE[:90]}", "Urząd"))
    return Prepared(lambda: document(services, "strategy-paper", paper.id), n, pages)


CASES = (
    Case("search", "1,000 items (per query)", 300, True, _search),
    Case("assessment list", "assessment", 200, False, _assessment_list),
    Case("workshop list", "workshop", 30, True, _workshop_list),
    Case("finding list", "finding", 100, True, _finding_list),
    Case("exchange export", "assessment × 20 answers", 20, False, _export),
    Case("exchange import", "assessment × 20 answers", 20, False, _import),
    Case("print pack", "page", 4, False, _pack),
    Case("sign-in sheet", "participant (2 days)", 60, False, _signin),
    Case("certificates", "page", 30, False, _certificates),
    Case("assessment report", "page", 30, False, _assessment_report),
    Case("evidence annex", "page", 40, False, _evidence_annex),
    Case("strategy paper", "page", 3, False, _strategy_paper),
)


def measure(case: Case, factor: int, runs: int) -> tuple[int, float, float]:
    """(units, best wall seconds, best CPU seconds) of ``case`` at ``factor`` × its base data."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        services = open_services(tmp / "data")
        try:
            prepared = case.prepare(services, case.base * factor, tmp)
            result = prepared.run()  # warm-up: imports, fonts, first queries
            units = prepared.measure(result) if prepared.measure else prepared.units
            walls, cpus = [], []
            for _ in range(runs):
                began, cpu = time.perf_counter(), time.process_time()
                prepared.run()
                walls.append(time.perf_counter() - began)
                cpus.append(time.process_time() - cpu)
        finally:
            services.close()
    return units, min(walls) / prepared.operations, min(cpus) / prepared.operations


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hundred", action="store_true", help="also 100× where it fits (minutes)")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--markdown", action="store_true", help="also markdown_layout.py at 100 KB and 1 MB")
    args = parser.parse_args()
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    print(f"machine: {os.cpu_count()} CPUs, load {load()}")
    print(f"{'case':18s} {'scale':>5s} {'units':>7s} {'wall':>9s} {'cpu':>9s} {'cpu per unit':>14s} "
          f"{'growth':>7s} {'step':>5s}  unit")
    for case in CASES:
        if wanted and case.name not in wanted:
            continue
        factors = (1, 10, 100) if args.hundred and case.hundred else (1, 10)
        first: float | None = None
        previous: float | None = None
        for factor in factors:
            units, wall, cpu = measure(case, factor, args.runs)
            per = cpu / (units / 1000 if case.name == "search" else max(units, 1))
            shown = f"{units:,}"
            growth = per / first if first else 1.0
            step = per / previous if previous else 1.0
            first, previous = first or per, per
            print(f"{case.name:18s} {factor:>4d}× {shown:>7s} {wall * 1000:>7.1f}ms {cpu * 1000:>7.1f}ms "
                  f"{per * 1000:>12.3f}ms {growth:>7.2f} {step:>5.2f}  per {case.unit}  (load {load()})", flush=True)
    if args.markdown:
        out = subprocess.run([sys.executable, str(HERE / "markdown_layout.py"), "--sizes", "100,1000",
                              "--kinds", "words"], capture_output=True, text=True, check=False)
        print(out.stdout.strip() or out.stderr.strip())


if __name__ == "__main__":
    main()
