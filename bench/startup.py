"""Start-up benchmark: whole-process time from launch until the main window is shown and until it is usable
(offscreen), ours against a bare PySide6 program showing an empty QMainWindow, and peak memory of both.

Run: python bench/startup.py [--runs N] [--lang de] [--data DIR]. Prints figures; asserts nothing. With ``--lang``
the app is also started in that interface language, interleaved with the English runs. Without ``--data`` a
temporary data folder with the example data (``inducci-desktop demo``) is made first.

Against another version (``main`` in a worktree of its own, or 0.1.0), paired:
python bench/startup.py --runs N --data DIR --vs PYTHON --vs-data DIR2 [--pages]
runs the probe under this interpreter on DIR and under PYTHON (that version's virtualenv, or a script that
runs it with that tree first on PYTHONPATH) on DIR2, in turn with a bare PySide6 window, and prints for both
the medians and the median of the pairwise ratios: window shown against bare, usable (in-process clock), CPU
until usable, the services attached, peak RSS. With ``--pages`` each version then also shows every page for the
first time (one more process each per round) and the first show of each page is printed beside the other
version's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROBE = Path(__file__).with_name("startup_probe.py")


@dataclass(frozen=True)
class Run:
    wall_shown: float  # seconds from launch to "shown", measured by this (parent) process
    shown: float  # seconds since the child's process start (its own clock)
    usable: float
    cpu: float  # the child's CPU seconds (user + system) until usable
    peak_kib: int
    services: float  # seconds until the services are built and attached (= usable for a version without a first
    # page read before them)
    services_kib: int  # peak RSS then


def child_env() -> dict[str, str]:
    """Offscreen, and Python caches the bytecode it compiles, as on a user's machine (pip compiles at install;
    a development shell with PYTHONDONTWRITEBYTECODE would compile every module of the app at every start)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def launch(kind: str, data_dir: str, python: str = sys.executable) -> Run:
    env = child_env()
    began = time.perf_counter()
    proc = subprocess.Popen([python, str(PROBE), kind, data_dir, "--exit-when-usable"], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    outside = time.perf_counter() - began
    second = proc.stdout.readline()
    third = proc.stdout.readline()
    proc.wait(timeout=120)
    if not line.startswith("shown") or not second.startswith("usable") or not third.startswith("services"):
        raise SystemExit(f"{python} {kind} did not show a usable window: {line!r} {second!r} {third!r}")
    shown = line.split()
    usable = second.split()
    services = third.split()
    return Run(outside, float(shown[1]), float(usable[1]), float(usable[3]), int(usable[2]), float(services[1]),
               int(services[2]))


def page_shows(python: str, data_dir: str) -> dict[str, tuple[float, float]]:
    """The first show of every page, in navigation order: page id → (wall ms, CPU ms)."""
    env = child_env()
    out = subprocess.run([python, str(PROBE), "app", data_dir, "--pages"], capture_output=True, text=True, env=env,
                         timeout=300).stdout
    shows = {}
    for line in out.splitlines():
        if line.startswith("page "):
            _, page, wall, cpu = line.split()
            shows[page] = (float(wall), float(cpu))
    return shows


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired(runs: int, data_dir: str, other: str, other_data: str, pages: bool) -> None:
    ours: list[Run] = []
    theirs: list[Run] = []
    bare: list[Run] = []
    shows_ours: list[dict[str, tuple[float, float]]] = []
    shows_theirs: list[dict[str, tuple[float, float]]] = []
    launch("app", data_dir), launch("app", other_data, other)  # warm-up, not counted
    for _ in range(runs):
        bare.append(launch("bare", data_dir))
        ours.append(launch("app", data_dir))
        theirs.append(launch("app", other_data, other))
        if pages:
            shows_ours.append(page_shows(sys.executable, data_dir))
            shows_theirs.append(page_shows(other, other_data))
    load = os.getloadavg()[0]
    print(f"start-up, offscreen, {runs} rounds of (bare PySide6, this version, other version); load at the end "
          f"{load:.1f}")
    print(f"{'figure (medians)':<34}{'bare':>9}{'this':>9}{'other':>9}{'this/other (paired)':>21}")
    rows: tuple[tuple[str, Callable[[Run], float]], ...] = (
        ("window shown (in process), ms", lambda r: r.shown * 1000),
        ("usable (in process), ms", lambda r: r.usable * 1000),
        ("CPU until usable, ms", lambda r: r.cpu * 1000),
        ("services attached (in process), ms", lambda r: r.services * 1000),
        ("peak RSS at usable, MiB", lambda r: r.peak_kib / 1024),
        ("peak RSS with the services, MiB", lambda r: r.services_kib / 1024))
    for label, get in rows:
        ratio = median([get(a) / get(b) for a, b in zip(ours, theirs, strict=True)])
        print(f"{label:<34}{median([get(r) for r in bare]):9.0f}{median([get(r) for r in ours]):9.0f}"
              f"{median([get(r) for r in theirs]):9.0f}{ratio:20.2f}×")
    for name, rows_ in (("this", ours), ("other", theirs)):
        ratio = median([a.wall_shown / b.wall_shown for a, b in zip(rows_, bare, strict=True)])
        print(f"window shown / bare PySide6 (wall, paired), {name}: {ratio:.2f}×  (aim: ≤ 2×)")
    if pages:
        print("first show of each page (built then), in navigation order, medians: wall ms / CPU ms")
        for page in shows_ours[0]:
            a = [s[page] for s in shows_ours if page in s]
            b = [s[page] for s in shows_theirs if page in s]
            print(f"  {page:<14} this {median([x[0] for x in a]):7.0f} / {median([x[1] for x in a]):4.0f}"
                  f"   other {median([x[0] for x in b]):7.0f} / {median([x[1] for x in b]):4.0f}"
                  f"   CPU this/other {median([x[1] / y[1] for x, y in zip(a, b, strict=False)]):.2f}×")


def example_data(folder: Path) -> str:
    env = child_env()
    subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", str(folder), "demo"], check=True,
                   capture_output=True, env=env, timeout=300)
    return str(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data", help="data folder for this version (default: a new one with the example data)")
    parser.add_argument("--vs", metavar="PYTHON", help="the interpreter of another version to compare with")
    parser.add_argument("--vs-data", help="that version's data folder")
    parser.add_argument("--pages", action="store_true", help="with --vs: also the first show of every page")
    parser.add_argument("--lang", default="", help="also start the app with this interface language")
    options = parser.parse_args()
    runs = options.runs
    if options.vs:
        if not (options.data and options.vs_data):
            parser.error("--vs needs --data and --vs-data")
        paired(runs, options.data, options.vs, options.vs_data, options.pages)
        return
    kinds = ["bare", "app", *([f"app:{options.lang}"] if options.lang else [])]
    with tempfile.TemporaryDirectory() as tmp:
        data = options.data or example_data(Path(tmp) / "data")
        figures: dict[str, list[Run]] = {kind: [] for kind in kinds}
        first = launch("app", data)  # the first window on this folder (after the example data): reported apart
        for _ in range(runs):
            for kind in kinds:  # interleaved, so all see the same machine load
                figures[kind].append(launch(kind, data))
    print(f"start-up, offscreen, with the example data, median of {runs} runs (load at the end "
          f"{os.getloadavg()[0]:.1f})")
    print(f"{'program':<30}{'shown (wall)':>13}{'in process':>11}{'usable':>9}{'CPU':>9}{'services':>10}"
          f"{'peak RSS':>10}")
    labels = {"bare": "bare PySide6 QMainWindow", "app": "InduCCI Desktop",
              f"app:{options.lang}": f"InduCCI Desktop, --lang {options.lang}"}
    for kind in kinds:
        rows = figures[kind]
        print(f"{labels[kind]:<30}{median([r.wall_shown for r in rows]) * 1000:10.0f} ms"
              f"{median([r.shown for r in rows]) * 1000:8.0f} ms{median([r.usable for r in rows]) * 1000:6.0f} ms"
              f"{median([r.cpu for r in rows]) * 1000:6.0f} ms{median([r.services for r in rows]) * 1000:7.0f} ms"
              f"{median([r.services_kib for r in rows]) / 1024:6.0f} MiB")
    ratio = median([a.wall_shown / b.wall_shown for a, b in zip(figures["app"], figures["bare"], strict=True)])
    print(f"window shown, app / bare (wall, paired): {ratio:.2f}×  (aim: ≤ 2×)")
    print(f"first window start on this data folder (not counted): usable {first.usable * 1000:.0f} ms, services "
          f"{first.services * 1000:.0f} ms, {first.services_kib / 1024:.0f} MiB")
    print("usable = the store checked and open, the first page built from it and painted (in-process clock; the "
          "Library's lists read with sqlite3 while the services are built); services = the services built and "
          "attached; aim usable ≤ 0.6 s, peak RSS ≤ 110 MiB")


if __name__ == "__main__":
    main()
