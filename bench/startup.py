"""Start-up benchmark: whole-process time from launch until the main window is shown (offscreen),
ours against a bare PySide6 program showing an empty QMainWindow, and peak memory of both.

Run: python bench/startup.py [--runs N] [--lang de]. Prints figures; asserts nothing. With ``--lang`` the app
is also started in that interface language, interleaved with the English runs.

Against another version (0.1.0), paired: python bench/startup.py --runs N --data DIR --vs PYTHON --vs-data DIR2
runs this probe under this interpreter on DIR and under PYTHON (that version's virtualenv) on DIR2 in turn,
each process ending when its window is usable, and prints the medians and the median of the pairwise ratios
of the whole-process time (launch until usable) and of the in-process "usable" time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).with_name("startup_probe.py")


def launch(kind: str, data_dir: str) -> tuple[float, float, int, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(PROBE), kind, data_dir], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    outside = time.perf_counter() - began
    second = proc.stdout.readline()
    proc.wait(timeout=60)
    if not line.startswith("shown") or not second.startswith("usable"):
        raise SystemExit(f"{kind} did not show a usable window: {line!r} {second!r}")
    _, inside, _ = line.split()
    _, usable, peak = second.split()
    return outside, float(inside), int(peak), float(usable)


def until_usable(python: str, data_dir: str) -> tuple[float, float]:
    """One whole process of the probe that ends when the window is usable: (wall s, in-process usable s)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    out = subprocess.run([python, str(PROBE), "app", data_dir, "--exit-when-usable"], capture_output=True, text=True,
                         env=env, timeout=60).stdout
    wall = time.perf_counter() - began
    usable = [line.split() for line in out.splitlines() if line.startswith("usable")]
    if not usable:
        raise SystemExit(f"{python} did not get usable: {out!r}")
    return wall, float(usable[0][1])


def paired(runs: int, data_dir: str, other: str, other_data: str) -> None:
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    until_usable(sys.executable, data_dir), until_usable(other, other_data)  # warm-up, not counted
    for _ in range(runs):
        ours.append(until_usable(sys.executable, data_dir))
        theirs.append(until_usable(other, other_data))
    print(f"whole process until usable, offscreen, {runs} pairs (this version first in each pair)")
    for index, label in ((0, "launch → usable (wall)"), (1, "usable (in-process clock)")):
        a = statistics.median(r[index] for r in ours)
        b = statistics.median(r[index] for r in theirs)
        ratio = statistics.median(x[index] / y[index] for x, y in zip(ours, theirs, strict=True))
        print(f"{label:<28} this {a * 1000:6.0f} ms   other {b * 1000:6.0f} ms   paired ratio {ratio:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data", help="data folder for this version (with --vs)")
    parser.add_argument("--vs", metavar="PYTHON", help="the interpreter of another version to compare with")
    parser.add_argument("--vs-data", help="that version's data folder")
    parser.add_argument("--lang", default="", help="also start the app with this interface language")
    options = parser.parse_args()
    runs = options.runs
    if options.vs:
        if not (options.data and options.vs_data):
            parser.error("--vs needs --data and --vs-data")
        paired(runs, options.data, options.vs, options.vs_data)
        return
    kinds = ["bare", "app", *([f"app:{options.lang}"] if options.lang else [])]
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        first = launch("app", data)  # creates the database and loads content: reported apart
        figures: dict[str, list[tuple[float, float, int, float]]] = {kind: [] for kind in kinds}
        for _ in range(runs):
            for kind in kinds:  # interleaved, so all see the same machine load
                figures[kind].append(launch(kind, data))
    print(f"start-up until the main window is shown, offscreen, median of {runs} runs")
    print(f"{'program':<28}{'wall (parent)':>14}{'in process':>12}{'peak RSS':>11}{'usable':>10}")
    labels = {"bare": "bare PySide6 QMainWindow", "app": "InduCCI Desktop",
              f"app:{options.lang}": f"InduCCI Desktop, --lang {options.lang}"}
    for kind in kinds:
        label = labels[kind]
        rows = figures[kind]
        wall = statistics.median(r[0] for r in rows) * 1000
        inside = statistics.median(r[1] for r in rows) * 1000
        peak = statistics.median(r[2] for r in rows) / 1024
        usable = statistics.median(r[3] for r in rows) * 1000
        print(f"{label:<28}{wall:>11.0f} ms{inside:>9.0f} ms{peak:>8.0f} MiB{usable:>7.0f} ms")
    ratio = statistics.median(r[0] for r in figures["app"]) / statistics.median(r[0] for r in figures["bare"])
    print(f"ratio app / bare, window shown (wall): {ratio:.2f}×  (aim: ≤ 2×)")
    print("usable = pages attached after the store opened on a worker thread (in-process clock)")
    print(f"first start (new database, content loaded): {first[0] * 1000:.0f} ms wall, {first[2] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
