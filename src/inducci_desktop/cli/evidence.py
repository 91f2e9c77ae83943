"""Commands for the evidence register: ``list findings [--region R] [--topic T] [--json]`` and
``print findings [--region R] [--topic T] [--group topic|region] -o FILE.pdf`` (the evidence annex)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from inducci_desktop.bootstrap import open_services
from inducci_desktop.cli.main import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, add_json_option, add_print_options
from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", metavar="REGION", help="only this region (its name or id)")
    parser.add_argument("--topic", metavar="TOPIC", help="only this topic (its name)")


def register_print(documents: Any) -> None:
    parser = documents.add_parser("findings", help="the evidence annex: findings with their sources")
    _filters(parser)
    parser.add_argument("--group", choices=("topic", "region"), default="topic",
                        help="group the findings by topic (default) or by region")
    add_print_options(parser)
    parser.set_defaults(handler=_print)


def register_list(records: Any) -> None:
    parser = records.add_parser("findings", help="findings of the evidence register, newest first")
    _filters(parser)
    add_json_option(parser)
    parser.set_defaults(handler=_list)


class _Unknown(Exception):
    pass


def _resolve(services: Services, region: str | None, topic: str | None) -> tuple[str, str]:
    region_id = topic_id = ""
    if region:
        wanted = region.strip().casefold()
        found = [r for r in services.regions.list() if r.id == region.strip() or r.name.casefold() == wanted]
        if not found:
            raise _Unknown(_("there is no region {region!r}; see 'list regions'").format(region=region))
        region_id = found[0].id
    if topic:
        wanted = topic.strip().casefold()
        topics = [t for t in services.evidence.findings.topics() if t.name.casefold() == wanted]
        if not topics:
            names = ", ".join(t.name for t in services.evidence.findings.topics()) or "none yet"
            raise _Unknown(_("there is no topic {topic!r}; topics: {names}").format(topic=topic, names=names))
        topic_id = topics[0].id
    return region_id, topic_id


def _print(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from inducci_desktop.cli.printing import write_document
    from inducci_desktop.services.documents import DocumentRequest

    def request(services: Services) -> DocumentRequest:
        region_id, topic_id = _resolve(services, args.region, args.topic)
        return DocumentRequest("evidence-annex", paper=args.paper,
                               params=(("region", region_id), ("topic", topic_id), ("group", args.group)))

    try:
        return write_document(args, paths, out, request, failed=EXIT_PROBLEM, unwritable=EXIT_PROBLEM)
    except _Unknown as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE


def _list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_services(paths) as services:
        try:
            region_id, topic_id = _resolve(services, args.region, args.topic)
        except _Unknown as exc:
            print(_("error: {message}").format(message=exc), file=sys.stderr)
            return EXIT_USAGE
        findings = services.evidence.findings.list(region_id=region_id or None, topic_id=topic_id or None)
        sources = services.evidence.sources.resolve_all({f.id: f.source for f in findings})
    if args.json:
        json.dump([{"id": f.id, "statement": f.statement, "region": f.region_name, "region_id": f.region_id,
                    "observed_on": f.observed_on.isoformat(), "strength": f.strength, "topics": list(f.topic_names),
                    "source": {"kind": f.source.kind, "ref": f.source.ref, "title": sources[f.id].title,
                               "state": sources[f.id].state},
                    "citation": f.citation} for f in findings], out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    for f in findings:
        source = f.citation if f.source.kind == "note" else sources[f.id].title
        state = "" if sources[f.id].live else f" [{sources[f.id].state}]"
        print(f"{f.id}\t{f.observed_on.isoformat()}\t{f.strength}\t{f.statement}\t{source}{state}", file=out)
    if not findings:
        print(_("no findings"), file=out)
    return EXIT_OK
