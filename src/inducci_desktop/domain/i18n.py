"""The one translation system of every layer (core, printing, command line and GUI): gettext catalogs.

``_("text")`` translates into the interface language, ``ngettext`` picks the plural form of the language,
``N_("text")`` only marks a string for extraction (translated later, where it is shown). Document
language is separate: ``with speaking(code):`` makes ``_`` answer in ``code`` on the current thread only
(a printout rendered on a worker thread while the window keeps its own language); ``translator(code)``
gives the catalog of any language. Where catalogs come from is registered by ``set_loader``
(``inducci_desktop.catalogs``): this module stays standard-library only.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)

#: the partner regions' languages; English is the source language of every catalog
LANGUAGES = ("en", "de", "pl", "cs", "sl", "it", "nl")
#: each language's name in itself, as the language choice lists it
NATIVE_NAMES = {"en": "English", "de": "Deutsch", "pl": "Polski", "cs": "Čeština", "sl": "Slovenščina",
                "it": "Italiano", "nl": "Nederlands"}
DOMAIN = "inducci"

_current = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()
_loader: Callable[[str], gettext.NullTranslations] | None = None
_cache: dict[str, gettext.NullTranslations] = {}
_lock = threading.Lock()
_local = threading.local()


def language() -> str:
    """The language ``_`` answers in on this thread: the document's inside ``speaking``, else the interface's."""
    stack: list[tuple[str, gettext.NullTranslations]] = getattr(_local, "stack", [])
    return stack[-1][0] if stack else _current


def interface_language() -> str:
    """The interface language now in use (whatever a printout on this thread speaks)."""
    return _current


def use(code: str, translations: gettext.NullTranslations | None = None) -> None:
    """Switch the interface language (the registered catalog of ``code`` when ``translations`` is None)."""
    global _current, _translations
    _current = code
    _translations = translations if translations is not None else translator(code)


def set_loader(loader: Callable[[str], gettext.NullTranslations] | None) -> None:
    """Register where catalogs come from (``code → translations``); forgets the catalogs loaded so far."""
    global _loader
    with _lock:
        _loader = loader
        _cache.clear()


def translator(code: str) -> gettext.NullTranslations:
    """The catalog of ``code`` (English, i.e. the source strings, when there is none)."""
    base = normalise(code)
    if base == "en" or _loader is None:
        return gettext.NullTranslations()
    with _lock:
        found = _cache.get(base)
        if found is None:
            found = _cache[base] = _loader(base)
        return found


def normalise(code: str | None) -> str:
    """``de_AT.UTF-8``, ``de-AT``, ``DE`` → ``de``; anything not among LANGUAGES → ``en``."""
    base = (code or "").replace("-", "_").split(".")[0].split("@")[0].split("_")[0].casefold()
    return base if base in LANGUAGES else "en"


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """``_`` and ``ngettext`` answer in ``code`` on this thread inside the block (a document's language)."""
    stack: list[tuple[str, gettext.NullTranslations]] = getattr(_local, "stack", None) or []
    _local.stack = stack
    base = normalise(code)
    stack.append((base, translator(base)))
    try:
        yield base
    finally:
        stack.pop()


def _active() -> gettext.NullTranslations:
    stack: list[tuple[str, gettext.NullTranslations]] = getattr(_local, "stack", [])
    return stack[-1][1] if stack else _translations


def _(message: str) -> str:
    # "" is the catalog's header in gettext: an empty text stays empty
    return _active().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (the status "Open" is not the button "Open")."""
    return _active().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active().npgettext(context, singular, plural, n)


class Formats(Protocol):
    """Locale data for dates, numbers and lists (``inducci_desktop.locale_formats`` with Babel); sorting is
    ``domain.collation``'s, which needs no locale data."""

    def day(self, value: date, style: str, language: str) -> str: ...
    def day_range(self, first: date, last: date, language: str) -> str: ...
    def number(self, value: float, decimals: int, language: str) -> str: ...
    def join(self, items: Sequence[str], language: str) -> str: ...


class _Plain:
    """ISO dates and plain numbers until locale data is registered (never on a normal start)."""

    def day(self, value: date, style: str, language: str) -> str:
        return value.isoformat()

    def day_range(self, first: date, last: date, language: str) -> str:
        return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"

    def number(self, value: float, decimals: int, language: str) -> str:
        return f"{value:.{decimals}f}"

    def join(self, items: Sequence[str], language: str) -> str:
        return ", ".join(items)


_formats: Formats = _Plain()
_formats_factory: Callable[[], Formats] | None = None


def set_formats(factory: Callable[[], Formats] | None) -> None:
    """Register the locale data, made on first use (importing it costs start-up time)."""
    global _formats, _formats_factory
    _formats, _formats_factory = _Plain(), factory


def formats() -> Formats:
    global _formats, _formats_factory
    if _formats_factory is not None:
        _formats, _formats_factory = _formats_factory(), None
    return _formats


def format_date(value: date, style: str = "long") -> str:
    """A date in the language ``_`` speaks: styles "long" (12 May 2026), "full" (with the weekday), "medium",
    "short" (numeric), "day_month" (12 May)."""
    return formats().day(value, style, language())


def format_date_range(first: date, last: date) -> str:
    """'12–13 May 2026', '30 May – 2 June 2026' in the language ``_`` speaks."""
    return formats().day_range(first, last, language())


def format_number(value: float, decimals: int = 0) -> str:
    """1234.5 → '1,234.5' / '1.234,5' / '1 234,5' as the language writes numbers."""
    return formats().number(value, decimals, language())


def join_list(items: Sequence[str]) -> str:
    """'a, b and c' / 'a, b und c' / 'a, b i c'."""
    return formats().join(items, language())


def sort_key(language_code: str | None = None) -> Callable[[str], Any]:
    """A key that sorts text as the language sorts (Czech ch after h, Polish ł after l, German ä with a)."""
    from inducci_desktop.domain.collation import collation_key

    return collation_key(normalise(language_code) if language_code else language())


def sorted_text(values: Sequence[str], language_code: str | None = None) -> list[str]:
    return sorted(values, key=sort_key(language_code))


class Labels(Mapping[K, str]):
    """A fixed table of labels marked with ``N_`` that answers in the language ``_`` speaks at each look-up
    (a module-level dict of translated strings would keep the language of the moment it was imported)."""

    def __init__(self, labels: Mapping[K, str], context: str | None = None) -> None:
        self._labels = dict(labels)
        self._context = context

    def __getitem__(self, key: K) -> str:
        text = self._labels[key]
        return pgettext(self._context, text) if self._context and text else _(text)

    def __iter__(self) -> Iterator[K]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def source(self, key: K) -> str:
        """The English label (what the catalogs translate)."""
        return self._labels[key]


def N_(message: str) -> str:
    """Mark for extraction only."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for extraction only (one catalog entry with every plural form of the language); look it
    up later with ``ngettext(*pair, n)``."""
    return singular, plural


def Np_(context: str, message: str) -> str:
    """Mark ``message`` with its context for extraction only; ``Labels(..., context=...)`` looks it up with it."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context for extraction only (Qt's own strings: the context is Qt's class)."""
    return context, message
