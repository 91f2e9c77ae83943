"""Commands for workshops: ``print workshop ID --kind KIND -o FILE`` and ``list workshops [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import (
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    add_json_option,
    add_print_options,
)
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.workshops.documents import KINDS, key


def register_print(documents: Any) -> None:
    parser = documents.add_parser("workshop", help=_("a workshop document: agenda, sign-in sheet, feedback form, "
                                                   "certificates or report"))
    parser.add_argument("id", help=_("a workshop id from 'list workshops'"))
    parser.add_argument("--kind", required=True, metavar="KIND",
                        help=_("which document: {join}").format(join=', '.join(KINDS)))
    parser.add_argument("--blank-rows", type=int, default=10, metavar="N",
                        help=_("empty rows at the end of the sign-in sheet (default 10)"))
    add_print_options(parser)
    parser.set_defaults(handler=_print)


def register_list(records: Any) -> None:
    parser = records.add_parser("workshops", help=_("workshops, newest first"))
    parser.add_argument("--when", choices=("all", "upcoming", "past"), default="all")
    add_json_option(parser)
    parser.set_defaults(handler=_list)


def _print(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    if args.kind not in KINDS:
        print(_("error: unknown kind {kind!r}; choose one of: {join}")
            .format(kind=args.kind, join=', '.join(KINDS)), file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.blank_rows <= 500:
        print(_("error: --blank-rows must be between 0 and 500"), file=sys.stderr)
        return EXIT_USAGE
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    return write_document(args, paths, out, lambda _s: DocumentRequest(
        key(args.kind), args.id, paper=args.paper, blank_rows=args.blank_rows), failed=EXIT_PROBLEM,
        unwritable=EXIT_PROBLEM)


def _list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        rows = services.workshops.list(when=args.when)
    if args.json:
        json.dump([{"id": w.id, "title": w.title, "first_day": w.first_day.isoformat() if w.first_day else None,
                    "last_day": w.last_day.isoformat() if w.last_day else None, "status": w.status,
                    "venue": w.venue, "participants": w.participants} for w in rows],
                  out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for w in rows:
        print(f"{w.id}\t{w.dates_text}\t{w.status}\t{w.title}", file=out)
    if not rows:
        print(_("no workshops"), file=out)
    return EXIT_OK
