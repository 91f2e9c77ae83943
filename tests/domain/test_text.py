"""The one control-character rule: what is refused, how it is named, what stripping leaves."""

from __future__ import annotations

import pytest

from inducci_desktop.domain.text import TextError, check_text, find_control, strip_controls


@pytest.mark.parametrize(("text", "named"), [
    ("Jan\x00Kowalski", "NUL (U+0000) at character 4"),
    ("Urząd\x0bGminy", "vertical tab (U+000B) at character 6"),
    ("\x01", "control character U+0001 at character 1"),
    ("x\x7f", "DEL (U+007F)"),
    ("C1\x85", "control character U+0085"),
])
def test_control_characters_are_refused_and_named(text: str, named: str) -> None:
    with pytest.raises(TextError, match="Name contains a") as caught:
        check_text(text, "Name", multiline=True)
    assert named in str(caught.value)


def test_ordinary_text_passes_central_european_letters_included() -> None:
    text = "Zażółć gęślą jaźń · Příliš žluťoučký kůň · Árvíztűrő tükörfúrógép · Größe"
    assert check_text(text, "Title") == text
    assert check_text("one\ttab\nand lines\r\n", "Notes", multiline=True)


def test_single_line_fields_refuse_line_breaks_only_when_asked() -> None:
    assert find_control("a\nb") == (1, "\n")
    assert find_control("a\nb", multiline=True) is None
    with pytest.raises(TextError, match="line break"):
        check_text("a\nb", "Name")


def test_strip_controls_for_text_stored_before_the_rule() -> None:
    assert strip_controls("Jan\x00 Ko\x01walski\nnext") == "Jan Kowalski\nnext"
    assert strip_controls("a\nb", multiline=False) == "a b"
