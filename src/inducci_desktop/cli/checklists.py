"""Checklist commands: ``list templates|assessments [--json]`` and ``print checklist|assessment|compare``.

A failed print leaves no file behind (printing.output.write_pdf is atomic); every problem is a message on
stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_USAGE, add_json_option, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.labels import assessment_status_label
from inducci_desktop.paths import AppPaths


def register_print(documents: Any) -> None:
    checklist = documents.add_parser("checklist", help=_("a blank checklist as a paper form"))
    checklist.add_argument("template_id", metavar="TEMPLATE_ID", help=_("a template id from 'list templates'"))
    checklist.add_argument("--version", type=int, metavar="N", help=_("a version of the template (default: current)"))
    add_print_options(checklist)
    checklist.set_defaults(handler=_print_checklist)

    assessment = documents.add_parser("assessment", help=_("a filled assessment with scores and chart"))
    assessment.add_argument("assessment_id", metavar="ID", help=_("an assessment id from 'list assessments'"))
    add_print_options(assessment)
    assessment.set_defaults(handler=_print_assessment)

    compare = documents.add_parser("compare", help=_("two or more assessments of one checklist side by side"))
    compare.add_argument("assessment_ids", metavar="ID", nargs="+", help=_("two or more assessment ids"))
    add_print_options(compare)
    compare.set_defaults(handler=_print_compare)


def register_list(records: Any) -> None:
    templates = records.add_parser("templates", help=_("checklist templates (toolbox and own)"))
    add_json_option(templates)
    templates.set_defaults(handler=_list_templates)
    assessments = records.add_parser("assessments", help=_("checklist assessments, most recently changed first"))
    add_json_option(assessments)
    assessments.add_argument("--all", action="store_true", help=_("include archived assessments"))
    assessments.set_defaults(handler=_list_assessments)


def _print_checklist(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    return write_document(args, paths, out, lambda _s: DocumentRequest(
        "checklist-form", args.template_id, paper=args.paper, version=args.version), unwritable=EXIT_USAGE)


def _print_assessment(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    return write_document(args, paths, out, lambda _s: DocumentRequest(
        "assessment-report", args.assessment_id, paper=args.paper), unwritable=EXIT_USAGE)


def _print_compare(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    return write_document(args, paths, out, lambda _s: DocumentRequest(
        "assessment-comparison", records=tuple(args.assessment_ids), paper=args.paper), unwritable=EXIT_USAGE)


def _list_templates(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        found = services.checklists.templates.templates()
    if args.json:
        json.dump([{"id": t.id, "title": t.title, "version": t.version, "source": t.source, "items": t.items,
                    "assessments": t.assessments} for t in found], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for t in found:
        print(_("{id}\tv{version}\t{source}\t{items} items\t{title}")
            .format(id=t.id, version=t.version, source=t.source, items=t.items, title=t.title), file=out)
    if not found:
        print(_("no checklist templates"), file=out)
    return EXIT_OK


def _list_assessments(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        found = services.checklists.list(status="all" if args.all else "active")
    if args.json:
        json.dump([{"id": a.id, "title": a.title, "template_id": a.template_id, "template_version": a.template_version,
                    "subject": a.subject, "assessor": a.assessor, "date": a.assessed_on, "round": a.round,
                    "status": a.status,
                    "status_label": assessment_status_label(a.status), "archived": a.archived,
                    "answered": a.answered, "items": a.total_items}
                   for a in found], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for a in found:
        status = assessment_status_label(a.status)
        print(f"{a.id}\t{status}\t{a.answered}/{a.total_items}\t{a.assessed_on or '-'}\t{a.title}", file=out)
    if not found:
        print(_("no assessments"), file=out)
    return EXIT_OK
