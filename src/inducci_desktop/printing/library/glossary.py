"""The glossary: every term in alphabetical order, grouped by letter, with "see also" items."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, KeepTogether

from inducci_desktop.content.model import GlossaryTerm
from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.printing.common import (
    DocContext,
    pack_notice,
    related_markup,
    section_heading,
    source_markup,
    title_block,
)
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.templates import DocumentMeta, mark_heading, render

# Letters NFKD does not take apart.
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "æ": "ae"})


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order that puts Ł with L and Ö with O (and keeps the order stable)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    base = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return base, text


def _letter(term: str) -> str:
    base = sort_key(term)[0]
    for char in base:
        if char.isalpha():
            return char.upper()
        if char.isdigit():
            return "0–9"
    return "#"


def glossary_story(terms: Sequence[GlossaryTerm], ctx: DocContext, *, title: str = N_("Glossary"),
                   intro: str = "") -> list[Flowable]:
    s = ctx.styles
    title = _(title)
    collate = i18n.sort_key()  # as the document's language sorts
    ordered = sorted(terms, key=lambda t: (collate(t.term), t.term))
    summary = intro or ngettext("{count} term used in the InduCCI e-Toolbox, in alphabetical order.",
                                "{count} terms used in the InduCCI e-Toolbox, in alphabetical order.",
                                len(ordered)).format(count=len(ordered))
    notice = pack_notice([(t.language, t.translation) for t in ordered], ctx.options.language)
    story: list[Flowable] = [*title_block(ctx, "", title, summary, notice=notice)]
    letter = None
    for term in ordered:
        entry: list[Flowable] = []
        current = _letter(term.term)
        if current != letter:
            # The letter goes into its first entry's KeepTogether: kept with it, never alone at a page end.
            letter = current
            entry.append(section_heading(ctx, current))
        entry.append(mark_heading(Paragraph(escape(term.term), s.term), term.term, outline_level=2))
        entry.append(Paragraph(escape(term.definition.strip()), s.body))
        if term.see:
            see = ", ".join(related_markup(ctx, item_id) for item_id in term.see)
            entry.append(Paragraph(_("<b>See also:</b> {see}").format(see=see), s.small))
        if term.sources:
            label = _("Source") if len(term.sources) == 1 else _("Sources")
            refs = "; ".join(source_markup(src) for src in term.sources)
            entry.append(Paragraph(f"{label}: {refs}", s.small))
        story.append(KeepTogether(entry))
    return story


def glossary_document(
    terms: Sequence[GlossaryTerm],
    options: PrintOptions | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    title: str = N_("Glossary"),
) -> bytes:
    """The PDF of the glossary (``pack.glossary``), sorted alphabetically."""
    options = options or PrintOptions()
    ctx = DocContext(options=options, titles=titles)
    meta = DocumentMeta(title=title, subject=_("Glossary of the InduCCI e-Toolbox"),
                        keywords=("glossary", "InduCCI"))
    return render(lambda: glossary_story(terms, ctx, title=title), meta, options)
