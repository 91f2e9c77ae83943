"""`inducci-desktop demo`: a realistic example in the data folder, so a newcomer sees the app in use.

Each feature contributes one step: a function that adds its example through the services and returns
lines describing what it added. Steps must be idempotent — running demo twice adds nothing the second
time — which they achieve with fixed record ids (uuid5 of DEMO_NAMESPACE and a name).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

DEMO_NAMESPACE = uuid.UUID("6f1f6a52-6d7e-4b8e-9a53-1d9c6c1f0a11")
DemoStep = Callable[["Services"], list[str]]


def demo_id(name: str) -> str:
    """A stable id for a demo record, the same on every machine and every run."""
    return str(uuid.uuid5(DEMO_NAMESPACE, name))


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
            added.append(f"region {name}")
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


def load_demo(services: Services) -> list[str]:
    """Run every step; returns what was added (empty when everything was there already)."""
    added: list[str] = []
    for step in DEMO_STEPS:
        added.extend(step(services))
    return added
