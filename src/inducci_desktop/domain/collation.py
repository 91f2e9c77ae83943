"""Sorting text as each of the app's languages sorts it, in three levels like the Unicode Collation Algorithm's,
with CLDR's tailorings of Czech, Polish and Slovene. Standard library only: sorting a list on the start-up path
loads no locale data (Babel's dates and numbers are in locale_formats.py)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

#: letters that sort as their own letter after the base one (CLDR's tailorings of these languages); a value is
#: (the base letter, the rank after it)
TAILORINGS: dict[str, dict[str, tuple[str, int]]] = {
    "cs": {"č": ("c", 1), "ch": ("h", 1), "ř": ("r", 1), "š": ("s", 1), "ž": ("z", 1)},
    "pl": {"ą": ("a", 1), "ć": ("c", 1), "ę": ("e", 1), "ł": ("l", 1), "ń": ("n", 1), "ó": ("o", 1),
           "ś": ("s", 1), "ź": ("z", 1), "ż": ("z", 2)},
    "sl": {"č": ("c", 1), "ć": ("c", 2), "đ": ("d", 1), "š": ("s", 1), "ž": ("z", 1)},
}
#: letters Unicode does not decompose, sorted with the letter they look like (a secondary difference)
_LIKE = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"}


SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


def collation_key(language: str) -> Callable[[str], SortKey]:
    """A sort key in three levels like the Unicode Collation Algorithm's: letters (with the language's own
    letters after their base: Czech č after c and ch after h, Polish ł after l, Slovene š after s), then
    accents (German ä right after a), then case (lower case first). Spaces and punctuation sort first."""
    tailoring = TAILORINGS.get(language, {})
    contractions = sorted((k for k in tailoring if len(k) > 1), key=len, reverse=True)

    def key(text: str) -> SortKey:
        return _key_impl(unicodedata.normalize("NFC", text), tailoring, tuple(contractions))

    return key


def _key_impl(text: str, tailoring: dict[str, tuple[str, int]], contractions: tuple[str, ...]) -> SortKey:
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    lower = text.lower()
    i = 0
    while i < len(text):
        unit = next((c for c in contractions if lower.startswith(c, i)), lower[i])
        original = text[i:i + len(unit)]
        i += len(unit)
        case = 0 if original == original.lower() else 1
        if unit in tailoring:
            base, rank = tailoring[unit]
            primary.append((ord(base), rank))
            secondary.append(0)
            tertiary.append(case)
            continue
        decomposed = unicodedata.normalize("NFD", unit)
        base, marks = decomposed[:1], decomposed[1:]
        accent = sum(ord(m) for m in marks if unicodedata.combining(m))
        like = _LIKE.get(base)
        if like is not None:
            accent += 1
            base = like
        for letter in base:
            if letter.isalnum():
                primary.append((ord(letter), 0))
            elif letter.isspace() or not letter.isprintable() or unicodedata.category(letter)[0] in "PSZ":
                primary.append((0, 0))
            else:
                primary.append((ord(letter), 0))
            secondary.append(accent)
            tertiary.append(case)
    return tuple(primary), tuple(secondary), tuple(tertiary)
