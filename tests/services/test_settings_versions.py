"""Versioned settings (the saved handout pack): older formats upgraded with a copy kept, newer left alone."""

from __future__ import annotations

from typing import Any

from inducci_desktop.domain.upgrades import Upgrades
from inducci_desktop.services.container import Services
from inducci_desktop.services.library.documents import PACK_SETTING, PACK_STATE_VERSION, PackState


def _rename_colour(values: dict[str, Any]) -> dict[str, Any]:
    """colour → color."""
    values["color"] = values.pop("colour", "")
    return values


def test_an_older_value_is_upgraded_saved_and_kept_as_a_copy(services: Services) -> None:
    upgrades = Upgrades("the test setting", (_rename_colour,))
    services.settings.set("test.value", {"version": 1, "colour": "zielony"})
    assert services.settings.get_versioned("test.value", upgrades) == {"color": "zielony"}
    assert services.settings.get("test.value") == {"version": 2, "color": "zielony"}
    assert services.settings.get("test.value.v1") == {"version": 1, "colour": "zielony"}


def test_the_saved_pack_from_a_newer_version_is_left_untouched(services: Services) -> None:
    services.prepare()
    newer = {"version": PACK_STATE_VERSION + 1, "items": ["guide-x"], "layout": "booklet"}
    services.settings.set(PACK_SETTING, newer)
    assert services.printing.load_pack() == PackState()
    item = services.library.items(kind="guide")[0].id
    services.printing.save_pack(PackState(item_ids=(item,)))  # the Print Center's autosave
    assert services.settings.get(PACK_SETTING) == newer


def test_the_saved_pack_round_trips_with_its_version(services: Services) -> None:
    services.prepare()
    item = services.library.items(kind="guide")[0].id
    services.printing.save_pack(PackState(item_ids=(item,), with_glossary=True))
    assert services.settings.get(PACK_SETTING)["version"] == PACK_STATE_VERSION
    loaded = services.printing.load_pack()
    assert loaded.item_ids == (item,) and loaded.with_glossary
    services.settings.set(PACK_SETTING, ["not", "a", "pack"])
    assert services.printing.load_pack() == PackState()
