"""What the loader needs from a Markdown body: its plain text (for search), its links and its faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ITEM_SCHEME = "item:"


@dataclass
class BodyFacts:
    text: str
    #: (line inside the body, 1-based; target) of every ``item:`` link
    item_links: list[tuple[int, str]] = field(default_factory=list)
    #: (line inside the body, 1-based; source) of every image
    images: list[tuple[int, str]] = field(default_factory=list)
    #: (line inside the body, 1-based; message)
    faults: list[tuple[int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def analyse(body: str) -> BodyFacts:
    """Parse CommonMark ``body`` once and collect its text, item links, images and format faults."""
    facts = BodyFacts(text="")
    blocks: list[str] = []
    line = 1
    for token in _parser().parse(body):
        if token.map:
            line = token.map[0] + 1
        if token.type in ("html_block",):
            facts.faults.append((line, "raw HTML is not allowed in the body"))
        elif token.type == "heading_open" and token.tag == "h1":
            facts.faults.append((line, "level-1 heading: the title comes from the front matter; start at '##'"))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.strip())
        elif token.type == "inline":
            blocks.append(_inline(token, line, facts))
    facts.text = "\n".join(b for b in blocks if b)
    return facts


def _inline(token: Token, line: int, facts: BodyFacts) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            line += 1
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if href.startswith(ITEM_SCHEME):
                facts.item_links.append((line, href[len(ITEM_SCHEME):]))
        elif child.type == "image":
            facts.images.append((line, str(child.attrs.get("src", ""))))
            parts.append(child.content)
        elif child.type == "html_inline":
            facts.faults.append((line, f"raw HTML is not allowed in the body ({child.content.strip()[:40]})"))
    return "".join(parts).strip()
