"""The evidence register: findings (a statement, its source, region, date, topics, strength) and topics."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.evidence import FindingGroup, FindingView, SourceRef, TopicView
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError, refuse_if_changed
from inducci_desktop.services.inputs import clean_line
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Finding, Region, Topic, utcnow

#: what the finding editor shows: a save refused as changed elsewhere carries their values of these
FINDING_FIELDS = ("statement", "strength", "topic_ids", "observed_on", "citation", "region_id")


def _statement(value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise ValidationError(_("A finding needs a statement."))
    if len(cleaned) > rules.FINDING_TEXT:
        raise ValidationError(_("A finding can be at most {limit} characters long; keep it short and link "
                                "its source.").format(limit=rules.FINDING_TEXT))
    try:
        rules.check_text(cleaned, "statement")
    except ValueError as exc:
        raise ValidationError(str(exc).capitalize() + ".") from None
    return cleaned


def _source(source: SourceRef, citation: str) -> tuple[SourceRef, str]:
    if source.kind not in rules.FINDING_SOURCE:
        raise ValidationError(_("Unknown source of a finding: {kind}.").format(kind=source.kind))
    ref = source.ref.strip()
    if len(ref) > rules.SOURCE_REF:
        raise ValidationError(_("The source reference is too long."))
    citation = clean_line(citation, _("citation"), rules.TITLE)
    if source.kind == "note" and not citation:
        raise ValidationError(_("A finding typed by hand needs a citation: say where it comes from."))
    if source.kind != "note" and not ref:
        raise ValidationError(_("The finding's source is not named."))
    title = clean_line(source.title, _("source title"), rules.TITLE)
    return SourceRef(source.kind, ref, title), citation


class FindingsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- topics -------------------------------------------------------------------------------------

    def topics(self) -> list[TopicView]:
        """Every topic (active findings counted), in alphabetical order."""
        with self.store.db.reading() as session:
            rows = session.scalars(select(Topic).where(Topic.deleted_at.is_(None))).all()
            findings = session.scalars(select(Finding).where(Finding.deleted_at.is_(None))).all()
            counts: dict[str, int] = {}
            for finding in findings:
                for topic_id in finding.topic_ids or []:
                    counts[topic_id] = counts.get(topic_id, 0) + 1
            views = [TopicView(r.id, r.name, counts.get(r.id, 0)) for r in rows]
        collate = i18n.sort_key()  # as the language sorts
        return sorted(views, key=lambda t: collate(t.name))

    def add_topic(self, name: str) -> TopicView:
        """A new topic, or the existing one of that name (case does not count); a deleted one comes back."""
        name = clean_line(name, _("topic"), rules.TOPIC, required=True)
        with self.store.db.unit_of_work() as session:
            row = session.scalar(select(Topic).where(func.lower(Topic.name) == name.lower()))
            if row is None:
                row = Topic(name=name)
                session.add(row)
                session.flush()
            elif row.deleted_at is not None:
                row.deleted_at = None
            return TopicView(row.id, row.name)

    def rename_topic(self, topic_id: str, name: str) -> TopicView:
        name = clean_line(name, _("topic"), rules.TOPIC, required=True)
        with self.store.db.unit_of_work() as session:
            row = session.get(Topic, topic_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(_("That topic no longer exists."))
            clash = session.scalar(select(Topic).where(func.lower(Topic.name) == name.lower(), Topic.id != topic_id))
            if clash is not None:
                raise ValidationError(_("A topic named {name} exists already.").format(name=clash.name))
            row.name = name
            return TopicView(row.id, row.name)

    # --- findings -----------------------------------------------------------------------------------

    def add(self, region_id: str, statement: str, source: SourceRef, *, observed_on: date | None = None,
            strength: str = "moderate", topic_ids: Sequence[str] = (), citation: str = "",
            finding_id: str | None = None) -> FindingView:
        statement = _statement(statement)
        source, citation = _source(source, citation)
        strength = self._strength(strength)
        observed = self._day(observed_on or date.today())
        with self.store.db.unit_of_work() as session:
            self._region(session, region_id)
            topics = self._topic_ids(session, topic_ids)
            if finding_id is not None and session.get(Finding, finding_id) is not None:
                raise ValidationError(_("A finding with this id exists already."))
            row = Finding(id=finding_id, region_id=region_id, statement=statement, source_kind=source.kind,
                          source_ref=source.ref, source_title=source.title, citation=citation,
                          observed_on=observed, strength=strength, topic_ids=topics)
            session.add(row)
            session.flush()
            return self._view(session, row)

    def update(self, finding_id: str, *, statement: str | None = None, strength: str | None = None,
               topic_ids: Sequence[str] | None = None, observed_on: date | None = None,
               citation: str | None = None, region_id: str | None = None,
               expected: int | None = None) -> FindingView:
        """Change what is given (None: left as it is).

        ``expected``: the finding's ``row_version`` the editor loaded; ChangedElsewhere (nothing saved) when
        someone else saved the finding since. None: no check."""
        with self.store.db.unit_of_work() as session:
            row = self._row(session, finding_id)
            refuse_if_changed("finding", _("finding"), row, expected, FINDING_FIELDS)
            if statement is not None:
                row.statement = _statement(statement)
            if strength is not None:
                row.strength = self._strength(strength)
            if topic_ids is not None:
                row.topic_ids = self._topic_ids(session, topic_ids)
            if observed_on is not None:
                row.observed_on = self._day(observed_on)
            if citation is not None:
                row.citation = _source(SourceRef(row.source_kind, row.source_ref, row.source_title), citation)[1]
            if region_id is not None:
                self._region(session, region_id)
                row.region_id = region_id
            session.flush()
            return self._view(session, row)

    def copy(self, finding_id: str, *, statement: str, region_id: str, strength: str, topic_ids: Sequence[str],
             observed_on: date, citation: str) -> FindingView:
        """A new finding from the same source as ``finding_id`` with these values, its statement marked as a
        copy: "Keep both" after a save refused because someone else changed that finding."""
        original = self.get(finding_id)
        mark = _("(copy)")
        text = statement.strip()
        room = rules.FINDING_TEXT - len(mark) - 1
        if len(text) > room:
            text = text[: room - 1].rstrip() + "…"
        return self.add(region_id, f"{text} {mark}", original.source, observed_on=observed_on, strength=strength,
                        topic_ids=topic_ids, citation=citation)

    def delete(self, finding_id: str) -> None:
        """Into the trash; ``restore`` brings it back."""
        with self.store.db.unit_of_work() as session:
            self._row(session, finding_id).deleted_at = utcnow()

    def restore(self, finding_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            row = session.get(Finding, finding_id)
            if row is None:
                raise NotFoundError(_("That finding no longer exists."))
            row.deleted_at = None

    def get(self, finding_id: str) -> FindingView:
        with self.store.db.reading() as session:
            return self._view(session, self._row(session, finding_id))

    def get_many(self, finding_ids: Iterable[str]) -> dict[str, FindingView]:
        """The views of those of ``finding_ids`` that are not deleted, by id (read in one query)."""
        wanted = list(dict.fromkeys(finding_ids))
        if not wanted:
            return {}
        with self.store.db.reading() as session:
            rows = session.scalars(select(Finding).where(Finding.id.in_(wanted), Finding.deleted_at.is_(None))).all()
            return {view.id: view for view in self._views(session, rows)}

    def list(self, *, region_id: str | None = None, topic_id: str | None = None, query: str = "",
             trashed: bool = False) -> list[FindingView]:
        """Findings, newest observation first; filtered by region, topic and words of the statement."""
        with self.store.db.reading() as session:
            stmt = select(Finding).where(Finding.deleted_at.is_not(None) if trashed else Finding.deleted_at.is_(None))
            if region_id:
                stmt = stmt.where(Finding.region_id == region_id)
            rows = session.scalars(stmt.order_by(Finding.observed_on.desc(), Finding.created_at.desc())).all()
            views = self._views(session, [row for row in rows if not topic_id or topic_id in (row.topic_ids or [])])
        words = query.casefold().split()
        if words:
            views = [v for v in views if all(w in f"{v.statement} {v.source.title} {v.citation}".casefold()
                                             for w in words)]
        return views

    def for_source(self, source: SourceRef) -> builtins.list[FindingView]:
        """The active findings made from one source (the source's page shows them)."""
        with self.store.db.reading() as session:
            rows = session.scalars(select(Finding).where(Finding.deleted_at.is_(None),
                                                         Finding.source_kind == source.kind,
                                                         Finding.source_ref == source.ref)).all()
            return self._views(session, rows)

    def grouped(self, findings: Sequence[FindingView], by: str) -> builtins.list[FindingGroup]:
        """Findings under their topics (a finding with two topics is under both; none: "No topic") or
        under their regions."""
        groups: dict[str, tuple[str, builtins.list[FindingView]]] = {}
        for finding in findings:
            if by == "region":
                keys = [(finding.region_id, finding.region_name)]
            else:
                keys = [(t.id, t.name) for t in finding.topics] or [("", _("No topic"))]
            for key, title in keys:
                groups.setdefault(key, (title, []))[1].append(finding)
        collate = i18n.sort_key()
        ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", collate(kv[1][0])))
        return [FindingGroup(key, title, tuple(items)) for key, (title, items) in ordered]

    # --- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _strength(value: str) -> str:
        try:
            return rules.FINDING_STRENGTH.check(value)
        except ValueError as exc:
            raise ValidationError(str(exc).capitalize() + ".") from None

    @staticmethod
    def _day(value: date) -> date:
        try:
            return rules.check_date(value)
        except ValueError as exc:
            raise ValidationError(str(exc).capitalize() + ".") from None

    @staticmethod
    def _region(session: Session, region_id: str) -> Region:
        region = session.get(Region, region_id)
        if region is None or region.deleted_at is not None:
            raise ValidationError(_("Choose the region the finding is about."))
        return region

    @staticmethod
    def _topic_ids(session: Session, topic_ids: Sequence[str]) -> builtins.list[str]:
        unique = list(dict.fromkeys(topic_ids))
        if len(unique) > rules.MAX_TOPICS:
            raise ValidationError(_("A finding can have at most {count} topics.").format(count=rules.MAX_TOPICS))
        known = set(session.scalars(select(Topic.id).where(Topic.id.in_(unique), Topic.deleted_at.is_(None))))
        missing = [t for t in unique if t not in known]
        if missing:
            raise ValidationError(_("A chosen topic no longer exists; choose again."))
        return unique

    @staticmethod
    def _row(session: Session, finding_id: str) -> Finding:
        row = session.get(Finding, finding_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(_("That finding no longer exists."))
        return row

    @staticmethod
    def _view(session: Session, row: Finding) -> FindingView:
        return FindingsService._views(session, [row])[0]

    @staticmethod
    def _views(session: Session, rows: Sequence[Finding]) -> builtins.list[FindingView]:
        """The views of ``rows``, their regions and topics read in one query each (not two per finding)."""
        region_ids = {row.region_id for row in rows}
        topic_ids = {t for row in rows for t in row.topic_ids or []}
        regions: dict[str, str] = {region_id: name for region_id, name in session.execute(
            select(Region.id, Region.name).where(Region.id.in_(region_ids)))} if region_ids else {}
        topics = {t.id: TopicView(t.id, t.name) for t in session.scalars(
            select(Topic).where(Topic.id.in_(topic_ids), Topic.deleted_at.is_(None)))} if topic_ids else {}
        return [FindingView(row.id, row.region_id, regions.get(row.region_id, ""), row.statement,
                            SourceRef(row.source_kind, row.source_ref, row.source_title), row.citation,
                            row.observed_on, row.strength,
                            tuple(topics[t] for t in row.topic_ids or [] if t in topics), row.row_version)
                for row in rows]
