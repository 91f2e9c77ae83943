"""Printed documents as a trainer or an official judges them, read back from the PDFs built through the
registry with the example data: no near-empty pages, no orphaned headings, one-sheet forms, nothing cut,
nothing of the planner's, room to write by hand, and the organisation logo where it belongs."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from inducci_desktop.printing.options import PaperSize
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import demo_id, load_demo
from inducci_desktop.services.documents import DocumentRequest, build
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.logo import MAX_SIDE, logo_path, remove_logo, set_logo, stored_logo

from .conftest import page_texts, reader

FOOTER = re.compile(r"^\s*\d{4}-\d\d-\d\d\s+Page \d+ of \d+\s*$")


@pytest.fixture
def demo(services: Services) -> Services:
    services.prepare()
    load_demo(services)
    return services


def body_lines(page: str) -> list[str]:
    """The lines of a page without blank lines, the running header (first line) and the footer."""
    lines = [line for line in page.splitlines() if line.strip()]
    return [line.strip() for line in lines[1:] if not FOOTER.match(line)]


def images_on(data: bytes, page: int) -> list[object]:
    """The image XObjects drawn on ``page`` (0-based)."""
    resources = reader(data).pages[page].get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    return [x for x in (o.get_object() for o in xobjects.values()) if x.get("/Subtype") == "/Image"]


def write_logo(path: Path, size: tuple[int, int] = (1600, 400)) -> Path:
    Image.new("RGB", size, (31, 95, 139)).save(path)
    return path


WORKSHOP = "workshop:bielsko-biala-training"


def workshop_doc(services: Services, kind: str, **more: object) -> bytes:
    return build(services, DocumentRequest(f"workshop-{kind}", demo_id(WORKSHOP), **more)).data  # type: ignore[arg-type]


def test_handout_pack_has_no_page_holding_only_related_items(demo: Services) -> None:
    ids = tuple(i for i, _t in demo.printing.printable_items())
    data = build(demo, DocumentRequest("pack", records=ids)).data
    pages = page_texts(data)
    assert not any("Related in the toolbox" in page for page in pages)
    # a single item still lists its related items where they fit on its last page
    single = page_texts(build(demo, DocumentRequest("item", "format-hackathon")).data)
    assert "Related in the toolbox" in single[-1]
    assert len(body_lines(single[-1])) > 6
    # where they would need a page of their own they are left out (the document still prints)
    crowded = page_texts(build(demo, DocumentRequest("item", "case-industrial-hackathon-silesia")).data)
    assert not any("Related in the toolbox" in page for page in crowded)
    assert len(body_lines(crowded[-1])) > 6


def test_glossary_letter_headings_are_never_the_last_line_of_a_page(demo: Services) -> None:
    pages = page_texts(build(demo, DocumentRequest("glossary")).data)
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        lines = body_lines(page)
        assert not re.fullmatch(r"[A-ZÄÖÜŁŚŻ]|0–9", lines[-1]), (number, lines[-3:])


@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.LETTER])
def test_blank_feedback_form_fits_one_sheet(demo: Services, paper: PaperSize, tmp_path: Path) -> None:
    set_logo(demo.paths, write_logo(tmp_path / "logo.png"))  # with the logo beside the title too
    data = workshop_doc(demo, "feedback", paper=paper)
    assert len(reader(data).pages) == 1
    text = page_texts(data)[0]
    assert "Would you attend a follow-up?" in text and "Thank you!" in text


def test_signin_sheet_wraps_organisations_instead_of_cutting(demo: Services) -> None:
    data = workshop_doc(demo, "signin")
    text = " ".join(" ".join(page_texts(data)).split())
    assert "…" not in text
    kit = demo.workshops.kit(demo_id(WORKSHOP))
    for person in kit.participants:
        organisation = " · ".join(p for p in (person.organisation, person.department) if p)
        for word in organisation.split():
            assert word in text, organisation


def test_agenda_handout_has_no_planners_note_but_the_report_keeps_it(demo: Services) -> None:
    agenda = " ".join(page_texts(workshop_doc(demo, "agenda")))
    assert "planned of" not in agenda and "still free" not in agenda
    assert "Welcome, goals of the training" in agenda
    report = " ".join(" ".join(page_texts(workshop_doc(demo, "report"))).split())
    assert "planned of" in report


def test_unscored_sections_print_no_dangling_dash(demo: Services) -> None:
    draft = demo_id("assessment:silesia-status-quo:2")
    text = page_texts(build(demo, DocumentRequest("assessment-report", draft)).data)
    joined = "\n".join(text)
    assert "— –" not in joined
    assert re.search(r"Gaps and next steps\s*$", joined, re.MULTILINE)  # the unscored section, with no dash
    assert re.search(r"Are there CCI in the region\? — \d+ %", joined)


def test_blank_paper_checklist_has_detail_fields_and_room_to_write(demo: Services) -> None:
    data = build(demo, DocumentRequest("checklist-form", "checklist-regional-status-quo")).data
    first = page_texts(data)[0]
    for label in ("Region / organisation", "Assessor", "Date"):
        assert label in first
    # two note lines per item, 8 mm apart: the drawn rules show it
    content = reader(data).pages[0].get_contents().get_data().decode("latin-1")
    assert first.count("Note") >= 2
    assert content.count(" l\n") + content.count(" l ") > 0


def test_running_header_wraps_at_words_and_never_cuts(demo: Services) -> None:
    organisation = "Regionalna Agencja Rozwoju Bielsko-Biała"
    workshop_id = demo_id(WORKSHOP)
    title = demo.workshops.get(workshop_id).title
    for kind in ("agenda", "signin", "feedback"):
        # the demo title beside a long organisation and region: wrapped onto two lines, all of it printed
        pages = page_texts(workshop_doc(demo, kind, organisation=organisation))
        header = " ".join(" ".join(pages[-1].splitlines()[:3]).split())
        assert "…" not in header, (kind, header)
        for word in (*title.split(), *organisation.split(), "Śląskie"):
            assert word in header.split(), (kind, word, header)
    long_title = ("Kompetencje kreatywne dla administracji regionalnej w województwie śląskim i "
                  "morawsko-śląskim: szkolenie pilotażowe dla urzędów gmin, powiatów i agencji rozwoju")
    current = demo.workshops.get(workshop_id).as_input()
    demo.workshops.update(workshop_id, replace(current, title=long_title))
    pages = page_texts(workshop_doc(demo, "report", organisation=organisation))
    assert long_title in " ".join(pages[0].split())  # the full title in the title block
    words = set(f"Workshop report – {long_title}".split()) | set(organisation.split()) | {"·", "Śląskie",
                                                                                         "(Silesia)", "…"}
    for page in pages:
        header = " ".join(page.splitlines()[:3]).split()
        assert header[-1] in words or header[-1] == "…"
        cut = [w for w in header if w not in words]
        assert cut == [], cut  # shortened after whole words only


def test_covers_say_every_fixed_text_in_one_language(demo: Services) -> None:
    from inducci_desktop.printing.wording import COVER_WORDS, cover_words

    english = cover_words("en")
    assert cover_words("pl") is english and cover_words("de-AT") is english  # a whole table, never a mix
    for words in COVER_WORDS.values():
        assert words.item_count(1) != words.item_count(2).replace("2", "1")  # plural forms, not glued words
    one = page_texts(build(demo, DocumentRequest("pack", records=("format-hackathon",), language="pl")).data)[0]
    two = page_texts(build(demo, DocumentRequest("pack", records=("format-hackathon", "guide-mapping-cci"),
                                                 organisation="Regionalna Agencja Rozwoju")).data)[0]
    assert "Contents: 1 item" in " ".join(one.split()) and "Contents: 2 items" in " ".join(two.split())
    for label in ("Date:", "Organiser:"):
        assert label in two


def test_logo_is_stored_scaled_private_and_printed_on_certificates_and_covers(demo: Services,
                                                                             tmp_path: Path) -> None:
    assert stored_logo(demo.paths) is None
    no_logo = workshop_doc(demo, "certificates")
    assert images_on(no_logo, 0) == []
    source = write_logo(tmp_path / "Logo Łódź.png")
    stored = set_logo(demo.paths, source)
    assert stored == logo_path(demo.paths) and stored.parent == demo.paths.data_dir
    if os.name == "posix":
        assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    with Image.open(stored) as image:
        assert max(image.size) == MAX_SIDE and image.format == "PNG"
    source.unlink()  # a copy is kept: the original is not needed any more

    certificates = workshop_doc(demo, "certificates")
    for page in range(len(reader(certificates).pages)):
        assert len(images_on(certificates, page)) == 1
    pack = build(demo, DocumentRequest("pack", records=("format-hackathon",))).data
    assert len(images_on(pack, 0)) == 1  # the cover
    assert images_on(pack, 1) == []  # the contents page: no logo
    assert len(images_on(workshop_doc(demo, "agenda"), 0)) == 1  # beside the title

    assert remove_logo(demo.paths) and stored_logo(demo.paths) is None
    assert images_on(workshop_doc(demo, "certificates"), 0) == []


@pytest.mark.parametrize(("content", "message"), [
    (b"not an image at all", "is not an image"),
    (b"", "is not an image"),
])
def test_a_file_that_is_not_an_image_is_refused_and_nothing_stored(demo: Services, tmp_path: Path,
                                                                    content: bytes, message: str) -> None:
    bad = tmp_path / "logo.png"
    bad.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        set_logo(demo.paths, bad)
    assert stored_logo(demo.paths) is None
    with pytest.raises(ValidationError, match=message):  # as a document's own logo (the CLI's --logo)
        workshop_doc(demo, "certificates", logo=str(bad))


def test_a_decompression_bomb_a_huge_file_and_other_formats_are_refused(demo: Services, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    good = set_logo(demo.paths, write_logo(tmp_path / "first.png"))
    before = good.read_bytes()
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20_000, 20_000)).save(bomb)  # 400 megapixels in a file of a few kB
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ValidationError, match="too large an image"):
        set_logo(demo.paths, bomb)
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (50, 50)).save(gif)
    with pytest.raises(ValidationError, match="GIF image; choose a PNG or JPEG"):
        set_logo(demo.paths, gif)
    import inducci_desktop.services.logo as logo_module

    monkeypatch.setattr(logo_module, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ValidationError, match="choose an image of at most"):
        set_logo(demo.paths, write_logo(tmp_path / "big.png", (2000, 2000)))
    with pytest.raises(ValidationError, match="cannot be found"):
        set_logo(demo.paths, tmp_path / "missing.png")
    assert good.read_bytes() == before  # the earlier logo is untouched
    assert [p.name for p in demo.paths.data_dir.iterdir() if p.name.startswith(".logo-")] == []


def test_jpeg_logo_and_the_command_line_option(demo: Services, tmp_path: Path) -> None:
    from inducci_desktop.app import main

    jpeg = tmp_path / "logo.jpg"
    Image.new("RGB", (300, 120), (200, 30, 30)).save(jpeg, format="JPEG")
    out = tmp_path / "certificates.pdf"
    data_dir = demo.paths.data_dir
    assert main(["--data-dir", str(data_dir), "print", "workshop", demo_id(WORKSHOP), "--kind", "certificates",
                 "-o", str(out), "--logo", str(jpeg)]) == 0
    assert len(images_on(out.read_bytes(), 0)) == 1
    assert stored_logo(demo.paths) is None  # --logo is for this document only
    bad = tmp_path / "bad.jpg"
    bad.write_text("text")
    assert main(["--data-dir", str(data_dir), "print", "workshop", demo_id(WORKSHOP), "--kind", "certificates",
                 "-o", str(tmp_path / "x.pdf"), "--logo", str(bad)]) != 0
    assert not (tmp_path / "x.pdf").exists()
