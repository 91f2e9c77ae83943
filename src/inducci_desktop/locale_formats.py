"""Dates, numbers and lists as each language writes them (Babel's CLDR data).

Registered with ``domain.i18n.set_formats`` when the package is imported, made on first use; the domain
and printing call ``i18n.format_date`` and friends, never Babel directly. English keeps the British forms
the app always printed ("12 May 2026", "12–13 May 2026").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date as babel_date
from babel.dates import format_interval, format_skeleton, get_month_names
from babel.lists import format_list
from babel.numbers import format_decimal

#: which CLDR locale stands for each language ("en" is written the British way, as the app always did)
LOCALES = {"en": "en_GB", "de": "de_DE", "pl": "pl_PL", "cs": "cs_CZ", "sl": "sl_SI", "it": "it_IT", "nl": "nl_NL"}


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
