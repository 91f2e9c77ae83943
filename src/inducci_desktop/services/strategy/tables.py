"""Strategy tables for spreadsheets: every measure of every paper, and a recommendation's topics × regions
matrix. Written like the exchange tables (.csv with BOM or .xlsx, formulas kept as text, atomically)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.tables import Table, TableResult, _atomic, _write_csv, _write_xlsx, table_format

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

TABLES = ("measures", "topic-matrix")


def measures_table(services: Services) -> Table:
    header = (_("Paper ID"), _("Region"), _("Paper"), _("Version"), _("Priority"), _("No."), _("Measure"),
              _("Responsible"), _("Due"), _("Resources"), _("Funding"), _("Indicator 1"), _("Baseline 1"),
              _("Target 1"), _("Indicator 2"), _("Baseline 2"), _("Target 2"), _("Topics"),
              _("Supporting findings"), _("Assumption"))
    rows: list[tuple[Any, ...]] = []
    for summary in services.strategy.papers.list():
        paper = services.strategy.papers.get(summary.id, live=False)
        for p_index, priority in enumerate(paper.priorities, 1):
            for m_index, m in enumerate(priority.measures, 1):
                indicators: list[str] = []
                for indicator in m.indicators[:2]:
                    indicators += [indicator.name, indicator.baseline, indicator.target]
                indicators += [""] * (6 - len(indicators))
                rows.append((summary.id, summary.region_name, summary.title, summary.version, priority.title,
                             f"{p_index}.{m_index}", m.what, m.responsible, m.due, m.resources, m.funding,
                             *indicators, ", ".join(m.topic_names),
                             " | ".join(paper.findings[f].statement for f in m.finding_ids if f in paper.findings),
                             _("yes") if m.assumption else ""))
    return Table("measures", header, rows)


def topic_matrix(services: Services, recommendation_id: str | None) -> Table:
    recommendations = services.strategy.recommendations
    if not recommendation_id:
        listed = recommendations.list()
        if not listed:
            raise ValidationError(_("There is no transnational recommendation yet; make one on the Strategy page."))
        recommendation_id = listed[0].id
    view = recommendations.get(recommendation_id)
    header = (_("Topic"), *(p.region_name for p in view.papers), _("Common?"), _("Computed"))
    rows = [(r.topic_name, *("x" if present else "" for present in r.present),
             _(rules.COMMONALITY.labels[r.common]), _(rules.COMMONALITY.labels[r.computed])) for r in view.matrix]
    return Table("topic-matrix", header, list(rows))


def write_table(services: Services, kind: str, target: Path | str, *, recommendation_id: str | None = None
                ) -> TableResult:
    target = Path(target)
    suffix = table_format(target)
    if kind == "measures":
        table = measures_table(services)
    elif kind == "topic-matrix":
        table = topic_matrix(services, recommendation_id)
    else:
        raise ValidationError(_("Unknown table {kind}; use one of: {names}.").format(kind=kind,
                                                                                   names=", ".join(TABLES)))
    _atomic(target, lambda path: (_write_csv if suffix == ".csv" else _write_xlsx)(path, table))
    return TableResult(target, len(table.rows))
