"""The questions of the toolbox's interview guides, read from their Markdown bodies.

A question is an item of a numbered list under a ``##`` heading; its key is ``q<number>`` from the list's
own numbering (so it stays the same across languages and content updates) and its section is the heading.
The bullet lists of "How to conduct the interview" and the paragraphs of "After the interview" are not
numbered lists, so they are not questions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import GuideQuestion, InterviewGuide
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from markdown_it.token import Token

    from inducci_desktop.services.library.service import LibraryService

GUIDE_IDS: tuple[str, ...] = rules.INTERVIEW_GUIDE.values


def parse_questions(body: str) -> tuple[GuideQuestion, ...]:
    """The numbered questions of a guide's Markdown ``body``, in order (tokens of markdown-it-py)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    questions: list[GuideQuestion] = []
    section = ""
    lists: list[str] = []  # the open lists, innermost last: "ol" or "ul"
    number: int | None = None  # the number of the top-level numbered item whose text comes next
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            section = _inline_text(tokens[index + 1])
        elif token.type in ("ordered_list_open", "bullet_list_open"):
            lists.append("ol" if token.type == "ordered_list_open" else "ul")
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and lists == ["ol"]:
            number = int(token.info) if token.info.isdigit() else len(questions) + 1
        elif token.type == "inline" and number is not None:
            questions.append(GuideQuestion(f"q{number}", number, section, _inline_text(token)))
            number = None
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise ValidationError(_("The interview guide numbers two questions the same; each needs its own number."))
    return tuple(questions)


def _inline_text(token: Token) -> str:
    """The plain text of an inline token (emphasis and links reduced to their words)."""
    if not token.children:
        return token.content.strip()
    parts = []
    for child in token.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


@lru_cache(maxsize=32)
def _cached(guide_id: str, title: str, body: str) -> InterviewGuide:
    return InterviewGuide(guide_id, title, parse_questions(body))


def load_guide(library: LibraryService, guide_id: str) -> InterviewGuide:
    """The guide ``guide_id`` of the loaded toolbox content, with its questions."""
    if guide_id not in GUIDE_IDS:
        raise ValidationError(_("{guide!r} is not an interview guide; use one of: {choices}.")
                              .format(guide=guide_id, choices=", ".join(GUIDE_IDS)))
    try:
        item = library.item(guide_id)
    except NotFoundError:
        raise NotFoundError(_("The toolbox content has no interview guide {guide!r}.").format(guide=guide_id)) from None
    return _cached(guide_id, item.title, item.body)


def guide_title(library: LibraryService, guide_id: str) -> str:
    try:
        return load_guide(library, guide_id).title
    except (NotFoundError, ValidationError):
        return rules.INTERVIEW_GUIDE.labels.get(guide_id, guide_id)
