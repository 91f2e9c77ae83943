"""The library service over a real SQLite file: loading, browsing, bookmarks and notes across content updates."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inducci_desktop.content.loader import load_pack
from inducci_desktop.content.packinfo import read_header, shipped_pack
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import NotFoundError

from .packs import CHECKLIST, GUIDE, SOURCE, make_pack


def test_the_real_pack_loads_without_problems() -> None:
    pack = load_pack()  # raises ContentError listing every problem
    counts = {kind: sum(1 for i in pack.items.values() if i.kind == kind) for kind in ("guide", "case", "format")}
    assert all(counts.values()), counts
    assert pack.checklists and pack.glossary and pack.sections
    header = read_header(shipped_pack())
    assert header is not None and (header.id, header.version) == (pack.id, pack.version)


def test_the_real_pack_is_loaded_at_first_start_and_not_again(services: Services) -> None:
    first = services.library.ensure_content()
    assert first.loaded and first.reason == "loaded" and not first.problems
    assert services.library.items(kind="guide")
    second = services.library.ensure_content()
    assert not second.loaded and second.reason == "unchanged"
    info = services.library.pack_info()
    assert info is not None and info.version == first.version


def test_prepare_loads_content(services: Services) -> None:
    services.prepare()
    assert services.library.pack_info() is not None


def test_unchanged_pack_is_not_reloaded(services: Services, tmp_path: Path) -> None:
    folder = make_pack(tmp_path / "en")
    assert services.library.ensure_content(folder).loaded
    loaded_at = services.library.pack_info().loaded_at  # type: ignore[union-attr]
    (folder / "guides" / "one.md").write_text("broken, but the version did not change", encoding="utf-8")
    status = services.library.ensure_content(folder)
    assert (status.loaded, status.reason) == (False, "unchanged")
    assert services.library.pack_info().loaded_at == loaded_at  # type: ignore[union-attr]
    assert services.library.ensure_content(folder, force=True).reason == "invalid"


def test_unchanged_check_does_not_import_the_parsers(services: Services, tmp_path: Path) -> None:
    folder = make_pack(tmp_path / "en")
    services.library.ensure_content(folder)
    heavy = ("inducci_desktop.content.loader", "inducci_desktop.content.validate")
    for name in [m for m in sys.modules if m.startswith(heavy)]:
        del sys.modules[name]
    assert services.library.ensure_content(folder).reason == "unchanged"
    assert "inducci_desktop.content.validate" not in sys.modules


def test_an_invalid_pack_is_not_loaded_and_the_old_content_stays(services: Services, tmp_path: Path) -> None:
    services.library.ensure_content(make_pack(tmp_path / "v1" / "en", "1"))
    bad = make_pack(tmp_path / "v2" / "en", "2", {"guides/one.md": "no front matter"})
    status = services.library.ensure_content(bad)
    assert status.reason == "invalid" and "guides/one.md" in {p.file for p in status.problems}
    assert services.library.pack_info().version == "1"  # type: ignore[union-attr]
    assert services.library.item("guide-one").title.startswith("Mapping")


def test_browsing(services: Services, tmp_path: Path) -> None:
    services.library.ensure_content(make_pack(tmp_path / "en"))
    sections = services.library.sections()
    assert [(s.id, s.depth) for s in sections[:2]] == [("understanding", 0), ("mapping", 1)]
    assert sections[0].children == ("mapping",)
    assert {i.id for i in services.library.items(section="understanding")} == {"guide-one", "interview-one"}
    assert [i.id for i in services.library.items(kind="case")] == ["case-one"]
    item = services.library.item("guide-one")
    assert [r.id for r in item.related] == ["format-one"]
    assert item.sources[0].url.startswith("https://")
    assert services.library.item("format-one").fields["steps"] == ["Invite."]
    assert [t.id for t in services.library.glossary()] == ["cci", "hackathon"]
    assert services.library.links()[0].url == "https://toolbox.inducci.eu/"
    with pytest.raises(NotFoundError):
        services.library.item("guide-nowhere")


def test_checklist_template_versions_are_all_kept(services: Services, tmp_path: Path) -> None:
    services.library.ensure_content(make_pack(tmp_path / "v1" / "en", "1"))
    v2 = CHECKLIST.format(sources=SOURCE).replace("version: 1", "version: 2").replace(
        "How many?", "How many companies?")
    services.library.ensure_content(make_pack(tmp_path / "v2" / "en", "2", {"checklists/one.yaml": v2}))
    old = services.library.checklist_template("checklist-one", 1)
    new = services.library.checklist_template("checklist-one")
    assert (old.version, new.version) == (1, 2)
    assert old.sections[0].items[3].text == "How many?"
    assert new.sections[0].items[3].text == "How many companies?"
    assert new.sections[0].items[1].scale_labels == {1: "not at all", 5: "fully"}
    assert [c.version for c in services.library.checklists()] == [2]
    with pytest.raises(NotFoundError):
        services.library.checklist_template("checklist-one", 7)


def test_bookmarks_and_notes_survive_a_content_update(services: Services, tmp_path: Path) -> None:
    library = services.library
    library.ensure_content(make_pack(tmp_path / "v1" / "en", "1"))
    library.add_bookmark("guide-one")
    library.add_bookmark("case-one")
    library.set_note("guide-one", "Ask the Wrocław office about zebra statistics")
    assert "guide-one" in [h.id for h in library.search("wroclaw zebra")]

    changed = GUIDE.format(sources=SOURCE).replace("Mapping in Łódź", "Counting creatives in Łódź")
    v2 = make_pack(tmp_path / "v2" / "en", "2", {"guides/one.md": changed, "cases/one.md": None,
                                                 "formats/one.md": changed.replace("guide-one", "guide-two")
                                                 .replace("related: [format-one]", "related: []")
                                                 .replace("(item:format-one)", "(item:guide-one)"),
                                                 "cases/two.md": None})
    v2.joinpath("formats", "one.md").rename(v2 / "guides" / "two.md")
    # the case is gone in v2, and so is the format; fix references to them
    (v2 / "checklists" / "one.yaml").write_text(CHECKLIST.format(sources=SOURCE), encoding="utf-8")
    (v2 / "guides" / "one.md").write_text(changed.replace("related: [format-one]", "related: [guide-two]")
                                          .replace("(item:format-one)", "(item:guide-two)"), encoding="utf-8")
    status = library.ensure_content(v2)
    assert status.loaded, status.problems

    assert library.item("guide-one").title.startswith("Counting creatives")
    assert library.is_bookmarked("guide-one")
    marks = {b.item_id: b for b in library.bookmarks()}
    assert marks["guide-one"].available and marks["guide-one"].title.startswith("Counting")
    assert not marks["case-one"].available  # kept, though the case left the pack
    note = library.note("guide-one")
    assert note is not None and "Wrocław" in note.text
    assert library.item("guide-one").note == note.text
    hits = library.search("wroclaw")
    assert [h.id for h in hits] == ["guide-one"]
    assert hits[0].snippet_from == "note" and [hits[0].snippet[a:b] for a, b in hits[0].ranges] == ["Wrocław"]


def test_notes_update_the_index_and_emptying_goes_to_the_trash(services: Services, tmp_path: Path) -> None:
    library = services.library
    library.ensure_content(make_pack(tmp_path / "en"))
    library.set_note("format-one", "bring Kraków maps")
    assert [h.id for h in library.search("krakow")] == ["format-one"]
    library.set_note("format-one", "bring Gdańsk maps")
    assert library.search("krakow") == []
    assert [h.id for h in library.search("gdansk")] == ["format-one"]
    assert library.set_note("format-one", "   ") is None
    assert library.note("format-one") is None and library.search("gdansk") == []
    assert [n.item_id for n in library.notes(deleted=True)] == ["format-one"]
    restored = library.restore_note("format-one")
    assert restored.text == "bring Gdańsk maps"
    assert [h.id for h in library.search("gdansk")] == ["format-one"]
    with pytest.raises(NotFoundError):
        library.set_note("nothing-here", "x")


def test_bookmarks(services: Services, tmp_path: Path) -> None:
    library = services.library
    library.ensure_content(make_pack(tmp_path / "en"))
    assert not library.is_bookmarked("guide-one")
    library.add_bookmark("guide-one")
    library.add_bookmark("guide-one")  # twice is once
    assert [b.item_id for b in library.bookmarks()] == ["guide-one"]
    library.remove_bookmark("guide-one")
    assert not library.is_bookmarked("guide-one") and library.bookmarks() == []
    library.add_bookmark("guide-one")
    assert library.item("guide-one").bookmarked
    library.add_bookmark("checklist-one")
    assert {b.kind for b in library.bookmarks()} == {"guide", "checklist"}
    with pytest.raises(NotFoundError):
        library.add_bookmark("guide-nowhere")


def test_resource_path_stays_inside_the_pack(services: Services, tmp_path: Path) -> None:
    folder = make_pack(tmp_path / "en")
    (folder / "guides" / "map.png").write_bytes(b"\x89PNG")
    services.library.ensure_content(folder)
    assert services.library.resource_path("guides/map.png").read_bytes() == b"\x89PNG"
    for bad in ("../secret", "/etc/passwd", "guides/../../x", "guides/none.png", "", "C:/x"):
        with pytest.raises(NotFoundError):
            services.library.resource_path(bad)
