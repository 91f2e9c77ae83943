"""Commands for interviews and the people consulted: ``list interviews [--region R] [--json]``,
``print interview ID -o FILE``, ``print people [--region R] -o FILE``. Erasing an interviewee on request is
``erase interview ID`` (cli/people.py, with the participants' erasure)."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, add_json_option, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths


def register_print(documents: Any) -> None:
    interview = documents.add_parser("interview", help="an interview record: questions, answers and notes")
    interview.add_argument("id", help="an interview id from 'list interviews'")
    add_print_options(interview)
    interview.set_defaults(handler=_print_interview)
    people = documents.add_parser("people", help='the "people consulted" annex (names only with consent)')
    people.add_argument("--region", metavar="REGION_ID", default=None, help="only the people of this region")
    add_print_options(people)
    people.set_defaults(handler=_print_people)


def register_list(records: Any) -> None:
    parser = records.add_parser("interviews", help="interviews, newest first")
    parser.add_argument("--region", metavar="REGION_ID", default=None, help="only the interviews of this region")
    add_json_option(parser)
    parser.set_defaults(handler=_list)


def _print_interview(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest
    from inducci_desktop.services.evidence.people_documents import INTERVIEW_RECORD

    return write_document(args, paths, out, lambda _s: DocumentRequest(INTERVIEW_RECORD, args.id, paper=args.paper),
                          failed=EXIT_PROBLEM, unwritable=EXIT_PROBLEM)


def _print_people(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest
    from inducci_desktop.services.evidence.people_documents import PEOPLE_ANNEX

    def request(services: Any) -> DocumentRequest:
        if args.region:
            services.regions.get(args.region)  # an unknown region is said, not printed as "everyone"
        return DocumentRequest(PEOPLE_ANNEX, args.region or "", paper=args.paper)

    return write_document(args, paths, out, request, failed=EXIT_PROBLEM, unwritable=EXIT_PROBLEM)


def _list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        if args.region:
            services.regions.get(args.region)
        rows = services.interviews.list(args.region or None)
    if args.json:
        json.dump([{"id": i.id, "title": f"{i.guide_title} – {i.interviewee_organisation or i.interviewee_role}",
                    "guide": i.guide_id, "held_on": i.held_on.isoformat(), "region": i.region_name,
                    "interviewer": i.interviewer, "role": i.interviewee_role,
                    "organisation": i.interviewee_organisation, "answered": i.answered, "questions": i.questions,
                    "erased": i.erased_at is not None} for i in rows], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for i in rows:
        who = _("(erased on request)") if i.erased_at is not None else (
            i.interviewee_organisation or i.interviewee_role)
        answered = _("{answered}/{questions} answered").format(answered=i.answered, questions=i.questions)
        print(f"{i.id}\t{i.held_on.isoformat()}\t{i.guide_title}\t{who}\t{answered}", file=out)
    if not rows:
        print(_("no interviews"), file=out)
    return EXIT_OK
