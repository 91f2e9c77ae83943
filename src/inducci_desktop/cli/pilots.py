"""Commands for pilot actions: ``list pilots [--json]`` and ``print pilot ID --kind profile|plan -o FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, add_json_option, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import period_text, status_label
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.pilots.documents import KINDS, key


def register_print(documents: Any) -> None:
    parser = documents.add_parser("pilot", help=_("a pilot action document: case profile or one-page plan"))
    parser.add_argument("id", help=_("a pilot action id from 'list pilots'"))
    parser.add_argument("--kind", required=True, metavar="KIND", help=_("which document: {kinds}").format(
        kinds=", ".join(KINDS)))
    add_print_options(parser)
    parser.set_defaults(handler=_print)


def register_list(records: Any) -> None:
    parser = records.add_parser("pilots", help=_("pilot actions, newest first"))
    add_json_option(parser)
    parser.set_defaults(handler=_list)


def _print(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    if args.kind not in KINDS:
        print(_("error: unknown kind {kind!r}; choose one of: {kinds}").format(kind=args.kind, kinds=", ".join(KINDS)),
              file=sys.stderr)
        return EXIT_USAGE
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    return write_document(args, paths, out, lambda _s: DocumentRequest(key(args.kind), args.id, paper=args.paper),
                          failed=EXIT_PROBLEM, unwritable=EXIT_PROBLEM)


def _list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        rows = services.pilots.list()
    if args.json:
        json.dump([{"id": p.id, "title": p.title, "region": p.region, "status": p.status,
                    "start_date": p.start_date.isoformat() if p.start_date else None,
                    "end_date": p.end_date.isoformat() if p.end_date else None, "published": p.published}
                   for p in rows], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for p in rows:
        published = _("published") if p.published else ""
        print(f"{p.id}\t{period_text(p.start_date, p.end_date)}\t{status_label(p.status)}\t{p.title}\t{published}"
              .rstrip(), file=out)
    if not rows:
        print(_("no pilot actions"), file=out)
    return EXIT_OK
