"""Dates, numbers, lists and sorting as each language writes and sorts them (Babel's CLDR data).

Registered with ``domain.i18n.set_formats`` when the package is imported, made on first use; the domain
and printing call ``i18n.format_date`` and friends, never Babel directly. English keeps the British forms
the app always printed ("12 May 2026", "12–13 May 2026").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from babel.dates import format_date as babel_date
from babel.dates import format_interval, format_skeleton, get_month_names
from babel.lists import format_list
from babel.numbers import format_decimal

#: which CLDR locale stands for each language ("en" is written the British way, as the app always did)
LOCALES = {"en": "en_GB", "de": "de_DE", "pl": "pl_PL", "cs": "cs_CZ", "sl": "sl_SI", "it": "it_IT", "nl": "nl_NL"}

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


def _locale(language: str) -> str:
    return LOCALES.get(language, "en_GB")


class BabelFormats:
    """``domain.i18n.Formats`` from Babel's locale data."""

    def day(self, value: date, style: str, language: str) -> str:
        locale = _locale(language)
        if language == "en":
            pattern = {"full": "EEEE d MMMM y", "long": "d MMMM y", "medium": "d MMM y", "short": "dd/MM/y",
                       "day_month": "d MMMM"}.get(style, "d MMMM y")
            return babel_date(value, pattern, locale=locale)
        if style == "day_month":
            return format_skeleton("MMMMd", value, locale=locale)
        return babel_date(value, style if style in {"full", "long", "medium", "short"} else "long", locale=locale)

    def day_range(self, first: date, last: date, language: str) -> str:
        if first == last:
            return self.day(first, "long", language)
        if language != "en":
            return format_interval(first, last, "yMMMMd", locale=_locale(language))
        months = get_month_names("wide", locale=_locale(language))
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{self.day(last, 'long', language)}"
        if first.year == last.year:
            return f"{first.day} {months[first.month]} – {self.day(last, 'long', language)}"
        return f"{self.day(first, 'long', language)} – {self.day(last, 'long', language)}"

    def number(self, value: float, decimals: int, language: str) -> str:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        return format_decimal(value, format=pattern, locale=_locale(language))

    def join(self, items: Sequence[str], language: str) -> str:
        return format_list(list(items), locale=_locale(language)) if items else ""

    def sort_key(self, language: str) -> Callable[[str], Any]:
        return collation_key(language)


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
