"""CommonMark (with pipe tables) → ReportLab flowables.

Covers what toolbox content and users' notes use: headings, paragraphs, emphasis, code, nested
bullet and numbered lists, tables, images, links, block quotes and rules. Raw HTML is printed as
text. All text is escaped for ReportLab's paragraph markup.
"""

from __future__ import annotations

import importlib.resources
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    ListItem,
    Table,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.fonts import SANS
from inducci_desktop.printing.lists import bulleted_list, numbered_list
from inducci_desktop.printing.markup import escape, link, mono
from inducci_desktop.printing.options import lookup_title
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import RULE, Styles, data_table_style, get_styles, quote_table_style
from inducci_desktop.printing.templates import mark_heading

_EXTERNAL = ("http://", "https://", "mailto:")
_BULLETS = ("•", "–", "◦")
#: A paragraph is laid out in pieces of at most this many characters of markup (split between words):
#: ReportLab breaks a paragraph that runs over a page by re-wrapping all of the rest, so one long
#: paragraph costs time quadratic in its length; pieces keep layout linear (bench/markdown_layout.py).
CHUNK = 2000
#: The most columns a table may have (more do not fit across a page, even in the smallest type).
MAX_TABLE_COLUMNS = 40
#: Quotes nested deeper than this are refused (each level takes width from the page).
MAX_QUOTE_DEPTH = 8
#: Emphasis and links nested deeper than this are refused (the renderer works recursively).
MAX_INLINE_DEPTH = 50
_QUOTE_INDENT = 16.0


def resource_roots(language: str = "en") -> tuple[Traversable, ...]:
    """Where images named in toolbox content are looked up: the language's pack, the English pack (a text a
    translation lacks is printed in English with its images), then resources."""
    base = importlib.resources.files("inducci_desktop.resources")
    return (base / "content" / language, base / "content" / "en", base)


@dataclass(frozen=True)
class MarkdownContext:
    """How Markdown is turned into flowables.

    Args:
        width: the frame width in points (tables and images fit into it).
        titles: item id → title, for ``item:ID`` links.
        image_roots: folders searched in order for relative image paths; paths may not leave them.
        outline: whether headings become PDF bookmarks (outline level = heading level - 1).
    """

    width: float
    titles: Mapping[str, str] | None = None
    image_roots: tuple[Traversable | Path, ...] = ()
    outline: bool = True
    styles: Styles = field(default_factory=get_styles)


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def first_heading(text: str) -> tuple[str | None, str]:
    """The text of the first level-1 heading if the document starts with one, and the rest of it.

    Only the first block is parsed (up to the first blank line after some text): the heading is there or
    nowhere, and a long file is not parsed twice. A block with a link in it is parsed with the whole text,
    whose reference definitions may decide what the link reads."""
    tokens = parser().parse(_first_block(text))
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        inline = tokens[1]
        title = "".join(
            child.content for child in (inline.children or []) if child.type in ("text", "code_inline")
        ).strip()
        end_line = tokens[0].map[1] if tokens[0].map else 1
        rest = "\n".join(text.splitlines()[end_line:])
        return (title or None), rest
    return None, text


def _first_block(text: str) -> str:
    lines = text.splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    block = "\n".join(lines[:end])
    return text if "[" in block else block


def to_flowables(text: str, ctx: MarkdownContext) -> list[Flowable]:
    """Flowables for the Markdown ``text``.

    Raises:
        PrintError: the text is nested too deeply, or has a table too wide or quotes too deep to print.
    """
    try:
        tokens = parser().parse(text)
        _check_nesting(tokens)
        tree = SyntaxTreeNode(tokens)
        return _Renderer(ctx).blocks(tree.children, ctx.styles.body, depth=0)
    except RecursionError:
        raise PrintError(_("The Markdown text is nested too deeply to be printed (emphasis, links, lists or quotes "
                         "inside each other many hundreds of times). Simplify it and print it again.")) from None


def _check_nesting(tokens: Sequence[Token]) -> None:
    """Refuse, before any recursive step, emphasis and links nested deeper than MAX_INLINE_DEPTH (linear)."""
    for token in tokens:
        depth = deepest = 0
        for child in token.children or ():
            depth += child.nesting
            deepest = max(deepest, depth)
        if deepest > MAX_INLINE_DEPTH:
            line = token.map[0] + 1 if token.map else 1
            raise PrintError(_("The Markdown text is nested too deeply at line {line}: emphasis or links inside each "
                "other {deepest} levels deep (at most {MAX_INLINE_DEPTH} can be printed). Simplify it and print it "
                    "again.")
                .format(line=line, deepest=deepest, MAX_INLINE_DEPTH=MAX_INLINE_DEPTH))


class _Image:
    """An image reference met inside a paragraph."""

    def __init__(self, src: str, alt: str) -> None:
        self.src = src
        self.alt = alt


class _FitImage(Image):
    """An image scaled down (never up) to fit the frame."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        scale = min(1.0, availWidth / self.imageWidth, (availHeight * 0.9) / self.imageHeight)
        self.drawWidth = self.imageWidth * scale
        self.drawHeight = self.imageHeight * scale
        return self.drawWidth, self.drawHeight


class _Renderer:
    def __init__(self, ctx: MarkdownContext) -> None:
        self.ctx = ctx
        self.styles = ctx.styles
        self.quote_depth = 0
        self._piece_styles: dict[tuple[str, bool, bool], ParagraphStyle] = {}

    # -- blocks ------------------------------------------------------------------------------
    def blocks(self, nodes: Sequence[SyntaxTreeNode], style: ParagraphStyle, depth: int) -> list[Flowable]:
        out: list[Flowable] = []
        for node in nodes:
            out.extend(self.block(node, style, depth))
        return out

    def block(self, node: SyntaxTreeNode, style: ParagraphStyle, depth: int) -> list[Flowable]:
        kind = node.type
        if kind == "heading":
            return self.heading(node)
        if kind == "paragraph":
            return self.paragraph(node, style)
        if kind in ("bullet_list", "ordered_list"):
            return [self.list_block(node, depth)]
        if kind == "blockquote":
            return [self.blockquote(node, depth)]
        if kind in ("fence", "code_block"):
            return [self.code(node.content)]
        if kind == "hr":
            return [HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=6, spaceAfter=8)]
        if kind == "table":
            return [self.table(node)]
        if kind == "html_block":  # html is off, but keep a safe fallback: print it as text
            return [Paragraph(escape(node.content), style)]
        return self.blocks(node.children, style, depth)

    def heading(self, node: SyntaxTreeNode) -> list[Flowable]:
        level = int(node.tag[1:]) if node.tag[1:].isdigit() else 2
        markup = self._markup(self.inline(node.children[0]) if node.children else [])
        para = Paragraph(markup, self.styles.heading(level))
        if self.ctx.outline:
            mark_heading(para, _plain(node), outline_level=level - 1)
        return [para]

    def paragraph(self, node: SyntaxTreeNode, style: ParagraphStyle) -> list[Flowable]:
        parts = self.inline(node.children[0]) if node.children else []
        out: list[Flowable] = []
        buffer: list[str] = []
        for part in parts:
            if isinstance(part, _Image):
                out.extend(self._text_pieces(buffer, style))
                buffer = []
                out.append(self.image(part))
            else:
                buffer.append(part)
        out.extend(self._text_pieces(buffer, style))
        return out

    def _text_pieces(self, parts: Sequence[str], style: ParagraphStyle) -> list[Flowable]:
        """One Paragraph for short text; for long text pieces of about CHUNK characters that read as one
        paragraph (no space between them, no first-line indent after the first)."""
        if not "".join(parts).strip():
            return []
        pieces = [p.strip() for p in chunk_markup(parts, CHUNK)]
        pieces = [p for p in pieces if p]
        if len(pieces) == 1:
            return [Paragraph(pieces[0], style)]
        last = len(pieces) - 1
        return [Paragraph(p, self._piece_style(style, i == 0, i == last)) for i, p in enumerate(pieces)]

    def _piece_style(self, style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
        key = (style.name, first, last)
        if key not in self._piece_styles:
            self._piece_styles[key] = ParagraphStyle(
                f"{style.name}-piece-{int(first)}{int(last)}", parent=style,
                spaceBefore=style.spaceBefore if first else 0, spaceAfter=style.spaceAfter if last else 0,
                firstLineIndent=style.firstLineIndent if first else 0)
        return self._piece_styles[key]

    def list_block(self, node: SyntaxTreeNode, depth: int) -> Flowable:
        ordered = node.type == "ordered_list"
        items: list[ListItem] = []
        for child in node.children:
            flowables = self.blocks(child.children, self.styles.list_item, depth + 1)
            items.append(ListItem(flowables or [Paragraph("", self.styles.list_item)]))
        spacing = 4 if depth == 0 else 0
        if ordered:
            start = int(node.attrs.get("start", 1) or 1)
            return numbered_list(items, self.styles.list_item, start=start, space_after=spacing)
        return bulleted_list(items, self.styles.list_item, bullet=_BULLETS[min(depth, len(_BULLETS) - 1)],
                             space_after=spacing)

    def blockquote(self, node: SyntaxTreeNode, depth: int) -> Flowable:
        if self.quote_depth >= MAX_QUOTE_DEPTH:
            raise PrintError(_("The quote at line {line} is nested more than {MAX_QUOTE_DEPTH} levels deep (lines "
                "starting with many '>'); at most {MAX_QUOTE_DEPTH} levels can be printed.")
                .format(line=_line(node), MAX_QUOTE_DEPTH=MAX_QUOTE_DEPTH))
        self.quote_depth += 1
        try:
            inner = self.blocks(node.children, self.styles.quote, depth)
        finally:
            self.quote_depth -= 1
        width = self.ctx.width - 8 - _QUOTE_INDENT * self.quote_depth
        table = Table([[inner]], colWidths=[width], style=quote_table_style(), splitInRow=1,
                      hAlign="LEFT", spaceBefore=4, spaceAfter=8)
        # KeepTogether cannot go inside a table cell (an outer quote): ReportLab fails on it there
        return KeepTogether([table]) if len(inner) <= 2 and not self.quote_depth else table

    def code(self, text: str) -> Flowable:
        lines = text.rstrip("\n").split("\n")
        markup = "<br/>".join(_keep_indent(escape(line)) for line in lines)
        return Paragraph(markup, self.styles.code)

    def table(self, node: SyntaxTreeNode) -> Flowable:
        rows: list[list[Flowable]] = []
        texts: list[list[str]] = []
        aligns: list[str] = []
        header_rows = 0
        for section in node.children:
            for tr in section.children:
                row: list[Flowable] = []
                row_text: list[str] = []
                for col, cell in enumerate(tr.children):
                    header = cell.type == "th"
                    align = _cell_align(cell)
                    if len(aligns) <= col:
                        aligns.append(align)
                    base = self.styles.table_header if header else self.styles.table_cell
                    cell_style = _aligned(base, align)
                    markup = self._markup(self.inline(cell.children[0]) if cell.children else [])
                    row.append(Paragraph(markup, cell_style))
                    row_text.append(_plain(cell))
                rows.append(row)
                texts.append(row_text)
                if section.type == "thead":
                    header_rows += 1
        columns = max((len(r) for r in rows), default=1)
        if columns > MAX_TABLE_COLUMNS:
            raise PrintError(_("The table at line {line} has {columns} columns; at most {MAX_TABLE_COLUMNS} fit "
                "across a page. Split it into narrower tables.")
                .format(line=_line(node), columns=columns, MAX_TABLE_COLUMNS=MAX_TABLE_COLUMNS))
        for row in rows:  # pipe tables may have short rows
            row.extend(Paragraph("", self.styles.table_cell) for _unused in range(columns - len(row)))
        room = self.ctx.width - ((8 + _QUOTE_INDENT * self.quote_depth + 14) if self.quote_depth else 0)
        widths = _column_widths(texts, columns, room)
        return Table(rows, colWidths=widths, repeatRows=header_rows, style=data_table_style(
            header=header_rows > 0), hAlign="LEFT", spaceBefore=6, spaceAfter=10)

    # -- images ------------------------------------------------------------------------------
    def image(self, ref: _Image) -> Flowable:
        name = ref.src or ref.alt or "image"
        if ref.src.startswith(("http://", "https://")):
            return self._missing(_("Online image not printed: {src}").format(src=ref.src))
        data = _read_image(ref.src, self.ctx.image_roots)
        if data is None:
            return self._missing(_("Image not found: {name}").format(name=name))
        try:
            reader = ImageReader(io.BytesIO(data))
            width, height = reader.getSize()
            return _FitImage(io.BytesIO(data), width=width * 0.75, height=height * 0.75)
        except Exception:  # Pillow/ReportLab raise many kinds for a broken or unknown file
            return self._missing(_("Image could not be read: {name}").format(name=name))

    def _missing(self, message: str) -> Flowable:
        return Paragraph(f"[{escape(message)}]", self.styles.placeholder)

    # -- inline ------------------------------------------------------------------------------
    def inline(self, node: SyntaxTreeNode) -> list[str | _Image]:
        out: list[str | _Image] = []
        for child in node.children:
            out.extend(self._inline_node(child))
        return out

    def _inline_node(self, node: SyntaxTreeNode) -> list[str | _Image]:
        kind = node.type
        if kind == "text":
            return [escape(node.content)]
        if kind == "softbreak":
            return [" "]
        if kind == "hardbreak":
            return ["<br/>"]
        if kind == "code_inline":
            return [mono(node.content)]
        if kind == "html_inline":
            return [escape(node.content)]
        if kind in ("em", "strong"):
            tag = "i" if kind == "em" else "b"
            return [f"<{tag}>{self._markup(self.inline(node))}</{tag}>"]
        if kind == "link":
            return self._link(node)
        if kind == "image":
            return [_Image(str(node.attrs.get("src", "")), _plain(node))]
        out: list[str | _Image] = []
        for child in node.children:
            out.extend(self._inline_node(child))
        return out

    def _link(self, node: SyntaxTreeNode) -> list[str | _Image]:
        href = str(node.attrs.get("href", ""))
        label = _plain(node)
        if href.startswith("item:"):
            item_id = href[len("item:"):]
            return [f"<i>{escape(lookup_title(self.ctx.titles, item_id, label))}</i>"]
        inner = self._markup(self.inline(node))
        if href.lower().startswith(_EXTERNAL):
            shown = parser().normalizeLinkText(href)
            if href.lower().startswith("mailto:"):
                shown = shown[len("mailto:"):]
            same = label.strip() in (href, shown, "")
            return [link(href, None if same else inner, shown=shown)]
        return [inner]  # relative and in-page links: just the text

    @staticmethod
    def _markup(parts: Sequence[str | _Image]) -> str:
        """Markup of ``parts`` where no flowable can go (headings, cells, links): images as text."""
        return "".join(p if isinstance(p, str) else _("[image: {escape}]").format(escape=escape(p.src)) for p in parts)


def _line(node: SyntaxTreeNode) -> int:
    """The 1-based line where ``node`` starts in the Markdown text (1 when unknown)."""
    return node.map[0] + 1 if node.map else 1


def chunk_markup(parts: Sequence[str], limit: int) -> list[str]:
    """Paragraph markup split into pieces of about ``limit`` characters. Text is split after a space (or,
    in a word longer than ``limit``, anywhere but inside an entity such as ``&amp;``); markup runs (a
    ``<b>…</b>``, a link, a line break) stay whole."""
    small: list[str] = []
    for part in parts:
        if len(part) <= limit or part.startswith("<"):
            small.append(part)
            continue
        start = 0
        while start < len(part):
            end = min(start + limit, len(part))
            if end < len(part):
                space = part.rfind(" ", start + limit // 2, end)
                if space > start:
                    end = space + 1
                else:
                    amp = part.rfind("&", end - 8, end)
                    if amp > start and ";" not in part[amp:end]:
                        end = amp
            small.append(part[start:end])
            start = end
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for part in small:
        if current and size + len(part) > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(part)
        size += len(part)
    if current:
        pieces.append("".join(current))
    return pieces


def _plain(node: SyntaxTreeNode) -> str:
    """The text of ``node`` without markup."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_plain(child) for child in node.children)


def _keep_indent(line: str) -> str:
    stripped = line.lstrip(" ")
    return "&nbsp;" * (len(line) - len(stripped)) + stripped


def _cell_align(cell: SyntaxTreeNode) -> str:
    style = str(cell.attrs.get("style", ""))
    if "right" in style:
        return "RIGHT"
    if "center" in style:
        return "CENTER"
    return "LEFT"


def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    if align == "LEFT":
        return style
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT

    return ParagraphStyle(f"{style.name}-{align}", parent=style,
                          alignment=TA_RIGHT if align == "RIGHT" else TA_CENTER)


def _column_widths(texts: Sequence[Sequence[str]], columns: int, width: float) -> list[float]:
    """Widths by content: every column fits its longest word; the rest goes by natural width."""
    pad = 12.0
    natural: list[float] = []
    minimum: list[float] = []
    for col in range(columns):
        cells = [row[col] for row in texts if col < len(row)] or [""]
        natural.append(max(stringWidth(c, SANS, 9) for c in cells) + pad)
        words = [w for c in cells for w in c.split()] or [""]
        minimum.append(min(max(stringWidth(w, SANS, 9) for w in words) + pad, width / columns))
    if sum(natural) <= width:
        extra = width - sum(natural)
        return [n + extra * n / sum(natural) for n in natural]
    flexible = [n - m for n, m in zip(natural, minimum, strict=True)]
    room = width - sum(minimum)
    return [m + room * f / (sum(flexible) or 1) for m, f in zip(minimum, flexible, strict=True)]


def _read_image(src: str, roots: Sequence[Traversable | Path]) -> bytes | None:
    """The bytes of the image ``src`` below one of ``roots``; None if absent or outside them."""
    parts = PurePosixPath(src.replace("\\", "/")).parts
    if not parts or src.startswith(("/", "\\")) or ":" in parts[0] or any(p == ".." for p in parts):
        return None
    for root in roots:
        target: Traversable | Path = root
        for part in parts:
            if part in (".", ""):
                continue
            target = target / part
        try:
            if target.is_file():
                return target.read_bytes()
        except OSError:
            continue
    return None

