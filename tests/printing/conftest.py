"""Content for printing tests, built from the model dataclasses, and helpers to read PDFs back."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from inducci_desktop.content.model import ContentItem, GlossaryTerm, Source
from inducci_desktop.printing.options import PrintOptions

#: Letters ReportLab's standard fonts print as ■.
CE_TEXT = (
    "Łódź, Białka, Oświęcim, Bożena; Příbram, Dvůr Králové, Kroměříž, Pečky, Třešť; "
    "Győr, Szőlő, Fűzfa; Bär, Köln, Fürth, Straße"
)
CE_LETTERS = ["ł", "ś", "ż", "ř", "ů", "ě", "č", "š", "ž", "ő", "ű", "ä", "ö", "ü", "ß"]
assert all(letter in CE_TEXT for letter in CE_LETTERS)

GUIDE_BODY = f"""\
Introduction with *emphasis*, **strong text** and `code <span>` in one paragraph: {CE_TEXT}.

## Working in Bielsko-Biała

Budget < 5 000 € & costs > income: this must print exactly, and so must <b>not bold</b>.

- First point on Ústí nad Labem
- Second point with nested items:
  - Nested in Kraków
  - Nested in Pécs
- Third point

3. Third step in Győr
4. Fourth step

| Region | Town | Firms |
| --- | --- | ---: |
| Silesia | Bielsko-Biała | 1 200 |
| Saxony | Chemnitz & Zwickau | 980 |
| Upper Austria | Linz | 75 |

> Quoted: “Kreativwirtschaft für Österreich”.

---

See [the InduCCI toolbox](https://toolbox.inducci.eu/) and <https://example.org/a?b=1&c=2>.
Read also [this case](item:case-hackathon-silesia) and [an unknown one](item:guide-missing).

![A map of the region](images/missing-map.png)

```
def hello():
    return "<tag> & more"
```
"""


def make_guide(**changes: Any) -> ContentItem:
    base: dict[str, Any] = {
        "id": "guide-mapping-ce",
        "kind": "guide",
        "section": "mapping",
        "title": "Mapping creative industries in Łódź and Győr",
        "summary": f"A summary with {CE_TEXT}.",
        "body": GUIDE_BODY,
        "tags": ("mapping", "Śląsk"),
        "sources": (Source("https://toolbox.inducci.eu/mapping/", "InduCCI e-Toolbox – Mapping (Žilina)"),),
        "related": ("case-hackathon-silesia", "format-hackathon"),
    }
    base.update(changes)
    return ContentItem(**base)


def make_case() -> ContentItem:
    return ContentItem(
        id="case-hackathon-silesia",
        kind="case",
        section="pilot-actions",
        title="Industrial Hackathon in Bielsko-Biała",
        summary="Two editions of a hackathon in Śląsk.",
        body="## What happened\n\nTeams from Żywiec and Cieszyn worked for 24 hours.\n",
        sources=(Source("https://toolbox.inducci.eu/do-it-in-practice/industrial-hackathon/", "Case profile"),),
        related=("format-hackathon",),
        fields={
            "where": ["Bielsko-Biała", "Silesia", "Poland"],
            "when": "September 2020 and September 2021",
            "region": "Silesia",
            "partners": ["Regional Development Agency in Bielsko-Biała", "Fundacja Łączy Nas"],
            "formats": ["format-hackathon"],
            "results": ["A first online edition reached Ostrava and Žilina."],
            "lessons": ["Piggy-back on existing events like the Śląski festival."],
        },
    )


def make_format() -> ContentItem:
    return ContentItem(
        id="format-hackathon",
        kind="format",
        section="methods",
        title="Hackathon with industrial challenges",
        summary="Mixed teams work on real challenges.",
        body="## When to use it\n\nWhen companies in Plzeň have little contact with creatives.\n",
        sources=(Source("https://toolbox.inducci.eu/", "Toolbox"),),
        fields={
            "purpose": "Bring companies and creatives together in Győr.",
            "duration": "24–48 hours",
            "group_size": {"min": 15, "max": 80},
            "materials": ["Flip charts", "Sticky notes", "Challenge briefs"],
            "steps": [f"Step number {n} in Přerov." for n in range(1, 12)],
        },
    )


def make_interview() -> ContentItem:
    return ContentItem(
        id="interview-cci",
        kind="interview",
        section="needs",
        title="Interview guide for creatives in Brno",
        summary="Questions for creative professionals.",
        body="An introduction.\n\n## About the work\n\n1. What do you do in Český Krumlov?\n2. Who are your clients?\n",
        sources=(Source("https://toolbox.inducci.eu/", "Toolbox"),),
        fields={"audience": "cci", "duration": "45–60 minutes"},
    )


def make_glossary() -> tuple[GlossaryTerm, ...]:
    return (
        GlossaryTerm("spillover", "Spillover effects", "Effects beyond the creative sector in Győr.",
                     see=("guide-mapping-ce",)),
        GlossaryTerm("lodz", "Łódź model", "A term that starts with Ł and sorts with L.",
                     see=("case-hackathon-silesia",)),
        GlossaryTerm("cci", "Cultural and Creative Industries (CCI)", "Businesses based on creative work — Übung.",
                     sources=(Source("https://culture.ec.europa.eu/", "European Commission"),)),
        GlossaryTerm("aerger", "Ärger-Index", "Sorts with A; ß and ö print too: Straße, Öl."),
        GlossaryTerm("living-lab", "Living lab", "An open innovation space in Chemnitz & Plzeň <tested>."),
    )


TITLES = {
    "guide-mapping-ce": "Mapping creative industries in Łódź and Győr",
    "case-hackathon-silesia": "Industrial Hackathon in Bielsko-Biała",
    "format-hackathon": "Hackathon with industrial challenges",
    "interview-cci": "Interview guide for creatives in Brno",
}


@pytest.fixture
def options() -> PrintOptions:
    return PrintOptions(
        organisation="Agencja Rozwoju Regionalnego w Bielsku-Białej",
        region="Śląskie",
        author="Łukasz Żółć",
        language="pl-PL",
        date=dt.date(2026, 3, 12),
    )


# -- reading PDFs back ----------------------------------------------------------------------------

def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """The text of each page: pdftotext when installed (reading order), else pypdf."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=data,
                             capture_output=True, check=True).stdout.decode("utf-8")
        pages = out.split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    return [page.extract_text() or "" for page in reader(data).pages]


def all_text(data: bytes) -> str:
    """The text of the whole document with runs of whitespace made single spaces."""
    return " ".join(" ".join(page_texts(data)).split())


def pypdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in reader(data).pages).split())


def pdf_title(data: bytes) -> str | None:
    meta = reader(data).metadata
    return None if meta is None else meta.title


def catalog(data: bytes) -> Any:
    """The document catalog (/Root)."""
    return _resolve(reader(data).trailer["/Root"])


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def iter_fonts(data: bytes) -> Iterator[DictionaryObject]:
    """Every font dictionary used by a page or a form XObject."""
    seen: set[int] = set()

    def from_resources(resources: Any) -> Iterator[DictionaryObject]:
        resources = _resolve(resources)
        if not resources:
            return
        fonts = _resolve(resources.get("/Font")) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            if id(font) not in seen:
                seen.add(id(font))
                yield font
        xobjects = _resolve(resources.get("/XObject")) or {}
        for ref in xobjects.values():
            xobj = _resolve(ref)
            if xobj.get("/Subtype") == "/Form":
                yield from from_resources(xobj.get("/Resources"))

    for page in reader(data).pages:
        yield from from_resources(page.get("/Resources"))


def link_uris(data: bytes) -> list[str]:
    uris = []
    for page in reader(data).pages:
        for ref in page.get("/Annots") or []:
            annot = _resolve(ref)
            action = _resolve(annot.get("/A")) or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def outline_titles(data: bytes) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every bookmark, in order."""
    pdf = reader(data)
    found: list[tuple[int, str, int]] = []

    def walk(entries: list[Any], level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                page = pdf.get_destination_page_number(entry)
                assert page is not None, entry.title
                found.append((level, str(entry.title), page + 1))

    walk(pdf.outline, 0)
    return found
