"""Markdown features as they come out of the PDF."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PILImage

from inducci_desktop.printing.library.items import item_document
from inducci_desktop.printing.markdown_file import markdown_text_document

from .conftest import TITLES, all_text, iter_fonts, link_uris, make_guide, outline_titles, page_texts, pypdf_text


def _guide_text() -> str:
    return all_text(item_document(make_guide(), titles=TITLES))


def test_escaping_of_markup_characters() -> None:
    text = _guide_text()
    assert "Budget < 5 000 € & costs > income" in text
    assert "<b>not bold</b>" in text
    assert "code <span>" in text
    assert 'return "<tag> & more"' in text


def test_table_cells() -> None:
    pages = "\n".join(page_texts(item_document(make_guide(), titles=TITLES)))
    rows = [" ".join(line.split()) for line in pages.splitlines()]
    assert any(row.startswith("Region Town Firms") for row in rows)
    assert "Silesia Bielsko-Biała 1 200" in rows
    assert "Saxony Chemnitz & Zwickau 980" in rows
    assert "Upper Austria Linz 75" in rows


def test_lists_nested_and_numbered() -> None:
    text = _guide_text()
    assert "• First point on Ústí nad Labem" in text
    assert "– Nested in Kraków" in text and "– Nested in Pécs" in text
    assert "3. Third step in Győr" in text and "4. Fourth step" in text


def test_links() -> None:
    data = item_document(make_guide(), titles=TITLES)
    text = all_text(data)
    uris = link_uris(data)
    assert "https://toolbox.inducci.eu/" in uris
    assert "https://example.org/a?b=1&c=2" in uris
    assert "https://toolbox.inducci.eu/mapping/" in uris  # the sources list
    assert "the InduCCI toolbox (https://toolbox.inducci.eu/)" in text
    assert "https://example.org/a?b=1&c=2" in text
    # item: links print the item's title (in italics), unknown ids fall back to the label.
    assert "Read also Industrial Hackathon in Bielsko-Biała and an unknown one." in text
    assert not any(uri.startswith("item:") for uri in uris)


def test_item_link_title_is_italic() -> None:
    data = item_document(make_guide(body="See [x](item:format-hackathon)."), titles=TITLES)
    names = {str(font["/BaseFont"]).split("+")[1] for font in iter_fonts(data)}
    assert "DejaVuSans-Oblique" in names
    assert "Hackathon with industrial challenges" in all_text(data)


def test_quote_rule_code_and_missing_image() -> None:
    text = _guide_text()
    assert "Quoted: “Kreativwirtschaft für Österreich”." in text
    assert "[Image not found: images/missing-map.png]" in text
    assert "def hello():" in text


def test_headings_become_bookmarks() -> None:
    outline = outline_titles(item_document(make_guide(), titles=TITLES))
    assert outline[0] == (0, "Mapping creative industries in Łódź and Győr", 1)
    assert (1, "Working in Bielsko-Biała", 1) in outline
    assert (1, "Sources", 1) in outline


def test_heading_levels_cannot_skip_in_outline() -> None:
    data = item_document(make_guide(body="#### Deep first\n\ntext\n\n## Back up\n\n###### Deeper\n"))
    levels = [level for level, _, _ in outline_titles(data)]
    assert levels[:4] == [0, 1, 1, 2]  # then Sources and Related at level 1


def test_image_found_and_scaled(tmp_path: Path) -> None:
    PILImage.new("RGB", (3000, 400), (31, 95, 139)).save(tmp_path / "wide.png")
    data = markdown_text_document("Before\n\n![wide](wide.png)\n\nAfter ![gone](nope.png)\n", "Images",
                                  base_folder=tmp_path)
    text = all_text(data)
    assert "Before" in text and "After" in text
    assert "[Image not found: nope.png]" in text
    assert "wide.png" not in text


def test_images_cannot_leave_their_folder(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    PILImage.new("RGB", (10, 10)).save(tmp_path / "secret.png")
    text = all_text(markdown_text_document("![x](../secret.png) ![y](/etc/passwd)", "T", base_folder=inner))
    assert "[Image not found: ../secret.png]" in text
    assert "[Image not found: /etc/passwd]" in text


def test_broken_image_is_a_placeholder(tmp_path: Path) -> None:
    (tmp_path / "broken.png").write_bytes(b"not an image at all")
    text = all_text(markdown_text_document("![b](broken.png)", "T", base_folder=tmp_path))
    assert "[Image could not be read: broken.png]" in text


def test_raw_html_prints_as_text() -> None:
    text = pypdf_text(markdown_text_document('<div class="x">Hi & bye</div>\n\nA <i>b</i> c', "HTML"))
    assert '<div class="x">Hi & bye</div>' in text
    assert "A <i>b</i> c" in text


def test_long_table_repeats_header_across_pages() -> None:
    rows = "\n".join(f"| Row {n} in Łódź | {'Long text about Győr. ' * 3} |" for n in range(120))
    data = markdown_text_document(f"| Place | Note |\n| --- | --- |\n{rows}\n", "Long table")
    pages = page_texts(data)
    assert len(pages) >= 3
    for page in pages:
        assert "Place" in page and "Note" in page


def test_heading_never_ends_a_page_before_a_list() -> None:
    # ReportLab's keepWithNext skips lists; find the filler length that puts the heading at the bottom.
    for fillers in range(20, 50):
        body = "\n\n".join(f"Filler paragraph {n}." for n in range(fillers))
        data = markdown_text_document(f"{body}\n\n## Tips for Łódź\n\n- first tip\n- second tip\n", "Tips")
        for page in page_texts(data):
            assert ("Tips for Łódź" in page) == ("first tip" in page), fillers
