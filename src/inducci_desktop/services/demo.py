"""`inducci-desktop demo`: a realistic example in the data folder, so a newcomer sees the app in use.

Each feature contributes one step: a function that adds its example through the services and returns
lines describing what it added. Steps must be idempotent — running demo twice adds nothing the second
time — which they achieve with fixed record ids (uuid5 of DEMO_NAMESPACE and a name, ``demo_ids.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.demo_ids import DEMO_NAMESPACE, demo_id

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

__all__ = ["DEMO_NAMESPACE", "DEMO_STEPS", "DemoStep", "demo_id", "load_demo"]
DemoStep = Callable[["Services"], list[str]]


def _region_step(services: Services) -> list[str]:
    from inducci_desktop.services.errors import NotFoundError

    added: list[str] = []
    for name, country in (("Śląskie (Silesia)", "Poland"), ("Gorenjska", "Slovenia")):
        region_id = demo_id(f"region:{name}")
        try:
            services.regions.get(region_id)
            continue
        except NotFoundError:
            pass
        if services.regions.add_with_id(region_id, name, "region", country):
            added.append(_("region {name}").format(name=name))
    return added


#: the steps, in order; features append theirs (checklists, workshops …)
DEMO_STEPS: list[DemoStep] = [_region_step]


def _workshop_step(services: Services) -> list[str]:
    from inducci_desktop.services.workshops.demo import demo_workshop_step

    return demo_workshop_step(services)


DEMO_STEPS.append(_workshop_step)


def _checklist_step(services: Services) -> list[str]:
    from inducci_desktop.services.checklists.demo import demo_checklist_step

    return demo_checklist_step(services)


DEMO_STEPS.append(_checklist_step)


def _pilot_step(services: Services) -> list[str]:
    from inducci_desktop.services.pilots.demo import demo_pilot_step

    return demo_pilot_step(services)


DEMO_STEPS.append(_pilot_step)
def _evidence_step(services: Services) -> list[str]:
    from inducci_desktop.services.evidence.demo import demo_evidence_step

    return demo_evidence_step(services)


DEMO_STEPS.append(_evidence_step)  # after the checklists and the workshop: findings are drawn from them


def _interview_step(services: Services) -> list[str]:
    from inducci_desktop.services.evidence.interview_demo import demo_interview_step

    return demo_interview_step(services)


DEMO_STEPS.append(_interview_step)


def _strategy_step(services: Services) -> list[str]:
    from inducci_desktop.services.strategy.demo import demo_strategy_step

    return demo_strategy_step(services)


DEMO_STEPS.append(_strategy_step)


def load_demo(services: Services, report: Callable[[int, int], None] | None = None) -> list[str]:
    """Run every step; returns what was added (empty when everything was there already).

    ``report(done, total)`` is called after each step (the GUI shows it as progress).
    """
    added: list[str] = []
    for number, step in enumerate(DEMO_STEPS, 1):
        added.extend(step(services))
        if report is not None:
            report(number, len(DEMO_STEPS))
    return added
