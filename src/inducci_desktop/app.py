"""Composition root: arguments → paths → logging → (command | window).

Start-up order of the window is documented in docs/ARCHITECTURE.md and implemented in ui/application.py.
Heavy modules (ReportLab, Alembic, the UI) are imported only on the path that needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inducci_desktop.cli.main import EXIT_DATA, build_parser, run_command
from inducci_desktop.domain.i18n import _
from inducci_desktop.logsetup import setup_logging
from inducci_desktop.paths import AppPaths, DataDirError


def run(argv: Sequence[str], *, exec: bool = True) -> Any:
    """Run the app with ``argv`` (no program name).

    With ``exec=False`` the GUI is built and returned without entering the event loop (for tests).
    """
    argv, open_file = split_bundle_argument(argv)
    args = build_parser().parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:
        if args.command:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_DATA
        from inducci_desktop.ui.application import show_fatal

        show_fatal(_("The data folder cannot be used"), str(exc))
        return EXIT_DATA
    setup_logging(paths, verbose=args.verbose)
    if args.command:
        return run_command(args, paths)
    from inducci_desktop.ui.application import launch

    return launch(paths, exec=exec, open_file=open_file, smoke_test=args.smoke_test)


def split_bundle_argument(argv: Sequence[str]) -> tuple[list[str], Path | None]:
    """``inducci-desktop [options] FILE.inducci`` (a double-click on a bundle) opens the window with that
    file's import preview: take the file out of the arguments. Commands (``import FILE.inducci``) stay."""
    rest = list(argv)
    index = 0
    while index < len(rest):
        token = rest[index]
        if token == "--data-dir":
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
