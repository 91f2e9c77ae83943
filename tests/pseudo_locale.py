"""The pseudo-locale en-XA, made at test time from the .pot: every string accented and about 40 % longer
("Save details" → "[Ŝåvé ďéţåîļš !!!]") with its placeholders, HTML tags, entities and ``&`` accelerators
intact. A visible text without the closing "!!]" was not taken from a catalog; one that no longer fits shows
where a longer language (German) would break the layout.

``use_pseudo(monkeypatch)`` makes it the catalog of every language (interface, documents, Qt's own words).
"""

from __future__ import annotations

import gettext
import io
import math
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from inducci_desktop.domain import i18n

POT = Path(__file__).resolve().parent.parent / "resources" / "locale" / "inducci.pot"
CODE = "en-XA"
END = "!]"  # every pseudo string ends its bracket with "!…!]"
_ACCENTED = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                     "åƀçďéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĎÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ", strict=True))
# kept as they are: {named} and %(named)s / %s placeholders, HTML tags and entities, "&&" and the letter after
# an accelerator "&" (Qt's mnemonic), URLs
_KEEP = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[sdrf%]|%\d|<[^<>]*>|&[a-z]+;|&#\d+;|&&|&[^{\s]|https?://\S+")


def pseudo(text: str) -> str:
    """``text`` accented, bracketed and lengthened by about 40 % (at least "[…!]")."""
    if not text:
        return text
    parts: list[str] = []
    position = 0
    letters = 0
    for match in _KEEP.finditer(text):
        plain = text[position:match.start()]
        parts.append("".join(_ACCENTED.get(c, c) for c in plain))
        letters += len(plain)
        parts.append(match.group())
        position = match.end()
    plain = text[position:]
    parts.append("".join(_ACCENTED.get(c, c) for c in plain))
    letters += len(plain)
    body = "".join(parts)
    # the brackets, the space and the "!"s make the text about 40 % longer (plain letters counted)
    extra = max(1, math.ceil(letters * 0.4) - 3)
    trailing = len(body) - len(body.rstrip("\n"))  # a message ending in a line break keeps it last
    core = body[:len(body) - trailing] if trailing else body
    return f"[{core} {'!' * extra}]" + "\n" * trailing


@cache
def _mo() -> bytes:
    with POT.open("rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale="en", domain=i18n.DOMAIN)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            string: str | tuple[str, ...] = (pseudo(message.id[0]), pseudo(message.id[1]))
        else:
            string = pseudo(message.id)
        catalog.add(message.id, string, context=message.context)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def translations() -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(_mo()))


def use_pseudo(monkeypatch: pytest.MonkeyPatch) -> gettext.GNUTranslations:
    """The pseudo catalog for every language until the test ends (then English again)."""
    found = translations()
    monkeypatch.setattr(i18n, "translator", lambda code: found)
    # set through monkeypatch: undone at the end, whatever the app switched to meanwhile (the host code is
    # "en", so the suite's own "back to English" after each test would not notice the pseudo catalog)
    monkeypatch.setattr(i18n, "_current", "en")
    monkeypatch.setattr(i18n, "_translations", found)
    return found


def is_pseudo(text: str) -> bool:
    return END in text
