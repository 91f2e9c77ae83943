"""Translated content packs: the folders beside the English pack, merged item by item with English.

A translated pack (``<lang>/`` beside ``en/``) mirrors the English files with the same ids and keys
(docs/CONTENT_FORMAT.md, "Translated packs"). ``resolve`` gives the pack a reader of that language sees:
every English id, in English order, with the translated text where there is one and the English text
(``language == "en"``) where there is none. ``compare`` is the structural check of ``content check``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inducci_desktop.content.model import ContentPack
from inducci_desktop.content.packinfo import LANGUAGES, translation_folders
from inducci_desktop.content.problems import ContentError, Problem

log = logging.getLogger(__name__)

def resolve(base: ContentPack, translated: ContentPack | None) -> ContentPack:
    """The pack in ``translated``'s language, every id of ``base`` present (English where untranslated).

    Ids the translated pack has but English has not are left out (``compare`` reports them).
    """
    if translated is None:
        return base
    sections = {s.id: s for s in translated.sections}
    items = {k: v for k, v in translated.items.items() if v.kind == base.items.get(k, v).kind}
    terms = {t.id: t for t in translated.glossary}
    links = {x.id: x for x in translated.links}
    checklists = translated.checklists
    return ContentPack(
        id=base.id,
        version=base.version,
        language=translated.language,
        title=translated.title,
        sections=tuple(_structured_section(sections.get(s.id), s) for s in base.sections),
        items={k: items.get(k, v) for k, v in base.items.items()},
        glossary=tuple(terms.get(t.id, t) for t in base.glossary),
        links=tuple(links.get(x.id, x) for x in base.links),
        checklists={k: _same_template(checklists.get(k), v) for k, v in base.checklists.items()},
    )


def _structured_section(translated: Any, english: Any) -> Any:
    """The translated section with the English tree (parent and children), or the English one."""
    if translated is None:
        return english
    from dataclasses import replace

    return replace(translated, parent=english.parent, children=english.children)


def _same_template(translated: Any, english: Any) -> Any:
    """A translated template only if it has the English version and keys; English otherwise."""
    if (translated is None or translated.version != english.version
            or template_keys(translated) != template_keys(english)):
        return english
    return translated


def template_keys(template: Any) -> tuple[object, ...]:
    """The structure answers depend on: section keys, item keys, types and option keys, in order."""
    return tuple(
        (s.key, tuple((i.key, i.type, tuple(o.key for o in i.options), i.scale_min, i.scale_max) for i in s.items))
        for s in template.sections
    )


# --- loading every language ------------------------------------------------------------------------


@dataclass
class Packs:
    """The English pack and the resolved pack of every language found beside it."""

    base: ContentPack
    languages: dict[str, ContentPack] = field(default_factory=dict)
    #: problems per language folder that was not loaded (the language then falls back to English)
    problems: dict[str, list[Problem]] = field(default_factory=dict)


def load_translations(base: ContentPack, base_dir: Path) -> Packs:
    """Every translated pack beside ``base_dir``, resolved against ``base``; broken ones are logged and skipped."""
    from inducci_desktop.content.loader import check_pack_cached

    packs = Packs(base, {base.language: base})
    for code, folder in translation_folders(base_dir, base.language).items():
        pack, problems = check_pack_cached(folder, code, base=base)
        if pack is None:
            log.error("content pack %s not loaded: %d problems, first: %s", code, len(problems),
                      problems[0] if problems else "-")
            packs.problems[code] = problems
            continue
        # Structural differences do not stop the language: resolve() keeps only what matches English
        # (a checklist whose keys differ stays English); `content check` names them.
        packs.languages[code] = resolve(base, pack)
    return packs


# --- the structural comparison (content check) -------------------------------------------------------


def compare(base_dir: Path, folder: Path, language: str) -> list[Problem]:
    """Every structural difference between the translated pack ``folder`` and the English ``base_dir``.

    Each problem names the translated file and line (line 0: the whole file). Missing files of the kinds
    that must be translated, extra or missing ids and keys, structural values that differ, and missing
    or wrong ``translation:`` metadata are reported.
    """
    from inducci_desktop.content.translation_check import Comparison  # YAML: not on the start-up path

    return Comparison(base_dir, folder, language).run()


def coverage(base: ContentPack, resolved: ContentPack) -> dict[str, tuple[int, int, int]]:
    """Per kind of text: (translated, of which reviewed, total) in ``resolved``."""
    lang = resolved.language
    result: dict[str, tuple[int, int, int]] = {}

    def count(name: str, texts: list[Any]) -> None:
        own = [t for t in texts if t.language == lang]
        reviewed = [t for t in own if t.translation is not None and t.translation.reviewed]
        result[name] = (len(own), len(reviewed), len(texts))

    for kind in ("guide", "case", "format", "interview"):
        count(kind, [i for i in resolved.items.values() if i.kind == kind])
    count("checklist", list(resolved.checklists.values()))
    items = [i for t in resolved.checklists.values() if t.language == lang for s in t.sections for i in s.items]
    all_items = [i for t in base.checklists.values() for s in t.sections for i in s.items]
    result["checklist item"] = (len(items), 0, len(all_items))
    options = sum(len(i.options) for i in items)
    result["option"] = (options, 0, sum(len(i.options) for i in all_items))
    count("glossary", list(resolved.glossary))
    count("section", list(resolved.sections))
    count("link", list(resolved.links))
    return result


__all__ = ["LANGUAGES", "ContentError", "Packs", "compare", "coverage", "load_translations", "resolve"]
