"""The checklists part of ``inducci-desktop demo``: two rounds of the regional status quo for Silesia.

Idempotent through fixed ids (demo_id); the region comes from the regions step (added here if missing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import NotFoundError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

TEMPLATE = "checklist-regional-status-quo"
REGION = "Śląskie (Silesia)"

#: round 1 (spring 2025): a first stock-take with gaps; round 2 (spring 2026): after a year of work
ROUND_1: dict[str, Any] = {
    "presence-statistics": "partly",
    "presence-definition": "own",
    "presence-companies": 1850,
    "presence-freelancers": "no",
    "presence-subsectors": ["design", "software-games", "advertising", "music"],
    "presence-data-date": "2021-06-30",
    "places-hubs": "partly",
    "places-vacant-sites": 2,
    "places-directory": "no",
    "places-spread": "capital-only",
    "visibility-strategy": "partly",
    "visibility-contact": "no",
    "visibility-intermediaries": ["culture-office"],
    "visibility-events": 3,
    "visibility-focus-group": "no",
    "gaps-main": "Figures are from 2021 and count only larger firms. Nobody in the administration is the "
                 "contact person for creatives; the cultural office answers their questions as it can.",
    "gaps-next-step": "Name a CCI contact person in the economic development office",
    "gaps-review": "2026-04-30",
}
ROUND_2_CHANGES: dict[str, Any] = {
    "presence-statistics": "yes",
    "presence-definition": "eu",
    "presence-companies": 2140,
    "presence-freelancers": "partly",
    "presence-data-date": "2025-11-15",
    "places-vacant-sites": 3,
    "places-directory": "partly",
    "places-spread": "few-towns",
    "visibility-contact": "yes",
    "visibility-intermediaries": ["association", "culture-office"],
    "visibility-events": 7,
    "visibility-focus-group": "partly",
    "gaps-main": "A named contact person since September 2025. The directory of creative places is a draft; "
                 "towns outside Katowice and Bielsko-Biała are still hard to reach.",
    "gaps-next-step": "Hold a networking lunch with the Bielsko-Biała industry association",
    "gaps-review": "2027-04-30",
}
NOTES_1 = {"presence-companies": "Estimate from the 2021 regional economy report (firms with 10+ staff).",
           "visibility-events": "Two design weeks and one games meet-up in Katowice."}
NOTES_2 = {"presence-companies": "Main statistical office, 2025 release, including sole traders.",
           "visibility-contact": "Ms Nowak, economic development office (since 09/2025)."}


def _answer(services: Services, assessment_id: str, answers: dict[str, Any], notes: dict[str, str]) -> None:
    for key, value in answers.items():
        services.checklists.set_answer(assessment_id, key, value)
    for key, note in notes.items():
        services.checklists.set_note(assessment_id, key, note)


def demo_checklist_step(services: Services) -> list[str]:
    first_id, second_id = demo_id("assessment:silesia-status-quo:1"), demo_id("assessment:silesia-status-quo:2")
    try:
        services.checklists.templates.template(TEMPLATE)
    except NotFoundError:
        return []  # no toolbox content loaded: nothing to show the checklist on
    region_id = demo_id(f"region:{REGION}")
    try:
        services.regions.get(region_id)
    except NotFoundError:
        services.regions.add_with_id(region_id, REGION, "region", "Poland")
    added: list[str] = []
    for assessment_id in (first_id, second_id):
        try:
            services.checklists.get(assessment_id)
        except NotFoundError:
            pass
        else:
            continue
        if assessment_id == first_id:
            services.checklists.create(TEMPLATE, "Silesia CCI status quo", region_id=region_id,
                                       assessor="Anna Kowalczyk", assessed_on="2025-04-15",
                                       assessment_id=first_id)
            _answer(services, first_id, ROUND_1, NOTES_1)
            services.checklists.complete(first_id)
            added.append(_("assessment '{title}' (round {round}, completed)").format(title="Silesia CCI status quo",
                                                                                        round=1))
        else:
            services.checklists.next_round(first_id, assessed_on="2026-04-20", new_id=second_id)
            _answer(services, second_id, ROUND_2_CHANGES, NOTES_2)
            added.append(_("assessment '{title}' (in progress)").format(title="Silesia CCI status quo – round 2"))
    return added
