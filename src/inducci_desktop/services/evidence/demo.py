"""The evidence part of ``inducci-desktop demo``: a dozen findings drawn from the demo's assessments and
workshop, under shared topics. Idempotent through fixed ids; needs the checklist and workshop steps first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.domain.i18n import ngettext
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import NotFoundError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

REGION = "region:Śląskie (Silesia)"
TOPICS = ("Data and statistics", "Contact points", "Skills of the administration", "Places and hubs",
          "CCI and industry")
# (key, statement, source kind, source ("assessment round/item" | the outcome's first words |
#  "feedback form/question"), strength, topics)
FINDINGS: tuple[tuple[str, str, str, str, str, tuple[int, ...]], ...] = (
    ("stats", "Regional CCI figures now follow the EU definition and include sole traders.", "answer",
     "2/presence-statistics", "strong", (0,)),
    ("stats-old", "The first stock-take rested on 2021 figures that counted only firms with 10+ staff.", "answer",
     "1/presence-companies", "strong", (0,)),
    ("freelancers", "Freelancers are still only partly visible in the statistics.", "answer",
     "2/presence-freelancers", "moderate", (0,)),
    ("contact", "Since 2025 creatives have a named contact person in the economic development office.", "answer",
     "2/visibility-contact", "strong", (1,)),
    ("directory", "There is no complete directory of creative places; a draft exists.", "answer",
     "2/places-directory", "moderate", (3,)),
    ("spread", "Creative places are concentrated in a few towns; smaller towns are hard to reach.", "answer",
     "2/places-spread", "moderate", (3, 4)),
    ("visibility", "CCI visibility in the region improved between the two rounds.", "section",
     "2/visibility", "moderate", (1,)),
    ("need-contact", "Creatives do not know whom to ask in the town hall about temporary use of empty shops.",
     "outcome", "Creatives do not know", "strong", (1, 3)),
    ("interface-offices", "Business support and culture offices work with the same companies without knowing it.",
     "outcome", "Business support office", "moderate", (1, 2)),
    ("idea-help-desk", "A monthly CCI help desk hour was proposed as the region's pilot action.", "outcome",
     "Pilot: a monthly", "moderate", (1, 4)),
    ("site-visit", "Participants valued the site visit most; meeting creatives in place works.", "feedback",
     "0/3", "weak", (2,)),
    ("permit-form", "A participant asked to simplify the permit form for creatives.", "feedback", "5/5", "weak",
     (2, 3)),
)


def demo_evidence_step(services: Services) -> list[str]:
    region_id = demo_id(REGION)
    try:
        services.regions.get(region_id)
    except NotFoundError:
        return []
    findings = services.evidence.findings
    topic_ids = [findings.add_topic(name).id for name in TOPICS]
    rounds = {"1": demo_id("assessment:silesia-status-quo:1"), "2": demo_id("assessment:silesia-status-quo:2")}
    workshop_id = demo_id("workshop:bielsko-biala-training")
    added = 0
    for key, statement, kind, where, strength, topics in FINDINGS:
        finding_id = demo_id(f"finding:{key}")
        try:
            findings.get(finding_id)
            continue
        except NotFoundError:
            pass
        source = _source(services, kind, where, rounds, workshop_id)
        if source is None:
            continue
        findings.add(region_id, statement, services.evidence.sources.describe(source), observed_on=date(2026, 5, 4),
                     strength=strength, topic_ids=[topic_ids[t] for t in topics], finding_id=finding_id)
        added += 1
    return [ngettext("{count} finding in the evidence register", "{count} findings in the evidence register",
                     added).format(count=added)] if added else []


def _source(services: Services, kind: str, where: str, rounds: dict[str, str], workshop_id: str) -> SourceRef | None:
    try:
        if kind in ("answer", "section"):
            assessment, key = where.split("/")
            services.checklists.get(rounds[assessment])
            return SourceRef(kind, f"{rounds[assessment]}/{key}")
        if kind == "outcome":
            outcomes = services.workshops.results.outcomes(workshop_id)
            return SourceRef(kind, next(o.id for o in outcomes if o.text.startswith(where)))
        form, question = (int(part) for part in where.split("/"))
        responses = services.workshops.results.responses(workshop_id)
        questions = services.workshops.results.questions(workshop_id)
        return SourceRef(kind, f"{responses[form][0]}/{questions[question].id}")
    except (NotFoundError, IndexError, KeyError, StopIteration):
        return None
