"""The transnational recommendation: the regions' papers side by side (topics × regions from the measures'
topics), "common?" computed and editable, the EU-level fields per topic, and recommendations grounded in
examples from at least two regions — each example a measure or finding of that region's paper."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import (
    ExampleRef,
    ExampleView,
    MatrixRow,
    PaperView,
    RecommendationItemView,
    RecommendationSummary,
    RecommendationView,
    TopicEntry,
    commonality,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.inputs import clean_line, clean_text
from inducci_desktop.services.strategy.papers import PaperService
from inducci_desktop.store.models import Recommendation, RecommendationItem, RecommendationTopic, utcnow

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

_ORDER = {"all": 0, "most": 1, "some": 2, "one": 3}


class RecommendationService:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    @property
    def papers(self) -> PaperService:
        return self.services.strategy.papers

    def list(self) -> builtins.list[RecommendationSummary]:
        with self.store.db.reading() as session:
            rows = session.scalars(select(Recommendation).where(Recommendation.deleted_at.is_(None))
                                   .order_by(Recommendation.updated_at.desc())).all()
            return [self._summary(r) for r in rows]

    def create(self, title: str, paper_ids: Sequence[str], *, intro: str = "",
               recommendation_id: str | None = None) -> RecommendationSummary:
        """A draft recommendation from the papers of two or more regions (one paper per region)."""
        title = clean_line(title, _("title"), rules.TITLE, required=True)
        intro = clean_text(intro, _("introduction"), rules.SECTION_TEXT)
        ids = self._check_papers(paper_ids)
        with self.store.db.unit_of_work() as session:
            row = Recommendation(title=title, status="draft", paper_ids=ids, intro=intro)
            if recommendation_id:
                row.id = recommendation_id
            session.add(row)
            session.flush()
            return self._summary(row)

    def _check_papers(self, paper_ids: Sequence[str]) -> builtins.list[str]:
        ids = list(dict.fromkeys(paper_ids))
        regions: dict[str, str] = {}
        for paper_id in ids:
            summary = self.papers.summary(paper_id)
            if summary.region_id in regions:
                raise ValidationError(_("Choose one paper per region: {region} is chosen twice.")
                                      .format(region=summary.region_name))
            regions[summary.region_id] = paper_id
        if len(regions) < 2:
            raise ValidationError(_("A transnational recommendation needs the papers of at least two regions."))
        return ids

    def update(self, recommendation_id: str, *, title: str | None = None, intro: str | None = None,
               status: str | None = None, paper_ids: Sequence[str] | None = None) -> RecommendationSummary:
        ids = self._check_papers(paper_ids) if paper_ids is not None else None
        with self.store.db.unit_of_work() as session:
            row = self._row(session, recommendation_id)
            if title is not None:
                row.title = clean_line(title, _("title"), rules.TITLE, required=True)
            if intro is not None:
                row.intro = clean_text(intro, _("introduction"), rules.SECTION_TEXT)
            if status is not None:
                try:
                    row.status = rules.PAPER_STATUS.check(status)
                except ValueError as exc:
                    raise ValidationError(str(exc).capitalize() + ".") from None
            if ids is not None:
                row.paper_ids = ids
            return self._summary(row)

    def delete(self, recommendation_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._row(session, recommendation_id).deleted_at = utcnow()

    # --- reading ------------------------------------------------------------------------------------

    def get(self, recommendation_id: str) -> RecommendationView:
        with self.store.db.reading() as session:
            row = self._row(session, recommendation_id)
            summary = self._summary(row)
            intro = row.intro
            stored = {t.topic_id: t for t in session.scalars(select(RecommendationTopic).where(
                RecommendationTopic.recommendation_id == row.id, RecommendationTopic.deleted_at.is_(None)))}
            topic_data = {k: (t.id, t.common, t.policy, t.gap, t.level, t.actor, list(t.examples or []))
                          for k, t in stored.items()}
            items = [(i.id, i.position, i.topic_id, i.title, i.reasoning, i.level, i.actor, list(i.examples or []))
                     for i in session.scalars(select(RecommendationItem).where(
                         RecommendationItem.recommendation_id == row.id, RecommendationItem.deleted_at.is_(None))
                         .order_by(RecommendationItem.position))]
        papers = self._papers(summary.paper_ids)
        names = {t.id: t.name for t in self.services.evidence.findings.topics()}
        matrix = self._matrix(papers, names, {k: v[1] for k, v in topic_data.items()})
        entries = []
        for line in matrix:
            data = topic_data.get(line.topic_id)
            if data is None:
                entries.append(TopicEntry("", line.topic_id, line.topic_name, line.common, line.computed, "", "",
                                          "eu", "", ()))
                continue
            entry_id, _common, policy, gap, level, actor, examples = data
            entries.append(TopicEntry(entry_id, line.topic_id, line.topic_name, line.common, line.computed, policy,
                                      gap, level, actor, self._examples(papers, examples)))
        item_views = tuple(RecommendationItemView(i[0], i[1], i[2], i[3], i[4], i[5], i[6],
                                                  self._examples(papers, i[7])) for i in items)
        return RecommendationView(summary, intro, tuple(p.summary for p in papers.values()), matrix,
                                  tuple(entries), item_views)

    def _papers(self, paper_ids: Sequence[str]) -> dict[str, PaperView]:
        found: dict[str, PaperView] = {}
        for paper_id in paper_ids:
            try:
                found[paper_id] = self.papers.get(paper_id, live=False)
            except NotFoundError:
                continue
        return found

    @staticmethod
    def _matrix(papers: dict[str, PaperView], names: dict[str, str],
                overrides: dict[str, str | None]) -> tuple[MatrixRow, ...]:
        columns = list(papers.values())
        topics: dict[str, list[list[str]]] = {}
        for index, paper in enumerate(columns):
            for measure in paper.measures:
                for topic_id in measure.topic_ids:
                    row = topics.setdefault(topic_id, [[] for _ in columns])
                    row[index].append(measure.what)
        lines = []
        for topic_id, per_paper in topics.items():
            present = tuple(bool(m) for m in per_paper)
            computed = commonality(sum(present), len(columns))
            common = overrides.get(topic_id) or computed
            lines.append(MatrixRow(topic_id, names.get(topic_id, _("(topic deleted)")), present, computed, common,
                                   tuple(tuple(m) for m in per_paper)))
        collate = i18n.sort_key()
        lines.sort(key=lambda r: (_ORDER[r.common], collate(r.topic_name)))
        return tuple(lines)

    @staticmethod
    def _examples(papers: dict[str, PaperView], raw: Sequence[dict[str, str]]) -> tuple[ExampleView, ...]:
        result = []
        for item in raw:
            ref = ExampleRef(str(item.get("paper_id", "")), str(item.get("kind", "")), str(item.get("ref", "")))
            paper = papers.get(ref.paper_id)
            text, found = "", False
            if paper is not None and ref.kind == "measure":
                measure = next((m for m in paper.measures if m.id == ref.ref), None)
                text, found = (measure.what, True) if measure else ("", False)
            elif paper is not None and ref.kind == "finding":
                finding = paper.findings.get(ref.ref)
                text, found = (finding.statement, True) if finding else ("", False)
            result.append(ExampleView(ref, paper.summary.region_id if paper else "",
                                      paper.summary.region_name if paper else "", text, found))
        return tuple(result)

    def example_choices(self, recommendation_id: str) -> builtins.list[ExampleView]:
        """Everything that may be quoted as an example: each paper's measures and the findings they cite."""
        papers = self._papers(self.get(recommendation_id).summary.paper_ids)
        raw: builtins.list[dict[str, str]] = []
        for paper_id, paper in papers.items():
            raw += [{"paper_id": paper_id, "kind": "measure", "ref": m.id} for m in paper.measures]
            raw += [{"paper_id": paper_id, "kind": "finding", "ref": f} for f in paper.findings]
        return list(self._examples(papers, raw))

    # --- writing ------------------------------------------------------------------------------------

    def _checked_examples(self, recommendation_id: str, examples: Sequence[ExampleRef],
                          *, regions: int = 0) -> builtins.list[dict[str, str]]:
        view = self.get(recommendation_id)
        papers = self._papers(view.summary.paper_ids)
        raw = [{"paper_id": e.paper_id, "kind": e.kind, "ref": e.ref} for e in dict.fromkeys(examples)]
        if len(raw) > rules.MAX_SUPPORT:
            raise ValidationError(_("Too many examples."))
        for example in self._examples(papers, raw):
            if example.ref.kind not in rules.EXAMPLE_KIND or not example.found:
                raise ValidationError(_("An example must be a measure or finding of one of the regions' papers; "
                                        "a region is never quoted beyond what its paper says."))
        if len({papers[e["paper_id"]].summary.region_id for e in raw}) < regions:
            raise ValidationError(_("Ground the recommendation in examples from at least {n} regions.")
                                  .format(n=regions))
        return raw

    def update_topic(self, recommendation_id: str, topic_id: str, *, common: str | None = None,
                     computed_common: bool = False, policy: str | None = None, gap: str | None = None,
                     level: str | None = None, actor: str | None = None,
                     examples: Sequence[ExampleRef] | None = None) -> None:
        """Set the EU-level fields of a topic; ``common`` overrides the computed "common?" (and
        ``computed_common=True`` goes back to the computed one)."""
        if common is not None and common not in rules.COMMONALITY:
            raise ValidationError(_("“Common?” is one of: all, most, some, one."))
        if level is not None and level not in rules.POLICY_LEVEL:
            raise ValidationError(_("Choose the level addressed: European, national, regional or networks."))
        checked = self._checked_examples(recommendation_id, examples) if examples is not None else None
        with self.store.db.unit_of_work() as session:
            self._row(session, recommendation_id)
            row = session.scalar(select(RecommendationTopic).where(
                RecommendationTopic.recommendation_id == recommendation_id, RecommendationTopic.topic_id == topic_id))
            if row is None:
                row = RecommendationTopic(recommendation_id=recommendation_id, topic_id=topic_id, policy="", gap="",
                                          level="eu", actor="", examples=[])
                session.add(row)
            row.deleted_at = None
            if common is not None or computed_common:
                row.common = None if computed_common else common
            if policy is not None:
                row.policy = clean_text(policy, _("policy, programme or network"), rules.MEASURE_TEXT)
            if gap is not None:
                row.gap = clean_text(gap, _("gap"), rules.MEASURE_TEXT)
            if level is not None:
                row.level = level
            if actor is not None:
                row.actor = clean_line(actor, _("actor"), rules.NAME)
            if checked is not None:
                row.examples = checked

    def add_item(self, recommendation_id: str, title: str, *, reasoning: str, level: str, actor: str,
                 examples: Sequence[ExampleRef], topic_id: str = "") -> RecommendationItemView:
        """A recommendation: one sentence, addressed (level and actor), with reasoning and examples from at
        least two regions' papers."""
        values = self._item_values(recommendation_id, title, reasoning, level, actor, examples)
        with self.store.db.unit_of_work() as session:
            self._row(session, recommendation_id)
            count = session.scalar(select(func.count()).select_from(RecommendationItem).where(
                RecommendationItem.recommendation_id == recommendation_id,
                RecommendationItem.deleted_at.is_(None))) or 0
            row = RecommendationItem(recommendation_id=recommendation_id, position=count, topic_id=topic_id,
                                     **values)
            session.add(row)
            session.flush()
            item_id = row.id
        return next(i for i in self.get(recommendation_id).items if i.id == item_id)

    def update_item(self, item_id: str, title: str, *, reasoning: str, level: str, actor: str,
                    examples: Sequence[ExampleRef]) -> None:
        with self.store.db.reading() as session:
            row = session.get(RecommendationItem, item_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("That recommendation no longer exists."))
            recommendation_id = row.recommendation_id
        values = self._item_values(recommendation_id, title, reasoning, level, actor, examples)
        with self.store.db.unit_of_work() as session:
            stored = session.get(RecommendationItem, item_id)
            assert stored is not None
            for name, value in values.items():
                setattr(stored, name, value)

    def delete_item(self, item_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(RecommendationItem, item_id)
            if row is None:
                raise NotFoundError(_("That recommendation no longer exists."))
            row.deleted_at = None if restore else utcnow()

    def _item_values(self, recommendation_id: str, title: str, reasoning: str, level: str, actor: str,
                     examples: Sequence[ExampleRef]) -> dict[str, object]:
        title = clean_line(title, _("recommendation"), rules.TITLE, required=True)
        reasoning = clean_text(reasoning, _("reasoning"), rules.MEASURE_TEXT, required=True)
        if level not in rules.POLICY_LEVEL:
            raise ValidationError(_("Choose the level addressed: European, national, regional or networks."))
        actor = clean_line(actor, _("actor"), rules.NAME, required=True)
        checked = self._checked_examples(recommendation_id, examples, regions=2)
        return {"title": title, "reasoning": reasoning, "level": level, "actor": actor, "examples": checked}

    # --- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _summary(row: Recommendation) -> RecommendationSummary:
        return RecommendationSummary(row.id, row.title, row.status, tuple(row.paper_ids or []), row.updated_at)

    @staticmethod
    def _row(session: Session, recommendation_id: str) -> Recommendation:
        row = session.get(Recommendation, recommendation_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That recommendation no longer exists."))
        return row
