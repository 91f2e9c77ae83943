"""SQLite beside PostgreSQL, in one run: autosave latency, a bundle import, and 10 concurrent autosaving clients.

Starts a throwaway PostgreSQL cluster on a free loopback port (tests/pg.py's ``start_cluster``: initdb and
pg_ctl from the distribution, as the ``postgres`` user when run as root; fsync off, as in the tests), and opens
the user data exactly as the app does — ``AppPaths.location`` from ``parse_database_url`` (``--database-url``),
then ``bootstrap.open_services`` — once on a data folder's SQLite file and once on a fresh PostgreSQL database.

1. autosave: ``set_answer`` on a 300-item assessment, committed each (bench/checklists.py's approach);
2. import: a bundle of N assessments × M answers (made as bench/exchange.py makes it), imported by the
   command as a user runs it (whole process, ``--database-url`` for the server); default 1,000 × 20,
   ``--full`` for 1,000 × 50;
3. concurrency: 10 client processes, each with its own services, autosaving N answers into one assessment
   (each client its own items): total saves per second, and saves that failed.

Run: python bench/shared_database.py [--saves N] [--clients N] [--per-client N] [--full].
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from checklists import big_template, pct, value_for  # noqa: E402
from exchange import build  # noqa: E402
from inducci_desktop.bootstrap import open_services  # noqa: E402
from inducci_desktop.paths import AppPaths  # noqa: E402
from inducci_desktop.store.location import parse_database_url  # noqa: E402


def paths_for(folder: Path, url: str | None) -> AppPaths:
    """The data folder's paths, with the database chosen as ``--database-url URL`` chooses it."""
    paths = AppPaths.resolve(folder)
    if url is not None:
        paths = replace(paths, location=parse_database_url(url, "option"))
    paths.ensure()
    return paths


def bench_autosave(paths: AppPaths, saves: int) -> tuple[list[float], str]:
    """Autosave times (ms) on a fresh 300-item assessment; returns them and the assessment's id."""
    import random

    with open_services(paths) as services:
        template = big_template()
        services.checklists.templates.save(template)
        assessment = services.checklists.create(template.id, "Autosave benchmark — Łódź")
        items = [i for s in template.sections for i in s.items]
        rng = random.Random(7)
        times = []
        for n in range(saves):
            item = rng.choice(items)
            began = time.perf_counter()
            services.checklists.set_answer(assessment.id, item.key, value_for(item, n))
            times.append((time.perf_counter() - began) * 1000)
    return times, assessment.id


def run_cli(argv: list[str]) -> float:
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "inducci_desktop", *argv], capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(a if 'postgresql' not in a else '<url>' for a in argv)} failed "
                         f"({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def client(folder: str, url: str | None, assessment_id: str, index: int, clients: int, saves: int,
           start_at: float, results: Any) -> None:
    """One client process: its own services, autosaving ``saves`` answers into the shared assessment."""
    paths = paths_for(Path(folder), url)
    template = big_template()
    items = [i for s in template.sections for i in s.items][index::clients]
    ok = failed = 0
    errors: list[str] = []
    with open_services(paths) as services:
        delay = start_at - time.time()
        if delay > 0:
            time.sleep(delay)
        began = time.perf_counter()
        for n in range(saves):
            item = items[n % len(items)]
            try:
                services.checklists.set_answer(assessment_id, item.key, value_for(item, n + index))
                ok += 1
            except Exception as exc:  # a benchmark counts failures instead of stopping
                failed += 1
                if len(errors) < 3:
                    errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
        elapsed = time.perf_counter() - began
    results.put((index, ok, failed, elapsed, time.time(), errors))


def bench_clients(folder: Path, url: str | None, assessment_id: str, clients: int, saves: int
                  ) -> tuple[int, int, float, list[str]]:
    """Saves acknowledged, saves failed, wall seconds from the common start to the last client done."""
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    start_at = time.time() + 8 + clients * 0.8  # every client opened its services before the start
    workers = [ctx.Process(target=client, args=(str(folder), url, assessment_id, i, clients, saves, start_at,
                                                results)) for i in range(clients)]
    for worker in workers:
        worker.start()
    got = [results.get(timeout=900) for _ in workers]
    for worker in workers:
        worker.join()
    ok = sum(r[1] for r in got)
    failed = sum(r[2] for r in got)
    wall = max(r[4] for r in got) - max(start_at, min(r[4] - r[3] for r in got))
    errors = [e for r in got for e in r[5]][:3]
    return ok, failed, wall, errors


def count_answers(paths: AppPaths, assessment_id: str) -> int:
    with open_services(paths) as services:
        return services.checklists.get(assessment_id).summary.answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=1000, help="autosaves timed per engine")
    parser.add_argument("--assessments", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--full", action="store_true", help="1,000 assessments × 50 answers")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--per-client", type=int, default=200, help="autosaves per concurrent client")
    args = parser.parse_args()
    if args.full:
        args.assessments, args.answers = 1000, 50

    from tests.pg import start_cluster

    load_before = Path("/proc/loadavg").read_text().split()[:3]
    print(f"nproc {os.cpu_count()}; /proc/loadavg at start: {' '.join(load_before)}")
    began = time.perf_counter()
    cluster = start_cluster()
    print(f"PostgreSQL cluster started and template migrated: {time.perf_counter() - began:.1f} s "
          f"(loopback port {cluster.port}, fsync off)")
    rows: list[tuple[str, str, str]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            urls = {"sqlite": None, "postgresql": cluster.url(cluster.new_database())}
            folders = {engine: root / engine for engine in urls}

            # 1. autosave
            shared: dict[str, str] = {}
            for engine, url in urls.items():
                times, shared[engine] = bench_autosave(paths_for(folders[engine], url), args.saves)
                rows.append((f"autosave set_answer ({args.saves}), ms", engine,
                             f"p50 {statistics.median(times):.2f}  p99 {pct(times, 99):.2f}  max {max(times):.1f}"))

            # 2. import of a bundle made on SQLite
            source = root / "source"
            built = build(source, args.assessments, args.answers)
            bundle = root / "bench.inducci"
            exported = run_cli(["--data-dir", str(source), "export", "--all", "-o", str(bundle)])
            print(f"bundle of {args.assessments:,} × {args.answers} answers: built {built:.1f} s, exported "
                  f"{exported:.1f} s, {bundle.stat().st_size / 1e6:.1f} MB")
            for engine in urls:
                target = root / f"import-{engine}"
                if engine == "sqlite":
                    run_cli(["--data-dir", str(target), "db", "upgrade"])
                    seconds = run_cli(["--data-dir", str(target), "import", str(bundle)])
                else:
                    url = cluster.url(cluster.new_database())
                    run_cli(["--data-dir", str(target), "--database-url", url, "db", "upgrade"])
                    seconds = run_cli(["--data-dir", str(target), "--database-url", url, "import", str(bundle)])
                rows.append((f"import {args.assessments:,} × {args.answers} (whole process), s", engine,
                             f"{seconds:.2f}"))

            # 3. concurrent clients
            for engine, url in urls.items():
                ok, failed, wall, errors = bench_clients(folders[engine], url, shared[engine], args.clients,
                                                         args.per_client)
                answered = count_answers(paths_for(folders[engine], url), shared[engine])
                rows.append((f"{args.clients} clients × {args.per_client} autosaves, one assessment", engine,
                             f"{ok / wall:.0f} saves/s ({ok} ok, {failed} failed, {wall:.1f} s; "
                             f"{answered} items answered)"))
                for error in errors:
                    print(f"  {engine} client error: {error}")
    finally:
        cluster.stop()

    load_after = Path("/proc/loadavg").read_text().split()[:3]
    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'figure':<{width}}  {'engine':<10}  result")
    for figure, engine, result in rows:
        print(f"{figure:<{width}}  {engine:<10}  {result}")
    print(f"nproc {os.cpu_count()}; /proc/loadavg before {' '.join(load_before)}, after {' '.join(load_after)}")


if __name__ == "__main__":
    main()
