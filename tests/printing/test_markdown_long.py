"""Long Markdown: a paragraph is laid out in pieces (linear time) and still reads as one, every word kept;
a line without spaces is broken too; what cannot be printed is refused with a message naming it."""

from __future__ import annotations

import pytest

from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.markdown import CHUNK, chunk_markup
from inducci_desktop.printing.markdown_file import markdown_text_document

from .conftest import all_text, page_texts


def test_chunks_split_between_words_and_keep_markup_whole() -> None:
    text = " ".join(f"słowo{i}" for i in range(2000))
    pieces = chunk_markup([text, "<b>bold run</b>", " tail &amp; more"], 500)
    assert "".join(pieces) == text + "<b>bold run</b> tail &amp; more"
    assert all(len(p) <= 500 for p in pieces[:-1])
    assert all(p.endswith(" ") for p in pieces[:-2])  # split after a space, never inside a word
    long_word = "&amp;" * 300
    cut = chunk_markup([long_word], 499)
    assert "".join(cut) == long_word and all(p.startswith("&amp;") for p in cut)  # never inside an entity


def test_a_long_paragraph_prints_every_word_in_one_flow() -> None:
    words = [f"Wörter{i:05d}" for i in range(8000)]  # about 100 KB: many pieces of CHUNK characters
    assert len(" ".join(words)) > 20 * CHUNK
    pdf = markdown_text_document(" ".join(words), "Long")
    text = all_text(pdf)
    found = [w for w in words if w in text]
    assert len(found) == len(words)
    assert len(page_texts(pdf)) > 10


def test_a_line_without_spaces_is_broken_and_printed() -> None:
    pdf = markdown_text_document("ł" * 30_000, "Line")
    assert all_text(pdf).count("ł") >= 29_000


@pytest.mark.parametrize(("text", "message"), [
    ("| " + " | ".join("c" * 1 for _ in range(41)) + " |\n|" + "---|" * 41 + "\n", "has 41 columns; at most 40"),
    ("> " * 9 + "deep\n", "line 1 is nested more than 8 levels"),
    ("*" * 120 + "x" + "*" * 120, "60 levels deep"),
])
def test_what_cannot_be_printed_is_named(text: str, message: str) -> None:
    with pytest.raises(PrintError, match=message):
        markdown_text_document(text, "Bad")


def test_eight_nested_quotes_and_forty_columns_print() -> None:
    markdown_text_document("> " * 8 + "deep\n", "Quotes")
    markdown_text_document("| " + " | ".join("c" for _ in range(40)) + " |\n|" + "---|" * 40 + "\n", "Wide")
