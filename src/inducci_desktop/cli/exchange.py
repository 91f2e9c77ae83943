"""Exchange commands: ``export`` (a .inducci bundle), ``import FILE [--dry-run]``, ``conflicts list``,
``conflicts resolve ID --keep mine|theirs|both`` and ``export-table``.

Bad input (a damaged or foreign bundle, unknown ids, a file name without .csv/.xlsx) is a message on
stderr starting with ``error:`` and exit code 2, with the database unchanged. Conflicts found by an
import are not errors: they are listed (and kept open until resolved) and the exit code is 0.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_USAGE, command_services
from inducci_desktop.paths import AppPaths

MAX_LISTED = 50


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="write assessments, workshops, templates and regions to a "
                                                "bundle file (.inducci) for another machine")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the bundle to write (.inducci)")
    export.add_argument("--all", action="store_true", help="everything, the trash included")
    export.add_argument("--assessments", nargs="+", default=[], metavar="ID", help="assessment ids")
    export.add_argument("--workshops", nargs="+", default=[], metavar="ID", help="workshop ids")
    export.add_argument("--templates", nargs="+", default=[], metavar="ID", help="checklist template ids")
    export.add_argument("--regions", nargs="+", default=[], metavar="ID", help="region ids")
    export.add_argument("--include-personal-data", action="store_true",
                        help="include participants' names, e-mails, organisations and departments "
                             "(left out by default: participants travel as anonymous entries)")
    export.add_argument("--by", metavar="NAME", help="who made the bundle (written into it)")
    export.set_defaults(handler=_export)

    do_import = commands.add_parser("import", help="merge a bundle file from another machine (all or nothing)")
    do_import.add_argument("file", metavar="FILE", help="a .inducci bundle")
    do_import.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    do_import.set_defaults(handler=_import)

    conflicts = commands.add_parser("conflicts", help="records changed both here and on another machine since "
                                                      "they last exchanged: list them, resolve them")
    which = conflicts.add_subparsers(dest="conflicts_command", required=True, metavar="list|resolve")
    listing = which.add_parser("list", help="the open conflicts, both versions side by side")
    listing.add_argument("--resolved", action="store_true", help="the resolved ones (their losing version can "
                                                                 "be restored with resolve)")
    listing.set_defaults(handler=_conflicts_list)
    resolve = which.add_parser("resolve", help="keep this machine's version, take the other one, or (text) both")
    resolve.add_argument("id", metavar="ID", help="the conflict's id (or its first 8 characters)")
    resolve.add_argument("--keep", required=True, choices=("mine", "theirs", "both"))
    resolve.set_defaults(handler=_conflicts_resolve)

    table = commands.add_parser("export-table", help="a table for spreadsheets (.csv or .xlsx, from the name)")
    from inducci_desktop.services.exchange.tables import TABLES

    table.add_argument("table", choices=tuple(TABLES))  # the one list of tables
    table.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    table.add_argument("--template", metavar="ID", help="matrix: the checklist template (default: the most used)")
    table.add_argument("--include-personal-data", action="store_true",
                       help="attendance: participants' names and organisations (numbered otherwise)")
    table.set_defaults(handler=_export_table)


def _export(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.exchange.service import ExportSelection

    selection = ExportSelection(tuple(args.regions), tuple(args.templates), tuple(args.assessments),
                                tuple(args.workshops), args.include_personal_data, args.all)
    with open_services(paths) as services:
        result = services.exchange.export(args.output, selection, created_by=args.by)
    parts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in result.counts.items())
    personal = "with" if result.includes_personal_data else "without"
    print(f"wrote {result.path} ({parts}; {personal} participants' personal data)", file=out)
    return EXIT_OK


def _import(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from pathlib import Path

    from inducci_desktop.domain.inputs import check_regular_file
    from inducci_desktop.services.exchange.bundle import MAX_FILE_BYTES

    check_regular_file(Path(args.file), MAX_FILE_BYTES, "bundle")  # a FIFO or /dev/zero would hang the reader
    with command_services(paths, writing=not args.dry_run) as services:
        plan, result = services.exchange.import_file(args.file, dry_run=args.dry_run)
    made = f" by {plan.created_by}" if plan.created_by else ""
    print(f"bundle made {plan.created_at:%Y-%m-%d %H:%M} UTC{made} with InduCCI Desktop {plan.app_version}; "
          f"{'with' if plan.includes_personal_data else 'without'} personal data", file=out)
    verb = {"added": "would add", "updated": "would update"} if args.dry_run else {}
    for action, per_kind in plan.counts().items():
        if per_kind:
            listed = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in per_kind.items())
            print(f"{verb.get(action, action)}: {listed}", file=out)
    for entry in plan.conflicts[:MAX_LISTED]:
        print(f"conflict: {entry.label} {entry.title!r} ({entry.id}): {entry.reason}", file=out)
    if len(plan.conflicts) > MAX_LISTED:
        print(f"conflict: … and {len(plan.conflicts) - MAX_LISTED} more", file=out)
    if plan.conflicts and not args.dry_run:
        print(f"{len(plan.conflicts)} conflict(s) kept open, this machine's version in place: see "
              "'conflicts list', then 'conflicts resolve ID --keep mine|theirs'", file=out)
    if args.dry_run:
        print("dry run: nothing was changed", file=out)
    elif result is not None and not plan.changes_anything:
        print("nothing new: the data here is up to date", file=out)
    if result is not None and result.backup_id:
        print(f"the data before the import is kept as backup {result.backup_id}", file=out)
    return EXIT_OK


def _conflicts_list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        found = services.exchange.conflicts(resolved=args.resolved)
        here = services.exchange.folder_id()
    if not found:
        print("no resolved conflicts" if args.resolved else "no open conflicts", file=out)
    for item in found:
        state = f" — resolved: kept {item.resolution}" if item.resolution else ""
        print(f"{item.id[:8]}  {item.label} {item.title!r} ({item.record_id}){state}", file=out)
        for field in item.fields:
            print(f"    {field}: mine {_short(item.mine.get(field))} | theirs {_short(item.theirs.get(field))}",
                  file=out)
        mine_by = "this data folder" if item.mine_by == here else f"data folder {item.mine_by[:8]}"
        print(f"    mine: {mine_by}, {item.mine.get('updated_at', '?')}; theirs: data folder "
              f"{item.theirs_by[:8]}, {item.theirs.get('updated_at', '?')} (from {item.source})", file=out)
    return EXIT_OK


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _conflicts_resolve(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        done = services.exchange.resolve(args.id, args.keep)
    print(f"resolved: {done.label} {done.title!r} keeps {args.keep}; the other version stays listed under "
          "'conflicts list --resolved'", file=out)
    return EXIT_OK


def _export_table(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    import sys
    from pathlib import Path

    from inducci_desktop.services.errors import ValidationError
    from inducci_desktop.services.exchange.tables import TableService, table_format

    try:
        table_format(Path(args.output))
    except ValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with open_services(paths) as services:
        result = TableService(services).write(args.table, args.output, template_id=args.template,
                                              personal=args.include_personal_data)
    if result.note:
        print(f"note: {result.note}", file=out)
    print(f"wrote {result.path} ({result.rows} rows)", file=out)
    return EXIT_OK
