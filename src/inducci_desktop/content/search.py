"""Search over the loaded content (FTS5, bm25) with diacritics-insensitive prefix matching and highlights.

Text is folded in Python (content/folding.py) before it goes into the index and before a query is made;
every query token is quoted and given a ``*`` prefix, so no user input can form FTS5 syntax. Match ranges
are computed on the original text, so 'lodz' highlights 'Łódź'.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inducci_desktop.content.folding import TOKEN, Folded, fold, spellings

if TYPE_CHECKING:  # SQLAlchemy is imported where the index is written: the Library's first page needs none of it
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

FTS_TABLE = "content_fts"
MAX_QUERY_CHARS = 500
MAX_TOKENS = 8
MAX_TOKEN_CHARS = 40
SNIPPET_CHARS = 220
SNIPPET_LEAD = 60
ELLIPSIS = "…"

Range = tuple[int, int]


@dataclass(frozen=True)
class SearchHit:
    """One result. ``ranges`` are (start, end) offsets of matches in ``snippet``; ``title_ranges`` in
    ``title``; both on the original text as shown."""

    id: str
    kind: str
    title: str
    snippet: str
    ranges: tuple[Range, ...]
    title_ranges: tuple[Range, ...]
    score: float
    #: where the snippet comes from: summary | body | note
    snippet_from: str = "summary"


@dataclass(frozen=True)
class SearchDoc:
    """What goes into the index for one item (original texts; folding happens when indexing)."""

    item_id: str
    kind: str
    title: str
    summary: str
    body_text: str
    tags: Sequence[str] = ()
    note: str = ""


def _index(session: Session) -> Connection:
    """The session's connection to the content's database (the content cache when the user data is on a
    server: the index is FTS5, SQLite's)."""
    from inducci_desktop.store.models import SearchDocRow

    return session.connection(bind_arguments={"mapper": SearchDocRow})


def query_terms(query: str) -> list[str]:
    """The folded tokens of a user's query: deduplicated, capped in number and length; maybe empty."""
    terms: list[str] = []
    for token in TOKEN.findall(fold(query[:MAX_QUERY_CHARS])):
        token = token[:MAX_TOKEN_CHARS]
        if token not in terms:
            terms.append(token)
        if len(terms) == MAX_TOKENS:
            break
    return terms


def match_expression(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression: every term quoted; terms of 2+ characters match as prefixes."""
    parts = []
    for term in terms:
        options = []
        for spelling in spellings(term):
            quoted = '"' + spelling.replace('"', '""') + '"'
            options.append(quoted + "*" if len(spelling) > 1 else quoted)
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " ".join(parts)


def _pattern(terms: Sequence[str]) -> re.Pattern[str]:
    # A term matches at the start of a word (as the FTS prefix query does); one-letter terms whole words.
    every = {spelling for term in terms for spelling in spellings(term)}
    whole = [re.escape(t) for t in sorted(every) if len(t) == 1]
    longer = [re.escape(t) for t in sorted(every, key=lambda t: (-len(t), t)) if len(t) > 1]
    options = []
    if longer:
        options.append(r"(?<![^\W_])(?:" + "|".join(longer) + ")")
    if whole:
        options.append(r"(?<![^\W_])(?:" + "|".join(whole) + r")(?![^\W_])")
    return re.compile("|".join(options))


def match_ranges(original: str, pattern: re.Pattern[str]) -> list[Range]:
    """Ranges in ``original`` of the matches of ``pattern`` in its folded form (merged, in order)."""
    folded = Folded(original)
    ranges: list[Range] = []
    for match in pattern.finditer(folded.text):
        if match.end() == match.start():
            continue
        start, end = folded.span(match.start(), match.end())
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


def term_ranges(original: str, query: str) -> list[Range]:
    """Where the words of ``query`` occur in ``original``, matched as search matches them (folded, prefixes)."""
    terms = query_terms(query)
    return match_ranges(original, _pattern(terms)) if terms else []


def _window(original: str, ranges: list[Range]) -> tuple[str, tuple[Range, ...]]:
    """A snippet of ``original`` around its first range, with the ranges moved into it."""
    if len(original) <= SNIPPET_CHARS:
        return original, tuple(ranges)
    first = ranges[0][0] if ranges else 0
    start = max(0, first - SNIPPET_LEAD)
    if start > 0:
        space = original.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(original), start + SNIPPET_CHARS)
    if end < len(original):
        space = original.rfind(" ", max(first + 1, start + 1), end)
        end = space if space > start else end
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(original) else ""
    shift = len(prefix) - start
    inside = tuple((max(a, start) + shift, min(b, end) + shift) for a, b in ranges if a < end and b > start)
    return prefix + original[start:end] + suffix, inside


def _snippet(
    originals: tuple[str, str, str], folded: tuple[str, str, str], pattern: re.Pattern[str]
) -> tuple[str, tuple[Range, ...], str]:
    """The snippet for a hit: from the summary if it matches, else the first matching paragraph of the
    body, else of the note. ``folded`` are the same three texts as stored in the index, so only the
    paragraph shown is folded again (with its offset map)."""
    summary, body_text, note = originals
    if pattern.search(folded[0]):
        text_, ranges = _window(summary, match_ranges(summary, pattern))
        return text_, ranges, "summary"
    for source, folded_source, name in ((body_text, folded[1], "body"), (note, folded[2], "note")):
        first = pattern.search(folded_source) if source else None
        if first is None:
            continue
        # Folding keeps line breaks, so paragraph n of the folded text is paragraph n of the original; no
        # term holds a line break, so the first match lies in the first paragraph that matches.
        paragraphs = source.split("\n")
        index = folded_source.count("\n", 0, first.start())
        if index < len(paragraphs):
            text_, ranges = _window(paragraphs[index], match_ranges(paragraphs[index], pattern))
            return text_, ranges, name
    text_, ranges = _window(summary, [])
    return text_, ranges, "summary"


#: bm25 with the column weights (title, summary, body, tags, notes) of the ``rank`` that migrations 0002 and
#: 0008 configure, called by name and sorted by SQLite: ~30 % less time per ranked query than ``ORDER BY rank``
#: on 10,000 items (same order; ties in docid order).
BM25 = f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0, 6.0, 3.0)"
_RANKED = (f"SELECT rowid, {BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
           "AND rowid BETWEEN ? AND ? ORDER BY 2, rowid LIMIT ?")
_DOCS_SQL = f"""
    SELECT d.docid, d.item_id, d.kind, d.title, d.summary, d.body_text, n.text, f.summary, f.body, f.notes
    FROM content_search_docs AS d
    JOIN {FTS_TABLE} AS f ON f.rowid = d.docid
    LEFT JOIN notes AS n ON n.item_id = d.item_id AND n.deleted_at IS NULL
    WHERE d.docid IN ({{}})
"""


def _cursor(session: Session) -> sqlite3.Cursor:
    """A DBAPI cursor on the session's own connection and transaction: a search runs up to five short
    statements, and SQLAlchemy's result machinery cost about as much as SQLite's work for each."""
    connection = _index(session).connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)  # the index is SQLite's (the content cache on a server)
    return connection.cursor()


#: Column filters tried in turn until a page is full: the columns with the highest bm25 weights first.
TIERS = ("{title tags}", "{title summary tags notes}", "")


def _ranked(cursor: sqlite3.Cursor, expression: str, limit: int, docids: tuple[int, int]) -> list[tuple[int, float]]:
    """(docid, rank) of the best matches, best first.

    Matches in titles and tags come first, then in summaries and notes, then in bodies; each tier ranked
    by bm25 among itself, and a later tier is asked only when the page is not full. Ranking every body
    match of a short, common prefix costs tens of milliseconds on a large pack; its title matches alone
    fill the page.
    """
    found: list[tuple[int, float]] = []
    seen: set[int] = set()
    for columns in TIERS:
        tier = f"{columns} : ({expression})" if columns else expression
        rows = cursor.execute(_RANKED, (tier, docids[0], docids[1], limit + len(found))).fetchall()
        for docid, rank in rows:
            if docid not in seen and len(found) < limit:
                seen.add(docid)
                found.append((int(docid), float(rank)))
        if len(found) >= limit:
            break
    return found


def search(session: Session, query: str, limit: int = 20, language: str = "en") -> list[SearchHit]:
    """Ranked hits for ``query`` among the documents of ``language`` (its translations, English where it
    has none); English when that language is not loaded. Any text at all: hostile input gives results or
    none, never an error."""
    from sqlalchemy.exc import OperationalError  # loaded with the session

    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    try:
        docids = language_range(session, language) or language_range(session, "en")
        if docids is None:
            return []
        cursor = _cursor(session)
        ranked = _ranked(cursor, match_expression(terms), min(limit, 1000), docids)
        if not ranked:
            return []
        placeholders = ", ".join(str(docid) for docid, _rank in ranked)
        rows = {r[0]: r[1:] for r in cursor.execute(_DOCS_SQL.format(placeholders))}
    except (OperationalError, sqlite3.Error):
        log.exception("search failed for %r", query[:100])
        return []
    pattern = _pattern(terms)
    hits = []
    for docid, rank in ranked:
        if docid not in rows:
            continue
        item_id, kind, title, summary, body_text, note, *folded = rows[docid]
        snippet, ranges, source = _snippet((summary, body_text, note or ""), (folded[0], folded[1], folded[2]),
                                           pattern)
        hits.append(SearchHit(item_id, kind, title, snippet, ranges, tuple(match_ranges(title, pattern)),
                              -rank, source))
    return hits


def _folded_row(doc: SearchDoc) -> dict[str, str]:
    return {
        "title": fold(doc.title),
        "summary": fold(doc.summary),
        "body": fold(doc.body_text),
        "tags": fold(" ".join(doc.tags)),
        "notes": fold(doc.note),
    }


#: docids of one language are one run: language n of a load gets n * LANGUAGE_BLOCK + 1 …
LANGUAGE_BLOCK = 1_000_000


def _folded_once(doc: SearchDoc, seen: dict[tuple[str, ...], dict[str, str]]) -> dict[str, str]:
    key = (doc.title, doc.summary, doc.body_text, doc.note, *doc.tags)
    row = seen.get(key)
    if row is None:
        row = seen[key] = _folded_row(doc)
    return row


def rebuild_index(session: Session, docs: dict[str, Sequence[SearchDoc]]) -> None:
    """Replace the whole index by the documents of every language (inside the caller's transaction)."""
    from sqlalchemy import text

    _index(session).execute(text(f"DELETE FROM {FTS_TABLE}"))
    _index(session).execute(text("DELETE FROM content_search_docs"))
    folded: dict[tuple[str, ...], dict[str, str]] = {}  # English fallbacks repeat in every language: fold once
    for block, (language, some) in enumerate(docs.items()):
        if not some:
            continue
        base = block * LANGUAGE_BLOCK
        _index(session).execute(
            text("INSERT INTO content_search_docs (docid, language, item_id, kind, title, summary, body_text) "
                 "VALUES (:docid, :language, :item_id, :kind, :title, :summary, :body_text)"),
            [{"docid": base + n, "language": language, "item_id": d.item_id, "kind": d.kind, "title": d.title,
              "summary": d.summary, "body_text": d.body_text} for n, d in enumerate(some, start=1)],
        )
        _index(session).execute(
            text(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, tags, notes) "
                 "VALUES (:rowid, :title, :summary, :body, :tags, :notes)"),
            [{"rowid": base + n, **_folded_once(d, folded)} for n, d in enumerate(some, start=1)],
        )


#: Language blocks probed for a language's first docid (a load holds one block per language).
MAX_LANGUAGE_BLOCKS = 64

_LANGUAGE_RANGE = f"""
    SELECT d.docid, (SELECT e.docid FROM content_search_docs AS e WHERE e.docid BETWEEN d.docid AND d.docid + ?
                     ORDER BY e.docid DESC LIMIT 1)
    FROM content_search_docs AS d
    WHERE d.docid IN ({", ".join(str(block * LANGUAGE_BLOCK + 1) for block in range(MAX_LANGUAGE_BLOCKS))})
      AND +d.language = ?  -- the docids above, not the index on language (which holds every one of them)
"""


def language_range(session: Session, language: str) -> tuple[int, int] | None:
    """The first and last docid of ``language`` in the index, or None if it has no documents.

    A language's documents start a block (``n * LANGUAGE_BLOCK + 1``), so the range is found by looking up
    a few docids instead of reading every index entry of the language (4–6 ms at 10,000 items); a
    language not found that way is looked up through its index entries."""
    cursor = _cursor(session)
    row = cursor.execute(_LANGUAGE_RANGE, (LANGUAGE_BLOCK - 1, language)).fetchone()
    if row is None:
        row = cursor.execute("SELECT min(docid), max(docid) FROM content_search_docs WHERE language = ?",
                             (language,)).fetchone()
    return None if row is None or row[0] is None else (int(row[0]), int(row[1]))


def update_note(session: Session, item_id: str, note: str) -> None:
    """Put the new text of the note on ``item_id`` into the index (no-op if the item is not indexed)."""
    from sqlalchemy import text

    docids = _index(session).execute(text("SELECT docid FROM content_search_docs WHERE item_id = :item_id"),
                             {"item_id": item_id}).scalars().all()
    for docid in docids:  # one document per language
        _index(session).execute(text(f"UPDATE {FTS_TABLE} SET notes = :notes WHERE rowid = :docid"),
                        {"notes": fold(note), "docid": docid})
