"""Commands for the toolbox content: ``content check`` (validate a pack) and ``search``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.paths import AppPaths


def register(commands: Any) -> None:
    """Add ``content check`` and ``search`` to the sub-parsers ``commands``."""
    content = commands.add_parser("content", help=_("toolbox content packs"))
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser(
        "check", help=_("validate the English pack and every translated pack beside it; lists every problem as "
                        "FILE:LINE (a translated pack's files as LANG/FILE)"))
    check.add_argument("--pack", metavar="DIR", help=_("the English pack folder (default: the pack shipped with "
                                                       "the app); translated packs are the folders beside it"))
    check.add_argument("--language", metavar="LANG", action="append",
                       help=_("check only this translated pack (repeatable); English is always checked"))
    content.set_defaults(handler=_content)

    search = commands.add_parser("search", help=_("search the toolbox as the library page does"))
    search.add_argument("query", help=_("words or beginnings of words; case and accents do not matter"))
    search.add_argument("--json", action="store_true", help=_("print a JSON list of {id, kind, title}"))
    search.add_argument("--limit", type=int, default=20, metavar="N", help=_("at most N hits (default 20)"))
    search.set_defaults(handler=_search)


def _content(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.content.loader import check_pack, summary
    from inducci_desktop.content.packinfo import shipped_pack, translation_folders
    from inducci_desktop.content.translation import compare, coverage, resolve

    folder = Path(args.pack).expanduser() if args.pack else shipped_pack()
    pack, problems = check_pack(folder)
    for problem in problems:
        print(problem, file=out)
    if pack is None:
        count = len(problems)
        print(ngettext("{count} problem found", "{count} problems found", count).format(count=count), file=out)
        return EXIT_PROBLEM
    counts = summary(pack)
    print(
        _("ok: {id} {version} ({language}): {counts} guides, {counts2} cases, {counts3} formats, {counts4} interview "
            "guides, {counts5} checklists, {counts6} glossary terms, {counts7} links, {counts8} sections")
            .format(id=pack.id, version=pack.version, language=pack.language, counts=counts['guide'],
                counts2=counts['case'], counts3=counts['format'], counts4=counts['interview'],
                    counts5=counts['checklists'], counts6=counts['glossary'], counts7=counts['links'],
                        counts8=counts['sections']),
        file=out,
    )
    found = translation_folders(folder, pack.language)
    wanted = args.language or list(found)
    total = 0
    for code in wanted:
        if code not in found:
            missing = folder.parent / code / "pack.yaml"
            print(_("{code}: no translated pack (no {file})").format(code=code, file=missing), file=out)
            total += 1
            continue
        translated, lang_problems = check_pack(found[code], code, base=pack)
        lang_problems = lang_problems + compare(folder, found[code], code)
        for problem in sorted(set(lang_problems)):
            print(f"{code}/{problem}", file=out)
        total += len(set(lang_problems))
        if translated is None:
            count = len(set(lang_problems))
            print(ngettext("{code}: not usable ({count} problem); English is shown instead",
                           "{code}: not usable ({count} problems); English is shown instead", count)
                  .format(code=code, count=count), file=out)
            continue
        if translated.version != pack.version:
            print(_("{code}/pack.yaml:0: version {version} differs from English {english}")
                  .format(code=code, version=translated.version, english=pack.version), file=out)
            total += 1
        shown = coverage(pack, resolve(pack, translated))
        parts = [f"{name} {own}/{of}" + (_(" ({count} reviewed)").format(count=reviewed) if reviewed else "")
                 for name, (own, reviewed, of) in shown.items() if of]
        print(f"{code}: " + ", ".join(parts), file=out)
    if total:
        print(ngettext("{count} problem found in translated packs", "{count} problems found in translated packs",
                       total).format(count=total), file=out)
        return EXIT_PROBLEM
    return EXIT_OK


def _search(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    if args.limit < 1:
        print(_("error: --limit must be at least 1"), file=out)
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
        print(_("no hits"), file=out)
    return EXIT_OK
