"""Workshop figures: check-in filtering with 500 participants, sign-in sheet and certificates for 500.

Run: QT_QPA_PLATFORM=offscreen python bench/workshops.py [--people 500]
Prints figures only (aims: ≤ 16 ms per keystroke; ≤ 2 s per document as a whole `print` process).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST = ["Zofia", "Łukasz", "Małgorzata", "Jiří", "Věra", "Urška", "Gábor", "Jürgen", "Agnieszka", "Tomasz",
         "Petra", "Žiga", "Ondřej", "Ewa", "Miha", "Šárka", "Paweł", "Zsófia", "Luca", "Anneke"]
LAST = ["Wójcik", "Żmuda", "Dębska", "Novák", "Dvořáková", "Kranjc", "Szőke", "Weiß", "Szczęsna", "Łęcki",
        "Horváth", "Zupan", "Černý", "Kowalska", "Novak", "Procházková", "Nowicki", "Kovács", "Bianchi", "Janssen"]
ORGS = ["Urząd Miejski w Bielsku-Białej", "Krajský úřad Karlovarského kraje", "Mestna občina Kranj",
        "Stadt Chemnitz", "Camera di Commercio di Padova", "Starostwo Powiatowe w Żywcu"]


def build(data_dir: Path, people: int) -> str:
    from inducci_desktop.paths import AppPaths
    from inducci_desktop.services.container import Services
    from inducci_desktop.services.workshops.csv_import import ParticipantInput
    from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput
    from inducci_desktop.store.database import Store

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    services = Services.over(paths, store)
    services.prepare()
    ws = services.workshops
    days = (DayInput(date(2026, 5, 12), 540, 1020), DayInput(date(2026, 5, 13), 540, 960))
    workshop = ws.create(WorkshopInput("Benchmark training in Bielsko-Biała", days, venue="Bielsko-Biała",
                                       trainers="Zofia Wójcik"))
    for day in workshop.days:
        for title, minutes in (("Welcome", 30), ("Q&A with creatives", 90), ("Lunch", 60), ("Site visit", 180)):
            ws.add_block(day.id, BlockInput(title, minutes, "break" if title == "Lunch" else "session"))
    rng = random.Random(7)
    rows = [ParticipantInput(f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}", rng.choice(ORGS)) for n in range(people)]
    ws.people.import_participants(workshop.id, rows)
    for person in ws.people.participants(workshop.id):
        for day in workshop.days:
            ws.people.set_attendance(person.id, day.id, True)
    services.close()
    return workshop.id


def bench_filter(data_dir: Path, workshop_id: str) -> list[tuple[str, float]]:
    from PySide6.QtWidgets import QApplication

    from inducci_desktop.paths import AppPaths
    from inducci_desktop.services.container import Services
    from inducci_desktop.store.database import Store
    from inducci_desktop.ui.pages.workshops.checkin import CheckInView

    app = QApplication.instance() or QApplication([])
    paths = AppPaths.resolve(data_dir)
    store = Store(paths.database, paths.backup_dir)
    store.open()
    services = Services.over(paths, store)
    view = CheckInView(services.workshops)
    view.resize(900, 700)
    view.show()
    view.load(workshop_id)
    app.processEvents()
    figures = []
    for word in ("lukasz", "wójcik", "krajsk", "zz"):
        times = []
        for n in range(1, len(word) + 1):
            started = time.perf_counter()
            view.search.setText(word[:n])  # the textChanged signal filters synchronously
            app.processEvents()
            times.append(time.perf_counter() - started)
        view.search.clear()
        app.processEvents()
        figures.append((word, max(times) * 1000))
        figures.append((f"{word} (median)", statistics.median(times) * 1000))
    view.close()
    services.close()
    return figures


def bench_print(data_dir: Path, workshop_id: str, kind: str, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", str(data_dir), "print", "workshop",
                    workshop_id, "--kind", kind, "-o", str(out)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        started = time.perf_counter()
        workshop_id = build(data_dir, args.people)
        print(f"set-up: workshop with {args.people} participants, 2 days, all present "
              f"({time.perf_counter() - started:.1f} s)")
        for word, ms in bench_filter(data_dir, workshop_id):
            print(f"check-in filter, typing {word!r}: {ms:.1f} ms per keystroke (worst)"
                  if "median" not in word else f"check-in filter, typing {word}: {ms:.1f} ms per keystroke")
        for kind in ("signin", "certificates"):
            out = Path(folder) / f"{kind}.pdf"
            runs = [bench_print(data_dir, workshop_id, kind, out) for _ in range(3)]
            from pypdf import PdfReader

            pages = len(PdfReader(out).pages)
            print(f"print workshop --kind {kind}: {min(runs):.2f} s best, {statistics.median(runs):.2f} s median "
                  f"(whole process, {pages} pages, {out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
