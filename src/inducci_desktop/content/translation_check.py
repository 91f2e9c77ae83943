"""The structural comparison of a translated pack with the English one, each difference with file and line.

Works on the YAML node trees (not the loaded dataclasses), so a missing or extra key is reported at the
line where it is, or where the list it is missing from starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inducci_desktop.content.labels import KIND_FOLDERS, KINDS
from inducci_desktop.content.problems import ContentError, Problem
from inducci_desktop.content.validate import YamlDoc, parse_yaml

Path_ = tuple[str | int, ...]

#: Folders whose every file a translated pack must have; the others may fall back to English.
REQUIRED_KINDS = ("format", "interview")
REQUIRED_FILES = ("glossary.yaml",)  # sections.yaml: the loader requires it of every pack
#: Front matter that is structure, not text: it must equal the English value.
STRUCTURAL_KEYS = ("id", "section", "tags", "sources", "related", "formats", "duration_minutes", "group_size",
                   "audience")
#: Front matter lists of text: translated entry by entry, so their length must equal the English one.
TEXT_LISTS = ("where", "partners", "results", "lessons", "materials", "steps")


def required_files(base_dir: Path) -> list[str]:
    """The pack files every translated pack must have (relative names), from the English pack."""
    names = list(REQUIRED_FILES)
    names += [f"checklists/{p.name}" for p in sorted((base_dir / "checklists").glob("*.yaml"))]
    for kind in REQUIRED_KINDS:
        names += [f"{KIND_FOLDERS[kind]}/{p.name}" for p in sorted((base_dir / KIND_FOLDERS[kind]).glob("*.md"))]
    return names


class Comparison:
    """One translated pack against the English pack; ``run()`` lists the problems."""

    def __init__(self, base_dir: Path, folder: Path, language: str) -> None:
        self.base_dir = base_dir
        self.folder = folder
        self.language = language
        self.problems: list[Problem] = []

    def add(self, doc: YamlDoc | str, path: Path_, message: str) -> None:
        if isinstance(doc, str):
            self.problems.append(Problem(doc, 0, message))
        else:
            self.problems.append(Problem(doc.file, doc.line(path), message))

    def run(self) -> list[Problem]:
        for name in required_files(self.base_dir):
            if not (self.folder / name).exists():
                self.add(name, (), "missing file: it must be translated (the English pack has it)")
        for kind in KINDS:
            sub = KIND_FOLDERS[kind]
            for path in sorted((self.folder / sub).glob("*.md")):
                self._markdown(f"{sub}/{path.name}", kind)
        for path in sorted((self.folder / "checklists").glob("*.yaml")):
            self._checklist(f"checklists/{path.name}")
        self._list_file("sections.yaml", self._sections_tree)
        self._list_file("glossary.yaml", self._flat("glossary term", ("see", "sources")))
        self._list_file("links.yaml", self._flat("link", ("url", "section")))
        return sorted(self.problems)

    # --- reading ------------------------------------------------------------------------------------

    def _docs(self, name: str, front_matter: bool = False) -> tuple[YamlDoc, YamlDoc, str, str] | None:
        """(English doc, translated doc, English body, translated body), or None (reported) if unusable."""
        from inducci_desktop.content.loader import read_text, split_front_matter

        english = self.base_dir / name
        if not english.exists():
            self.add(name, (), "extra file: the English pack has no such file (translated files keep the "
                               "English file names)")
            return None
        try:
            texts = [read_text(english, name), read_text(self.folder / name, name)]
            bodies = ["", ""]
            offsets = [0, 0]
            if front_matter:
                for n in (0, 1):
                    front, bodies[n], _ = split_front_matter(texts[n], name)
                    texts[n], offsets[n] = front, 1
            docs = [parse_yaml(texts[n], name, line_offset=offsets[n]) for n in (0, 1)]
        except ContentError as exc:  # reported by the loader as well; not compared further
            self.problems.extend(exc.problems)
            return None
        return docs[0], docs[1], bodies[0], bodies[1]

    # --- metadata -----------------------------------------------------------------------------------

    def _metadata(self, doc: YamlDoc, path: Path_, data: Any, what: str) -> None:
        meta = data.get("translation") if isinstance(data, dict) else None
        if not isinstance(meta, dict):
            self.add(doc, path, f"missing translation metadata on {what}: add translation: {{language: "
                                f"{self.language}, translated_by: …, reviewed: false}}")
            return
        if meta.get("language") != self.language:
            self.add(doc, (*path, "translation", "language"),
                     f"translation.language of {what} is {meta.get('language')!r}, expected '{self.language}'")
        if not isinstance(meta.get("translated_by"), str) or not meta.get("translated_by", "").strip():
            self.add(doc, (*path, "translation"), f"translation.translated_by of {what} is missing or empty")
        if not isinstance(meta.get("reviewed"), bool):
            self.add(doc, (*path, "translation"), f"translation.reviewed of {what} must be true or false")

    # --- Markdown items -----------------------------------------------------------------------------

    def _markdown(self, name: str, kind: str) -> None:
        from inducci_desktop.content.markdown import analyse

        docs = self._docs(name, front_matter=True)
        if docs is None:
            return
        english, translated, en_body, tr_body = docs
        en, tr = english.data, translated.data
        if not isinstance(en, dict) or not isinstance(tr, dict):
            return
        self._metadata(translated, (), tr, "the item")
        for key in STRUCTURAL_KEYS:
            if key in en and key not in tr:
                self.add(translated, (), f"missing key '{key}' (English: {_short(en[key])})")
            elif key in tr and key not in en:
                self.add(translated, (key,), f"extra key '{key}': the English file has none")
            elif key in en and en[key] != tr[key]:
                self.add(translated, (key,), f"differs from English: '{key}' must stay {_short(en[key])}")
        for key in TEXT_LISTS:
            a, b = en.get(key), tr.get(key)
            if isinstance(a, list) and (not isinstance(b, list) or len(a) != len(b)):
                count = len(b) if isinstance(b, list) else 0
                self.add(translated, (key,), f"differs from English: '{key}' has {count} entries, "
                                             f"English {len(a)} (translate entry by entry)")
        extra = sorted(set(tr) - set(en) - {"translation"} - set(STRUCTURAL_KEYS))
        for key in extra:
            self.add(translated, (key,), f"extra key '{key}': the English file has none")
        for key in sorted(set(en) - set(tr) - set(STRUCTURAL_KEYS)):
            self.add(translated, (), f"missing key '{key}'")
        en_links = [target for _line, target in analyse(en_body).item_links]
        tr_links = analyse(tr_body).item_links
        if en_links != [target for _line, target in tr_links]:
            line = tr_links[0][0] if tr_links else 0
            self.problems.append(Problem(name, line + _body_offset(self.folder / name) if line else 0,
                                         f"differs from English: links to items {[t for _l, t in tr_links]}, "
                                         f"English {en_links}"))
        del kind

    # --- checklists ---------------------------------------------------------------------------------

    def _checklist(self, name: str) -> None:
        docs = self._docs(name)
        if docs is None:
            return
        english, translated, _a, _b = docs
        en, tr = english.data, translated.data
        if not isinstance(en, dict) or not isinstance(tr, dict):
            return
        self._metadata(translated, (), tr, "the checklist")
        for key in ("id", "version", "section", "sources"):
            if en.get(key) != tr.get(key):
                self.add(translated, (key,), f"differs from English: '{key}' must stay {_short(en.get(key))}")
        self._keyed(english, translated, ("sections",), "section", self._checklist_section)

    def _checklist_section(self, english: YamlDoc, translated: YamlDoc, en_path: Path_, tr_path: Path_) -> None:
        self._keyed(english, translated, (*en_path, "items"), "item", self._checklist_item, tr_path=(*tr_path, "items"))

    def _checklist_item(self, english: YamlDoc, translated: YamlDoc, en_path: Path_, tr_path: Path_) -> None:
        en, tr = _at(english.data, en_path), _at(translated.data, tr_path)
        key = en.get("key")
        for field in ("type", "weight", "required", "guide"):
            if en.get(field) != tr.get(field):
                self.add(translated, (*tr_path, field),
                         f"differs from English: '{field}' of item '{key}' must stay {_short(en.get(field))}")
        if ("unit" in en) != ("unit" in tr):
            self.add(translated, tr_path, f"differs from English: item '{key}' "
                                          f"{'needs' if 'unit' in en else 'must not have'} a 'unit'")
        en_scale, tr_scale = en.get("scale"), tr.get("scale")
        if isinstance(en_scale, dict) or isinstance(tr_scale, dict):
            a = en_scale if isinstance(en_scale, dict) else {}
            b = tr_scale if isinstance(tr_scale, dict) else {}
            labels_a = sorted((a.get("labels") or {}).keys())
            labels_b = sorted((b.get("labels") or {}).keys())
            if (a.get("min"), a.get("max"), labels_a) != (b.get("min"), b.get("max"), labels_b):
                self.add(translated, (*tr_path, "scale"), f"differs from English: the scale of item '{key}' must "
                                                          f"stay min {a.get('min')}, max {a.get('max')}, labels "
                                                          f"{labels_a}")
        if "options" in en or "options" in tr:
            self._keyed(english, translated, (*en_path, "options"), "option", self._option,
                        tr_path=(*tr_path, "options"), owner=f" of item '{key}'")

    def _option(self, english: YamlDoc, translated: YamlDoc, en_path: Path_, tr_path: Path_) -> None:
        en, tr = _at(english.data, en_path), _at(translated.data, tr_path)
        if en.get("score") != tr.get("score"):
            self.add(translated, (*tr_path, "score"),
                     f"differs from English: the score of option '{en.get('key')}' must stay {en.get('score')}")

    def _keyed(self, english: YamlDoc, translated: YamlDoc, en_path: Path_, what: str, inner: Any,
               tr_path: Path_ | None = None, owner: str = "") -> None:
        """Compare a list of mappings with ``key``: missing, extra and reordered keys; then each pair."""
        tr_path = en_path if tr_path is None else tr_path
        a = _at(english.data, en_path)
        b = _at(translated.data, tr_path)
        a = a if isinstance(a, list) else []
        b = b if isinstance(b, list) else []
        en_keys = [e.get("key") if isinstance(e, dict) else None for e in a]
        tr_keys = [e.get("key") if isinstance(e, dict) else None for e in b]
        for index, key in enumerate(tr_keys):
            if key not in en_keys:
                self.add(translated, (*tr_path, index, "key"), f"extra {what} key '{key}'{owner}: English has none")
        for key in en_keys:
            if key not in tr_keys:
                where = english.line((*en_path, en_keys.index(key), "key"))
                self.add(translated, tr_path, f"missing {what} key '{key}'{owner} (English line {where})")
        common = [k for k in en_keys if k in tr_keys]
        if common != [k for k in tr_keys if k in en_keys]:
            self.add(translated, tr_path, f"differs from English: the order of the {what} keys{owner} must be "
                                          f"{', '.join(str(k) for k in en_keys)}")
        for key in common:
            inner(english, translated, (*en_path, en_keys.index(key)), (*tr_path, tr_keys.index(key)))

    # --- sections, glossary, links ------------------------------------------------------------------

    def _list_file(self, name: str, compare: Any) -> None:
        if not (self.folder / name).exists():
            return  # a missing required file is reported above; links.yaml may fall back
        docs = self._docs(name)
        if docs is None:
            return
        english, translated, _a, _b = docs
        compare(english, translated)

    def _sections_tree(self, english: YamlDoc, translated: YamlDoc) -> None:
        def flat(data: Any, path: Path_, parent: str | None, out: dict[str, tuple[Path_, str | None]]) -> None:
            for index, entry in enumerate(data if isinstance(data, list) else []):
                if isinstance(entry, dict):
                    here = (*path, index)
                    out[str(entry.get("id"))] = (here, parent)
                    flat(entry.get("children"), (*here, "children"), str(entry.get("id")), out)

        en: dict[str, tuple[Path_, str | None]] = {}
        tr: dict[str, tuple[Path_, str | None]] = {}
        flat(english.data, (), None, en)
        flat(translated.data, (), None, tr)
        self._ids(english, translated, en, tr, "section")
        for section_id, (path, parent) in tr.items():
            if section_id in en and en[section_id][1] != parent:
                self.add(translated, (*path, "id"), f"differs from English: section '{section_id}' must stay "
                                                    f"under '{en[section_id][1] or 'the top level'}'")
            self._metadata(translated, path, _at(translated.data, path), f"section '{section_id}'")

    def _flat(self, what: str, fields: tuple[str, ...]) -> Any:
        def compare(english: YamlDoc, translated: YamlDoc) -> None:
            en = {str(e.get("id")): ((n,), e) for n, e in enumerate(_list(english.data)) if isinstance(e, dict)}
            tr = {str(e.get("id")): ((n,), e) for n, e in enumerate(_list(translated.data)) if isinstance(e, dict)}
            self._ids(english, translated, {k: (v[0], None) for k, v in en.items()},
                      {k: (v[0], None) for k, v in tr.items()}, what)
            for entry_id, (path, entry) in tr.items():
                self._metadata(translated, path, entry, f"{what} '{entry_id}'")
                if entry_id not in en:
                    continue
                for field in fields:
                    expected = en[entry_id][1].get(field)
                    if expected != entry.get(field):
                        self.add(translated, (*path, field), f"differs from English: '{field}' of {what} "
                                                             f"'{entry_id}' must stay {_short(expected)}")

        return compare

    def _ids(self, english: YamlDoc, translated: YamlDoc, en: dict[str, tuple[Path_, str | None]],
             tr: dict[str, tuple[Path_, str | None]], what: str) -> None:
        for entry_id, (path, _parent) in tr.items():
            if entry_id not in en:
                self.add(translated, (*path, "id"), f"extra {what} id '{entry_id}': English has none")
        for entry_id, (path, _parent) in en.items():
            if entry_id not in tr:
                self.add(translated, (), f"missing {what} id '{entry_id}' (English line {english.line((*path, 'id'))})")
        common = [k for k in en if k in tr]
        if common != [k for k in tr if k in en]:
            self.add(translated, (), f"differs from English: the {what} entries must stay in the English order")


def _at(data: Any, path: Path_) -> Any:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def _list(data: Any) -> list[Any]:
    return data if isinstance(data, list) else []


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _body_offset(path: Path) -> int:
    """Lines before the body of a Markdown file (its front matter and both fences)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    fences = [n for n, line in enumerate(lines) if line.rstrip() == "---"]
    return fences[1] + 1 if len(fences) > 1 else 0


__all__ = ["REQUIRED_KINDS", "Comparison"]
