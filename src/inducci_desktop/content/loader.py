"""Load a content pack folder (docs/CONTENT_FORMAT.md) into the dataclasses of content/model.py.

``load_pack`` returns a ContentPack or raises ContentError listing every problem found (file and line
each): unreadable files, YAML syntax, schema errors, duplicate ids and keys, and references that point
nowhere. Nothing here touches the database.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from inducci_desktop.content.labels import KIND_FOLDERS, KINDS
from inducci_desktop.content.markdown import BodyFacts, analyse
from inducci_desktop.content.model import (
    ChecklistItem,
    ChecklistOption,
    ChecklistSection,
    ChecklistTemplate,
    ContentItem,
    ContentPack,
    GlossaryTerm,
    Link,
    Section,
    Source,
    Translation,
)
from inducci_desktop.content.packinfo import DEFAULT_LANGUAGE, shipped_pack
from inducci_desktop.content.problems import ContentError, Problem
from inducci_desktop.content.validate import (
    COMMON_KEYS,
    FRONT_MATTER,
    GLOSSARY,
    LINKS,
    SECTIONS,
    ChecklistItemModel,
    ChecklistModel,
    PackModel,
    SectionModel,
    SourceModel,
    TranslationModel,
    YamlDoc,
    parse_yaml,
    validate,
)

T = TypeVar("T")
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass
class _Collector:
    """Problems found so far, and the line of every id defined, for duplicate reports."""

    problems: list[Problem] = field(default_factory=list)
    defined: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: ids of files that failed validation, so references to them are not reported as well
    loose: dict[str, str] = field(default_factory=dict)

    def add(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run ``action``; a ContentError it raises is recorded and None returned."""
        try:
            return action()
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def define(self, item_id: str, file: str, line: int) -> bool:
        earlier = self.defined.get(item_id)
        if earlier is not None:
            self.add(file, line, f"duplicate id '{item_id}' (first defined in {earlier[0]}:{earlier[1]})")
            return False
        self.defined[item_id] = (file, line)
        return True


#: The largest file of a pack that is read (the shipped ones are well under 100 KB).
MAX_FILE_BYTES = 5_000_000


def read_text(path: Path, name: str) -> str:
    """The UTF-8 text of ``path``; a ContentError naming the line of the first bad byte otherwise."""
    from inducci_desktop.domain.inputs import InputFileError, read_regular_file

    try:
        raw = read_regular_file(path, MAX_FILE_BYTES, "pack file")
    except InputFileError as exc:
        raise ContentError([Problem(name, 0, str(exc))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            [Problem(name, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
        ) from None
    return text.removeprefix("\ufeff")


def split_front_matter(text: str, name: str) -> tuple[str, str, int]:
    """(front matter, body, number of lines before the body) of a Markdown file."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        raise ContentError([Problem(name, 1, "missing front matter: the file must start with a '---' line")])
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index].rstrip("\r\n")):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 1
    raise ContentError([Problem(name, 1, "front matter is not closed: add a '---' line after it")])


def _yaml_file(folder: Path, name: str, required: bool, found: _Collector) -> YamlDoc | None:
    path = folder / name
    if not path.exists():  # anything else there (a folder, a FIFO) is named by read_text
        if required:
            found.add(name, 0, "file is missing")
        return None
    return found.attempt(lambda: parse_yaml(read_text(path, name), name))


def _sources(models: Iterable[SourceModel]) -> tuple[Source, ...]:
    return tuple(Source(m.url, m.title) for m in models)


def _translation(model: TranslationModel | None) -> Translation | None:
    return None if model is None else Translation(model.language, model.translated_by, model.reviewed)


def _sections(doc: YamlDoc, models: list[SectionModel], found: _Collector) -> tuple[Section, ...]:
    result: list[Section] = []
    seen: dict[str, int] = {}

    def walk(entries: list[SectionModel], parent: str | None, path: tuple[str | int, ...]) -> None:
        for index, entry in enumerate(entries):
            here = (*path, index)
            line = doc.line((*here, "id"))
            if entry.id in seen:
                found.add(doc.file, line, f"duplicate section id '{entry.id}' (first on line {seen[entry.id]})")
                continue
            seen[entry.id] = line
            children = tuple(child.id for child in entry.children)
            result.append(Section(entry.id, entry.title, entry.summary, parent, children,
                                  translation=_translation(entry.translation)))
            walk(entry.children, entry.id, (*here, "children"))

    walk(models, None, ())
    return tuple(result)


@dataclass
class _Refs:
    """References to check once every id is known: (file, line, target, what, allowed kinds)."""

    sections: list[tuple[str, int, str]] = field(default_factory=list)
    items: list[tuple[str, int, str, str, tuple[str, ...] | None]] = field(default_factory=list)


_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([a-z0-9-]+)", re.MULTILINE)


def _remember_loose(doc: YamlDoc | str, kind: str, found: _Collector) -> None:
    """Note the id of a file that failed (from its data, or its raw text when YAML could not parse)."""
    if isinstance(doc, str):
        match = _ID_LINE.search(doc)
        if match:
            found.loose.setdefault(match.group(1), kind)
    elif isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
        found.loose.setdefault(doc.data["id"], kind)


def _remember_loose_file(path: Path, name: str, kind: str, found: _Collector) -> None:
    from inducci_desktop.domain.inputs import InputFileError, read_regular_file

    with contextlib.suppress(OSError, InputFileError):  # already reported
        _remember_loose(read_regular_file(path, MAX_FILE_BYTES).decode("utf-8", errors="replace"), kind, found)


def _load_item(path: Path, name: str, kind: str, refs: _Refs, found: _Collector) -> ContentItem | None:
    def parse() -> tuple[YamlDoc, str, int]:
        front, body, body_offset = split_front_matter(read_text(path, name), name)
        return parse_yaml(front, name, line_offset=1), body, body_offset

    parsed = found.attempt(parse)
    if parsed is None:
        _remember_loose_file(path, name, kind, found)
        return None
    doc, body, body_offset = parsed
    model = found.attempt(lambda: validate(doc, FRONT_MATTER[kind]))
    if model is None:
        _remember_loose(doc, kind, found)
        return None
    prefix = f"{kind}-"
    if not model.id.startswith(prefix):
        found.add(name, doc.line(("id",)), f"id '{model.id}' must start with '{prefix}' (a {kind} file)")
    if not found.define(model.id, name, doc.line(("id",))):
        return None
    refs.sections.append((name, doc.line(("section",)), model.section))
    for index, target in enumerate(model.related):
        refs.items.append((name, doc.line(("related", index)), target, "related", None))
    if kind == "case":
        for index, target in enumerate(getattr(model, "formats", [])):
            refs.items.append((name, doc.line(("formats", index)), target, "formats", ("format",)))
    facts = _check_body(path, name, body, body_offset, refs, found)
    fields = model.model_dump(exclude=set(COMMON_KEYS))
    return ContentItem(
        id=model.id,
        kind=kind,
        section=model.section,
        title=model.title,
        summary=model.summary,
        body=body,
        tags=tuple(model.tags),
        sources=_sources(model.sources),
        related=tuple(model.related),
        fields=fields,
        path=name,
        text=facts.text,
        translation=_translation(model.translation),
    )


def _check_body(path: Path, name: str, body: str, body_offset: int, refs: _Refs, found: _Collector) -> BodyFacts:
    """The Markdown body's facts; its item links noted for checking, its faults and missing images reported."""
    facts = analyse(body)
    for line, target in facts.item_links:
        refs.items.append((name, body_offset + line, target, "link", None))
    for line, message in facts.faults:
        found.add(name, body_offset + line, message)
    for line, src in facts.images:
        if "://" in src:
            continue
        pack_root = path.parent.parent  # images are named from the pack folder: images/NAME.png
        image = (pack_root / src).resolve()
        if not image.is_relative_to(pack_root.resolve()) or not image.is_file():
            found.add(name, body_offset + line, f"image '{src}' not found in the pack (write images/NAME.png)")
    return facts


def _check_checklist(doc: YamlDoc, model: ChecklistModel, refs: _Refs, found: _Collector) -> None:
    section_keys: dict[str, int] = {}
    item_keys: dict[str, int] = {}
    for s_index, section in enumerate(model.sections):
        s_path: tuple[str | int, ...] = ("sections", s_index)
        line = doc.line((*s_path, "key"))
        if section.key in section_keys:
            first = section_keys[section.key]
            found.add(doc.file, line, f"duplicate section key '{section.key}' (first on line {first})")
        section_keys.setdefault(section.key, line)
        for i_index, item in enumerate(section.items):
            path: tuple[str | int, ...] = (*s_path, "items", i_index)
            line = doc.line((*path, "key"))
            if item.key in item_keys:
                found.add(doc.file, line, f"duplicate item key '{item.key}' (first on line {item_keys[item.key]})")
            item_keys.setdefault(item.key, line)
            _check_item(doc, path, item, refs, found)


def _check_item(doc: YamlDoc, path: tuple[str | int, ...], item: ChecklistItemModel, refs: _Refs,
                found: _Collector) -> None:
    """The fields of one checklist item that depend on its type (options, scale, unit) and its guide link."""
    if item.type in ("choice", "multi"):
        _check_options(doc, path, item, found)
    elif item.options is not None:
        found.add(doc.file, doc.line((*path, "options")),
                  f"'options' is only for choice and multi items, not {item.type}")
    if item.type == "scale":
        _check_scale(doc, path, item, found)
    elif item.scale is not None:
        found.add(doc.file, doc.line((*path, "scale")), f"'scale' is only for scale items, not {item.type}")
    if item.unit is not None and item.type != "number":
        found.add(doc.file, doc.line((*path, "unit")), f"'unit' is only for number items, not {item.type}")
    if item.guide is not None:
        refs.items.append((doc.file, doc.line((*path, "guide")), item.guide, "guide", None))


def _check_options(doc: YamlDoc, path: tuple[str | int, ...], item: ChecklistItemModel, found: _Collector) -> None:
    if not item.options:
        found.add(doc.file, doc.line(path), f"item '{item.key}' of type {item.type} needs 'options'")
        return
    keys: set[str] = set()
    for o_index, option in enumerate(item.options):
        if option.key in keys:
            found.add(doc.file, doc.line((*path, "options", o_index, "key")),
                      f"duplicate option key '{option.key}' in item '{item.key}'")
        keys.add(option.key)


def _check_scale(doc: YamlDoc, path: tuple[str | int, ...], item: ChecklistItemModel, found: _Collector) -> None:
    if item.scale is None:
        found.add(doc.file, doc.line(path), f"item '{item.key}' of type scale needs 'scale: {{min: …, max: …}}'")
        return
    if item.scale.min >= item.scale.max:
        found.add(doc.file, doc.line((*path, "scale")), "scale: 'min' must be less than 'max'")
    for value in item.scale.labels:
        if not item.scale.min <= value <= item.scale.max:
            found.add(doc.file, doc.line((*path, "scale", "labels")),
                      f"scale label {value} is outside {item.scale.min}–{item.scale.max}")


def _checklist(model: ChecklistModel, name: str) -> ChecklistTemplate:
    sections = tuple(
        ChecklistSection(
            key=s.key,
            title=s.title,
            items=tuple(
                ChecklistItem(
                    key=i.key,
                    text=i.text,
                    type=i.type,
                    help=i.help,
                    weight=float(i.weight),
                    required=i.required,
                    guide=i.guide,
                    options=tuple(ChecklistOption(o.key, o.label, o.score) for o in i.options or ()),
                    scale_min=i.scale.min if i.scale else None,
                    scale_max=i.scale.max if i.scale else None,
                    scale_labels=dict(i.scale.labels) if i.scale else {},
                    unit=i.unit or "",
                )
                for i in s.items
            ),
        )
        for s in model.sections
    )
    return ChecklistTemplate(model.id, model.version, model.title, model.summary, sections, model.section,
                             _sources(model.sources), name, translation=_translation(model.translation))


def _load_checklist(path: Path, name: str, refs: _Refs, found: _Collector) -> ChecklistTemplate | None:
    doc = found.attempt(lambda: parse_yaml(read_text(path, name), name))
    if doc is None:
        _remember_loose_file(path, name, "checklist", found)
        return None
    model = found.attempt(lambda: validate(doc, ChecklistModel))
    if model is None:
        _remember_loose(doc, "checklist", found)
        return None
    if not model.id.startswith("checklist-"):
        found.add(name, doc.line(("id",)), f"id '{model.id}' must start with 'checklist-'")
    if not found.define(model.id, name, doc.line(("id",))):
        return None
    if model.section is not None:
        refs.sections.append((name, doc.line(("section",)), model.section))
    _check_checklist(doc, model, refs, found)
    return _checklist(model, name)


def _glossary(doc: YamlDoc, refs: _Refs, found: _Collector) -> tuple[GlossaryTerm, ...]:
    models = found.attempt(lambda: validate(doc, GLOSSARY))
    terms: list[GlossaryTerm] = []
    seen: dict[str, int] = {}
    for index, model in enumerate(models or []):
        line = doc.line((index, "id"))
        if model.id in seen:
            found.add(doc.file, line, f"duplicate glossary id '{model.id}' (first on line {seen[model.id]})")
            continue
        seen[model.id] = line
        for s_index, target in enumerate(model.see):
            refs.items.append((doc.file, doc.line((index, "see", s_index)), target, "see", None))
        terms.append(GlossaryTerm(model.id, model.term, model.definition, tuple(model.see), _sources(model.sources),
                                  translation=_translation(model.translation)))
    return tuple(terms)


def _links(doc: YamlDoc, refs: _Refs, found: _Collector) -> tuple[Link, ...]:
    models = found.attempt(lambda: validate(doc, LINKS))
    links: list[Link] = []
    seen: dict[str, int] = {}
    for index, model in enumerate(models or []):
        line = doc.line((index, "id"))
        if model.id in seen:
            found.add(doc.file, line, f"duplicate link id '{model.id}' (first on line {seen[model.id]})")
            continue
        seen[model.id] = line
        if model.section is not None:
            refs.sections.append((doc.file, doc.line((index, "section")), model.section))
        links.append(Link(model.id, model.title, model.url, model.description, model.section,
                          translation=_translation(model.translation)))
    return tuple(links)


def _check_refs(refs: _Refs, section_ids: set[str], kinds: dict[str, str], found: _Collector) -> None:
    for file, line, target in refs.sections:
        if target not in section_ids:
            found.add(file, line, f"unknown section '{target}' (not in sections.yaml)")
    for file, line, target, what, allowed in refs.items:
        kind = kinds.get(target)
        if kind is None:
            found.add(file, line, f"{what}: unknown item '{target}'")
        elif allowed is not None and kind not in allowed:
            found.add(file, line, f"{what}: '{target}' is a {kind}, expected a {' or '.join(allowed)}")


def _known_from(base: ContentPack | None, kinds: dict[str, str], section_ids: set[str]) -> None:
    """Add the ids of the English pack: a translation may leave its guides and cases to English."""
    if base is None:
        return
    for item in base.items.values():
        kinds.setdefault(item.id, item.kind)
    for template_id in base.checklists:
        kinds.setdefault(template_id, "checklist")
    section_ids |= {s.id for s in base.sections}


def check_pack(
    pack_dir: Path | None = None, language: str = DEFAULT_LANGUAGE, base: ContentPack | None = None
) -> tuple[ContentPack | None, list[Problem]]:
    """Load and validate ``pack_dir`` (default: the shipped pack of ``language``).

    ``base`` is the English pack a translated pack belongs to: references may point at its items (a
    translation may leave guides and cases to English). Returns the pack (None when there were problems)
    and every problem found, sorted by file and line. Texts carry the pack's language.
    """
    folder = pack_dir if pack_dir is not None else shipped_pack(language)
    found = _Collector()
    if not folder.is_dir():
        return None, [Problem(str(folder), 0, "the content pack folder does not exist")]
    refs = _Refs()

    header_doc = _yaml_file(folder, "pack.yaml", True, found)
    header = found.attempt(lambda: validate(header_doc, PackModel)) if header_doc else None
    if header is not None and header_doc is not None and len(folder.name) in (2, 3) and folder.name != header.language:
        found.add("pack.yaml", header_doc.line(("language",)),
                  f"language '{header.language}' does not match the folder name '{folder.name}'")

    sections: tuple[Section, ...] = ()
    sections_doc = _yaml_file(folder, "sections.yaml", True, found)
    if sections_doc is not None:
        doc = sections_doc
        models = found.attempt(lambda: validate(doc, SECTIONS))
        if models is not None:
            sections = _sections(doc, models, found)

    items: dict[str, ContentItem] = {}
    for kind in KINDS:
        for path in sorted((folder / KIND_FOLDERS[kind]).glob("*.md")):
            name = f"{KIND_FOLDERS[kind]}/{path.name}"
            item = _load_item(path, name, kind, refs, found)
            if item is not None:
                items[item.id] = item

    checklists: dict[str, ChecklistTemplate] = {}
    for path in sorted((folder / "checklists").glob("*.yaml")):
        template = _load_checklist(path, f"checklists/{path.name}", refs, found)
        if template is not None:
            checklists[template.id] = template

    glossary_doc = _yaml_file(folder, "glossary.yaml", False, found)
    glossary = _glossary(glossary_doc, refs, found) if glossary_doc else ()
    links_doc = _yaml_file(folder, "links.yaml", False, found)
    links = _links(links_doc, refs, found) if links_doc else ()

    kinds: dict[str, str] = {item.id: item.kind for item in items.values()}
    kinds.update({template.id: "checklist" for template in checklists.values()})
    for item_id, kind in found.loose.items():
        kinds.setdefault(item_id, kind)  # a file with problems is reported once, not at every reference
    section_ids = {s.id for s in sections}
    _known_from(base, kinds, section_ids)
    _check_refs(refs, section_ids, kinds, found)

    if found.problems or header is None:
        return None, sorted(found.problems)
    pack = ContentPack(header.id, header.version, header.language, header.title, sections, items,
                       glossary, links, checklists)
    return _in_language(pack), []


def _in_language(pack: ContentPack) -> ContentPack:
    """``pack`` with its language set on every text (the dataclasses default to English)."""
    if pack.language == DEFAULT_LANGUAGE:
        return pack
    lang = pack.language
    return replace(
        pack,
        sections=tuple(replace(s, language=lang) for s in pack.sections),
        items={k: replace(v, language=lang) for k, v in pack.items.items()},
        glossary=tuple(replace(t, language=lang) for t in pack.glossary),
        links=tuple(replace(x, language=lang) for x in pack.links),
        checklists={k: replace(v, language=lang) for k, v in pack.checklists.items()},
    )


#: packs checked in this process, by folder, base and a signature of every file (name, size, mtime): a pack
#: is parsed once per process even when several data folders load it (tests, a restored backup)
_CHECKED: dict[tuple[str, str, int | None, tuple[tuple[str, int, int], ...]], tuple[ContentPack | None,
                                                                                    list[Problem]]] = {}


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...] | None:
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return tuple((str(p.relative_to(folder)), (st := p.stat()).st_size, st.st_mtime_ns) for p in files)
    except OSError:
        return None


def check_pack_cached(
    pack_dir: Path, language: str = DEFAULT_LANGUAGE, base: ContentPack | None = None
) -> tuple[ContentPack | None, list[Problem]]:
    """``check_pack``, remembered for this process while no file of the folder changes."""
    signature = _signature(pack_dir)
    if signature is None:
        return check_pack(pack_dir, language, base)
    key = (str(pack_dir.resolve()), language, id(base) if base is not None else None, signature)
    found = _CHECKED.get(key)
    if found is None:
        found = check_pack(pack_dir, language, base)
        if len(_CHECKED) > 32:
            _CHECKED.clear()
        _CHECKED[key] = found
    return found[0], list(found[1])


def load_pack(pack_dir: Path | None = None, language: str = DEFAULT_LANGUAGE) -> ContentPack:
    """The pack in ``pack_dir`` (default: the shipped pack), or ContentError with every problem."""
    pack, problems = check_pack(pack_dir, language)
    if pack is None:
        raise ContentError(problems)
    return pack


def summary(pack: ContentPack) -> dict[str, Any]:
    """Counts of what a pack holds, for messages."""
    counts: dict[str, Any] = {kind: 0 for kind in KINDS}
    for item in pack.items.values():
        counts[item.kind] += 1
    counts.update(sections=len(pack.sections), checklists=len(pack.checklists),
                  glossary=len(pack.glossary), links=len(pack.links))
    return counts
