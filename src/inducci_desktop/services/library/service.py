"""The toolbox library: content loaded from the pack, browsing, search, bookmarks and personal notes.

Returns plain dataclasses only. Content tables are rebuilt when the pack's id/version changes; bookmarks
and notes refer to items by id and are never touched by that.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.content import search as content_search
from inducci_desktop.content.packinfo import DEFAULT_LANGUAGE, pack_versions, read_header, shipped_pack
from inducci_desktop.content.search import SearchHit
from inducci_desktop.domain import i18n, rules
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.library.views import (
    BookmarkView,
    ChecklistSummary,
    ContentStatus,
    ItemSummary,
    ItemView,
    NoteView,
    PackInfo,
    SectionView,
    bookmark_views,
    section_views,
)
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    Bookmark,
    ChecklistTemplateRow,
    ChecklistTemplateTextRow,
    ContentItemRow,
    ContentPackRow,
    ContentSectionRow,
    GlossaryTermRow,
    LinkRow,
    Note,
    SearchDocRow,
    utcnow,
)

if TYPE_CHECKING:
    # the content's data classes are made when an item, the glossary or the links are first read, not for
    # the Library's first page (its tree needs only the summaries below)
    from inducci_desktop.content.model import ChecklistTemplate, GlossaryTerm, Link

__all__ = ["SearchHit"]  # re-exported for the services' callers
log = logging.getLogger(__name__)
MAX_NOTE_CHARS = rules.ITEM_NOTE


class LibraryService:
    def __init__(self, store: Store, language: str = DEFAULT_LANGUAGE) -> None:
        self.store = store
        self.language = language
        self.pack_dir: Path | None = None  # the folder last loaded from; None: the shipped pack

    # --- content loading ---------------------------------------------------------------------------

    def pack_folder(self) -> Path:
        return self.pack_dir if self.pack_dir is not None else shipped_pack(self.language)

    def pack_info(self, language: str | None = None) -> PackInfo | None:
        """The English (base) pack loaded, or the pack of ``language``."""
        with self.store.db.reading() as session:
            row = session.get(ContentPackRow, language or self.language)
            return None if row is None else PackInfo(row.pack_id, row.version, row.language, row.title, row.loaded_at)

    def languages(self) -> list[str]:
        """The languages whose content is loaded (English first)."""
        with self.store.db.reading() as session:
            found = list(session.scalars(select(ContentPackRow.language)))
        return sorted(found, key=lambda code: (code != self.language, code))

    def reading_language(self, session: Session, language: str | None = None) -> str:
        """``language`` (default: the interface language now) if its content is loaded, else English."""
        wanted = language or i18n.language()
        if wanted != self.language and session.get(ContentPackRow, wanted) is not None:
            return wanted
        return self.language

    def current_language(self) -> str:
        """The language the library shows now: the interface language if its content is loaded, else English."""
        with self.store.db.reading() as session:
            return self.reading_language(session)

    def _loaded(self) -> dict[str, tuple[str, str]]:
        with self.store.db.reading() as session:
            return {r.language: (r.pack_id, r.version) for r in session.scalars(select(ContentPackRow))}

    def ensure_content(self, pack_dir: Path | None = None, *, force: bool = False) -> ContentStatus:
        """Load the pack into the database if it is not loaded yet or its id/version/language changed.

        Cheap when unchanged: only pack.yaml is read (without a YAML parser). The load happens in one
        transaction; a pack with problems is not loaded (whatever was loaded stays) and the problems are
        returned. Bookmarks and notes are never changed.
        """
        started = time.perf_counter()
        if pack_dir is not None:
            self.pack_dir = pack_dir
        folder = self.pack_folder()
        header = read_header(folder)
        current = self.pack_info()
        if (not force and header is not None and current is not None and header.language == self.language
                and pack_versions(folder, self.language) == self._loaded()):
            return ContentStatus(False, "unchanged", current.id, current.version, time.perf_counter() - started)

        from inducci_desktop.content.dbload import store_pack
        from inducci_desktop.content.loader import check_pack_cached
        from inducci_desktop.content.translation import load_translations

        pack, problems = check_pack_cached(folder, self.language)
        if pack is None:
            log.error("content pack %s not loaded: %d problems, first: %s", folder, len(problems),
                      problems[0] if problems else "-")
            return ContentStatus(False, "invalid", current.id if current else None,
                                 current.version if current else None, time.perf_counter() - started,
                                 tuple(problems))
        packs = load_translations(pack, folder)
        translations = {code: one for code, one in packs.languages.items() if code != pack.language}
        with self.store.db.unit_of_work() as session:
            store_pack(session, pack, translations)
        seconds = time.perf_counter() - started
        log.info("loaded content pack %s %s (%s, translations: %s) in %.3f s", pack.id, pack.version,
                 pack.language, " ".join(translations) or "none", seconds)
        return ContentStatus(True, "loaded", pack.id, pack.version, seconds)

    def keep_pinned(self) -> int:
        """Keep the toolbox template versions that assessments pin and that only this machine's content cache
        holds (assessments made on a shared database before the versions were kept there) with the user data,
        so every client reads them. Returns how many were kept now (usually none: two small queries)."""
        from inducci_desktop.content import pinned

        with self.store.db.unit_of_work() as session:
            return pinned.keep(session, pinned.pins_of_assessments(session))

    def resource_path(self, relative: str) -> Path:
        """A file of the pack (e.g. an image a body refers to); never outside the pack folder."""
        parts = PurePosixPath(relative.replace("\\", "/")).parts
        if not parts or relative.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise NotFoundError(i18n._("{path!r} is not a file of the content pack.").format(path=relative))
        path = self.pack_folder().joinpath(*parts)
        if not path.is_file():
            raise NotFoundError(i18n._("The content pack has no file {path!r}.").format(path=relative))
        return path

    # --- browsing ----------------------------------------------------------------------------------

    def sections(self) -> list[SectionView]:
        """Sections in display order (a parent before its children), with their depth in the tree."""
        with self.store.db.reading() as session:
            lang = self.reading_language(session)
            rows = [(r.id, r.parent_id, r.title, r.summary)
                    for r in session.scalars(select(ContentSectionRow).where(ContentSectionRow.language == lang)
                                             .order_by(ContentSectionRow.position))]
        return section_views(rows)

    def items(self, kind: str | None = None, section: str | None = None,
              language: str | None = None) -> list[ItemSummary]:
        """Items in pack order, filtered by kind and by section (a section includes its sub-sections)."""
        with self.store.db.reading() as session:
            lang = self.reading_language(session, language)
            query = select(ContentItemRow).where(ContentItemRow.language == lang).order_by(ContentItemRow.position)
            if kind is not None:
                query = query.where(ContentItemRow.kind == kind)
            if section is not None:
                query = query.where(ContentItemRow.section.in_(self._section_and_below(session, section, lang)))
            return [_summary(row) for row in session.scalars(query)]

    def when_ready(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the service is there: now (``first_page.EarlyLibrary`` waits for it)."""
        then()

    def own_cases(self) -> list[tuple[str, str]]:
        """(id, title) of the pilot actions published from this data folder ("This region's own cases"), newest
        first (services/pilots/published.py: without the pilots' models)."""
        from inducci_desktop.services.pilots.published import published_cases

        return published_cases(self.store)

    def item(self, item_id: str, language: str | None = None) -> ItemView:
        """An item in ``language`` (default: the interface language), English where it is not translated."""
        with self.store.db.reading() as session:
            lang = self.reading_language(session, language)
            row = session.get(ContentItemRow, (item_id, lang)) or session.get(ContentItemRow, (item_id, self.language))
            if row is None:
                raise NotFoundError(i18n._("The toolbox has no item {item_id!r}.").format(item_id=item_id))
            from inducci_desktop.content.dbload import translation_from_json
            from inducci_desktop.content.model import Source

            related = self._summaries(session, row.related, lang)
            note = session.scalar(select(Note.text).where(Note.item_id == item_id, Note.deleted_at.is_(None)))
            bookmarked = self._bookmark(session, item_id) is not None
            return ItemView(
                row.id, row.kind, row.section, row.title, row.summary, row.body, tuple(row.tags),
                tuple(Source(s["url"], s.get("title", "")) for s in row.sources), tuple(related),
                dict(row.fields), row.path, bookmarked, note or "", lang, row.text_language,
                translation_from_json(row.translation),
            )

    def glossary(self, language: str | None = None) -> list[GlossaryTerm]:
        from inducci_desktop.content.dbload import translation_from_json
        from inducci_desktop.content.model import GlossaryTerm, Source

        with self.store.db.reading() as session:
            lang = self.reading_language(session, language)
            rows = session.scalars(select(GlossaryTermRow).where(GlossaryTermRow.language == lang)
                                   .order_by(GlossaryTermRow.position)).all()
            return [GlossaryTerm(r.id, r.term, r.definition, tuple(r.see),
                                 tuple(Source(s["url"], s.get("title", "")) for s in r.sources),
                                 r.text_language, translation_from_json(r.translation)) for r in rows]

    def links(self, language: str | None = None) -> list[Link]:
        from inducci_desktop.content.dbload import translation_from_json
        from inducci_desktop.content.model import Link

        with self.store.db.reading() as session:
            lang = self.reading_language(session, language)
            rows = session.scalars(select(LinkRow).where(LinkRow.language == lang).order_by(LinkRow.position)).all()
            return [Link(r.id, r.title, r.url, r.description, r.section, r.text_language,
                         translation_from_json(r.translation)) for r in rows]

    def checklists(self, language: str | None = None) -> list[ChecklistSummary]:
        """The checklist templates of the loaded pack (current versions) in the reader's language, by title."""
        with self.store.db.reading() as session:
            lang = self.reading_language(session, language)
            rows = session.scalars(select(ChecklistTemplateRow).where(ChecklistTemplateRow.in_pack)).all()
            texts = self._template_texts(session, [(r.id, r.version) for r in rows], lang)
            summaries = []
            for r in rows:
                title, summary = texts.get((r.id, r.version), (r.title, r.summary))
                summaries.append(ChecklistSummary(r.id, r.version, title, summary, r.section))
            return sorted(summaries, key=lambda c: c.title.casefold())

    def _template_texts(self, session: Session, keys: list[tuple[str, int]],
                        lang: str) -> dict[tuple[str, int], tuple[str, str]]:
        if lang == self.language or not keys:
            return {}
        rows = session.scalars(select(ChecklistTemplateTextRow).where(
            ChecklistTemplateTextRow.language == lang,
            ChecklistTemplateTextRow.id.in_([k[0] for k in keys]))).all()
        return {(r.id, r.version): (r.data["title"], r.data.get("summary", "")) for r in rows
                if (r.id, r.version) in keys}

    def translated_template(self, session: Session, template: ChecklistTemplate,
                            language: str | None = None) -> ChecklistTemplate:
        """``template`` (an English toolbox template) in ``language`` (default: the interface language).

        The translation of the same version with exactly the same keys, or ``template`` itself (English, so
        the runner and printouts say "available in English only"). Answers are stored by key, so an
        assessment filled in one language compares with one filled in another item by item.
        """
        from inducci_desktop.content.dbload import template_from_json
        from inducci_desktop.content.translation import template_keys

        lang = self.reading_language(session, language)
        if lang == template.language:
            return template
        row = session.get(ChecklistTemplateTextRow, (template.id, template.version, lang))
        if row is None:
            return template
        translated = template_from_json(row.data)
        if template_keys(translated) != template_keys(template):
            log.warning("translation %s of checklist %s version %s has other keys; English shown", lang,
                        template.id, template.version)
            return template
        return translated

    def checklist_template(self, template_id: str, version: int | None = None,
                           language: str | None = None) -> ChecklistTemplate:
        """A template as loaded at some time: ``version`` exactly, or the pack's current version, in
        ``language`` (default: the interface language; English where it has no translation)."""
        from inducci_desktop.content import pinned
        from inducci_desktop.content.dbload import template_from_json

        with self.store.db.reading() as session:
            row = pinned.find(session, template_id, version)  # this machine's cache, else the kept versions
            if row is None:
                if version is not None:
                    raise NotFoundError(i18n._("There is no checklist template {template_id!r} version {version}.")
                                        .format(template_id=template_id, version=version))
                raise NotFoundError(i18n._("There is no checklist template {template_id!r}.")
                                    .format(template_id=template_id))
            return self.translated_template(session, template_from_json(row["data"]), language)

    # --- search ------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, language: str | None = None) -> list[SearchHit]:
        """Ranked hits for text as typed, in the interface language's pack and English where it has no
        translation (any text; hostile input gives no hits, never an error)."""
        with self.store.db.reading() as session:
            return content_search.search(session, query, limit, self.reading_language(session, language))

    # --- bookmarks ---------------------------------------------------------------------------------

    def add_bookmark(self, item_id: str) -> BookmarkView:
        with self.store.db.unit_of_work() as session:
            lang = self.reading_language(session)
            doc = session.scalar(select(SearchDocRow).where(SearchDocRow.item_id == item_id,
                                                            SearchDocRow.language == lang))
            if doc is None:
                raise NotFoundError(i18n._("The toolbox has no item {item_id!r} to bookmark.").format(item_id=item_id))
            row = self._bookmark(session, item_id, include_deleted=True)
            if row is None:
                row = Bookmark(item_id=item_id)
                session.add(row)
            elif row.deleted_at is not None:
                row.deleted_at = None
                row.created_at = utcnow()
            session.flush()
            return BookmarkView(item_id, doc.kind, doc.title, row.created_at)

    def remove_bookmark(self, item_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            row = self._bookmark(session, item_id)
            if row is not None:
                row.deleted_at = utcnow()

    def is_bookmarked(self, item_id: str) -> bool:
        with self.store.db.reading() as session:
            return self._bookmark(session, item_id) is not None

    def bookmarks(self) -> list[BookmarkView]:
        """Bookmarks, newest first; those whose item left the pack are kept, with ``available`` False."""
        with self.store.db.reading() as session:
            lang = self.reading_language(session)
            # two queries, not a join: with the user data on a server the content is in another database
            marks = session.execute(
                select(Bookmark.item_id, Bookmark.created_at)
                .where(Bookmark.deleted_at.is_(None))
                .order_by(Bookmark.created_at.desc())
            ).all()
            ids = [item_id for item_id, _created in marks]
            docs: dict[str, tuple[str, str]] = {
                item_id: (kind, title) for item_id, kind, title in session.execute(
                    select(SearchDocRow.item_id, SearchDocRow.kind, SearchDocRow.title)
                    .where(SearchDocRow.item_id.in_(ids), SearchDocRow.language == lang))} if ids else {}
            return bookmark_views(marks, docs)

    # --- notes -------------------------------------------------------------------------------------

    def note(self, item_id: str) -> NoteView | None:
        with self.store.db.reading() as session:
            row = session.scalar(select(Note).where(Note.item_id == item_id, Note.deleted_at.is_(None)))
            return None if row is None else _note(row)

    def set_note(self, item_id: str, text: str) -> NoteView | None:
        """Save the note on ``item_id``; empty text moves the note to the trash (see ``restore_note``)."""
        if len(text) > MAX_NOTE_CHARS:
            raise ValidationError(i18n._("A note can be at most {limit} characters long.")
                                  .format(limit=i18n.format_number(MAX_NOTE_CHARS)))
        with self.store.db.unit_of_work() as session:
            row = session.scalar(select(Note).where(Note.item_id == item_id))
            if not text.strip():
                if row is not None and row.deleted_at is None:
                    row.deleted_at = utcnow()
                    content_search.update_note(session, item_id, "")
                return None
            if row is None:
                if session.scalar(select(SearchDocRow.docid).where(SearchDocRow.item_id == item_id).limit(1)) is None:
                    raise NotFoundError(i18n._("The toolbox has no item {item_id!r} to write a note on.")
                                        .format(item_id=item_id))
                row = Note(item_id=item_id, text=text)
                session.add(row)
            else:
                row.text, row.deleted_at = text, None
            session.flush()
            content_search.update_note(session, item_id, text)
            return _note(row)

    def restore_note(self, item_id: str) -> NoteView:
        """Bring back a note emptied by ``set_note(item_id, "")``, with its last text."""
        with self.store.db.unit_of_work() as session:
            row = session.scalar(select(Note).where(Note.item_id == item_id))
            if row is None:
                raise NotFoundError(i18n._("There is no note on {item_id!r} to restore.").format(item_id=item_id))
            if row.deleted_at is not None:
                row.deleted_at = None
                session.flush()
                content_search.update_note(session, item_id, row.text)
            return _note(row)

    def notes(self, *, deleted: bool = False) -> list[NoteView]:
        """Notes (or, with ``deleted=True``, those in the trash), most recently changed first."""
        with self.store.db.reading() as session:
            condition = Note.deleted_at.is_not(None) if deleted else Note.deleted_at.is_(None)
            rows = session.scalars(select(Note).where(condition).order_by(Note.updated_at.desc())).all()
            return [_note(r) for r in rows]

    # --- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _bookmark(session: Session, item_id: str, *, include_deleted: bool = False) -> Bookmark | None:
        row = session.scalar(select(Bookmark).where(Bookmark.item_id == item_id))
        if row is None or (row.deleted_at is not None and not include_deleted):
            return None
        return row

    @staticmethod
    def _section_and_below(session: Session, section: str, lang: str) -> list[str]:
        pairs = session.execute(select(ContentSectionRow.id, ContentSectionRow.parent_id)
                                .where(ContentSectionRow.language == lang)).all()
        found, frontier = [section], [section]
        while frontier:
            frontier = [sid for sid, parent in pairs if parent in frontier and sid not in found]
            found.extend(frontier)
        return found

    def _summaries(self, session: Session, ids: list[str], lang: str) -> list[ItemSummary]:
        if not ids:
            return []
        items = {r.id: _summary(r) for r in session.scalars(select(ContentItemRow).where(
            ContentItemRow.id.in_(ids), ContentItemRow.language == lang))}
        rows = session.scalars(select(ChecklistTemplateRow).where(ChecklistTemplateRow.id.in_(ids),
                                                                  ChecklistTemplateRow.in_pack)).all()
        texts = self._template_texts(session, [(r.id, r.version) for r in rows], lang)
        for r in rows:
            title, summary = texts.get((r.id, r.version), (r.title, r.summary))
            items[r.id] = ItemSummary(r.id, "checklist", r.section, title, summary)
        return [items[i] for i in ids if i in items]


def _summary(row: ContentItemRow) -> ItemSummary:
    return ItemSummary(row.id, row.kind, row.section, row.title, row.summary, tuple(row.tags))


def _note(row: Note) -> NoteView:
    return NoteView(row.item_id, row.text, row.updated_at, row.deleted_at)
