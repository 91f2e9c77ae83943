"""Folding for search: diacritics, case and the letters NFKD leaves alone; offsets map back to the original."""

from __future__ import annotations

import unicodedata

import pytest

from inducci_desktop.content.folding import fold, fold_with_map, tokens


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("Łódź", "lodz"),
        ("Biała", "biala"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Škofja Loka", "skofja loka"),
        ("Đakovo", "dakovo"),
        ("Ørsted", "orsted"),
        ("Æbeltoft", "aebeltoft"),
        ("Œuvre", "oeuvre"),
        ("Þingvellir", "thingvellir"),
        ("Işık", "isik"),
        ("Győr Nagykőrös", "gyor nagykoros"),
        ("Příbram Ústí", "pribram usti"),
        ("ﬁle", "file"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold(original: str, folded: str) -> None:
    assert fold(original) == folded


def test_decomposed_input_folds_like_composed() -> None:
    assert fold(unicodedata.normalize("NFD", "Łódź Příbram")) == "lodz pribram"


def test_map_points_every_folded_character_at_its_original() -> None:
    text = "Die Straße in Łódź"
    folded, starts, ends = fold_with_map(text)
    assert folded == "die strasse in lodz"
    at = folded.index("lodz")
    assert text[starts[at] : ends[at + 3]] == "Łódź"
    at = folded.index("strasse")
    assert text[starts[at] : ends[at + 6]] == "Straße"


def test_map_covers_combining_marks_of_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Łódź")
    folded, starts, ends = fold_with_map(text)
    assert folded == "lodz"
    assert text[starts[0] : ends[3]] == text


def test_tokens_drop_symbols_and_split_on_punctuation() -> None:
    assert tokens("don't multi-agent 🙂 Łódź!") == ["don", "t", "multi", "agent", "lodz"]


def test_folded_spans_agree_with_the_character_map() -> None:
    import random

    from inducci_desktop.content.folding import Folded

    alphabet = "aßŁódźÆœ\u0301\u0308 ﬁxİ-ø🙂Straße"
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        folded, starts, ends = fold_with_map(text)
        view = Folded(text)
        assert view.text == folded
        for start in range(len(folded)):
            for end in range(start + 1, len(folded) + 1):
                assert view.span(start, end) == (starts[start], ends[end - 1]), (text, start, end)
