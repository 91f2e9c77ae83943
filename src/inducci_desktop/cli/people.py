"""Commands about people: import a participant list (CSV), list participants, erase a person on request
(a participant; an interviewee with ``erase interview ID``; a stakeholder with ``erase stakeholder ID``).

A CSV file is all or nothing: any row that cannot be imported (no name, a control character, a bad
e-mail …) is listed by line and nothing is stored (exit 2). An erasure that could not clean every file
names them (exit 1); ``--delete-unclean`` deletes those files (never the database itself).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, add_json_option, command_services
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.paths import AppPaths

if TYPE_CHECKING:
    from inducci_desktop.services.workshops.csv_import import CsvPreview

MAX_LISTED = 20


def register(commands: Any) -> None:
    participants = commands.add_parser("participants", help=_("import a participant list into a workshop (CSV)"))
    sub = participants.add_subparsers(dest="participants_command", required=True)
    do_import = sub.add_parser("import", help=_("add the people of a CSV file to a workshop (all rows or none)"))
    do_import.add_argument("workshop_id", metavar="WORKSHOP_ID", help=_("a workshop id from 'list workshops'"))
    do_import.add_argument("file", metavar="FILE.csv", help=_("the participant list (UTF-8, Windows-1250/-1252)"))
    do_import.add_argument("--dry-run", action="store_true", help=_("check the file; store nothing"))
    participants.set_defaults(handler=_import)
    erase = commands.add_parser("erase", help=_("erase a person's data everywhere, backups included (on request)"),
                                usage="%(prog)s [-h] [--delete-unclean] [participant|interview|stakeholder] ID")
    erase.add_argument("participant_id", metavar="ID",
                       help=_("a participant id from 'list participants'; after 'interview' an id from 'list "
                              "interviews', after 'stakeholder' a stakeholder id"))
    erase.add_argument("record_id", nargs="?", default=None, help=argparse.SUPPRESS)
    erase.add_argument("--delete-unclean", action="store_true",
                       help=_("delete files the erasure could not clean (never the database itself)"))
    erase.set_defaults(handler=_erase)


def register_list(records: Any) -> None:
    parser = records.add_parser("participants", help=_("the participants of a workshop, with their ids"))
    parser.add_argument("workshop_id", metavar="WORKSHOP_ID")
    add_json_option(parser)
    parser.set_defaults(handler=_list)


def _import(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.domain.inputs import read_regular_file
    from inducci_desktop.services.workshops.csv_import import MAX_BYTES, parse_participants

    data = read_regular_file(Path(args.file), MAX_BYTES, "participant list")
    name = Path(args.file).name
    # the file on its own first: a bad file is refused before the data folder is opened (no backup, no lock)
    if _refused(name, parse_participants(data)):
        return EXIT_USAGE
    with command_services(paths, writing=not args.dry_run) as services:
        people = services.workshops.people
        preview = people.preview_csv(args.workshop_id, data)
        if _refused(name, preview):
            return EXIT_USAGE
        print(preview.describe(), file=out)
        if args.dry_run:
            print(_("dry run: nothing was imported"), file=out)
            return EXIT_OK
        count = people.import_participants(args.workshop_id, preview.good)
    print(ngettext("imported {count} participant", "imported {count} participants", count).format(count=count),
        file=out)
    return EXIT_OK


def _refused(name: str, preview: CsvPreview) -> bool:
    """Say which rows cannot be imported (file:line: reasons); True when there are any."""
    if not preview.bad:
        return False
    print(_("error: {name}: {count} of {count2} rows cannot be imported; nothing was imported:")
        .format(name=name, count=len(preview.bad), count2=len(preview.rows)), file=sys.stderr)
    for row in preview.bad[:MAX_LISTED]:
        print(f"  {name}:{row.line}: {'; '.join(row.errors)}", file=sys.stderr)
    if len(preview.bad) > MAX_LISTED:
        print(_("  … and {value} more").format(value=len(preview.bad) - MAX_LISTED), file=sys.stderr)
    return True


def _list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with command_services(paths) as services:
        rows = services.workshops.people.participants(args.workshop_id)
    if args.json:
        json.dump([{"id": p.id, "title": p.name, "organisation": p.organisation} for p in rows], out,
                  ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for person in rows:
        print(f"{person.id}\t{person.name}\t{person.organisation}", file=out)
    return EXIT_OK


ERASABLE = ("participant", "interview", "stakeholder")


def _erase(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.logsetup import log_folders

    kind, record = "participant", args.participant_id
    if args.record_id is not None:
        kind, record = args.participant_id, args.record_id
        if kind not in ERASABLE:
            print(_("error: cannot erase {kind!r}; say one of: {join}, then the id")
                  .format(kind=kind, join=", ".join(ERASABLE)), file=sys.stderr)
            return EXIT_USAGE
    extra = [Path(f) for f in log_folders()] + [paths.log_dir]
    with command_services(paths, writing=True) as services:
        people = services.workshops.people
        if kind == "interview":
            result = services.interviews.erase(record, extra_folders=extra)
        elif kind == "stakeholder":
            result = services.stakeholders.erase(record, extra_folders=extra)
        else:
            result = people.erase_person(record, extra_folders=extra)
        backups = (ngettext(" and from {backups} backup", " and from {backups} backups", result.backups)
                   .format(backups=result.backups) if result.backups else "")
        entries = ngettext("{count} entry", "{count} entries", result.entries).format(count=result.entries)
        print(_("erased {entries}{backups}; {files_checked} files read back")
            .format(entries=entries, backups=backups, files_checked=result.files_checked), file=out)
        if result.complete:
            print(_("the name and e-mail are in none of them"), file=out)
            return EXIT_OK
        print(_("error: these files still hold the name or e-mail:"), file=sys.stderr)
        for unclean in result.unclean:
            print(f"  {unclean.path}: {unclean.reason}", file=sys.stderr)
        deletable = [f.path for f in result.unclean if f.deletable]
        if deletable and (args.delete_unclean or _confirm(_("Delete the {count} files that can be deleted?")
            .format(count=len(deletable)))):
            for path in people.delete_unclean(deletable, extra_folders=extra):
                print(_("deleted {path}").format(path=path), file=out)
            if len(deletable) == len(result.unclean):
                return EXIT_OK
        elif deletable:
            print(_("hint: delete these files yourself (or give --delete-unclean with the erasure); the database "
                  "itself is never deleted"), file=sys.stderr)
    return EXIT_PROBLEM


def _confirm(question: str) -> bool:
    """Ask on the terminal; False when nobody is there to answer."""
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().casefold() in ("y", "yes")
    except EOFError:
        return False
