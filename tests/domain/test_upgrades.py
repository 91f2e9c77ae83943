"""Versioned values upgraded in order, logged; newer and invalid ones reported."""

from __future__ import annotations

from typing import Any

import pytest

from inducci_desktop.domain.upgrades import Outcome, Upgrades


def _split_name(values: dict[str, Any]) -> dict[str, Any]:
    """Name split into first and last."""
    first, _, last = values.pop("name").partition(" ")
    return {**values, "first": first, "last": last}


def _greeting(values: dict[str, Any]) -> dict[str, Any]:
    """A greeting from the first name."""
    return {**values, "greeting": f"Dzień dobry, {values['first']}"}


UPGRADES = Upgrades("the test file", (_split_name, _greeting))


def test_old_values_go_through_every_step_in_order(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    result = UPGRADES.apply({"version": 1, "name": "Łucja Wróbel"})
    assert result.outcome is Outcome.UPGRADED and result.from_version == 1
    assert result.values == {"first": "Łucja", "last": "Wróbel", "greeting": "Dzień dobry, Łucja"}
    assert [r.getMessage() for r in caplog.records] == [
        "upgrading the test file from format 1 to 2: Name split into first and last.",
        "upgrading the test file from format 2 to 3: A greeting from the first name."]
    assert UPGRADES.apply({"version": 2, "first": "Jan", "last": ""}).values["greeting"] == "Dzień dobry, Jan"


def test_current_newer_and_invalid() -> None:
    assert UPGRADES.current == 3
    assert UPGRADES.apply({"version": 3, "first": "a"}).values == {"first": "a"}
    assert UPGRADES.apply({"version": 4, "x": 1}).outcome is Outcome.NEWER
    for bad in (None, [], {"name": "x"}, {"version": "1"}, {"version": True}, {"version": 0}):
        assert UPGRADES.apply(bad).outcome is Outcome.INVALID
