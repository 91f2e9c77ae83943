"""Toolbox printing commands: ``print guide|item ID``, ``print file NOTES.md``, ``print glossary`` and
``print pack ID… | --all`` — each with ``-o FILE`` and ``--paper a4|letter``.

The PDF is written to a temporary file beside FILE and renamed on success (printing.output.write_pdf), so a
failed print leaves no partial file and keeps an existing FILE. Exit codes: 2 for bad input (unknown ids,
an unreadable or non-UTF-8 Markdown file, an empty pack), 3 when FILE's folder cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_DATA, EXIT_OK, EXIT_USAGE, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.services.documents import DocumentRequest


def register_print(documents: Any) -> None:
    guide = documents.add_parser("guide", help=_("a guide of the toolbox"))
    guide.add_argument("id", metavar="ID", help=_("a guide id (e.g. guide-mapping-cci)"))
    add_print_options(guide)
    guide.set_defaults(handler=_print_guide)

    item = documents.add_parser("item", help=_("any toolbox item: guide, case profile, format card or interview guide"))
    item.add_argument("id", metavar="ID", help=_("an item id (e.g. case-industrial-hackathon-silesia)"))
    add_print_options(item)
    item.set_defaults(handler=_print_item)

    file = documents.add_parser("file", help=_("a Markdown file of your own (UTF-8)"))
    file.add_argument("path", metavar="NOTES.md", help=_("the Markdown file"))
    file.add_argument("--title", metavar="T", help=_("the title (default: its first heading or the file name)"))
    add_print_options(file)
    file.set_defaults(handler=_print_file)

    glossary = documents.add_parser("glossary", help=_("the glossary, alphabetically"))
    add_print_options(glossary)
    glossary.set_defaults(handler=_print_glossary)

    pack = documents.add_parser("pack", help=_("a handout pack: cover, contents and the items in the order given"))
    pack.add_argument("ids", metavar="ID", nargs="*", help=_("item ids, in the order to print"))
    pack.add_argument("--all", action="store_true", help=_("every guide, case, format and interview guide"))
    pack.add_argument("--glossary", action="store_true", help=_("add the glossary at the end (default with --all)"))
    pack.add_argument("--title", default="Handout pack", metavar="T", help=_("the cover title"))
    pack.add_argument("--subtitle", default="", metavar="S", help=_("a line under the title"))
    pack.add_argument("--organiser", default="", metavar="NAME", help=_("the organiser on the cover"))
    pack.add_argument("--date", default="", metavar="TEXT", help=_("the date on the cover (default: today)"))
    add_print_options(pack)
    pack.set_defaults(handler=_print_pack)


def write_document(args: argparse.Namespace, paths: AppPaths, out: TextIO,
                   request: Callable[[Services], DocumentRequest], *, failed: int = EXIT_USAGE,
                   unwritable: int = EXIT_DATA, store_free: DocumentRequest | None = None) -> int:
    """Check the output folder, build the requested document through the registry (paper, language and
    region as in the app, ``--paper`` overriding), save it atomically; messages and exit codes.

    ``store_free``: the request of a document that needs nothing stored (a Markdown file, a toolbox item),
    built without opening the store when the document settings can be read without it
    (``services.documents.build_without_store``); else the services are opened and ``request`` asked."""
    from inducci_desktop.services.documents import build, build_without_store, write_pdf
    from inducci_desktop.services.errors import PrintError

    problem = _unwritable(args.output)
    if problem:
        print(_("error: {message}").format(message=problem), file=sys.stderr)
        return unwritable
    try:
        built = build_without_store(paths, _with_arguments(args, store_free)) if store_free else None
        if built is None:
            with open_services(paths) as services:
                built = build(services, _with_arguments(args, request(services)))
    except PrintError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return failed
    try:
        target = write_pdf(args.output, built.data)  # temp file + rename: nothing partial is left behind
    except PrintError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return unwritable
    print(_("wrote {path}").format(path=target), file=out)
    return EXIT_OK


def _with_arguments(args: argparse.Namespace, wanted: DocumentRequest) -> DocumentRequest:
    """``wanted`` with the options every print command takes: --logo, and --lang as the document's language
    too (without it the app's document setting, else the command line's language: LANGUAGE, LC_ALL, LANG)."""
    from dataclasses import replace

    if getattr(args, "logo", None):
        wanted = replace(wanted, logo=args.logo)
    return replace(wanted, language=wanted.language or getattr(args, "lang", None),
                   second_language=getattr(args, "second_lang", None))


def _unwritable(output: str) -> str | None:
    """Why ``output``'s folder cannot take the PDF, checked before any work is done; None when it can."""
    import os
    from pathlib import Path

    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        return _("{target} is a folder; choose a file name for the PDF.").format(target=target)
    if not folder.is_dir():
        return _("The folder {folder} does not exist.").format(folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("The folder {folder} cannot be written to. Choose another folder.").format(folder=folder)
    return None


def _simple(key: str, args: argparse.Namespace, record: str = "", **more: Any) -> Callable[[Services], DocumentRequest]:
    wanted = _request(key, args, record, **more)
    return lambda _services: wanted


def _request(key: str, args: argparse.Namespace, record: str = "", **more: Any) -> DocumentRequest:
    from inducci_desktop.services.documents import DocumentRequest

    return DocumentRequest(key, record, paper=args.paper, **more)


def _print_guide(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    return write_document(args, paths, out, _simple("guide", args, args.id),
                          store_free=_request("guide", args, args.id))


def _print_item(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    return write_document(args, paths, out, _simple("item", args, args.id), store_free=_request("item", args, args.id))


def _print_file(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    return write_document(args, paths, out, _simple("file", args, args.path, title=args.title),
                          store_free=_request("file", args, args.path, title=args.title))


def _print_glossary(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    return write_document(args, paths, out, _simple("glossary", args))


def _print_pack(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.documents import DocumentRequest, PackCover

    if args.all and args.ids:
        print(_("error: give item ids or --all, not both"), file=sys.stderr)
        return EXIT_USAGE
    if not args.all and not args.ids:
        print(_("error: name the items to print (ids from the library) or use --all"), file=sys.stderr)
        return EXIT_USAGE
    cover = PackCover(args.title, args.subtitle, args.organiser, args.date)

    def request(services: Services) -> DocumentRequest:
        ids = [i for i, _t in services.printing.printable_items()] if args.all else args.ids
        return DocumentRequest("pack", records=tuple(ids), paper=args.paper, cover=cover,
                               with_glossary=args.glossary or args.all)

    return write_document(args, paths, out, request)
