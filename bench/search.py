"""Toolbox search and content-loading benchmark.

1. A synthetic pack of 10,000 items of ~300 words each (English mixed with Polish, Czech, German,
   Slovenian, Italian and Hungarian words with their diacritics) is indexed into a database in a temporary
   data folder; then search latency (LibraryService.search, snippets and highlight ranges included) is
   measured for 200 queries of 2+ letter prefixes, typed with or without accents.
   The synthetic pack is stored twice, as English and as a "de" translation (the index holds every
   language; a search looks only at one language's run of docids), and searched in both.
2. The real packs shipped with the app (English and its six translations): time of the first load into a
   new database, and a second start with the packs unchanged (not reloaded; and, in a fresh process,
   without importing YAML or pydantic).

Run: python bench/search.py [--items N] [--queries N] [--seed N]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from inducci_desktop.content.dbload import store_pack
from inducci_desktop.content.model import ContentItem, ContentPack, Section, Source
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store

WORDS = {
    "pl": "Łódź Bielsko-Biała Kraków Gdańsk Wrocław przemysł współpraca wzornictwo rzemiosło młodzież źródło "
          "rozwój gospodarka twórczość żółty święto miasto fabryka pracownia spółdzielnia urząd województwo "
          "Śląsk innowacja przedsiębiorczość kultura sztuka",
    "cs": "příběh řemeslo průmysl spolupráce Ústí Plzeň tvůrčí kulturní město náměstí Sokolov podnikání "
          "dílna výzkum hospodářství kraj úřad zkušenost vzdělávání řešení",
    "de": "Straße Größe Führung Wirtschaft Kreativität Gemeinschaft Öffentlichkeit Maßnahme Übersicht Bürger "
          "Chemnitz Werkstatt Unternehmen Förderung Kreativwirtschaft Ausstellung Handwerk Gründung Zusammenarbeit",
    "sl": "Škofja Kranj ustvarjalnost podjetništvo sodelovanje gospodarstvo Ljubljana čebelarstvo žičnica "
          "izobraževanje Gorenjska občina razvoj skupnost delavnica",
    "it": "città attività società creatività università impresa camera commercio Padova qualità perché Veneto "
          "sportello imprese culturali artigianato distretto",
    "hu": "Győr vállalkozás együttműködés kreatív ipar fejlesztés közösség műhely kultúra Nagykőrös Pécs "
          "önkormányzat gyártás tudás",
    "en": "creative industries region administration training workshop network company design museum "
          "hackathon pilot action strategy evaluation mapping needs interface cluster festival innovation "
          "cooperation startup",
}
SYLLABLES = [
    "ka", "ro", "mi", "tu", "le", "sa", "no", "vi", "pe", "ra", "zo", "ši", "ča", "řa", "ło",
    "ść", "gy", "ő", "ü", "ä", "ß", "ne", "la", "ko", "tr", "st", "pl", "br", "mo",
]


def vocabulary(rng: random.Random) -> list[str]:
    words = [w for text in WORDS.values() for w in text.split()]
    # a realistic vocabulary size: invented words built from syllables with diacritics
    words += ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(20_000)]
    return words


def synthetic_pack(count: int, rng: random.Random) -> ContentPack:
    words = vocabulary(rng)
    common = [w for text in WORDS.values() for w in text.split()]
    sections = (Section("all", "All"), Section("more", "More"))
    items: dict[str, ContentItem] = {}
    for n in range(count):
        def sentence(length: int) -> str:
            return " ".join(rng.choice(common) if rng.random() < 0.4 else rng.choice(words) for _ in range(length))
        title = sentence(rng.randint(3, 7)).capitalize()
        summary = sentence(20) + "."
        paragraphs = [sentence(rng.randint(40, 70)) + "." for _ in range(5)]
        item_id = f"guide-bench-{n}"
        items[item_id] = ContentItem(
            id=item_id, kind="guide", section=rng.choice(("all", "more")), title=title, summary=summary,
            body="\n\n".join(paragraphs), tags=tuple(rng.sample(common, 3)),
            sources=(Source("https://example.org/"),), text="\n".join(paragraphs),
        )
    return ContentPack("bench", "1", "en", "Benchmark pack", sections, items)


def queries(count: int, rng: random.Random) -> list[str]:
    words = [w for text in WORDS.values() for w in text.split()]
    result = []
    for _ in range(count):
        word = rng.choice(words)
        prefix = word[: rng.randint(2, min(len(word), 7))]
        if rng.random() < 0.5:  # typed without accents
            from inducci_desktop.content.folding import fold

            prefix = fold(prefix)
        if rng.random() < 0.25:
            prefix += " " + rng.choice(words)[:3]
        result.append(prefix)
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def open_services(folder: Path) -> tuple[Services, float]:
    paths = AppPaths.resolve(folder)
    paths.ensure()
    began = time.perf_counter()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    return Services.over(paths, store), time.perf_counter() - began


def bench_search(items: int, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        services, _ = open_services(Path(tmp) / "data")
        began = time.perf_counter()
        pack = synthetic_pack(items, rng)
        built = time.perf_counter() - began
        began = time.perf_counter()
        with services.store.db.unit_of_work() as session:
            store_pack(session, pack, {"de": replace(pack, language="de")})
        indexed = time.perf_counter() - began
        words = sum(len(i.text.split()) + len(i.summary.split()) + len(i.title.split()) for i in pack.items.values())
        checkpoint = sqlite3.connect(services.paths.database)  # outside any transaction, or SQLite refuses
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint.close()
        size = services.paths.database.stat().st_size
        print(f"synthetic pack: {items:,} items in 2 languages, {words / items:.0f} words each on average; "
              f"built in {built:.1f} s, stored and indexed in {indexed:.1f} s; database {size / 1e6:.0f} MB")

        typed = queries(count, rng)
        for language in ("en", "de"):
            services.library.search("warm up", language=language)
            timings: list[float] = []
            found = 0
            for query in typed:
                began = time.perf_counter()
                hits = services.library.search(query, 20, language=language)
                timings.append((time.perf_counter() - began) * 1000)
                found += bool(hits)
            print(f"search ({language}), {count} queries of 2+ letter prefixes (limit 20, snippets and ranges "
                  f"included): median {statistics.median(timings):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms, "
                  f"max {max(timings):.2f} ms; {found} of {count} queries had hits")
            slowest = sorted(zip(timings, typed, strict=True), reverse=True)[:3]
            print("  slowest: " + ", ".join(f"{q!r} {t:.1f} ms" for t, q in slowest))
        services.close()


PROBE = """
import sys, time
from pathlib import Path
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store
paths = AppPaths.resolve(sys.argv[1])
store = Store(paths.database, paths.backup_dir)
store.open()
services = Services.over(paths, store)
began = time.perf_counter()
status = services.library.ensure_content()
took = time.perf_counter() - began
heavy = [m for m in ("yaml", "pydantic", "markdown_it", "alembic") if m in sys.modules]
print(status.reason, f"{took * 1000:.2f}", ",".join(heavy) or "-")
services.close()
"""


def bench_real_pack() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        services, opened = open_services(folder)
        first = services.library.ensure_content()
        print(f"real packs, first start: database created and migrated in {opened:.2f} s; "
              f"content {first.reason} ({first.pack_id} {first.version}, languages "
              f"{' '.join(services.library.languages())}) in {first.seconds:.3f} s"
              + (f"; {len(first.problems)} problems" if first.problems else ""))
        services.close()

        services, opened = open_services(folder)
        second = services.library.ensure_content()
        print(f"real pack, second start (same process, new store): {second.reason}, "
              f"ensure_content took {second.seconds * 1000:.2f} ms")
        services.close()

        out = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, check=True)
        reason, took, heavy = out.stdout.split()
        print(f"real pack, second start (fresh process): {reason}, ensure_content took {took} ms; "
              f"parsers imported: {heavy}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    bench_real_pack()
    bench_search(args.items, args.queries, args.seed)


if __name__ == "__main__":
    main()
