"""Printing benchmark: whole-process time of the app's ``print file`` and ``print item`` of the same generated
handouts of about 12 and about 100 pages (headings, lists, three tables, Central European text), and ``print
item`` of the longest guide of the pack, each beside a bare ReportLab script laying out the same content with
the same DejaVu fonts and beside WeasyPrint rendering the same content as HTML, as paired ratios (runs
interleaved, medians of the per-round ratios, CPU and wall time).

The bare script is fair but bare: ReportLab Platypus, the five DejaVu faces registered (parsed) at each run, and
a minimal Markdown → flowables converter (headings, paragraphs with bold/italic/code, bullet and numbered lists,
tables); no contents, no outline, no metadata. WeasyPrint gets the same minimal converter's HTML with the same
fonts (``@font-face``) and a page counter; it is looked for in the running Python (``pip install weasyprint``
into a development virtualenv only, never a project dependency) and left out when missing.

``print item`` prints from the shipped pack only, so for the handouts the app runs from a copy of the package
(``PYTHONPATH``) whose English pack holds each handout as a guide, with a content cache of its own (warmed by
the first, untimed run, as on a user's machine after the first start).

Run: python bench/printing.py [--runs N] [--pages 12,100] [--pack]. ``--pack`` adds what this script measured
before: ``print pack`` of all guides and of about 100 pages, against ``--version``. Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
ITEM = "guide-pilot-action-planning"  # the longest guide of the pack
CE = ("Łódź, Białka, Oświęcim, Bożena; Příbram, Dvůr Králové, Kroměříž, Pečky, Třešť; Győr, Szőlő, Fűzfa; "
      "Bär, Köln, Fürth, Straße")


def handout(sections: int) -> str:
    """A handout: a title, ``sections`` sections of headings, paragraphs, bullet (nested) and numbered lists,
    and three tables of nine rows spread over it."""
    out = ["# Handout: creative industries in Śląsk and Ústí", ""]
    tables = {0, sections // 3, 2 * sections // 3}
    for s in range(sections):
        out += [f"## {s + 1}. Working in Bielsko-Biała and Třinec", "",
                f"Paragraph with *emphasis*, **strong text** and `code` about {CE}. " * 4, "",
                f"- First point on Ústí nad Labem: {CE}", "- Second point in Győr", "  - nested in Kraków",
                "- Third point", "", "1. Step one in Žilina", "2. Step two in Pécs", "",
                f"Closing text for section {s + 1}: {CE}. " * 3, ""]
        if s in tables:
            out += ["| Region | Town | Firms |", "| --- | --- | ---: |"]
            out += [f"| Śląsk {r} | Bielsko-Biała | {1200 + r} |" for r in range(8)] + [""]
    return "\n".join(out)


#: the minimal Markdown reader both bare renderers share: blocks of (kind, payload)
MINI_MARKDOWN = r'''
import re

def inline(text, code_font):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    return re.sub(r"`(.+?)`", code_font, text)

def body_of(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):  # a toolbox item: front matter, then the body under its title
        _, front, text = text.split("---", 2)
        title = next(line.split(":", 1)[1].strip().strip('"') for line in front.splitlines()
                     if line.startswith("title:"))
        text = "# " + title + "\n\n" + text
    return text

def blocks(text):
    lines = text.splitlines()
    i, out = 0, []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(("h%d" % min(level, 3), line.lstrip("#").strip()))
            i += 1
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(set(c) <= set("-: ") for c in cells):
                    rows.append(cells)
                i += 1
            out.append(("table", rows))
        elif re.match(r"\s*([-*+]|\d+[.)])\s", line):
            numbered = bool(re.match(r"\s*\d", line))
            items = []
            while i < len(lines) and re.match(r"\s*([-*+]|\d+[.)])\s", lines[i]):
                depth = (len(lines[i]) - len(lines[i].lstrip())) // 2
                items.append((depth, re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", lines[i])))
                i += 1
            out.append(("ol" if numbered else "ul", items))
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "|")) \
                    and not re.match(r"\s*([-*+]|\d+[.)])\s", lines[i]):
                para.append(lines[i].strip())
                i += 1
            out.append(("p", " ".join(para)))
    return out
'''

BARE_REPORTLAB = MINI_MARKDOWN + r'''
import sys
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

fonts = sys.argv[3]
for name, file in (("DejaVuSans", "DejaVuSans"), ("DejaVuSans-Bold", "DejaVuSans-Bold"),
                   ("DejaVuSans-Oblique", "DejaVuSans-Oblique"), ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique"),
                   ("DejaVuSansMono", "DejaVuSansMono")):
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{file}.ttf"))
pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold",
                              italic="DejaVuSans-Oblique", boldItalic="DejaVuSans-BoldOblique")
body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=14, spaceAfter=6)
styles = {"p": body,
          "h1": ParagraphStyle("h1", body, fontName="DejaVuSans-Bold", fontSize=18, leading=22, spaceAfter=10),
          "h2": ParagraphStyle("h2", body, fontName="DejaVuSans-Bold", fontSize=14, leading=18, spaceBefore=8),
          "h3": ParagraphStyle("h3", body, fontName="DejaVuSans-Bold", fontSize=12, leading=16, spaceBefore=6)}
cell = ParagraphStyle("cell", body, fontSize=9, leading=11, spaceAfter=0)
code = lambda m: '<font name="DejaVuSansMono">' + m.group(1) + "</font>"

story = []
for kind, payload in blocks(body_of(sys.argv[1])):
    if kind in styles:
        story.append(Paragraph(inline(payload, code), styles[kind]))
    elif kind in ("ul", "ol"):
        for n, (depth, text) in enumerate(payload, start=1):
            style = ParagraphStyle("li", body, leftIndent=14 + 14 * depth, bulletIndent=4 + 14 * depth, spaceAfter=2)
            story.append(Paragraph(inline(text, code), style, bulletText=f"{n}." if kind == "ol" else "•"))
        story.append(Spacer(1, 4))
    else:
        table = Table([[Paragraph(inline(c, code), cell) for c in row] for row in payload], repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
        story += [table, Spacer(1, 6)]

def footer(canvas, doc):
    canvas.setFont("DejaVuSans", 8)
    canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Page {doc.page}")

SimpleDocTemplate(sys.argv[2], pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                  bottomMargin=20 * mm).build(story, onFirstPage=footer, onLaterPages=footer)
'''

WEASYPRINT = MINI_MARKDOWN + r'''
import sys
from weasyprint import HTML

fonts = sys.argv[3]
faces = "".join(
    f"@font-face {{ font-family: {family}; src: url(file://{fonts}/{file}.ttf); font-weight: {weight}; "
    f"font-style: {style}; }}"
    for family, file, weight, style in (("DejaVu", "DejaVuSans", "normal", "normal"),
                                        ("DejaVu", "DejaVuSans-Bold", "bold", "normal"),
                                        ("DejaVu", "DejaVuSans-Oblique", "normal", "italic"),
                                        ("DejaVu", "DejaVuSans-BoldOblique", "bold", "italic"),
                                        ("DejaVuMono", "DejaVuSansMono", "normal", "normal")))
css = faces + """
@page { size: A4; margin: 20mm; @bottom-right { content: "Page " counter(page); font: 8pt DejaVu; } }
body { font: 10pt/14pt DejaVu; } code { font-family: DejaVuMono; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; font-size: 9pt; } td, th { border: 0.5pt solid grey; padding: 2pt; }
th { background: lightgrey; }
"""
code = lambda m: "<code>" + m.group(1) + "</code>"
html = ["<html><head><meta charset='utf-8'><style>", css, "</style></head><body>"]
for kind, payload in blocks(body_of(sys.argv[1])):
    if kind == "p" or kind.startswith("h"):
        html.append(f"<{kind}>{inline(payload, code)}</{kind}>")
    elif kind in ("ul", "ol"):
        depth = 0
        html.append(f"<{kind}>")
        for item_depth, text in payload:
            html.append(f"<{kind}>" * max(0, item_depth - depth) + f"</{kind}>" * max(0, depth - item_depth))
            depth = item_depth
            html.append(f"<li>{inline(text, code)}</li>")
        html.append(f"</{kind}>" * (depth + 1))
    else:
        head, *rows = payload
        html.append("<table><tr>" + "".join(f"<th>{inline(c, code)}</th>" for c in head) + "</tr>")
        html += ["<tr>" + "".join(f"<td>{inline(c, code)}</td>" for c in row) + "</tr>" for row in rows]
        html.append("</table>")
html.append("</body></html>")
HTML(string="".join(html)).write_pdf(sys.argv[2])
'''


def package_with_guides(out: Path, handouts: dict[int, Path]) -> tuple[list[str], dict[int, str]]:
    """A copy of the package (and its resources) whose English pack holds each handout as a guide: the
    command prefix that runs the app from it, and the guides' ids by size."""
    root = out / "package"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src" / "inducci_desktop", root / "inducci_desktop", ignore=ignore)
    shutil.copytree(ROOT / "resources", root / "inducci_desktop" / "resources", ignore=ignore)
    ids = {}
    for size, source in handouts.items():
        title, body = source.read_text(encoding="utf-8").split("\n", 1)
        ids[size] = f"guide-bench-handout-{size}"
        front = (f"---\nid: {ids[size]}\nsection: pilot-actions\ntitle: \"{title.lstrip('# ')}\"\n"
                 f"summary: \"A generated handout of about {size} pages (bench/printing.py).\"\ntags: [bench]\n"
                 "sources:\n  - url: https://toolbox.inducci.eu/\n    title: \"InduCCI e-Toolbox\"\n---\n")
        guide = root / "inducci_desktop" / "resources" / "content" / "en" / "guides" / f"bench-handout-{size}.md"
        guide.write_text(front + body, encoding="utf-8")
    prefix = ["env", f"PYTHONPATH={root}", f"INDUCCI_CONTENT_CACHE={out / 'content-cache'}", sys.executable, "-m",
              "inducci_desktop"]
    return prefix, ids


#: the children's environment: Python caches the bytecode it compiles, as on a user's machine (pip compiles at
#: install; a development shell with PYTHONDONTWRITEBYTECODE would compile every module at every run)
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def child_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process."""
    cpu, began = child_seconds(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=ENV)
    return time.perf_counter() - began, child_seconds() - cpu


def has_weasyprint() -> bool:
    return subprocess.run([sys.executable, "-c", "import weasyprint"], capture_output=True).returncode == 0


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def compare(label: str, contenders: dict[str, list[str]], outputs: dict[str, Path], runs: int) -> None:
    """Run the contenders in turn (the order rotating each round) and print medians and paired ratios."""
    names = list(contenders)
    for name in names:  # warm: bytecode, the font cache, the OS's file cache
        timed(contenders[name])
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for round_ in range(runs):
        order = names[round_ % len(names):] + names[:round_ % len(names)]
        for name in order:
            results[name].append(timed(contenders[name]))
    print(f"\n{label}")
    print(f"  {'':<16}{'pages':>6}{'wall':>9}{'CPU':>9}   paired ratio app ÷ this (wall, CPU)")
    app = results["app"]
    for name in names:
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        ratio = ""
        if name != "app":
            wall_ratio = statistics.median(a[0] / b[0] for a, b in zip(app, results[name], strict=True))
            cpu_ratio = statistics.median(a[1] / b[1] for a, b in zip(app, results[name], strict=True))
            ratio = f"{wall_ratio:.2f}×, {cpu_ratio:.2f}×"
        print(f"  {name:<16}{pages(outputs[name]):>6}{wall:>8.2f}s{cpu:>8.2f}s   {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", default="12,100", help="handout sizes, in pages (about)")
    parser.add_argument("--pack", action="store_true", help="also time print pack (all guides, ~100 pages)")
    options = parser.parse_args()
    weasy = has_weasyprint()
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3] if Path('/proc/loadavg').exists() else '?'}")
    if not weasy:
        print("WeasyPrint is not installed in this Python (pip install weasyprint): its column is left out")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        data = str(out / "data")
        (out / "bare.py").write_text(BARE_REPORTLAB, encoding="utf-8")
        (out / "weasy.py").write_text(WEASYPRINT, encoding="utf-8")
        app = [sys.executable, "-m", "inducci_desktop", "--data-dir", data]

        def contenders(source: Path, app_args: list[str], stem: str) -> tuple[dict[str, list[str]], dict[str, Path]]:
            outputs = {name: out / f"{stem}-{name}.pdf" for name in ("app", "bare ReportLab", "WeasyPrint")}
            commands = {"app": [*app, *app_args, "-o", str(outputs["app"])],
                        "bare ReportLab": [sys.executable, str(out / "bare.py"), str(source),
                                           str(outputs["bare ReportLab"]), str(FONTS)]}
            if weasy:
                commands["WeasyPrint"] = [sys.executable, str(out / "weasy.py"), str(source),
                                          str(outputs["WeasyPrint"]), str(FONTS)]
            return commands, outputs

        sizes = [int(p) for p in options.pages.split(",")]
        sources = {}
        for wanted in sizes:
            sources[wanted] = out / f"handout-{wanted}.md"
            sources[wanted].write_text(handout(max(1, round(wanted * 1.95))), encoding="utf-8")
        copied, guide_ids = package_with_guides(out, sources)
        for wanted in sizes:
            source = sources[wanted]
            commands, outputs = contenders(source, ["print", "file", str(source)], f"file{wanted}")
            compare(f"print file: a handout of about {wanted} pages (median of {options.runs} rounds)", commands,
                    outputs, options.runs)
            commands, outputs = contenders(source, ["print", "item", guide_ids[wanted]], f"item{wanted}")
            commands["app"] = [*copied, "--data-dir", data, "print", "item", guide_ids[wanted], "-o",
                               str(outputs["app"])]
            compare(f"print item: the same handout as a guide of the pack (median of {options.runs} rounds)",
                    commands, outputs, options.runs)
        item = next((ROOT / "resources" / "content" / "en").glob(f"*/{ITEM.split('-', 1)[1]}.md"))
        commands, outputs = contenders(item, ["print", "item", ITEM], "item")
        compare(f"print item {ITEM} (median of {options.runs} rounds)", commands, outputs, options.runs)
        if options.pack:
            pack(app, out, options.runs)


def pack(app: list[str], out: Path, runs: int) -> None:
    """``print pack`` of all guides and of about 100 pages of items, against ``--version``."""
    data = app[-1]
    subprocess.run([*app, "db", "upgrade"], check=True, capture_output=True, env=ENV)
    from inducci_desktop.cli.main import open_services
    from inducci_desktop.paths import AppPaths

    with open_services(AppPaths.resolve(Path(data))) as services:
        everything = [i for i, _t in services.printing.printable_items()]
        guides = [i for i, _t in services.printing.printable_items("guide")]
    subprocess.run([*app, "print", "pack", *everything, "-o", str(out / "everything.pdf")], check=True,
                   capture_output=True)
    reader = PdfReader(out / "everything.pdf")
    starts = [reader.get_destination_page_number(o) + 1 for o in reader.outline if not isinstance(o, list)]
    hundred = [i for i, start in zip(everything, starts, strict=True) if start <= 96]
    cases: list[tuple[str, list[str], str | None]] = [
        ("--version (baseline)", ["--version"], None),
        (f"print pack, all {len(guides)} guides", ["print", "pack", *guides, "-o", str(out / "g.pdf")], "g.pdf"),
        (f"print pack, {len(hundred)} items", ["print", "pack", *hundred, "-o", str(out / "h.pdf")], "h.pdf"),
    ]
    print(f"\nprint pack: whole-process wall time, median of {runs} runs")
    run: Callable[[list[str]], tuple[float, float]] = timed
    for label, args, output in cases:
        walls = sorted(run([*app, *args])[0] for _ in range(runs))
        count = pages(out / output) if output else 0
        per_page = f"{statistics.median(walls) / count * 1000:.0f} ms/page" if count else ""
        print(f"  {label:<34}{count or '':>6}{statistics.median(walls):>8.2f} s   {per_page}")


if __name__ == "__main__":
    main()
