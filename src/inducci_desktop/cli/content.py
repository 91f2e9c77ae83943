"""Commands for the toolbox content: ``content check`` (validate a pack) and ``search``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from inducci_desktop.paths import AppPaths


def register(commands: Any) -> None:
    """Add ``content check`` and ``search`` to the sub-parsers ``commands``."""
    content = commands.add_parser("content", help="toolbox content packs")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="validate a content pack; lists every problem as FILE:LINE")
    check.add_argument("--pack", metavar="DIR", help="the pack folder (default: the pack shipped with the app)")
    content.set_defaults(handler=_content)

    search = commands.add_parser("search", help="search the toolbox as the library page does")
    search.add_argument("query", help="words or beginnings of words; case and accents do not matter")
    search.add_argument("--json", action="store_true", help="print a JSON list of {id, kind, title}")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    search.set_defaults(handler=_search)


def _content(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.content.loader import check_pack, summary

    folder = Path(args.pack).expanduser() if args.pack else None
    pack, problems = check_pack(folder)
    for problem in problems:
        print(problem, file=out)
    if pack is None:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=out)
        return EXIT_PROBLEM
    counts = summary(pack)
    print(
        f"ok: {pack.id} {pack.version} ({pack.language}): {counts['guide']} guides, {counts['case']} cases, "
        f"{counts['format']} formats, {counts['interview']} interview guides, {counts['checklists']} checklists, "
        f"{counts['glossary']} glossary terms, {counts['links']} links, {counts['sections']} sections",
        file=out,
    )
    return EXIT_OK


def _search(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    if args.limit < 1:
        print("error: --limit must be at least 1", file=out)
        return EXIT_USAGE
    with open_services(paths) as services:
        hits = services.library.search(args.query, args.limit)
    if args.json:
        json.dump([{"id": h.id, "kind": h.kind, "title": h.title} for h in hits], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for hit in hits:
        print(f"{hit.id}\t{hit.kind}\t{hit.title}", file=out)
    if not hits:
        print("no hits", file=out)
    return EXIT_OK
