"""Stable ids for demo records (uuid5 of one namespace and a name), shared by every feature's demo step.

A leaf module: the demo steps of the features import it, and ``services/demo.py`` imports the steps.
"""

from __future__ import annotations

import uuid

DEMO_NAMESPACE = uuid.UUID("6f1f6a52-6d7e-4b8e-9a53-1d9c6c1f0a11")


def demo_id(name: str) -> str:
    """A stable id for a demo record, the same on every machine and every run."""
    return str(uuid.uuid5(DEMO_NAMESPACE, name))
