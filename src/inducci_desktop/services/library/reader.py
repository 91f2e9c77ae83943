"""Toolbox items as safe HTML for the reader: CommonMark with raw HTML switched off, item links kept as
``item:ID`` for the reader to follow, external links shown with their address, facts of cases and
formats in a box. Plain Python, so the same text can be tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.domain.i18n import N_, Nn_, _, ngettext

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from inducci_desktop.content.model import ChecklistTemplate, GlossaryTerm, Link
    from inducci_desktop.services.library.views import ItemView

SAFE_SCHEMES = ("http", "https", "mailto")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # html=False: raw HTML in content is shown as text, never interpreted
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.validateLink = _allowed_link  # type: ignore[method-assign]
    renderer: Any = md.renderer
    default_link_open = renderer.rules.get("link_open")

    def link_open(tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        href = token.attrGet("href") or ""
        if not href.startswith("item:"):
            token.attrSet("title", href)
            token.attrSet("class", "external")
        if default_link_open is not None:
            return str(default_link_open(tokens, idx, options, env))
        return str(renderer.renderToken(tokens, idx, options, env))

    def link_close(tokens: Any, idx: int, options: Any, env: Any) -> str:
        # after an external link, its address in small print: the reader sees where it leads
        for back in range(idx - 1, -1, -1):
            if tokens[back].type == "link_open":
                href = tokens[back].attrGet("href") or ""
                if href.startswith("item:"):
                    return "</a>"
                host = urlsplit(href).netloc or href.removeprefix("mailto:")
                return f'</a><span class="address"> ({escape(host)})</span>'
        return "</a>"

    renderer.rules["link_open"] = link_open
    renderer.rules["link_close"] = link_close
    return md


def _allowed_link(url: str) -> bool:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return scheme in (*SAFE_SCHEMES, "item") or scheme == ""


def markdown_html(body: str) -> str:
    # Qt's rich text sizes a table to its content unless told the width; full width never overflows
    return str(_parser().render(body)).replace("<table>", '<table width="100%" cellspacing="0" cellpadding="3">')


def _list(values: Any) -> str:
    if isinstance(values, list | tuple):
        return ", ".join(escape(str(v)) for v in values)
    return escape(str(values))


def _rows(fields: Mapping[str, Any], keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_(label), _list(fields[key])) for key, label in keys if fields.get(key)]


def _case_rows(fields: Mapping[str, Any]) -> list[tuple[str, str]]:
    rows = _rows(fields, (("where", N_("Where")), ("when", N_("When")), ("region", N_("Region")),
                          ("partners", N_("Partners"))))
    if fields.get("formats"):
        links = ", ".join(f'<a href="item:{escape(f)}">{escape(f.removeprefix("format-").replace("-", " "))}</a>'
                          for f in fields["formats"])
        rows.append((_("Formats"), links))
    return rows


def _format_rows(fields: Mapping[str, Any]) -> list[tuple[str, str]]:
    rows = _rows(fields, (("purpose", N_("Purpose")), ("duration", N_("Duration"))))
    size = fields.get("group_size")
    if isinstance(size, dict) and size:
        rows.append((_("Group size"), _("{low}–{high} people").format(low=size.get("min", "?"),
                                                                        high=size.get("max", "?"))))
    if fields.get("materials"):
        rows.append((_("Materials"), _list(fields["materials"])))
    return rows


def _interview_rows(fields: Mapping[str, Any]) -> list[tuple[str, str]]:
    return _rows(fields, (("audience", N_("Audience")), ("duration", N_("Duration"))))


#: the fact box of each kind that has one: (label, HTML) rows from the item's fields
_FACT_ROWS: dict[str, Callable[[Mapping[str, Any]], list[tuple[str, str]]]] = {
    "case": _case_rows, "format": _format_rows, "interview": _interview_rows}


def _facts(item: ItemView) -> str:
    rows_of = _FACT_ROWS.get(item.kind)
    rows = rows_of(item.fields) if rows_of is not None else []
    if not rows:
        return ""
    cells = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f'<table class="facts" cellpadding="4">{cells}</table>'


def _bullets(title: str, values: Any, *, numbered: bool = False) -> str:
    if not values:
        return ""
    tag = "ol" if numbered else "ul"
    items = "".join(f"<li>{escape(str(v))}</li>" for v in values)
    return f"<h2>{escape(title)}</h2><{tag}>{items}</{tag}>"


def item_html(item: ItemView) -> str:
    parts = [
        f'<p class="kind">{escape(KIND_LABELS.get(item.kind, item.kind))}</p>',
        f"<h1>{escape(item.title)}</h1>",
        f'<p class="summary"><i>{escape(item.summary)}</i></p>',
        _facts(item),
    ]
    if item.kind == "format":
        parts.append(_bullets(_("Steps"), item.fields.get("steps"), numbered=True))
    parts.append(markdown_html(item.body))
    if item.kind == "case":
        parts.append(_bullets(_("Results"), item.fields.get("results")))
        parts.append(_bullets(_("Lessons"), item.fields.get("lessons")))
    if item.related:
        links = "".join(f'<li><a href="item:{escape(r.id)}">{escape(r.title)}</a> '
                        f'<span class="address">({escape(KIND_LABELS.get(r.kind, r.kind))})</span></li>'
                        for r in item.related)
        parts.append(f"<h2>{escape(_('Related'))}</h2><ul>{links}</ul>")
    if item.sources:
        sources = "".join(
            f'<li><a href="{escape(s.url)}" class="external">{escape(s.title or s.url)}</a><br>'
            f'<span class="address">{escape(s.url)}</span></li>'
            for s in item.sources if _allowed_link(s.url)
        )
        parts.append(f'<h2>{escape(_("Sources"))}</h2><p class="address">{escape(_("These pages need internet."))}</p>'
                     f"<ul>{sources}</ul>")
    if item.tags:
        parts.append(f'<p class="address">{escape(_("Tags: {tags}")).format(tags=_list(item.tags))}</p>')
    return "".join(p for p in parts if p)


def glossary_html(terms: list[GlossaryTerm], titles: dict[str, str]) -> str:
    rows = [f"<p class=\"kind\">{escape(KIND_LABELS['glossary'])}</p><h1>{escape(_('Glossary'))}</h1>"]
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        see = ", ".join(f'<a href="item:{escape(i)}">{escape(titles.get(i, i))}</a>' for i in term.see)
        rows.append(f'<h3><a name="{escape(term.id)}"></a>{escape(term.term)}</h3><p>{escape(term.definition)}</p>')
        if see:
            rows.append(f'<p class="address">{escape(_("See: {items}")).format(items=see)}</p>')
    return "".join(rows)


def checklist_html(template: ChecklistTemplate) -> str:
    """A checklist template as the reader shows it: its questions with their help texts."""
    rows = [f"<p class=\"kind\">{escape(KIND_LABELS['checklist'])}</p><h1>{escape(template.title)}</h1>",
            f'<p class="summary"><i>{escape(template.summary)}</i></p>',
            '<p class="address">'
            + escape(_("To fill it in for your region, start an assessment on the Checklists page.")) + "</p>"]
    number = 0
    for section in template.sections:
        rows.append(f"<h2>{escape(section.title)}</h2><ol start=\"{number + 1}\">")
        for item in section.items:
            number += 1
            required = f" <b>({escape(_('required'))})</b>" if item.required else ""
            help_text = f'<br><span class="address">{escape(item.help)}</span>' if item.help else ""
            rows.append(f"<li>{escape(item.text)}{required}{help_text}</li>")
        rows.append("</ol>")
    return "".join(rows)


def links_html(links: list[Link]) -> str:
    rows = [f"<p class=\"kind\">{escape(_('Links'))}</p><h1>{escape(_('Links'))}</h1>",
            f'<p class="address">{escape(_("These resources are on the web and need internet."))}</p><ul>']
    for link in links:
        if not _allowed_link(link.url):
            continue
        rows.append(f'<li><a name="{escape(link.id)}"></a><a href="{escape(link.url)}" class="external">'
                    f'{escape(link.title)}</a><br>'
                    f'{escape(link.description)}<br><span class="address">{escape(link.url)}</span></li>')
    rows.append("</ul>")
    return "".join(rows)


def is_safe_external(url: str) -> bool:
    """Only these are ever handed to the system browser."""
    parts = urlsplit(url)
    return parts.scheme.lower() in SAFE_SCHEMES and (parts.scheme.lower() == "mailto" or bool(parts.netloc))


def overview_html(counts: dict[str, int], sections: list[tuple[str, str]]) -> str:
    """The welcome page of the library, shown while no item is open.

    ``counts``: items per kind; ``sections``: (title, summary) of the top-level sections.
    """
    kinds = "".join(f"<li>{escape(_count(kind, count))}</li>" for kind, count in counts.items() if count)
    rows = [f'<p class="kind">{escape(_("Library"))}</p><h1>{escape(_("The InduCCI e-Toolbox"))}</h1>',
            "<p>" + escape(_("Guides, case profiles, workshop formats and interview guides on Cultural and Creative "
                             "Industries in industrial regions — all on this computer, no internet needed.")) + "</p>",
            f"<h2>{escape(_('How to use it'))}</h2><ul>",
            "<li>" + _("Pick a section on the left, or search with <b>Ctrl+F</b> (letters like ł, ś, ő are "
                       "found without typing them).") + "</li>",
            "<li>" + _("<b>Ctrl+D</b> bookmarks the item you read; <b>Ctrl+Shift+P</b> adds it to the handout "
                       "pack in the Print Center.") + "</li>",
            "<li>" + escape(_("Write your own note under each item; search finds it too.")) + "</li></ul>"]
    if kinds:
        rows.append(f"<h2>{escape(_('In the toolbox'))}</h2><ul>{kinds}</ul>")
    if sections:
        rows.append(f"<h2>{escape(_('Sections'))}</h2><ul>")
        rows.extend(f"<li><b>{escape(title)}</b>{' — ' + escape(summary) if summary else ''}</li>"
                    for title, summary in sections)
        rows.append("</ul>")
    return "".join(rows)


def no_results_html(query: str) -> str:
    """What the reader shows while a search finds nothing."""
    return (f'<p class="kind">{escape(_("Search"))}</p>'
            f"<h1>{escape(_('No results for “{query}”')).format(query=escape(query))}</h1>"
            f"<p>{escape(_('Nothing in the toolbox, the glossary or your notes matches these words.'))}</p>"
            "<ul><li>" + _("Check the spelling, or type only the beginning of a word (<i>hack</i> finds "
                           "<i>hackathon</i>).") + "</li>"
            f"<li>{escape(_('Choose “All kinds” if a kind filter is set.'))}</li>"
            f"<li>{escape(_('Press Esc or clear the search field to go back to what you were reading.'))}</li></ul>")


#: "3 guides" per kind of item, with the plural forms of the language
_COUNTS = {
    "guide": Nn_("{count} guide", "{count} guides"),
    "case": Nn_("{count} case profile", "{count} case profiles"),
    "format": Nn_("{count} format", "{count} formats"),
    "interview": Nn_("{count} interview guide", "{count} interview guides"),
    "checklist": Nn_("{count} checklist", "{count} checklists"),
    "glossary": Nn_("{count} glossary term", "{count} glossary terms"),
    "link": Nn_("{count} link", "{count} links"),
}


def _count(kind: str, count: int) -> str:
    pair = _COUNTS.get(kind)
    if pair is None:
        return f"{count} {KIND_LABELS.get(kind, kind)}"
    return ngettext(*pair, count).format(count=count)
