"""Printing a Markdown file of the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.markdown_file import markdown_document

from .conftest import all_text, pdf_title


def test_title_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Workshop in Třinec\n\nParagraph with ő and ű.\n\n## Part two\n\n- a\n- b\n", "utf-8")
    data = markdown_document(path)
    assert pdf_title(data) == "Workshop in Třinec"
    text = all_text(data)
    assert text.count("Workshop in Třinec") == 2  # header and title, not repeated in the body
    assert "Paragraph with ő and ű." in text and "Part two" in text


@pytest.mark.parametrize("text", [
    "# Workshop in Třinec\n\nText.", "\n\n  \n# Łódź\nno blank line after\n\n## Two", "Žilina\n======\n\nText",
    "Two lines of a\nsetext title\n===\n", "## Not level one\n\n# Later", "Text first\n\n# Later",
    "```\n# in a fence\n\n```\n", "> # quoted\n", "- # in a list\n", "    # indented code\n",
    "# [Linked][ref] title\n\n[ref]: https://example.org\n", "# *Emphasis* and `code`\n", "#\n\nempty heading",
    "# Title \\\ntext", "", "\n\n", "# Windows\r\nline ends\r\n\r\nmore\r\n",
])
def test_the_title_read_from_the_first_block_is_the_one_the_whole_text_gives(text: str) -> None:
    """first_heading parses the first block only; it finds what a parse of the whole text finds."""
    from inducci_desktop.printing import markdown

    original = markdown._first_block
    try:
        markdown._first_block = lambda whole: whole  # type: ignore[assignment]
        whole = markdown.first_heading(text)
    finally:
        markdown._first_block = original  # type: ignore[assignment]
    assert markdown.first_heading(text) == whole


def test_title_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "meeting_notes_Łódź.md"
    path.write_text("Just text, no heading.\n\n# A later heading\n", "utf-8")
    data = markdown_document(path)
    assert pdf_title(data) == "meeting notes Łódź"
    assert "A later heading" in all_text(data)


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff# Über uns\n\nText.\n".encode())
    assert pdf_title(markdown_document(path)) == "Über uns"


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin2.md"
    path.write_bytes("# Łódź\n\nZażółć gęślą jaźń\n".encode("iso-8859-2"))
    with pytest.raises(PrintError, match=r"latin2\.md is not UTF-8 text.*UTF-8"):
        markdown_document(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="does not exist"):
        markdown_document(tmp_path / "nope.md")
    with pytest.raises(PrintError, match="is a folder"):
        markdown_document(tmp_path)


def test_explicit_title_wins(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("# Heading\n\nBody\n", "utf-8")
    data = markdown_document(path, title="Given title")
    assert pdf_title(data) == "Given title"
    assert "Heading" in all_text(data)
