"""In the pseudo-locale (tests/pseudo_locale.py): visible texts of the interface that were not taken from a
catalog — labels, buttons, tabs, group boxes, menus and their actions, table headers, window titles,
placeholders and the navigation. User data and toolbox content (texts found in the data folder's database
or in the content packs), numbers, dates and the product's own names are not the catalog's and pass.
"""

from __future__ import annotations

import json
import re
import sqlite3
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from inducci_desktop.domain.i18n import NATIVE_NAMES

from ..pseudo_locale import is_pseudo
from .layout_checks import shown

CONTENT = Path(__file__).resolve().parents[2] / "resources" / "content"
#: names that stay as they are in every language
PROPER = {"InduCCI", "InduCCI Desktop", "InduCCI e-Toolbox", "e-Toolbox", "PDF", "CSV", "XLSX", "A4", "Letter",
          *NATIVE_NAMES.values()}
_NO_WORDS = re.compile(r"^[^A-Za-z]*$")  # no Latin letter at all: numbers, dates in figures, symbols
_MARKUP = re.compile(r"<[^<>]*>|&[a-z]+;|&(?=\w)")
#: where a text made of several pieces is cut into them (markup, lines, separators)
_BLOCKS = re.compile(r"<[^<>]*>|\n|\u2029")
_PARTS = re.compile(r" · | – |: |\t")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
           "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
#: a date or time as the formats write it (12 November 2026, Thursday 12 November, 09:00–16:30)
_DATE = re.compile(rf"^[\d\s,.:–/-]*((({_MONTHS})\b[\d\s,.:–/-]*)+)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d+[.)]\s+")  # "2. How well …": a numbered question
_FILE = re.compile(r"^[\w.-]+\.[a-z0-9]{2,8}$", re.IGNORECASE)  # a file name


@cache
def _catalog_strings() -> frozenset[str]:
    """The .pot's strings (accelerators and markup removed): shown as they are, they escaped translation."""
    from babel.messages.pofile import read_po

    from ..pseudo_locale import POT

    with POT.open("rb") as handle:
        template = read_po(handle)
    ids = [i for m in template if m.id for i in ((m.id,) if isinstance(m.id, str) else m.id)]
    return frozenset(_plain(i) for i in ids if "{" not in i and "%" not in i)


def _plain(text: str) -> str:
    return _normal(_MARKUP.sub("", text.replace("&&", "&"))).strip(" :·–-•…()[]\"'")


class Corpus:
    """Texts that are data, not the interface's: each stored value (and each of its lines) as a whole, and
    all of them joined, where a long piece (a sentence) may be found inside a longer text."""

    LONG = 30  # characters: shorter pieces must be a whole value ("Open" inside a guide proves nothing)

    def __init__(self, values: list[str]) -> None:
        self.values = {_normal(v) for value in values for v in (value, *value.splitlines()) if v.strip()}
        self.values |= {_plain(v) for v in list(self.values)}
        self.joined = "\n".join(sorted(self.values))

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and (text in self.values or (len(text) >= self.LONG and text in self.joined))


_YAML_KEY = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s*[|>]?-?\s*")


@cache
def _content_corpus() -> Corpus:
    values: list[str] = []
    for path in CONTENT.rglob("*"):
        if path.is_file() and path.suffix in {".yaml", ".yml", ".md", ".json", ".txt"}:
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                values.append(_YAML_KEY.sub("", line).strip().strip("\"'").lstrip("#").strip())
    return Corpus(values)


def data_corpus(database: Path) -> Corpus:
    """Every text stored in the data folder's database (user data)."""
    found: list[str] = []
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found.extend(v for v in row if isinstance(v, str))
    return Corpus(found + [t for v in found if v[:1] in "[{" for t in _json_strings(v)])


def _json_strings(text: str) -> list[str]:
    """The strings inside a JSON value stored in a column (answers of feedback forms and the like)."""
    try:
        value = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2029", " ").split()).casefold()


def _is_data(text: str, corpus: Corpus) -> bool:
    """Whether every piece of ``text`` is data, content, a date, a number, a path or a product name (and the
    whole is not a string of the catalog)."""
    if _plain(text) in _catalog_strings():
        return False
    if _is_data_piece(text, corpus):
        return True
    for chunk in _BLOCKS.split(text):  # each line or element as a whole, else each of its parts
        if not _is_data_piece(chunk, corpus) and not all(_is_data_piece(p, corpus) for p in _PARTS.split(chunk)):
            return False
    return True


def _is_data_piece(text: str, corpus: Corpus) -> bool:
    plain = _NUMBERED.sub("", _plain(text))
    if not plain or _NO_WORDS.match(plain) or plain in {p.casefold() for p in PROPER}:
        return True
    if _DATE.match(plain) or _FILE.match(plain) or Path(text.strip()).is_absolute():
        return True
    return any(p in corpus or p in _content_corpus() for p in {plain, _normal(text).strip(" :·–-•…()[]\"'")})


def _texts(root: QWidget) -> list[tuple[str, str]]:  # noqa: C901 (one branch per kind of widget)
    """(where, text) of every visible text of the interface under ``root``."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not shown(widget):
            continue
        kind = type(widget).__name__
        if widget.isWindow() and widget.windowTitle():
            found.append((f"window title of {kind}", widget.windowTitle()))
        if isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QHeaderView):
            found.append((kind, widget.text()))
            if widget.toolTip() and not widget.text():
                found.append((f"tooltip of an icon {kind}", widget.toolTip()))
        elif isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.MarkdownText:
            found.append((kind, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        elif isinstance(widget, QTabBar):
            found.extend((f"tab of {kind}", widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and not isinstance(
                widget.parentWidget(), QComboBox):
            found.append((f"placeholder of {kind}", widget.placeholderText()))
        if isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            found.extend((kind, widget.item(i).text()) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for orientation in (Qt.Orientation.Horizontal,):
                header = getattr(widget, "horizontalHeader", None) or getattr(widget, "header", None)
                if header is None or not header().isVisible():
                    continue
                found.extend((f"header of {kind}", str(model.headerData(c, orientation) or ""))
                             for c in range(model.columnCount()))
        if isinstance(widget, QMainWindow) and widget.menuBar() is not None:
            for action in widget.menuBar().actions():
                found.append(("menu", action.text()))
                menu = action.menu()
                if isinstance(menu, QMenu):
                    found.extend(("menu action", a.text()) for a in menu.actions() if not a.isSeparator())
        if isinstance(widget, QAbstractButton) and hasattr(widget, "menu") and isinstance(widget.menu(), QMenu):
            found.extend(("button menu action", a.text()) for a in widget.menu().actions() if not a.isSeparator())
    return [(where, text) for where, text in found if text]


def untranslated(root: QWidget, corpus: Corpus | None = None) -> list[str]:
    """The visible texts under ``root`` that are neither from the (pseudo) catalog nor data."""
    problems = []
    corpus = corpus or Corpus([])
    for where, text in _texts(root):
        if is_pseudo(text) or _is_data(text, corpus):
            continue
        problems.append(f"{where}: {text[:80]!r}")
    return sorted(set(problems))
