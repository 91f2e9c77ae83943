"""Strict schemas of the content files (pydantic v2) and YAML parsing that keeps line numbers.

Every problem names its file and line: YAML is composed into nodes (which carry marks) and then
constructed, and a pydantic error location such as ``sections[1].items[3].weight`` is walked down the
node tree to the deepest node that exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter
from pydantic import ValidationError as PydanticError

from inducci_desktop.content.problems import ContentError, Problem
from inducci_desktop.domain import rules

__all__ = ["ContentError", "Problem"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Url = Annotated[str, StringConstraints(pattern=r"^(https?://|mailto:)\S+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$"


class TranslationModel(Strict):
    """``translation: {language, translated_by, reviewed}`` on every item of a translated pack."""

    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
    translated_by: Text
    reviewed: bool


class SourceModel(Strict):
    url: Url
    title: str = ""


class PackModel(Strict):
    id: Id
    version: Text
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
    title: Text


class SectionModel(Strict):
    id: Id
    title: Text
    summary: str = ""
    children: list[SectionModel] = []
    translation: TranslationModel | None = None


class CommonFrontMatter(Strict):
    id: Id
    section: Id
    title: Text
    summary: Text
    tags: list[Text] = []
    sources: Annotated[list[SourceModel], Field(min_length=1)]
    related: list[Id] = []
    translation: TranslationModel | None = None


class GuideFrontMatter(CommonFrontMatter):
    pass


class CaseFrontMatter(CommonFrontMatter):
    where: Annotated[list[Text], Field(min_length=1)]
    when: Text
    region: Text
    partners: list[Text] = []
    formats: list[Id] = []
    results: Annotated[list[Text], Field(min_length=1)]
    lessons: Annotated[list[Text], Field(min_length=1)]


class Range(Strict):
    min: Annotated[int, Field(ge=0)]
    max: Annotated[int, Field(ge=0)]


class FormatFrontMatter(CommonFrontMatter):
    purpose: Text
    duration: Text
    duration_minutes: Range | None = None
    group_size: Range | None = None
    materials: list[Text] = []
    steps: Annotated[list[Text], Field(min_length=1)]


class InterviewFrontMatter(CommonFrontMatter):
    audience: Literal["cci", "industry", "administration"]
    duration: str = ""


FRONT_MATTER: dict[str, type[CommonFrontMatter]] = {
    "guide": GuideFrontMatter,
    "case": CaseFrontMatter,
    "format": FormatFrontMatter,
    "interview": InterviewFrontMatter,
}
COMMON_KEYS = frozenset(CommonFrontMatter.model_fields)


class OptionModel(Strict):
    key: Key
    label: Text
    score: Annotated[float, Field(ge=0, le=1)] | None = None


class ScaleModel(Strict):
    min: int
    max: int
    labels: dict[int, Text] = {}


class ChecklistItemModel(Strict):
    key: Key
    text: Text
    help: str = ""
    type: rules.ItemType
    weight: Annotated[float, Field(gt=0)] = 1.0
    required: bool = False
    guide: Id | None = None
    options: list[OptionModel] | None = None
    scale: ScaleModel | None = None
    unit: str | None = None


class ChecklistSectionModel(Strict):
    key: Key
    title: Text
    items: Annotated[list[ChecklistItemModel], Field(min_length=1)]


class ChecklistModel(Strict):
    id: Id
    version: Annotated[int, Field(ge=1)]
    title: Text
    summary: Text
    section: Id | None = None
    sources: Annotated[list[SourceModel], Field(min_length=1)]
    sections: Annotated[list[ChecklistSectionModel], Field(min_length=1)]
    translation: TranslationModel | None = None


class GlossaryTermModel(Strict):
    id: Id
    term: Text
    definition: Text
    see: list[Id] = []
    sources: list[SourceModel] = []
    translation: TranslationModel | None = None


class LinkModel(Strict):
    id: Id
    title: Text
    url: Url
    description: str = ""
    section: Id | None = None
    translation: TranslationModel | None = None


SECTIONS = TypeAdapter(list[SectionModel])
GLOSSARY = TypeAdapter(list[GlossaryTermModel])
LINKS = TypeAdapter(list[LinkModel])


@dataclass
class YamlDoc:
    """A parsed YAML document with its node tree, to find the line of any path inside it."""

    file: str
    data: Any
    node: yaml.Node | None
    line_offset: int = 0  # lines of the file before the YAML text (front matter: the opening '---')

    def line(self, path: tuple[str | int, ...] = ()) -> int:
        node = self.node
        if node is None:
            return self.line_offset + 1
        for step in path:
            found = _child(node, step)
            if found is None:
                continue  # pydantic adds steps that are not in the data (union members, '[key]')
            node = found
        return node.start_mark.line + 1 + self.line_offset

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        return Problem(self.file, self.line(path), message)


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value  # untyped in the stubs
        for key_node, value_node in pairs:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        items: list[yaml.Node] = node.value
        return items[step]
    return None


def _key_node(node: yaml.Node | None, path: tuple[str | int, ...]) -> yaml.Node | None:
    """The key node of the last step of ``path`` (for unknown keys: point at the key itself)."""
    for step in path[:-1]:
        if node is None:
            return None
        node = _child(node, step)
    if isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(path[-1]):
                return key_node
    return None


_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document, keeping its nodes; raises ContentError with the line of a syntax error."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark is not None else 1) + line_offset
        reason = exc.problem or exc.context or "invalid YAML"
        raise ContentError([Problem(file, line, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(file, 1 + line_offset, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if node is not None and _may_hold_control(text):
        _refuse_control_characters(node, file, line_offset)
    return YamlDoc(file, data, node, line_offset)


def _may_hold_control(text: str) -> bool:
    """Whether a string parsed from ``text`` could hold a control character: only if the text holds one or
    an escape (``"\\x01"``); most files have neither and their nodes need not be walked."""
    from inducci_desktop.domain.text import find_control

    return "\\" in text or find_control(text, multiline=True) is not None


def _refuse_control_characters(root: yaml.Node, file: str, line_offset: int) -> None:
    """The control-character rule (domain/text.py) for every string of a YAML document, e.g. ``"\\x01"``."""
    from inducci_desktop.domain.text import describe, find_control

    problems: list[Problem] = []
    stack: list[yaml.Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found = find_control(str(node.value), multiline=True)
            if found is not None:
                problems.append(Problem(file, node.start_mark.line + 1 + line_offset,
                                        f"the text contains a {describe(found[1])}; remove it"))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    if problems:
        raise ContentError(sorted(problems))


def _path_text(loc: tuple[str | int, ...]) -> str:
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        elif step == "[key]":
            text += " (key)"
        else:
            text += f".{step}" if text else str(step)
    return text or "document"


def _message(error: Any) -> str:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    where = _path_text(loc)
    if kind == "missing":
        parent = _path_text(loc[:-1])
        return f"missing key '{loc[-1]}'" + (f" in {parent}" if loc[:-1] else "")
    if kind == "extra_forbidden":
        return f"unknown key '{where}'"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        hint = {
            ID_PATTERN: "lowercase a-z, 0-9 and single '-' between parts",
            KEY_PATTERN: "lowercase a-z, 0-9, '_' and '-'",
        }.get(pattern, f"pattern {pattern}")
        return f"{where}: {error.get('input')!r} is not valid ({hint})"
    value = error.get("input")
    shown = "" if isinstance(value, dict | list) else f" (found {value!r})"
    return f"{where}: {error['msg']}{shown}"


def validate(doc: YamlDoc, model: type[BaseModel] | TypeAdapter[Any]) -> Any:
    """Validate ``doc`` against ``model``; raises ContentError with one problem per pydantic error."""
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(doc.data)
        return model.model_validate(doc.data)
    except PydanticError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            line = doc.line(loc)
            if error["type"] == "extra_forbidden":
                key = _key_node(doc.node, loc)
                if key is not None:
                    line = key.start_mark.line + 1 + doc.line_offset
            elif error["type"] == "missing":
                line = doc.line(loc[:-1])
            problems.append(Problem(doc.file, line, _message(error)))
        raise ContentError(problems) from None
