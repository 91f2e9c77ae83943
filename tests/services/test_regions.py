"""Regions: add, rename, delete to the trash, restore; clear messages for bad input."""

from __future__ import annotations

import pytest

from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError, ValidationError


def test_add_rename_delete_restore(services: Services) -> None:
    regions = services.regions
    lodz = regions.add("  Łódź   region ", country="PL")
    assert lodz.name == "Łódź region"
    regions.add("Gorenjska")
    assert [r.name for r in regions.list()] == ["Gorenjska", "Łódź region"]
    regions.rename(lodz.id, "Łódzkie")
    assert regions.get(lodz.id).name == "Łódzkie"
    regions.delete(lodz.id)
    assert [r.name for r in regions.list()] == ["Gorenjska"]
    assert [r.name for r in regions.list(deleted=True)] == ["Łódzkie"]
    with pytest.raises(NotFoundError):
        regions.get(lodz.id)
    regions.restore(lodz.id)
    assert [r.name for r in regions.list()] == ["Gorenjska", "Łódzkie"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_bad_names_are_refused(services: Services, name: str) -> None:
    with pytest.raises(ValidationError):
        services.regions.add(name)
    assert services.regions.list() == []


def test_duplicates_are_refused_whatever_the_case(services: Services) -> None:
    services.regions.add("Łódź")
    with pytest.raises(ValidationError, match="already"):
        services.regions.add("ŁÓDŹ")
    assert len(services.regions.list()) == 1


def test_unknown_kind_and_id(services: Services) -> None:
    with pytest.raises(ValidationError, match="kind"):
        services.regions.add("Sokolov", kind="planet")
    with pytest.raises(NotFoundError):
        services.regions.rename("nope", "x")


def test_settings_round_trip(services: Services) -> None:
    assert services.settings.get("ui.theme", "system") == "system"
    services.settings.set("ui.theme", "dark")
    services.settings.set("misc", {"ä": [1, 2]})
    assert services.settings.get("ui.theme") == "dark"
    assert services.settings.get("misc") == {"ä": [1, 2]}


def test_near_duplicates_are_found_folded_and_case_insensitive(services: Services) -> None:
    from inducci_desktop.services.regions import similar_regions

    for name in ("Śląskie (Silesia)", "Bielsko-Biała", "Karlovarský kraj"):
        services.regions.add(name)
    known = services.regions.list()

    def similar(name: str) -> list[str]:
        return [r.name for r in similar_regions(name, known)]

    assert similar("Śląskie") == ["Śląskie (Silesia)"]
    assert similar("SLASKIE") == ["Śląskie (Silesia)"]
    assert similar("bielsko biala") == ["Bielsko-Biała"]
    assert similar("karlovarsky kraj") == ["Karlovarský kraj"]
    assert similar("Małopolskie") == [] and similar("  ") == []
