"""The words the app uses for toolbox content — the kinds of item and the notices about a text's language —
apart from the data classes of content/model.py, so that the Library's first page and the printouts' common
parts label items without creating those classes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import N_, _

if TYPE_CHECKING:
    from inducci_desktop.content.model import Translation

KINDS = ("guide", "case", "format", "interview")
KIND_FOLDERS = {"guide": "guides", "case": "cases", "format": "formats", "interview": "interviews"}


class _Translated(Mapping[str, str]):
    """Labels marked for the catalog, each looked up in the language in use when it is read."""

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def __getitem__(self, key: str) -> str:
        return _(self._labels[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


KIND_LABELS: Mapping[str, str] = _Translated({
    "guide": N_("Guide"),
    "case": N_("Case profile"),
    "format": N_("Format"),
    "interview": N_("Interview guide"),
    "checklist": N_("Checklist"),
    "glossary": N_("Glossary term"),
    "link": N_("Link"),
})

#: what a reader or printout says of a translation no native speaker has reviewed
UNREVIEWED = N_("Translation not yet reviewed: a native speaker has not checked this text yet.")


def translation_notice(language: str, translation: Translation | None, wanted: str) -> str:
    """What a printout says about the language of a text: "Translation not yet reviewed" for a translation
    no native speaker has reviewed, "Available in English only" for English text printed for another
    language; "" for authoritative text. Never present an unreviewed translation as authoritative."""
    if translation is not None and not translation.reviewed:
        return _(UNREVIEWED)
    if language == "en" and wanted and wanted.split("-")[0] != "en":
        return _("Available in English only.")
    return ""


def pack_notice(texts: Sequence[tuple[str, Translation | None]], wanted: str) -> str:
    """The notice for a document made of many texts (the glossary): the first that applies."""
    notices = [translation_notice(language, translation, wanted) for language, translation in texts]
    unreviewed = _(UNREVIEWED)
    if unreviewed in notices:
        return unreviewed
    return next((n for n in notices if n), "")
