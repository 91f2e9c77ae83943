"""Stored settings upgraded in order, as versioned data should be (the approach of Picard's config_upgrade).

A file or value carries ``"version": n``. ``Upgrades`` lists the functions that turn version n into n + 1,
oldest first; ``apply`` runs those a stored value still needs, logging each, and says what it did. A value
from a newer version of the app is reported as such, so the caller can leave it untouched and use defaults.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

log = logging.getLogger(__name__)

#: turns the values of one version into those of the next (the ``version`` key is handled by ``apply``)
Step = Callable[[dict[str, Any]], dict[str, Any]]


class Outcome(StrEnum):
    CURRENT = "current"  # already this version
    UPGRADED = "upgraded"  # older; ``values`` hold the upgraded form (the caller keeps a backup and saves)
    NEWER = "newer"  # written by a newer version: leave it untouched, use defaults
    INVALID = "invalid"  # not a versioned mapping at all: use defaults


@dataclass(frozen=True)
class Upgraded:
    outcome: Outcome
    values: dict[str, Any] = field(default_factory=dict)
    from_version: int | None = None


@dataclass(frozen=True)
class Upgrades:
    """``steps[0]`` turns version 1 into 2, ``steps[1]`` 2 into 3 …; the current version is one more than the
    number of steps."""

    what: str
    steps: tuple[Step, ...] = ()

    @property
    def current(self) -> int:
        return len(self.steps) + 1

    def apply(self, raw: object) -> Upgraded:
        if not isinstance(raw, dict):
            return Upgraded(Outcome.INVALID)
        version = raw.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            return Upgraded(Outcome.INVALID)
        if version > self.current:
            log.warning("%s was written by a newer version (format %d; this version knows up to %d): left as it "
                        "is, defaults used", self.what, version, self.current)
            return Upgraded(Outcome.NEWER, from_version=version)
        values = {k: v for k, v in raw.items() if k != "version"}
        if version == self.current:
            return Upgraded(Outcome.CURRENT, values, version)
        for number in range(version, self.current):
            step = self.steps[number - 1]
            summary = (step.__doc__ or step.__name__).strip().splitlines()[0]
            log.info("upgrading %s from format %d to %d: %s", self.what, number, number + 1, summary)
            values = step(dict(values))
        return Upgraded(Outcome.UPGRADED, values, version)
