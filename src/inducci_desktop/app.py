"""Composition root: arguments → paths → logging → (command | window).

Start-up order of the window is documented in docs/ARCHITECTURE.md and implemented in ui/application.py.
Heavy modules (ReportLab, Alembic, the UI) are imported only on the path that needs them.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from inducci_desktop.catalogs import apply as use_language
from inducci_desktop.catalogs import system_language
from inducci_desktop.cli.main import EXIT_DATA, EXIT_USAGE, build_parser, names_a_command, run_command
from inducci_desktop.domain.i18n import LANGUAGES, _
from inducci_desktop.logsetup import setup_logging
from inducci_desktop.paths import AppPaths, DataDirError

#: the environment variable naming the database (as store.location.ENV_VAR; not imported: SQLAlchemy stays
#: off the start-up path unless a database URL is given)
DATABASE_URL_VAR = "INDUCCI_DATABASE_URL"


def run(argv: Sequence[str], *, exec: bool = True) -> Any:
    """Run the app with ``argv`` (no program name).

    With ``exec=False`` the GUI is built and returned without entering the event loop (for tests).
    """
    argv, open_file = split_bundle_argument(argv)
    # the language first: the parser's help and every message after it speak it
    chosen = language_argument(argv)
    use_language(chosen or system_language())
    command = names_a_command(argv)
    if not command:
        # the window's path: ui/garbage.py takes collection over (off, then on a UI-thread timer once start-up
        # is over); off from here, the imports of Qt and the window (~40 collections, 15–30 ms) are not walked
        gc.disable()
    # the window's options alone when no command is named: the command modules stay off the window's path
    args = build_parser(commands=command, argv=argv).parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:
        if args.command:
            print(_("error: {message}").format(message=exc), file=sys.stderr)
            return EXIT_DATA
        from inducci_desktop.ui.application import show_fatal

        show_fatal(_("The data folder cannot be used"), str(exc))
        return EXIT_DATA
    saved = not (args.database_url or os.environ.get(DATABASE_URL_VAR)) and (paths.data_dir / SHARED_FILE).exists()
    if args.database_url or os.environ.get(DATABASE_URL_VAR) or saved:
        from inducci_desktop.store.errors import StoreError
        from inducci_desktop.store.location import choose_location

        try:
            saved_url = _saved_url(paths.data_dir, window=not args.command) if saved else None
            paths = replace(paths, location=choose_location(args.database_url, os.environ, saved_url, paths.database))
        except StoreError as exc:
            if args.command:
                print(_("error: {message}").format(message=exc), file=sys.stderr)
                return EXIT_USAGE
            from inducci_desktop.ui.application import show_fatal

            show_fatal(_("The database cannot be used"), str(exc))
            return EXIT_USAGE
    setup_logging(paths, verbose=args.verbose)
    if args.command:
        return run_command(args, paths)
    from inducci_desktop.ui.application import launch

    return launch(paths, exec=exec, open_file=open_file, smoke_test=args.smoke_test, language=args.lang)


#: the shared database chosen in Settings (services/shared_database.py), looked for without importing it
SHARED_FILE = "shared-database.json"


def _saved_url(data_dir: Path, *, window: bool) -> str | None:
    """The URL of the shared database saved in Settings; its password from the keyring or, in the window,
    asked for when the keyring does not keep it. A command line without the password raises StoreError."""
    from inducci_desktop.services.errors import ServiceError
    from inducci_desktop.services.shared_database import PasswordRequired, saved_url, url_for
    from inducci_desktop.store.errors import StoreError

    try:
        return saved_url(data_dir)
    except PasswordRequired as need:
        if not window:
            raise StoreError(_("{problem} On the command line, give the whole address with --database-url or "
                               "INDUCCI_DATABASE_URL.").format(problem=need)) from None
        from inducci_desktop.ui.application import ask_password

        password = ask_password(_("Shared database"), str(need))
        if password is None:
            raise StoreError(_("No password was given for the shared database. Start again to enter it, or "
                               "choose the local database in Settings.")) from None
        return url_for(need.choice, password)
    except ServiceError as exc:
        raise StoreError(str(exc)) from None


def language_argument(argv: Sequence[str]) -> str | None:
    """The value of ``--lang X`` / ``--lang=X`` if it names one of the app's languages (the parser then
    checks it properly)."""
    for index, token in enumerate(argv):
        value = argv[index + 1] if token == "--lang" and index + 1 < len(argv) else (
            token.split("=", 1)[1] if token.startswith("--lang=") else None)
        if value is not None:
            return value if value in LANGUAGES else None
    return None


def split_bundle_argument(argv: Sequence[str]) -> tuple[list[str], Path | None]:
    """``inducci-desktop [options] FILE.inducci`` (a double-click on a bundle) opens the window with that
    file's import preview: take the file out of the arguments. Commands (``import FILE.inducci``) stay."""
    rest = list(argv)
    index = 0
    while index < len(rest):
        token = rest[index]
        if token in ("--data-dir", "--lang", "--database-url"):
            index += 2
            continue
        if token.startswith("-"):
            index += 1
            continue
        if token.lower().endswith(".inducci"):
            del rest[index]
            return rest, Path(token).expanduser().absolute()
        break
    return rest, None


def main(argv: Sequence[str] | None = None) -> int:
    result = run(sys.argv[1:] if argv is None else argv)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
