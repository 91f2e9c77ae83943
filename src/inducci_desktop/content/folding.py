"""Diacritics- and case-insensitive text folding for search ('lodz' finds 'Łódź', 'strasse' finds 'Straße').

SQLite's ``remove_diacritics`` leaves ł ß đ ø alone, so text is folded here, in Python, both when it is
indexed and when a query is made. ``fold_with_map`` also says where every folded character came from, so
matches found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

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


#: Characters seen so far that do not fold to exactly one character (ß, æ, combining marks …).
_IRREGULAR: set[str] = set()


class _FoldTable(dict[int, str]):
    """A str.translate table that computes and remembers each character's folding on first use."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        if len(value) != 1:
            _IRREGULAR.add(chr(code))
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
    letter before them, so a highlight covers the whole letter.
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
            back = len(ends) - 1
            while back >= 0 and starts[back] == starts[-1]:
                ends[back] = index + 1
                back -= 1
            continue
        parts.append(folded)
        starts.extend([index] * len(folded))
        ends.extend([index + 1] * len(folded))
    return "".join(parts), starts, ends


def _irregular_pattern() -> re.Pattern[str]:
    global _IRREGULAR_RE, _IRREGULAR_SIZE
    if len(_IRREGULAR) != _IRREGULAR_SIZE:
        _IRREGULAR_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_IRREGULAR)) + "]")
        _IRREGULAR_SIZE = len(_IRREGULAR)
    return _IRREGULAR_RE


_IRREGULAR_RE = re.compile("(?!)")  # matches nothing
_IRREGULAR_SIZE = 0


class Folded:
    """A text folded, with a way back from folded offsets to original ones (as fold_with_map).

    Only characters that do not fold to exactly one character shift offsets, and they are rare, so
    only their positions are kept and looked up by bisection.
    """

    __slots__ = ("_folded_at", "_pieces", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = fold(original)
        #: (folded offset, original offset, folded length) of each irregular character
        self._pieces: list[tuple[int, int, int]] = []
        if len(self.text) != len(original) or not _IRREGULAR.isdisjoint(original):
            shift = 0
            for match in _irregular_pattern().finditer(original):
                index = match.start()
                length = len(_TABLE[ord(original[index])])
                self._pieces.append((index + shift, index, length))
                shift += length - 1
        self._folded_at = [piece[0] for piece in self._pieces]

    def _original(self, position: int) -> int:
        found = bisect_right(self._folded_at, position) - 1
        if found < 0:
            return position
        folded_at, index, length = self._pieces[found]
        if position < folded_at + length:
            return index  # inside the expansion of one character (ß → ss)
        return index + 1 + (position - folded_at - length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original range of the folded range ``start:end`` (``end > start``)."""
        if not self._pieces:
            return start, end
        first = self._original(start)
        last = self._original(end - 1) + 1
        # take along marks that fold to nothing after the last letter
        while last < len(self.original) and not _TABLE[ord(self.original[last])]:
            last += 1
        return first, last


#: German spellings without umlauts: a query written 'muenchen' also looks for 'munchen' (folded 'München').
_UMLAUT_SPELLINGS = re.compile(r"(?<=[a-z])(ae|oe|ue)|^(ae|oe|ue)")


def spellings(token: str) -> tuple[str, ...]:
    """The folded ``token`` and, if it contains ae/oe/ue, the same with a/o/u (German transliteration).

    Folding already turns ä ö ü into a o u (and ß into ss, ł into l, ø into o …), so 'munchen', 'München'
    and 'muenchen' all find München; 'Mauer' is still found by 'mauer' because the original spelling is
    searched as well.
    """
    plain = _UMLAUT_SPELLINGS.sub(lambda m: m.group(0)[0], token)
    return (token,) if plain == token else (token, plain)


def tokens(text: str) -> list[str]:
    """The folded search tokens of ``text`` (runs of letters and digits), in order."""
    return TOKEN.findall(fold(text))
