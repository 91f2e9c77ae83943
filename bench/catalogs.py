"""Catalog loading at start-up: the German interface against English (aim: ≤ 10 ms for a catalog).

    python bench/catalogs.py

Measures what a start-up in German adds: reading the compiled catalog (already compiled, as in a wheel or
the frozen build; a checkout compiles it once into its cache first) and switching the interface to it.
"""

from __future__ import annotations

import statistics
import time

from inducci_desktop import catalogs
from inducci_desktop.domain import i18n

RUNS = 50


def load_once(code: str) -> float:
    i18n.set_loader(catalogs.load)  # forget what was loaded
    start = time.perf_counter()
    i18n.use(code)
    i18n._("Settings")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    for code in i18n.LANGUAGES:
        catalogs.mo_file(code)  # compiled once (a checkout), not measured
    for code in ("en", "de", "sl"):
        times = sorted(load_once(code) for _ in range(RUNS))
        print(f"{code}: median {statistics.median(times):.2f} ms, worst {times[-1]:.2f} ms over {RUNS} loads")
    i18n.use("en")


if __name__ == "__main__":
    main()
