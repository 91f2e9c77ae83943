"""Strategy figures: a 30-page regional strategy paper with 10 charts, printed as PDF and exported as DOCX.

The paper is built from plain views (no database), so the figure is the printing alone, as the document
pipeline's builder runs it after reading the paper.
Run: python bench/strategy.py [--charts 10] [--sections 10] [--runs 3]
Prints figures only (aim: ≤ 2 s for the PDF).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PARAGRAPH = ("Śląskie's industry is in transition from coal and steel; creative firms in Bielsko-Biała, Gliwice "
             "and Żywiec are many but small, and most are sole traders whom the old statistics did not count. "
             "The regional stock-take and the training for administration staff showed where contact points, "
             "figures and places are missing, and which measures the partners in Kranj and Chemnitz tried. ")


def paper(charts: int, sections: int) -> object:
    from inducci_desktop.domain.evidence import FindingView, SourceRef
    from inducci_desktop.domain.strategy import (
        BlockValue,
        BlockView,
        ChartData,
        Indicator,
        MeasureView,
        PaperPrint,
        PaperSummary,
        PaperView,
        PriorityView,
        SectionView,
    )

    now = datetime.now(UTC)
    categories = tuple(f"Section {n}: presence, visibility and places of CCI" for n in range(1, 9))
    blocks = [BlockView(f"b{n}", "", n, "checklist_scores", {}, BlockValue(
        f"Checklist scores {n}", ("Section", "Round 1", "Round 2", "Change"),
        tuple((c, "40 %", "62 %", "+22") for c in categories),
        ChartData(categories, (tuple(0.3 + 0.05 * i for i in range(8)), tuple(0.5 + 0.05 * i for i in range(8))),
                  ("Round 1", "Round 2")), "", date.today()), True) for n in range(charts)]
    body = "\n\n".join([PARAGRAPH * 2] * 8 + ["- " + PARAGRAPH[:120]] * 6)
    section_list = []
    for n in range(sections):
        own = tuple(blocks[i] for i in range(charts) if i % sections == n)
        section_list.append(SectionView(f"s{n}", n, "priorities" if n == 4 else "", f"Section {n + 1}", body, own))
    findings = {f"f{n}": FindingView(f"f{n}", "r", "Śląskie", f"Finding {n}: creatives do not know whom to ask.",
                                     SourceRef("note", "", ""), "Focus group 2026", date(2026, 5, 4), "strong")
                for n in range(30)}
    measures = tuple(MeasureView(f"m{n}", "p", n, "A named CCI contact person in every district office. " * 2,
                                 "Economic development department", date(2027, 6, 30), "Existing budget", "ERDF",
                                 (Indicator("Enquiries per year", "0", "300"),), (f"f{n}", f"f{n + 1}"), (), False)
                     for n in range(12))
    priorities = tuple(PriorityView(f"p{n}", n, f"Priority {n}", PARAGRAPH, measures) for n in range(3))
    summary = PaperSummary("x", "x", 1, "r", "Śląskie (Silesia)", "Creative Śląskie 2030", "draft", "", None, None, now)
    view = PaperView(summary, tuple(section_list), priorities, findings, {})
    return PaperPrint(view, {k: "Focus group 2026" for k in findings}, PARAGRAPH, date.today())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--charts", type=int, default=10)
    parser.add_argument("--sections", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from pypdf import PdfReader

    from inducci_desktop.printing.options import PrintOptions
    from inducci_desktop.printing.strategy.docx_export import paper_docx
    from inducci_desktop.printing.strategy.paper import paper_document

    doc = paper(args.charts, args.sections)
    options = PrintOptions()
    pdf_times, docx_times = [], []
    data = b""
    for _run in range(args.runs):
        start = time.perf_counter()
        data = paper_document(doc, options)  # type: ignore[arg-type]
        pdf_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        paper_docx(doc, options)  # type: ignore[arg-type]
        docx_times.append(time.perf_counter() - start)
    import io

    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(f"paper: {pages} pages, {args.charts} charts, {len(data) / 1024:.0f} KB")
    print(f"PDF  median {statistics.median(pdf_times):.2f} s (min {min(pdf_times):.2f}, first {pdf_times[0]:.2f})")
    print(f"DOCX median {statistics.median(docx_times):.2f} s (min {min(docx_times):.2f}, first {docx_times[0]:.2f})")


if __name__ == "__main__":
    main()
