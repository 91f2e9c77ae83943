"""Regional strategy papers: versions, sections (outline from the guide), text autosaved per change, evidence
blocks, priorities and measures with their supporting findings, review comments, freezing and status."""

from __future__ import annotations

import builtins
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.evidence import FindingView, SourceView
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import (
    OUTLINE,
    BlockValue,
    BlockView,
    CommentView,
    Indicator,
    MeasureInput,
    MeasureView,
    PaperSummary,
    PaperView,
    PriorityView,
    SectionDiff,
    SectionView,
    Warning,
    diff_sections,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError, refuse_if_changed
from inducci_desktop.services.inputs import clean_line, clean_text
from inducci_desktop.services.strategy import blocks
from inducci_desktop.store.models import (
    Measure,
    PaperBlock,
    PaperSection,
    Priority,
    Region,
    ReviewComment,
    StrategyPaper,
    Topic,
    new_id,
    utcnow,
)

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


#: what an editor of a section or a block shows: a save refused as changed elsewhere carries their values of these
SECTION_FIELDS = ("title", "body")
BLOCK_FIELDS = ("kind", "params")


def _block_params(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` for a block of ``kind`` (an unknown kind or a missing parameter: ValidationError)."""
    missing = [p for p in blocks.kind(kind).params if p not in params]
    if missing:
        raise ValidationError(_("The block needs: {names}.").format(names=", ".join(missing)))
    return dict(params)


class PaperService:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # --- papers -------------------------------------------------------------------------------------

    def list(self, *, region_id: str | None = None, latest_only: bool = False) -> builtins.list[PaperSummary]:
        """Papers (every version, newest version first within a paper), by region name and title."""
        with self.store.db.reading() as session:
            stmt = select(StrategyPaper).where(StrategyPaper.deleted_at.is_(None))
            if region_id:
                stmt = stmt.where(StrategyPaper.region_id == region_id)
            rows = [self._summary(session, row) for row in session.scalars(stmt)]
        if latest_only:
            newest: dict[str, PaperSummary] = {}
            for row in rows:
                if row.lineage_id not in newest or row.version > newest[row.lineage_id].version:
                    newest[row.lineage_id] = row
            rows = list(newest.values())
        collate = i18n.sort_key()
        return sorted(rows, key=lambda p: (collate(p.region_name), collate(p.title), -p.version))

    def versions(self, paper_id: str) -> builtins.list[PaperSummary]:
        lineage = self.summary(paper_id).lineage_id
        return sorted((p for p in self.list() if p.lineage_id == lineage), key=lambda p: p.version)

    def create(self, region_id: str, title: str, *, paper_id: str | None = None) -> PaperSummary:
        """A draft paper (version 1) with the guide's outline as its sections."""
        title = clean_line(title, _("title"), rules.TITLE, required=True)
        with self.store.db.unit_of_work() as session:
            region = session.get(Region, region_id)
            if region is None or region.deleted_at is not None:
                raise ValidationError(_("Choose the region the paper is for."))
            new = paper_id or new_id()
            row = StrategyPaper(id=new, lineage_id=new, region_id=region_id, title=title, version=1, status="draft")
            session.add(row)
            session.flush()
            for position, (key, name, _hint) in enumerate(OUTLINE):
                session.add(PaperSection(paper_id=row.id, position=position, outline_key=key, title=_(name), body=""))
            session.flush()
            return self._summary(session, row)

    def summary(self, paper_id: str) -> PaperSummary:
        with self.store.db.reading() as session:
            return self._summary(session, self._paper(session, paper_id))

    def get(self, paper_id: str, *, live: bool = True) -> PaperView:
        """The paper with sections, blocks (live values computed now unless frozen), priorities, measures
        and the findings its measures cite, with their sources resolved."""
        with self.store.db.reading() as session:
            paper = self._paper(session, paper_id)
            summary = self._summary(session, paper)
            section_rows = session.scalars(select(PaperSection).where(
                PaperSection.paper_id == paper_id, PaperSection.deleted_at.is_(None))
                .order_by(PaperSection.position)).all()
            section_ids = [s.id for s in section_rows]
            # blocks and comments of every section in one query each (not two per section)
            raw_blocks: dict[str, list[PaperBlock]] = {sid: [] for sid in section_ids}
            for block in session.scalars(select(PaperBlock).where(
                    PaperBlock.section_id.in_(section_ids), PaperBlock.deleted_at.is_(None))
                    .order_by(PaperBlock.position)):
                raw_blocks[block.section_id].append(block)
            listed: dict[str, list[CommentView]] = {sid: [] for sid in section_ids}
            for c in session.scalars(select(ReviewComment).where(
                    ReviewComment.section_id.in_(section_ids), ReviewComment.deleted_at.is_(None))
                    .order_by(ReviewComment.created_at)):
                listed[c.section_id].append(CommentView(c.id, c.section_id, c.author, c.text, c.resolved, c.created_at))
            comments = {sid: tuple(found) for sid, found in listed.items()}
            block_data = {sid: [(b.id, b.position, b.kind, dict(b.params or {}), b.frozen, b.row_version)
                                for b in rows] for sid, rows in raw_blocks.items()}
            sections_raw = [(s.id, s.position, s.outline_key, s.title, s.body, s.row_version) for s in section_rows]
            priorities = self._priorities(session, paper_id)
        sections = tuple(SectionView(sid, pos, key, title, body,
                                     tuple(self._block(sid, data, live) for data in block_data[sid]), comments[sid],
                                     version)
                         for sid, pos, key, title, body, version in sections_raw)
        cited = list(dict.fromkeys(f for p in priorities for m in p.measures for f in m.finding_ids))
        found = self.services.evidence.findings.get_many(cited)
        findings: dict[str, FindingView] = {f: found[f] for f in cited if f in found}
        sources: dict[str, SourceView] = self.services.evidence.sources.resolve_all(
            {f: view.source for f, view in findings.items()})
        return PaperView(summary, sections, priorities, findings, sources)

    def _block(self, section_id: str, data: tuple[Any, ...], live: bool) -> BlockView:
        block_id, position, kind, params, frozen, version = data
        if frozen is not None:
            value = BlockValue.from_json(frozen)
            return BlockView(block_id, section_id, position, kind, params, value, True, version)
        value = blocks.compute(self.services, kind, params) if live else BlockValue(kind)
        return BlockView(block_id, section_id, position, kind, params, value, False, version)

    def rename(self, paper_id: str, title: str) -> PaperSummary:
        title = clean_line(title, _("title"), rules.TITLE, required=True)
        with self.store.db.unit_of_work() as session:
            row = self._editable(session, paper_id)
            row.title = title
            return self._summary(session, row)

    def delete(self, paper_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            self._paper(session, paper_id).deleted_at = utcnow()

    def restore(self, paper_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(StrategyPaper, paper_id)
            if row is None:
                raise NotFoundError(_("That paper no longer exists."))
            row.deleted_at = None

    # --- status, versions ---------------------------------------------------------------------------

    def set_status(self, paper_id: str, status: str, *, adopted_by: str = "",
                   adopted_on: date | None = None) -> PaperSummary:
        """draft → in review → adopted; adopting names the body and the date (and freezes the version)."""
        try:
            rules.PAPER_STATUS.check(status)
        except ValueError as exc:
            raise ValidationError(str(exc).capitalize() + ".") from None
        body = clean_line(adopted_by, _("adopting body"), rules.NAME)
        if status == "adopted":
            if not body:
                raise ValidationError(_("Name the body that adopted the paper (council, board …)."))
            if adopted_on is None:
                raise ValidationError(_("Give the date the paper was adopted."))
            try:
                rules.check_date(adopted_on)
            except ValueError as exc:
                raise ValidationError(str(exc).capitalize() + ".") from None
            self.freeze(paper_id, quiet=True)
        with self.store.db.unit_of_work() as session:
            row = self._paper(session, paper_id)
            row.status = status
            row.adopted_by = body if status == "adopted" else ""
            row.adopted_on = adopted_on if status == "adopted" else None
            return self._summary(session, row)

    def freeze(self, paper_id: str, *, quiet: bool = False) -> PaperSummary:
        """Fix this version: every live block takes its value now, with today's date; the text is kept as it
        is. A frozen version no longer changes; ``new_version`` continues the work."""
        view = self.get(paper_id)
        if view.summary.frozen:
            if quiet:
                return view.summary
            raise ValidationError(_("This version is frozen already."))
        with self.store.db.unit_of_work() as session:
            row = self._paper(session, paper_id)
            for section in view.sections:
                for block in section.blocks:
                    stored = session.get(PaperBlock, block.id)
                    if stored is not None and stored.frozen is None:
                        stored.frozen = block.value.to_json()
                        stored.taken_on = block.value.taken_on or date.today()
            row.frozen_at = utcnow()
            return self._summary(session, row)

    def new_version(self, paper_id: str) -> PaperSummary:
        """A draft copy of this version as the next version number: sections, live blocks, priorities and
        measures (review comments stay with the version they were made on)."""
        with self.store.db.unit_of_work() as session:
            old = self._paper(session, paper_id)
            top = session.scalar(select(func.max(StrategyPaper.version)).where(
                StrategyPaper.lineage_id == old.lineage_id)) or old.version
            new = StrategyPaper(region_id=old.region_id, lineage_id=old.lineage_id, version=top + 1,
                                title=old.title, status="draft")
            session.add(new)
            session.flush()
            for section in session.scalars(select(PaperSection).where(
                    PaperSection.paper_id == old.id, PaperSection.deleted_at.is_(None))):
                copy = PaperSection(paper_id=new.id, position=section.position, outline_key=section.outline_key,
                                    title=section.title, body=section.body)
                session.add(copy)
                session.flush()
                for block in session.scalars(select(PaperBlock).where(
                        PaperBlock.section_id == section.id, PaperBlock.deleted_at.is_(None))):
                    session.add(PaperBlock(section_id=copy.id, position=block.position, kind=block.kind,
                                           params=dict(block.params or {})))
            for priority in session.scalars(select(Priority).where(
                    Priority.paper_id == old.id, Priority.deleted_at.is_(None))):
                copy_p = Priority(paper_id=new.id, position=priority.position, title=priority.title,
                                  description=priority.description)
                session.add(copy_p)
                session.flush()
                for m in session.scalars(select(Measure).where(Measure.priority_id == priority.id,
                                                               Measure.deleted_at.is_(None))):
                    session.add(Measure(priority_id=copy_p.id, position=m.position, what=m.what,
                                        responsible=m.responsible, due=m.due, resources=m.resources,
                                        funding=m.funding, indicators=list(m.indicators or []),
                                        finding_ids=list(m.finding_ids or []), topic_ids=list(m.topic_ids or []),
                                        assumption=m.assumption))
            session.flush()
            return self._summary(session, new)

    def compare(self, old_id: str, new_id: str) -> tuple[SectionDiff, ...]:
        return diff_sections(self.get(old_id, live=False), self.get(new_id, live=False))

    # --- sections -----------------------------------------------------------------------------------

    def add_section(self, paper_id: str, title: str, position: int | None = None) -> SectionView:
        title = clean_line(title, _("section title"), rules.SECTION_TITLE, required=True)
        with self.store.db.unit_of_work() as session:
            self._editable(session, paper_id)
            rows = self._sections(session, paper_id)
            at = len(rows) if position is None else max(0, min(position, len(rows)))
            row = PaperSection(paper_id=paper_id, position=at, outline_key="", title=title, body="")
            session.add(row)
            rows.insert(at, row)
            for index, section in enumerate(rows):
                section.position = index
            session.flush()
            return SectionView(row.id, row.position, "", row.title, "")

    def rename_section(self, section_id: str, title: str) -> None:
        title = clean_line(title, _("section title"), rules.SECTION_TITLE, required=True)
        with self.store.db.unit_of_work() as session:
            self._section(session, section_id).title = title

    def section_body(self, section_id: str) -> str:
        return self.section_text(section_id)[0]

    def section_text(self, section_id: str) -> tuple[str, int]:
        """A section's Markdown text and its version (what an editor passes back as ``expected``)."""
        with self.store.db.reading() as session:
            row = session.get(PaperSection, section_id)
            if row is None:
                raise NotFoundError(_("That section no longer exists."))
            return row.body, row.row_version

    def set_body(self, section_id: str, text: str, *, expected: int | None = None) -> int:
        """Save a section's Markdown text (the editor calls this as the user types); the section's version now.

        ``expected``: the version the editor loaded; ChangedElsewhere (nothing saved) when someone else saved
        the section since. None: no check (an undo or redo of one's own edit). A frozen version is refused
        before anything else."""
        text = clean_text(text, _("section text"), rules.SECTION_TEXT)
        with self.store.db.unit_of_work() as session:
            row = self._section(session, section_id)
            refuse_if_changed("paper_section", _("section"), row, expected, SECTION_FIELDS)
            if row.body != text:
                row.body = text
                session.flush()
            return row.row_version

    def move_section(self, section_id: str, position: int) -> None:
        with self.store.db.unit_of_work() as session:
            row = self._section(session, section_id)
            rows = [s for s in self._sections(session, row.paper_id) if s.id != section_id]
            rows.insert(max(0, min(position, len(rows))), row)
            for index, section in enumerate(rows):
                section.position = index

    def delete_section(self, section_id: str) -> None:
        """Into the trash with its text and blocks; ``restore_section`` brings it back where it was."""
        with self.store.db.unit_of_work() as session:
            row = self._section(session, section_id)
            row.deleted_at = utcnow()

    def restore_section(self, section_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(PaperSection, section_id)
            if row is None:
                raise NotFoundError(_("That section no longer exists."))
            self._editable(session, row.paper_id)
            row.deleted_at = None
            rows = [s for s in self._sections(session, row.paper_id) if s.id != section_id]
            rows.insert(min(row.position, len(rows)), row)
            for index, section in enumerate(rows):
                section.position = index

    def deleted_sections(self, paper_id: str) -> builtins.list[SectionView]:
        with self.store.db.reading() as session:
            return [SectionView(s.id, s.position, s.outline_key, s.title, s.body) for s in session.scalars(
                select(PaperSection).where(PaperSection.paper_id == paper_id, PaperSection.deleted_at.is_not(None)))]

    # --- blocks -------------------------------------------------------------------------------------

    def add_block(self, section_id: str, kind: str, params: dict[str, Any], *, after: str | None = None) -> BlockView:
        """A new live block at the end of the section, or right after the block ``after`` (the blocks behind it
        move down one)."""
        params = _block_params(kind, params)
        with self.store.db.unit_of_work() as session:
            self._section(session, section_id)
            rows = list(session.scalars(select(PaperBlock).where(
                PaperBlock.section_id == section_id, PaperBlock.deleted_at.is_(None)).order_by(PaperBlock.position)))
            ids = [r.id for r in rows]
            at = ids.index(after) + 1 if after in ids else len(rows)
            row = PaperBlock(section_id=section_id, position=at, kind=kind, params=params)
            session.add(row)
            for index, behind in enumerate(rows[at:], at + 1):
                if behind.position != index:
                    behind.position = index
            session.flush()
            block_id, version = row.id, row.row_version
        return BlockView(block_id, section_id, at, kind, dict(params), blocks.compute(self.services, kind, params),
                         False, version)

    def update_block(self, block_id: str, kind: str, params: dict[str, Any], *,
                     expected: int | None = None) -> BlockView:
        """Change what a live block shows (its kind and parameters).

        ``expected``: the block's version the editor loaded; ChangedElsewhere (nothing saved) when someone
        else changed the block since. None: no check (an undo or redo of one's own edit). A block of a frozen
        version is never changed."""
        params = _block_params(kind, params)
        with self.store.db.unit_of_work() as session:
            row = session.get(PaperBlock, block_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("That block no longer exists."))
            self._section(session, row.section_id)
            if row.frozen is not None:
                raise ValidationError(_("This block's value was taken when the version was frozen; it no longer "
                                        "changes."))
            refuse_if_changed("paper_block", _("evidence block"), row, expected, BLOCK_FIELDS)
            if row.kind != kind or dict(row.params or {}) != params:
                row.kind, row.params = kind, params
                session.flush()
            section_id, position, version = row.section_id, row.position, row.row_version
        return BlockView(block_id, section_id, position, kind, dict(params),
                         blocks.compute(self.services, kind, params), False, version)

    def delete_block(self, block_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(PaperBlock, block_id)
            if row is None:
                raise NotFoundError(_("That block no longer exists."))
            section = session.get(PaperSection, row.section_id)
            if section is not None:
                self._editable(session, section.paper_id)
            row.deleted_at = None if restore else utcnow()

    # --- priorities and measures ---------------------------------------------------------------------

    def add_priority(self, paper_id: str, title: str, description: str = "") -> PriorityView:
        title = clean_line(title, _("priority"), rules.SECTION_TITLE, required=True)
        description = clean_text(description, _("description"), rules.MEASURE_TEXT)
        with self.store.db.unit_of_work() as session:
            self._editable(session, paper_id)
            count = session.scalar(select(func.count()).select_from(Priority).where(
                Priority.paper_id == paper_id, Priority.deleted_at.is_(None))) or 0
            row = Priority(paper_id=paper_id, position=count, title=title, description=description)
            session.add(row)
            session.flush()
            return PriorityView(row.id, row.position, row.title, row.description)

    def update_priority(self, priority_id: str, title: str, description: str = "") -> None:
        title = clean_line(title, _("priority"), rules.SECTION_TITLE, required=True)
        description = clean_text(description, _("description"), rules.MEASURE_TEXT)
        with self.store.db.unit_of_work() as session:
            row = self._priority(session, priority_id)
            row.title, row.description = title, description

    def delete_priority(self, priority_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(Priority, priority_id)
            if row is None:
                raise NotFoundError(_("That priority no longer exists."))
            self._editable(session, row.paper_id)
            row.deleted_at = None if restore else utcnow()

    def add_measure(self, priority_id: str, data: MeasureInput) -> MeasureView:
        with self.store.db.unit_of_work() as session:
            self._priority(session, priority_id)
            count = session.scalar(select(func.count()).select_from(Measure).where(
                Measure.priority_id == priority_id, Measure.deleted_at.is_(None))) or 0
            row = Measure(priority_id=priority_id, position=count, what="")
            self._fill(session, row, data)
            session.add(row)
            session.flush()
            return self._measure(session, row)

    def update_measure(self, measure_id: str, data: MeasureInput) -> MeasureView:
        with self.store.db.unit_of_work() as session:
            row = self._measure_row(session, measure_id)
            self._fill(session, row, data)
            return self._measure(session, row)

    def delete_measure(self, measure_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(Measure, measure_id)
            if row is None:
                raise NotFoundError(_("That measure no longer exists."))
            self._priority(session, row.priority_id)
            row.deleted_at = None if restore else utcnow()

    def warnings(self, paper_id: str) -> builtins.list[Warning]:
        """What the guide asks and the paper lacks: measures resting on no finding (unless marked as an
        assumption), measures without owner or indicator, strong findings of the region no measure uses."""
        with self.store.db.reading() as session:
            paper = self._paper(session, paper_id)
            priorities = self._priorities(session, paper_id)
            region_id = paper.region_id
        found: list[Warning] = []
        used: set[str] = set()
        for measure in (m for p in priorities for m in p.measures):
            name = _short(measure.what)
            used.update(measure.finding_ids)
            if not measure.finding_ids and not measure.assumption:
                found.append(Warning("assumption", _("“{measure}” rests on no finding: an assumption — mark it or "
                                                     "support it.").format(measure=name), measure.id))
            if not measure.responsible:
                found.append(Warning("no_owner", _("“{measure}” names no one responsible.").format(measure=name),
                                     measure.id))
            if not measure.indicators:
                found.append(Warning("no_indicator", _("“{measure}” has no indicator.").format(measure=name),
                                     measure.id))
        for finding in self.services.evidence.findings.list(region_id=region_id):
            if finding.strength == "strong" and finding.id not in used:
                found.append(Warning("unused_finding", _("A strong finding is used by no measure: “{finding}”.")
                                     .format(finding=_short(finding.statement)), finding.id))
        return found

    # --- review comments ---------------------------------------------------------------------------------

    def add_comment(self, section_id: str, author: str, text: str) -> CommentView:
        author = clean_line(author, _("reviewer"), rules.NAME, required=True)
        text = clean_text(text, _("comment"), rules.MEASURE_TEXT, required=True)
        with self.store.db.unit_of_work() as session:
            row = session.get(PaperSection, section_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("That section no longer exists."))
            comment = ReviewComment(section_id=section_id, author=author, text=text, resolved=False)
            session.add(comment)
            session.flush()
            return CommentView(comment.id, section_id, author, text, False, comment.created_at)

    def resolve_comment(self, comment_id: str, resolved: bool = True) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(ReviewComment, comment_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("That comment no longer exists."))
            row.resolved = resolved

    # --- helpers ------------------------------------------------------------------------------------

    def _fill(self, session: Session, row: Measure, data: MeasureInput) -> None:
        row.what = clean_text(data.what, _("measure"), rules.MEASURE_TEXT, required=True)
        row.responsible = clean_line(data.responsible, _("responsible"), rules.NAME)
        row.resources = clean_text(data.resources, _("resources"), rules.MEASURE_TEXT)
        row.funding = clean_line(data.funding, _("funding source"), rules.NAME)
        if data.due is not None:
            try:
                rules.check_date(data.due, "due date")
            except ValueError as exc:
                raise ValidationError(str(exc).capitalize() + ".") from None
        row.due = data.due
        indicators = [i for i in data.indicators if i.name.strip() or i.baseline.strip() or i.target.strip()]
        if len(indicators) > rules.MAX_INDICATORS:
            raise ValidationError(_("A measure has one or two indicators."))
        for indicator in indicators:
            if not indicator.name.strip():
                raise ValidationError(_("An indicator needs a name (what is counted or observed)."))
        row.indicators = [{"name": clean_line(i.name, _("indicator"), rules.NAME),
                           "baseline": clean_line(i.baseline, _("baseline"), rules.NAME),
                           "target": clean_line(i.target, _("target"), rules.NAME)} for i in indicators]
        findings = list(dict.fromkeys(data.finding_ids))
        if len(findings) > rules.MAX_SUPPORT:
            raise ValidationError(_("Too many supporting findings on one measure."))
        from inducci_desktop.store.models import Finding

        known = set(session.scalars(select(Finding.id).where(Finding.id.in_(findings), Finding.deleted_at.is_(None))))
        if any(f not in known for f in findings):
            raise ValidationError(_("A supporting finding is no longer in the register; choose again."))
        row.finding_ids = findings
        topics = list(dict.fromkeys(data.topic_ids))
        known_topics = set(session.scalars(select(Topic.id).where(Topic.id.in_(topics), Topic.deleted_at.is_(None))))
        if any(t not in known_topics for t in topics) or len(topics) > rules.MAX_TOPICS:
            raise ValidationError(_("A chosen topic no longer exists; choose again."))
        row.topic_ids = topics
        row.assumption = bool(data.assumption)
        priority = session.get(Priority, row.priority_id)
        if priority is not None:
            self._editable(session, priority.paper_id)

    def _priorities(self, session: Session, paper_id: str) -> tuple[PriorityView, ...]:
        rows = session.scalars(select(Priority).where(Priority.paper_id == paper_id, Priority.deleted_at.is_(None))
                               .order_by(Priority.position)).all()
        # the measures of every priority and their topics in one query each (not per priority and measure)
        measures: dict[str, list[Measure]] = {row.id: [] for row in rows}
        for measure in session.scalars(select(Measure).where(Measure.priority_id.in_(list(measures)),
                                                             Measure.deleted_at.is_(None))
                                       .order_by(Measure.position)):
            measures[measure.priority_id].append(measure)
        topic_ids = {t for found in measures.values() for m in found for t in m.topic_ids or []}
        names = ({t.id: t.name for t in session.scalars(select(Topic).where(Topic.id.in_(topic_ids)))}
                 if topic_ids else {})
        return tuple(PriorityView(row.id, row.position, row.title, row.description,
                                  tuple(self._measure_view(m, names) for m in measures[row.id])) for row in rows)

    @staticmethod
    def _measure(session: Session, row: Measure) -> MeasureView:
        names = {t.id: t.name for t in session.scalars(select(Topic).where(Topic.id.in_(row.topic_ids or [])))}
        return PaperService._measure_view(row, names)

    @staticmethod
    def _measure_view(row: Measure, names: dict[str, str]) -> MeasureView:
        return MeasureView(row.id, row.priority_id, row.position, row.what, row.responsible, row.due, row.resources,
                           row.funding, tuple(Indicator(i.get("name", ""), i.get("baseline", ""), i.get("target", ""))
                                              for i in row.indicators or []),
                           tuple(row.finding_ids or []), tuple(row.topic_ids or []), row.assumption,
                           tuple(names[t] for t in row.topic_ids or [] if t in names))

    @staticmethod
    def _summary(session: Session, row: StrategyPaper) -> PaperSummary:
        region = session.get(Region, row.region_id)
        return PaperSummary(row.id, row.lineage_id, row.version, row.region_id, region.name if region else "",
                            row.title, row.status, row.adopted_by, row.adopted_on, row.frozen_at, row.updated_at)

    @staticmethod
    def _paper(session: Session, paper_id: str) -> StrategyPaper:
        row = session.get(StrategyPaper, paper_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That strategy paper no longer exists."))
        return row

    def _editable(self, session: Session, paper_id: str) -> StrategyPaper:
        row = self._paper(session, paper_id)
        if row.frozen_at is not None:
            raise ValidationError(_("Version {n} is frozen; start a new version to change it.").format(n=row.version))
        return row

    def _section(self, session: Session, section_id: str) -> PaperSection:
        row = session.get(PaperSection, section_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That section no longer exists."))
        self._editable(session, row.paper_id)
        return row

    @staticmethod
    def _sections(session: Session, paper_id: str) -> builtins.list[PaperSection]:
        return list(session.scalars(select(PaperSection).where(
            PaperSection.paper_id == paper_id, PaperSection.deleted_at.is_(None)).order_by(PaperSection.position)))

    def _priority(self, session: Session, priority_id: str) -> Priority:
        row = session.get(Priority, priority_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That priority no longer exists."))
        self._editable(session, row.paper_id)
        return row

    def _measure_row(self, session: Session, measure_id: str) -> Measure:
        row = session.get(Measure, measure_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That measure no longer exists."))
        return row


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"

