"""Exchange benchmark: export and import of a bundle of 1,000 assessments with 50 answers each.

Builds the data with bulk inserts (fast), then times the whole process as a user runs it —
``python -m inducci_desktop --data-dir A export --all -o B.inducci`` and ``import B.inducci`` into a fresh
folder (a new folder per import run) — and reports the median of the runs and the peak memory (maximum
resident set size of the child processes, from resource.getrusage).

Run: python bench/exchange.py [--assessments N] [--answers N] [--runs N]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from inducci_desktop.content.model import ChecklistItem, ChecklistSection, ChecklistTemplate
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Assessment, AssessmentAnswer

YNP = ("yes", "partly", "no", "na")


def template(items: int) -> ChecklistTemplate:
    per = 10
    sections = []
    for s in range((items + per - 1) // per):
        entries = tuple(ChecklistItem(key=f"s{s}-i{i}", text=f"Is the Śląskie network item {s}.{i} ready?",
                                      type="ynp") for i in range(min(per, items - s * per)))
        sections.append(ChecklistSection(f"s{s}", f"Section {s + 1} — Kraków", entries))
    return ChecklistTemplate("own-bench-exchange", 1, "Exchange benchmark", "", tuple(sections))


def build(folder: Path, assessments: int, answers: int) -> float:
    started = time.perf_counter()
    paths = AppPaths.resolve(folder)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    services = Services.over(paths, store)
    services.prepare()
    saved = services.checklists.templates.save(template(answers)).template
    region = services.regions.add("Śląskie (Silesia)", "region", "Poland")
    keys = [i.key for s in saved.sections for i in s.items]
    now = datetime.now(UTC)
    rows, answer_rows = [], []
    for n in range(assessments):
        aid = str(uuid.uuid4())
        stamp = now - timedelta(minutes=n)
        rows.append({"id": aid, "created_at": stamp, "updated_at": stamp, "title": f"Assessment {n} Łódź",
                     "template_id": saved.id, "template_version": saved.version, "region_id": region.id,
                     "subject": region.name, "assessor": "Bench", "assessed_on": "2026-03-31", "round": 1,
                     "status": "draft"})
        for k, key in enumerate(keys):
            answer_rows.append({"id": str(uuid.uuid4()), "assessment_id": aid, "item_key": key,
                                "value": YNP[(n + k) % 4], "note": "Checked with the chamber." if k % 10 == 0
                                else "", "created_at": stamp, "updated_at": stamp})
    with store.db.unit_of_work() as session:
        session.execute(insert(Assessment), rows)
        session.execute(insert(AssessmentAnswer), answer_rows)
    services.close()
    return time.perf_counter() - started


def timed(argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "inducci_desktop", *argv], capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr}")
    return elapsed, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assessments", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "source"
        print(f"building {args.assessments:,} assessments × {args.answers} answers: "
              f"{build(source, args.assessments, args.answers):.1f} s")
        bundle = root / "bench.inducci"
        exports, imports, reimports = [], [], []
        for _run in range(args.runs):
            seconds, _out = timed(["--data-dir", str(source), "export", "--all", "-o", str(bundle)])
            exports.append(seconds)
        export_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        for run in range(args.runs):
            target = root / f"target{run}"
            seconds, out = timed(["--data-dir", str(target), "db", "upgrade"])
            seconds, out = timed(["--data-dir", str(target), "import", str(bundle)])
            imports.append(seconds)
        import_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        for _run in range(args.runs):
            seconds, again = timed(["--data-dir", str(root / "target0"), "import", str(bundle)])
            reimports.append(seconds)
        baseline, _ = timed(["--version"])
        size = bundle.stat().st_size
        db_size = (source / "inducci.sqlite3").stat().st_size
        print(f"bundle: {size / 1e6:.1f} MB (database {db_size / 1e6:.1f} MB); import said: {out.splitlines()[1]}")
        print(f"second import said: {again.splitlines()[-1]}")

        def line(label: str, values: list[float]) -> str:
            return (f"{label:<34} median {statistics.median(values):.2f} s "
                    f"(runs: {', '.join(f'{v:.2f}' for v in values)})")

        print(line("export --all (whole process)", exports))
        print(line("import into a fresh folder", imports))
        print(line("import again (all unchanged)", reimports))
        print(f"{'--version (process start only)':<34} {baseline:.2f} s")
        scale = 1 if sys.platform.startswith("linux") else 1 / 1024  # ru_maxrss: KiB on Linux, bytes on macOS
        print(f"peak memory (max RSS of a child): export ≤ {export_peak * scale / 1024:.0f} MB, "
              f"any import ≤ {import_peak * scale / 1024:.0f} MB")


if __name__ == "__main__":
    main()
