"""Headless commands over the same services as the GUI.

Exit codes: 0 success, 1 the command found a problem (e.g. ``db check``), 2 bad usage or input,
3 the data is unusable or in use, 70 an unexpected error (details in the log file).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from inducci_desktop import __version__
from inducci_desktop.bootstrap import open_services
from inducci_desktop.domain.i18n import LANGUAGES, NC_, _, ngettext, npgettext, pgettext
from inducci_desktop.domain.inputs import InputFileError
from inducci_desktop.domain.text import TextError
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import ServerBackupError, ServiceError, StoreError, UnknownBackupError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_DATA, EXIT_INTERNAL = 0, 1, 2, 3, 70

Handler = Callable[[argparse.Namespace, AppPaths, TextIO], int]

#: Modules that add commands, imported only when the parser is built. Each may define
#: ``register(commands)`` (top-level commands), ``register_print(documents)`` (kinds under ``print``) and
#: ``register_list(records)`` (kinds under ``list``); every parser it adds sets ``handler=`` (a Handler).
COMMAND_MODULES: tuple[str, ...] = ("inducci_desktop.cli.content", "inducci_desktop.cli.workshops",
                                       "inducci_desktop.cli.checklists", "inducci_desktop.cli.printing",
                                       "inducci_desktop.cli.exchange", "inducci_desktop.cli.people",
                                       "inducci_desktop.cli.templates", "inducci_desktop.cli.evidence",
                                       "inducci_desktop.cli.strategy", "inducci_desktop.cli.interviews",
                                       "inducci_desktop.cli.pilots")

#: Which module of COMMAND_MODULES (its last name) adds which command: a top-level command by its name, a
#: document under ``print`` and records under ``list`` by ("print", kind) and ("list", kind). A command line
#: that names one of these builds the parser from that module alone, so ``print file`` does not import the
#: workshops', the exchange's and the pilots' services (tests/cli keeps this table equal to what the modules
#: register); help, an unknown word or a missing kind builds the whole parser.
COMMAND_INDEX: dict[str | tuple[str, str], str] = {
    "content": "content", "search": "content", "conflicts": "exchange", "export": "exchange",
    "export-table": "exchange", "import": "exchange", "erase": "people", "participants": "people",
    "template": "templates",
    **{("print", kind): module for module, kinds in (
        ("workshops", ("workshop",)), ("checklists", ("assessment", "checklist", "compare")),
        ("printing", ("file", "glossary", "guide", "item", "pack")), ("evidence", ("findings",)),
        ("strategy", ("paper", "recommendation")), ("interviews", ("interview", "people")),
        ("pilots", ("pilot",))) for kind in kinds},
    **{("list", kind): module for module, kinds in (
        ("workshops", ("workshops",)), ("checklists", ("assessments", "templates")), ("people", ("participants",)),
        ("evidence", ("findings",)), ("strategy", ("papers", "recommendations")), ("interviews", ("interviews",)),
        ("pilots", ("pilots",))) for kind in kinds},
}

#: the commands main.py adds itself
OWN_COMMANDS = ("db", "backup", "demo")


ARGPARSE = "argparse"  # the context of argparse's own words in the catalog
#: argparse's own words (it asks gettext's "argparse" domain, which no installation of the app provides):
#: the words a person meets in ``--help`` and in a usage error (the programming errors stay English)
ARGPARSE_WORDS = (
    NC_("argparse", "usage: "), NC_("argparse", "options"), NC_("argparse", "positional arguments"),
    NC_("argparse", "show this help message and exit"), NC_("argparse", "show program's version number and exit"),
    NC_("argparse", "%(prog)s: error: %(message)s\n"), NC_("argparse", "argument %(argument_name)s: %(message)s"),
    NC_("argparse", "the following arguments are required: %s"), NC_("argparse", "unrecognized arguments: %s"),
    NC_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NC_("argparse", "invalid %(type)s value: %(value)r"), NC_("argparse", "expected one argument"),
    NC_("argparse", "expected at least one argument"), NC_("argparse", "expected at most one argument"),
    NC_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NC_("argparse", "not allowed with argument %s"), NC_("argparse", "one of the arguments %s is required"),
    NC_("argparse", "ignored explicit argument %r"), NC_("argparse", "can't open '%(filename)s': %(error)s"),
)


def _argparse_text(message: str) -> str:
    return pgettext(ARGPARSE, message)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return npgettext(ARGPARSE, singular, plural, n)


def install_argparse_words() -> None:
    """Make argparse look its words up in the app's catalog (in the language ``_`` speaks)."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


def build_parser(*, commands: bool = True, argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``commands=False`` only the options of the window (the command
    modules, which import services and documents, stay unloaded: see ``names_a_command``). Given the ``argv``
    it will parse, only the command modules that command needs are imported (``modules_for``)."""
    install_argparse_words()
    parser = argparse.ArgumentParser(
        prog="inducci-desktop",
        description=_("InduCCI Desktop: the InduCCI e-Toolbox offline. With no command, the window opens."),
    )
    parser.add_argument("--version", action="version", version=f"InduCCI Desktop {__version__}",
                        help=pgettext("argparse", "show program's version number and exit"))
    parser.add_argument("--data-dir", metavar="DIR", help=_("use DIR for database, backups and logs"))
    parser.add_argument("--database-url", metavar="URL", default=None,
                        help=_("keep the data in this database instead of the data folder's file, e.g. "
                               "postgresql+psycopg://user@server/inducci (default: INDUCCI_DATABASE_URL, else the "
                               "data folder's file)"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=_("language of the messages and printed documents, and of the window (default: "
                               "LANGUAGE, LC_ALL or LANG; the window: the one chosen in Settings)"))
    parser.add_argument("-v", "--verbose", action="store_true", help=_("log debugging detail to stderr"))
    parser.add_argument("--smoke-test", action="store_true",
                        help=_("open the window, wait until the data is open, print the start-up time and quit "
                             "(checks an installation)"))
    if not commands:
        parser.set_defaults(command=None)
        return parser
    add_commands(parser, modules_for(argv) if argv is not None else COMMAND_MODULES)
    return parser


#: global options that take a value (the value is not a command)
VALUE_OPTIONS = ("--data-dir", "--lang", "--database-url")


def names_a_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` (no program name) may name a command or ask for help: a word that is not an option
    nor the value of an option in VALUE_OPTIONS, or -h/--help. Otherwise the window opens and the parser
    needs no commands."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in ("-h", "--help") or token == "--" or not token.startswith("-"):
            return True
        index += 2 if token in VALUE_OPTIONS else 1
    return False


def command_words(argv: Sequence[str]) -> list[str]:
    """The words of ``argv`` up to the first option after the command: the command and, for ``print`` and
    ``list``, the kind (global options and their values skipped)."""
    index, words = 0, list[str]()
    while index < len(argv) and len(words) < 2:
        token = argv[index]
        if token == "--":
            break
        if token.startswith("-"):
            if words:  # an option after the command: the kind is not named where it is looked for
                break
            index += 2 if token in VALUE_OPTIONS else 1
            continue
        words.append(token)
        index += 1
    return words


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules the command in ``argv`` needs: none for db/backup/demo, the one module of
    COMMAND_INDEX that adds it, or all of them (help, an unknown or incomplete command: argparse then lists
    every choice)."""
    if "-h" in argv or "--help" in argv:
        words = command_words(argv)
        if len(words) < 2 or words[0] not in ("print", "list"):
            return COMMAND_MODULES  # help of the program, of print or list, or of a command: every choice
    words = command_words(argv)
    if not words:
        return COMMAND_MODULES
    if words[0] in OWN_COMMANDS:
        return ()
    key: str | tuple[str, str] = (words[0], words[1]) if words[0] in ("print", "list") and len(words) > 1 \
        else words[0]
    module = COMMAND_INDEX.get(key)
    return COMMAND_MODULES if module is None else (f"inducci_desktop.cli.{module}",)


def add_commands(parser: argparse.ArgumentParser, modules: Sequence[str] = COMMAND_MODULES) -> None:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = commands.add_parser("db", help=_("database checks")).add_subparsers(dest="db_command", required=True)
    db.add_parser("check", help=_("integrity quick check and schema state; non-zero exit on any problem"))
    db.add_parser("upgrade", help=_("create the database or upgrade it to this version now (backup first)"))
    move_to = db.add_parser("move-to", help=_("copy all local data into a new, empty shared database and open that "
                                              "one from now on (all or nothing)"))
    move_to.add_argument("url", metavar="URL", help=_("postgresql+psycopg://user:password@server/database"))
    move_from = db.add_parser("move-from", help=_("copy all data of a shared database into the local database and "
                                                  "open the local one from now on (all or nothing)"))
    move_from.add_argument("url", metavar="URL", help=_("postgresql+psycopg://user:password@server/database"))
    move_from.add_argument("--replace", action="store_true",
                           help=_("replace the local data (a backup of it is made first)"))
    offline = db.add_parser("take-offline", help=_("copy the shared database's data into the local database to work "
                                                   "offline, marked as checked out"))
    offline.add_argument("url", metavar="URL", nargs="?",
                         help=_("the shared database (default: --database-url or INDUCCI_DATABASE_URL)"))
    offline.add_argument("--replace", action="store_true",
                         help=_("replace the local data (a backup of it is made first)"))
    back = db.add_parser("bring-back", help=_("merge the offline copy's changes into the shared database (conflicts "
                                              "go to the Exchange page) and open the shared database again"))
    back.add_argument("url", metavar="URL", nargs="?",
                      help=_("the shared database (default: --database-url or INDUCCI_DATABASE_URL)"))

    backup = commands.add_parser("backup", help=_("create, list and restore backups"))
    backup_commands = backup.add_subparsers(dest="backup_command", required=True)
    backup_commands.add_parser("create", help=_("back up the database now"))
    backup_commands.add_parser("list", help=_("list backups, newest first"))
    restore = backup_commands.add_parser("restore", help=_("restore a backup (the current file is kept as one)"))
    restore.add_argument("id", help=_("a backup id from 'backup list'"))
    commands.add_parser("demo", help=_("load a realistic example into the data folder (running it again adds nothing)"))
    for command in ("db", "backup", "demo"):
        commands.choices[command].set_defaults(handler=HANDLERS[command])
    documents = commands.add_parser("print", help=_("print a document as PDF")).add_subparsers(
        dest="print_command", metavar="DOCUMENT", required=True)
    records = commands.add_parser("list", help=_("list records")).add_subparsers(
        dest="list_command", metavar="RECORDS", required=True)
    for module_name in modules:
        module = importlib.import_module(module_name)
        for hook, target in (("register", commands), ("register_print", documents), ("register_list", records)):
            if hasattr(module, hook):
                getattr(module, hook)(target)


def add_print_options(parser: argparse.ArgumentParser) -> None:
    """The options every ``print`` kind takes: -o FILE (required), --paper and --logo."""
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the PDF to write"))
    parser.add_argument("--paper", choices=("a4", "letter"), default=None,
                        help=_("paper size (default: the one chosen in the app, else a4)"))
    parser.add_argument("--second-lang", choices=LANGUAGES, default=None, metavar="LANG",
                        help=_("also print the fixed text in this language, side by side (sign-in sheet, feedback "
                               "form, certificates): {choices}").format(choices=", ".join(LANGUAGES)))
    parser.add_argument("--logo", metavar="FILE", default=None,
                        help=_("organisation logo for this document, a PNG or JPEG (default: the one chosen in "
                             "the app's Settings, if any)"))


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON: a list of records with id and title"))


def _db_check(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.backups import check_file

    if args.db_command in ("move-to", "move-from"):
        return _db_move(args, paths, out)
    if args.db_command in ("take-offline", "bring-back"):
        return _db_offline(args, paths, out)
    if args.db_command == "upgrade":
        with command_services(paths, writing=True) as services:
            report = services.store.last_open
            state = "current"
            if report and report.created:
                state = "created"
            elif report and report.migrated_from:
                state = "upgraded"
            print(_("database {state}: {database} (schema {schema_version})")
                .format(state=state, database=services.store.shown,
                        schema_version=services.maintenance.schema_version()), file=out)
        return EXIT_OK

    result = check_file(paths.database, paths.server)
    for line in result.lines:
        print(line, file=out)
    return EXIT_OK if result.ok else EXIT_PROBLEM


def _db_move(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.instance import DataLock
    from inducci_desktop.services import moving

    with DataLock(paths):
        if args.db_command == "move-to":
            result = moving.move_to(paths, args.url)
        else:
            result = moving.move_from(paths, args.url, replace_local=args.replace)
    if result.backup_id is not None:
        print(_("the local data was backed up first as {id}").format(id=result.backup_id), file=out)
    for table, count in result.counts.items():
        print(f"{table}\t{count}", file=out)
    print(ngettext("moved {count} record to {target}", "moved {count} records to {target}", result.total)
          .format(count=result.total, target=result.target), file=out)
    print(_("Photos and other files stay in the data folder {folder}.").format(folder=paths.data_dir), file=out)
    print(result.choice, file=out)
    return EXIT_OK


def _db_offline(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from dataclasses import replace

    from inducci_desktop.instance import DataLock
    from inducci_desktop.services import offline

    url = args.url or (paths.server.url.render_as_string(hide_password=False) if paths.server is not None else None)
    if not url:
        raise ServiceError(_("Name the shared database: db {command} URL (or --database-url).")
                           .format(command=args.db_command))
    local = replace(paths, location=None)
    with DataLock(local):
        if args.db_command == "take-offline":
            taken, backup_id, choice = offline.take_offline(local, url, replace_local=args.replace)
            if backup_id is not None:
                print(_("the local data was backed up first as {id}").format(id=backup_id), file=out)
            for table, count in taken.counts.items():
                print(f"{table}\t{count}", file=out)
            total = sum(taken.counts.values())
            print(ngettext("copied {count} record from {server} to work offline",
                           "copied {count} records from {server} to work offline", total)
                  .format(count=total, server=taken.server), file=out)
            print(choice, file=out)
            return EXIT_OK
        from inducci_desktop.bootstrap import open_services

        result = offline.bring_back(local, url, open_services)
    print(_("brought back to {server}: {added} added, {updated} updated, {unchanged} unchanged")
          .format(server=result.server, added=result.added, updated=result.updated, unchanged=result.unchanged),
          file=out)
    for title in result.conflicts:
        print(_("conflict (edited offline and on the server; choose on the Exchange page): {title}")
              .format(title=title), file=out)
    print(_("the offline copy was backed up as {id} and set aside").format(id=result.backup_id), file=out)
    print(result.choice, file=out)
    return EXIT_OK


def _backup(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.instance import DataLock
    from inducci_desktop.services.backups import Backups, refuse_on_server, restore_closed

    refuse_on_server(paths.server)
    backups = Backups(paths.database, paths.backup_dir)
    if args.backup_command == "list":
        found = backups.list()
        if not found:
            print(_("no backups in {backup_dir}").format(backup_dir=paths.backup_dir), file=out)
        for info in found:
            print(_("{id}\t{created:%Y-%m-%d %H:%M:%S} UTC\t{reason}\t{size} bytes")
                .format(id=info.id, created=info.created, reason=info.reason, size=info.size), file=out)
        return EXIT_OK
    if args.backup_command == "create":
        with DataLock(paths):
            backups.remove_leftovers()
            info = backups.create("manual")
        print(_("created {id} ({size} bytes) in {backup_dir}")
            .format(id=info.id, size=info.size, backup_dir=paths.backup_dir), file=out)
        return EXIT_OK
    backups.get(args.id)  # an unknown id is bad input (exit 2), said before anything else happens
    with DataLock(paths):
        backups.remove_leftovers()
        safety = restore_closed(paths.database, paths.backup_dir, args.id)
    kept = _("; the previous database is kept as backup {safety}").format(safety=safety) if safety else ""
    print(_("restored {id}{kept}").format(id=args.id, kept=kept), file=out)
    return EXIT_OK


def _demo(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.services.demo import load_demo

    with command_services(paths, writing=True) as services:
        added = load_demo(services)
    if not added:
        print(_("the demo data is there already; nothing added"), file=out)
    for line in added:
        print(_("added {what}").format(what=line), file=out)
    return EXIT_OK


HANDLERS: dict[str, Handler] = {"db": _db_check, "backup": _backup, "demo": _demo}


@contextmanager
def command_services(paths: AppPaths, *, writing: bool = False) -> Iterator[Services]:
    """The services for a command (``bootstrap.open_services``), closed when the block ends.

    ``writing`` commands take the data lock first, as the window does: while the window (or another
    writing command) has the data folder, they say the data is in use (exit 3) instead of holding the
    database's write lock for long and making the window's autosaves fail. Holding the lock, they also
    remove what an interrupted backup or restore left behind.
    """
    from inducci_desktop.instance import DataLock

    lock = DataLock(paths)
    if writing:
        lock.acquire()
    try:
        with open_services(paths, tidy=writing) as services:
            yield services
    finally:
        lock.release()


def run_command(args: argparse.Namespace, paths: AppPaths, out: TextIO | None = None) -> int:
    """Run one parsed command; every expected failure becomes a message on stderr and an exit code."""
    out = out or sys.stdout
    try:
        handler: Handler = args.handler
        return handler(args, paths, out)
    except (UnknownBackupError, ServerBackupError) as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        if exc.offer_restore:
            print(_("hint: 'inducci-desktop backup list' shows backups; 'backup restore ID' restores one."),
                  file=sys.stderr)
        return EXIT_DATA
    except (ServiceError, TextError, InputFileError) as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (e.g. `… --json | head`): stop quietly, as command-line tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(_("error: an unexpected problem occurred; details are in {log_file}")
            .format(log_file=paths.log_file), file=sys.stderr)
        return EXIT_INTERNAL
