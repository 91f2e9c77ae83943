"""Composition root: arguments → paths → logging → (command | window).

Start-up order of the window is documented in docs/ARCHITECTURE.md and implemented in ui/application.py.
Heavy modules (ReportLab, Alembic, the UI) are imported only on the path that needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from inducci_desktop.cli.main import EXIT_DATA, build_parser, run_command
from inducci_desktop.logsetup import setup_logging
from inducci_desktop.paths import AppPaths, DataDirError


def run(argv: Sequence[str], *, exec: bool = True) -> Any:
    """Run the app with ``argv`` (no program name).

    With ``exec=False`` the GUI is built and returned without entering the event loop (for tests).
    """
    args = build_parser().parse_args(list(argv))
    paths = AppPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:
        if args.command:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_DATA
        from inducci_desktop.ui.application import show_fatal

        show_fatal("The data folder cannot be used", str(exc))
        return EXIT_DATA
    setup_logging(paths, verbose=args.verbose)
    if args.command:
        return run_command(args, paths)
    from inducci_desktop.ui.application import launch

    return launch(paths, exec=exec)


def main(argv: Sequence[str] | None = None) -> int:
    result = run(sys.argv[1:] if argv is None else argv)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
