"""Commands for strategy papers and recommendations: ``list papers|recommendations [--json]``,
``print paper ID [--version N] -o FILE.pdf|FILE.docx``, ``print recommendation ID --short|--full -o FILE``.
(``export-table measures|topic-matrix`` is offered by cli/exchange.py's ``export-table`` and written here.)"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, add_json_option, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths


def register_print(documents: Any) -> None:
    paper = documents.add_parser("paper", help=_("a regional strategy paper (PDF or DOCX, from the file name)"))
    paper.add_argument("id", help=_("a paper id from 'list papers'"))
    paper.add_argument("--version", type=int, default=None, metavar="N", help=_("another version of the paper"))
    add_print_options(paper)
    paper.set_defaults(handler=_print_paper)
    rec = documents.add_parser("recommendation", help=_("a transnational recommendation (PDF or DOCX)"))
    rec.add_argument("id", help=_("a recommendation id from 'list recommendations'"))
    length = rec.add_mutually_exclusive_group(required=True)
    length.add_argument("--short", action="store_true", help=_("the two-page version"))
    length.add_argument("--full", action="store_true", help=_("the full version with matrix and reasoning"))
    add_print_options(rec)
    rec.set_defaults(handler=_print_recommendation)


def register_list(records: Any) -> None:
    papers = records.add_parser("papers", help=_("strategy papers, every version"))
    add_json_option(papers)
    papers.set_defaults(handler=_list_papers)
    recs = records.add_parser("recommendations", help=_("transnational recommendations"))
    add_json_option(recs)
    recs.set_defaults(handler=_list_recommendations)


def _write(args: argparse.Namespace, paths: AppPaths, out: TextIO, key: str, version: int | None) -> int:
    from inducci_desktop.services.documents import DocumentRequest

    request = DocumentRequest(key, args.id, paper=args.paper, version=version, logo=args.logo)
    if args.output.lower().endswith(".docx"):
        return _write_docx(args, paths, out, request)
    if not args.output.lower().endswith(".pdf"):
        print(_("error: name the file .pdf or .docx"), file=sys.stderr)
        return EXIT_USAGE
    from inducci_desktop.cli.printing import write_document

    return write_document(args, paths, out, lambda _s: request, failed=EXIT_PROBLEM, unwritable=EXIT_PROBLEM)


def _write_docx(args: argparse.Namespace, paths: AppPaths, out: TextIO, request: Any) -> int:
    from inducci_desktop.services.errors import ServiceError
    from inducci_desktop.services.strategy.documents import write_docx

    with open_services(paths) as services:
        try:
            target = write_docx(args.output, services, request)
        except ServiceError as exc:
            print(_("error: {problem}").format(problem=exc), file=sys.stderr)
            return EXIT_PROBLEM
    print(_("wrote {path}").format(path=target), file=out)
    return EXIT_OK


def _print_paper(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.strategy.documents import PAPER

    if args.version is not None and args.version < 1:
        print(_("error: --version must be 1 or more"), file=sys.stderr)
        return EXIT_USAGE
    return _write(args, paths, out, PAPER, args.version)


def _print_recommendation(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.strategy.documents import FULL, SHORT

    return _write(args, paths, out, SHORT if args.short else FULL, None)


def _list_papers(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        rows = services.strategy.papers.list()
    if args.json:
        json.dump([{"id": p.id, "title": p.title, "region": p.region_name, "version": p.version,
                    "status": p.status, "frozen": p.frozen, "lineage": p.lineage_id} for p in rows],
                  out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for p in rows:
        print(f"{p.id}\tv{p.version}\t{p.status}\t{p.region_name}\t{p.title}", file=out)
    if not rows:
        print(_("no strategy papers"), file=out)
    return EXIT_OK


def _list_recommendations(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        rows = services.strategy.recommendations.list()
    if args.json:
        json.dump([{"id": r.id, "title": r.title, "status": r.status, "papers": list(r.paper_ids)} for r in rows],
                  out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for r in rows:
        print(f"{r.id}\t{r.status}\t{r.title}", file=out)
    if not rows:
        print(_("no recommendations"), file=out)
    return EXIT_OK
