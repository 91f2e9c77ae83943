"""The one translation system of every layer (core, printing, command line and GUI): gettext catalogs.

``_("text")`` translates into the interface language, ``ngettext`` picks the plural form of the language,
``N_("text")`` only marks a string for extraction (translated later, where it is shown). Document
language is separate: ``translator(code)`` gives the catalog of any language for one printout.
"""

from __future__ import annotations

import gettext

#: the partner regions' languages; English is the source language of every catalog
LANGUAGES = ("en", "de", "pl", "cs", "sl", "it", "nl")
DOMAIN = "inducci"

_current = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()


def language() -> str:
    """The interface language now in use."""
    return _current


def use(code: str, translations: gettext.NullTranslations | None = None) -> None:
    """Switch the interface language (English when ``translations`` is None)."""
    global _current, _translations
    _current = code
    _translations = translations or gettext.NullTranslations()


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark for extraction only."""
    return message
