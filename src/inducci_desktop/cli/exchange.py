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
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.paths import AppPaths

MAX_LISTED = 50


def register(commands: Any) -> None:
    export = commands.add_parser("export", help=_("write assessments, workshops, pilot actions, templates and "
                                                "regions to a bundle file (.inducci) for another machine"))
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the bundle to write (.inducci)"))
    export.add_argument("--all", action="store_true", help=_("everything, the trash included"))
    export.add_argument("--assessments", nargs="+", default=[], metavar="ID", help=_("assessment ids"))
    export.add_argument("--workshops", nargs="+", default=[], metavar="ID", help=_("workshop ids"))
    export.add_argument("--templates", nargs="+", default=[], metavar="ID", help=_("checklist template ids"))
    export.add_argument("--regions", nargs="+", default=[], metavar="ID", help=_("region ids"))
    export.add_argument("--pilots", nargs="+", default=[], metavar="ID",
                        help=_("pilot action ids (with their criteria, lessons, voices and photos)"))
    export.add_argument("--include-personal-data", action="store_true",
                        help=_("include participants' names, e-mails, organisations and departments "
                             "(left out by default: participants travel as anonymous entries)"))
    export.add_argument("--by", metavar="NAME", help=_("who made the bundle (written into it)"))
    export.set_defaults(handler=_export)

    do_import = commands.add_parser("import", help=_("merge a bundle file from another machine (all or nothing)"))
    do_import.add_argument("file", metavar="FILE", help=_("a .inducci bundle"))
    do_import.add_argument("--dry-run", action="store_true", help=_("show what would change; change nothing"))
    do_import.set_defaults(handler=_import)

    conflicts = commands.add_parser("conflicts", help=_("records changed both here and on another machine since "
                                                      "they last exchanged: list them, resolve them"))
    which = conflicts.add_subparsers(dest="conflicts_command", required=True, metavar="list|resolve")
    listing = which.add_parser("list", help=_("the open conflicts, both versions side by side"))
    listing.add_argument("--resolved", action="store_true", help=_("the resolved ones (their losing version can "
                                                                 "be restored with resolve)"))
    listing.set_defaults(handler=_conflicts_list)
    resolve = which.add_parser("resolve", help=_("keep this machine's version, take the other one, or (text) both"))
    resolve.add_argument("id", metavar="ID", help=_("the conflict's id (or its first 8 characters)"))
    resolve.add_argument("--keep", required=True, choices=("mine", "theirs", "both"))
    resolve.set_defaults(handler=_conflicts_resolve)

    table = commands.add_parser("export-table", help=_("a table for spreadsheets (.csv or .xlsx, from the name)"))
    from inducci_desktop.services.exchange.tables import TABLES
    from inducci_desktop.services.strategy.tables import TABLES as STRATEGY_TABLES

    # the one list of tables, and the strategy's (written by services/strategy/tables.py)
    table.add_argument("table", choices=(*TABLES, *STRATEGY_TABLES))
    table.add_argument("-o", "--output", required=True, metavar="FILE", help=_("FILE.csv or FILE.xlsx"))
    table.add_argument("--template", metavar="ID", help=_("matrix: the checklist template (default: the most used)"))
    table.add_argument("--recommendation", metavar="ID",
                       help=_("topic-matrix: the recommendation whose topics × regions (default: the newest)"))
    table.add_argument("--include-personal-data", action="store_true",
                       help=_("attendance: participants' names and organisations (numbered otherwise)"))
    table.set_defaults(handler=_export_table)


def _export(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.exchange.service import ExportSelection

    selection = ExportSelection(tuple(args.regions), tuple(args.templates), tuple(args.assessments),
                                tuple(args.workshops), args.include_personal_data, args.all,
                                pilots=tuple(args.pilots))
    with open_services(paths) as services:
        result = services.exchange.export(args.output, selection, created_by=args.by)
    parts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in result.counts.items())
    personal = _("with") if result.includes_personal_data else _("without")
    print(_("wrote {path} ({parts}; {personal} participants' personal data)")
        .format(path=result.path, parts=parts, personal=personal), file=out)
    return EXIT_OK


def _import(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from pathlib import Path

    from inducci_desktop.domain.inputs import check_regular_file
    from inducci_desktop.services.exchange.bundle import MAX_FILE_BYTES

    check_regular_file(Path(args.file), MAX_FILE_BYTES, "bundle")  # a FIFO or /dev/zero would hang the reader
    with command_services(paths, writing=not args.dry_run) as services:
        plan, result = services.exchange.import_file(args.file, dry_run=args.dry_run)
    made = _(" by {name}").format(name=plan.created_by) if plan.created_by else ""
    template = (_("bundle made {created_at:%Y-%m-%d %H:%M} UTC{made} with InduCCI Desktop {app_version}; with "
        "personal data")
                if plan.includes_personal_data else
                _("bundle made {created_at:%Y-%m-%d %H:%M} UTC{made} with InduCCI Desktop {app_version}; without "
                    "personal data"))
    print(template.format(created_at=plan.created_at, made=made, app_version=plan.app_version), file=out)
    verb = {"added": _("would add"), "updated": _("would update")} if args.dry_run else {}
    from inducci_desktop.services.exchange.schema import counted

    for action, per_kind in plan.counts().items():
        if per_kind:
            listed = ", ".join(counted(label, n) for label, n in per_kind.items())
            print(f"{verb.get(action, action)}: {listed}", file=out)
    for entry in plan.conflicts[:MAX_LISTED]:
        print(_("conflict: {label} {title!r} ({id}): {reason}")
            .format(label=entry.label, title=entry.title, id=entry.id, reason=entry.reason), file=out)
    if len(plan.conflicts) > MAX_LISTED:
        print(_("conflict: … and {value} more").format(value=len(plan.conflicts) - MAX_LISTED), file=out)
    if plan.conflicts and not args.dry_run:
        print(ngettext("{count} conflict kept open, this machine's version in place: see 'conflicts list', then "
                "'conflicts resolve ID --keep mine|theirs'",
                "{count} conflicts kept open, this machine's version in place: see 'conflicts list', then "
                "'conflicts resolve ID --keep mine|theirs'", len(plan.conflicts))
            .format(count=len(plan.conflicts)), file=out)
    if args.dry_run:
        print(_("dry run: nothing was changed"), file=out)
    elif result is not None and not plan.changes_anything:
        print(_("nothing new: the data here is up to date"), file=out)
    if result is not None and result.backup_id:
        print(_("the data before the import is kept as backup {backup_id}")
            .format(backup_id=result.backup_id), file=out)
    return EXIT_OK


def _conflicts_list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        found = services.exchange.conflicts(resolved=args.resolved)
        here = services.exchange.folder_id()
    if not found:
        print(_("no resolved conflicts") if args.resolved else _("no open conflicts"), file=out)
    for item in found:
        state = _(" — resolved: kept {resolution}").format(resolution=item.resolution) if item.resolution else ""
        print(f"{item.id[:8]}  {item.label} {item.title!r} ({item.record_id}){state}", file=out)
        for field in item.fields:
            print(_("    {field}: mine {short} | theirs {short2}")
                .format(field=field, short=_short(item.mine.get(field)), short2=_short(item.theirs.get(field))),
                  file=out)
        mine_by = _("this data folder") if item.mine_by == here else _("data folder {mine_by}").format(mine_by=item
            .mine_by[:8])
        print(_("    mine: {mine_by}, {get}; theirs: data folder {theirs_by}, {get2} (from {source})")
            .format(mine_by=mine_by, get=item.mine.get('updated_at', '?'), theirs_by=item.theirs_by[:8], get2=item
                .theirs.get('updated_at', '?'), source=item.source), file=out)
    return EXIT_OK


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _conflicts_resolve(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        done = services.exchange.resolve(args.id, args.keep)
    print(_("resolved: {label} {title!r} keeps {keep}; the other version stays listed under 'conflicts list "
        "--resolved'")
        .format(label=done.label, title=done.title, keep=args.keep), file=out)
    return EXIT_OK


def _export_table(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    import sys
    from pathlib import Path

    from inducci_desktop.services.errors import ValidationError
    from inducci_desktop.services.exchange.tables import TableService, table_format

    try:
        table_format(Path(args.output))
    except ValidationError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    with open_services(paths) as services:
        from inducci_desktop.services.strategy.tables import TABLES as STRATEGY_TABLES
        from inducci_desktop.services.strategy.tables import write_table

        if args.table in STRATEGY_TABLES:  # written by services/strategy/tables.py
            try:
                result = write_table(services, args.table, args.output, recommendation_id=args.recommendation)
            except ValidationError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_USAGE
        else:
            result = TableService(services).write(args.table, args.output, template_id=args.template,
                                                  personal=args.include_personal_data)
    if result.note:
        print(f"note: {result.note}", file=out)
    print(_("wrote {path} ({rows} rows)").format(path=result.path, rows=result.rows), file=out)
    return EXIT_OK
