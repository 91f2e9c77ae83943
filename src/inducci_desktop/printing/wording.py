"""The fixed words printed on covers, in the document's language.

A language's words are taken as a whole table, and a language without a table takes the English one as a
whole, so a cover never mixes languages from fixed strings (the words typed by the user, the title and
organiser, are printed as typed). English is the only table today: the toolbox content is English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CoverWords:
    date: str
    organiser: str
    region: str
    contents: str
    items: tuple[str, ...]  # "{n} item", "{n} items": one form per plural category of the language
    plural: Callable[[int], int]  # n → the index of its form in ``items``

    def item_count(self, n: int) -> str:
        return self.items[self.plural(n)].format(n=n)


COVER_WORDS: dict[str, CoverWords] = {
    "en": CoverWords(date="Date", organiser="Organiser", region="Region", contents="Contents",
                     items=("{n} item", "{n} items"), plural=lambda n: 0 if n == 1 else 1),
}


def cover_words(language: str) -> CoverWords:
    """The cover words of ``language`` (a BCP 47 tag: "pl", "de-AT"), English when it has none."""
    base = (language or "en").split("-")[0].casefold()
    return COVER_WORDS.get(base, COVER_WORDS["en"])
