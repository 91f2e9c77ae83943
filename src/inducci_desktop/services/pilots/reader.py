"""A published pilot as safe HTML for the Library's reader: the case profile's facts, results and lessons,
marked as this region's own record. Every text is escaped; photos are the stored files of this data folder;
voices and photos without consent are left out."""

from __future__ import annotations

from html import escape
from pathlib import Path

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import (
    AUDIENCES,
    PilotView,
    audience_label,
    money_text,
    period_text,
    repeat_label,
    status_label,
)
from inducci_desktop.services.pilots import OWN_CASE_LABEL

#: the label the Library shows for a published pilot (search hits, the tree)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _section(title: str, text: str) -> str:
    return f"<h2>{escape(title)}</h2>{_paragraphs(text)}" if text.strip() else ""


def pilot_html(pilot: PilotView) -> str:
    where = pilot.region or _("this region")
    own = _("Own record of {region}: not part of the shipped InduCCI toolbox.").format(region=where)
    rows = [(_("Where"), pilot.places), (_("When"), period_text(pilot.start_date, pilot.end_date)),
            (_("Region"), pilot.region),
            (_("Partners"), "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in pilot.partners)),
            (_("Formats"), pilot.format_title), (_("Status"), status_label(pilot.status)),
            (_("Budget"), money_text(pilot.budget_planned, pilot.currency)),
            (_("Participants"), ", ".join(f"{x.count} {x.type}" for x in pilot.participants))]
    facts = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows if v)
    parts = [
        f'<p class="kind">{escape(_(OWN_CASE_LABEL))}</p>',
        f"<h1>{escape(pilot.title)}</h1>",
        f'<p class="summary"><b>{escape(own)}</b></p>',
        f"<table cellpadding='3'>{facts}</table>" if facts else "",
        _section(_("The challenge"), pilot.challenge),
    ]
    for photo in pilot.printable_photos[:4]:
        parts.append(f'<p><img src="{escape(Path(photo.path).as_uri())}" width="360"><br>'
                     f"<i>{escape(photo.caption)}</i></p>")
    if pilot.criteria:
        cells = "".join(f"<tr><td>{escape(c.text)}</td><td>{escape(c.baseline)}</td><td>{escape(c.target)}</td>"
                        f"<td>{escape(c.achieved)}</td></tr>" for c in pilot.criteria)
        head = "".join(f"<th align='left'>{escape(h)}</th>"
                       for h in (_("Success criterion"), _("Baseline"), _("Target"), _("Achieved")))
        parts.append(f"<h2>{escape(_('Results'))}</h2><table cellpadding='3'><tr>{head}</tr>{cells}</table>")
    outputs = [line.strip() for line in pilot.outputs.splitlines() if line.strip()]
    if outputs:
        parts.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in outputs) + "</ul>")
    if pilot.lessons:
        parts.append(f"<h2>{escape(_('Lessons'))}</h2>")
        for audience in AUDIENCES:
            lessons = pilot.lessons_for(audience)
            if lessons:
                parts.append(f"<h3>{escape(audience_label(audience))}</h3><ul>"
                             + "".join(f"<li>{escape(x.text)}</li>" for x in lessons) + "</ul>")
    parts.append(_section(_("What changed from the plan, and why"), pilot.changes))
    parts.append(_section(_("Problems and solutions"), pilot.problems))
    voices = pilot.printable_voices
    if voices:
        parts.append(f"<h2>{escape(_('Voices'))}</h2>" + "".join(
            f"<blockquote><i>{escape(v.text)}</i><br>— {escape(v.speaker)}</blockquote>" for v in voices))
    if pilot.repeat != "undecided":
        parts.append(f"<h2>{escape(_('Repeat it?'))}</h2><p>{escape(repeat_label(pilot.repeat))}"
                     + (f" — {escape(pilot.repeat_note)}" if pilot.repeat_note else "") + "</p>")
    return "".join(p for p in parts if p)
