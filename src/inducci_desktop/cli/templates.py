"""``template import FILE.yaml``: add an own checklist template from a YAML file, as the Checklists page does.

A file that does not fit is listed problem by problem (FILE:LINE: message) and nothing is stored (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from inducci_desktop.cli.main import EXIT_OK, EXIT_USAGE, command_services
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths


def register(commands: Any) -> None:
    template = commands.add_parser("template", help=_("checklist templates of your own"))
    sub = template.add_subparsers(dest="template_command", required=True)
    do_import = sub.add_parser("import", help=_("add a checklist template from a YAML file (a new version if known)"))
    do_import.add_argument("file", metavar="FILE.yaml", help=_("the template (docs/CONTENT_FORMAT.md)"))
    template.set_defaults(handler=_import)


def _import(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.domain.inputs import read_regular_file
    from inducci_desktop.services.checklists.templates import MAX_TEMPLATE_BYTES, TemplateProblems

    path = Path(args.file)
    read_regular_file(path, MAX_TEMPLATE_BYTES, "template file")  # a FIFO or a device is refused here
    with command_services(paths, writing=True) as services:
        try:
            result = services.checklists.templates.import_file(path)
        except TemplateProblems as exc:
            print(_("error: {message}").format(message=exc), file=sys.stderr)
            return EXIT_USAGE
    print(_("{outcome}: {id} version {version} ({title})")
        .format(outcome=result.outcome, id=result.template.id, version=result.template.version,
            title=result.template.title), file=out)
    return EXIT_OK
