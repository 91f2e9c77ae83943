"""Diacritics- and case-insensitive text folding for search ('lodz' finds 'Łódź', 'strasse' finds 'Straße').

SQLite's ``remove_diacritics`` leaves ł ß đ ø alone, so text is folded here, in Python, both when it is
indexed and when a query is made. ``fold_with_map`` also says where every folded character came from, so
matches found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters that NFKD does not decompose, folded after casefold().
SPECIAL = {"ł": "l", "ß": "ss", "đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ŀ": "l"}

#: A search token: a run of letters and digits (what FTS5's unicode61 tokenizer keeps together).
TOKEN = re.compile(r"[^\W_]+")


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_char(char: str) -> str:
    """The folded form of one character: no marks, case-folded, special letters replaced; maybe ''."""
    folded = _strip_marks(_strip_marks(char).casefold())
    return "".join(SPECIAL.get(c, c) for c in folded)


class _FoldTable(dict[int, str]):
    """A str.translate table that computes and remembers each character's folding on first use."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for comparison: 'Łódź' → 'lodz', 'Straße' → 'strasse', 'ÆØ' → 'aeo'."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """Fold ``text`` and map back: folded char ``i`` came from ``text[starts[i]:ends[i]]``.

    Characters that fold to nothing (a combining mark after its letter) are counted into the end of the
    folded character before them, so a highlight covers the whole letter.
    """
    if text.isascii():
        positions = list(range(len(text)))
        return text.lower(), positions, [p + 1 for p in positions]
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = _TABLE[ord(char)]
        if not folded:
            if ends:
                ends[-1] = index + 1
            continue
        parts.append(folded)
        starts.extend([index] * len(folded))
        ends.extend([index + 1] * len(folded))
    return "".join(parts), starts, ends


def tokens(text: str) -> list[str]:
    """The folded search tokens of ``text`` (runs of letters and digits), in order."""
    return TOKEN.findall(fold(text))
