"""Printing benchmark: whole-process time of ``inducci-desktop print pack`` for all guides and for a pack of
about 100 pages, against ``--version`` as the baseline of starting Python and the package.

Run: python bench/printing.py [--runs N] [--pages 100]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader


def timed(args: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "inducci_desktop", *args], check=True, capture_output=True)
    return time.perf_counter() - began


def median_of(runs: int, args: list[str]) -> tuple[float, float, float]:
    times = sorted(timed(args) for _ in range(runs))
    return statistics.median(times), times[0], times[-1]


def pack_of_pages(data: str, out: Path, wanted: int) -> list[str]:
    """Items in pack order, as many as make about ``wanted`` pages (found from one pack of everything)."""
    from inducci_desktop.cli.main import open_services
    from inducci_desktop.paths import AppPaths

    paths = AppPaths.resolve(Path(data))
    with open_services(paths) as services:
        ids = [item_id for item_id, _title in services.printing.printable_items()]
    everything = out / "everything.pdf"
    subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", data, "print", "pack", *ids,
                    "-o", str(everything)], check=True, capture_output=True)
    reader = PdfReader(everything)
    starts = [reader.get_destination_page_number(o) + 1 for o in reader.outline if not isinstance(o, list)]
    chosen: list[str] = []
    for item_id, start in zip(ids, starts, strict=True):
        if start > wanted - 4:  # the next item would start past the target (items are 2–5 pages)
            break
        chosen.append(item_id)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=100)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        data = str(out / "data")
        base = ["--data-dir", data]
        timed([*base, "db", "upgrade"])  # creates the database and loads the content: not measured
        from inducci_desktop.cli.main import open_services
        from inducci_desktop.paths import AppPaths

        with open_services(AppPaths.resolve(Path(data))) as services:
            guides = [i for i, _t in services.printing.printable_items("guide")]
        hundred = pack_of_pages(data, out, options.pages)
        cases = [
            ("--version (baseline)", ["--version"], None),
            ("print item (one guide)", [*base, "print", "item", guides[0], "-o", str(out / "one.pdf")], "one.pdf"),
            (f"print pack, all {len(guides)} guides", [*base, "print", "pack", *guides, "-o", str(out / "g.pdf")],
             "g.pdf"),
            (f"print pack, {len(hundred)} items", [*base, "print", "pack", *hundred, "-o", str(out / "h.pdf")],
             "h.pdf"),
            ("print pack --all (+ glossary)", [*base, "print", "pack", "--all", "-o", str(out / "all.pdf")],
             "all.pdf"),
        ]
        print(f"whole-process wall time, median of {options.runs} runs (min–max)")
        print(f"{'command':<36}{'pages':>6}{'median':>10}{'range':>16}{'per page':>11}")
        for label, args, output in cases:
            median, low, high = median_of(options.runs, args)
            pages = len(PdfReader(out / output).pages) if output else 0
            per_page = f"{median / pages * 1000:.0f} ms" if pages else ""
            print(f"{label:<36}{pages or '':>6}{median:>8.2f} s{low:>8.2f}–{high:.2f} s{per_page:>11}")


if __name__ == "__main__":
    main()
