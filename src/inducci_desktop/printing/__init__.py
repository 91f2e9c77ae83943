"""Printed documents (PDF) on ReportLab Platypus — Qt-free, and never imported at start-up.

Import the modules you need lazily, where a document is made (ReportLab takes a while to load)::

    from inducci_desktop.printing.options import PaperSize, PrintOptions, titles_from_pack  # no ReportLab
    from inducci_desktop.printing.errors import PrintError                                 # no ReportLab
    from inducci_desktop.printing.output import write_pdf                                   # no ReportLab

API (every document function returns the PDF as ``bytes``; ``titles`` maps item ids to titles for
"related" lists and ``item:ID`` links — pass ``titles_from_pack(pack)``):

- ``items.item_document(item, options=None, *, titles=None) -> bytes`` — one toolbox item, in the layout
  of its kind (the ``*_story`` functions): guide handout (title, summary, body, sources, related), case
  profile sheet (fact box, results, lessons …), format card (purpose, duration, group size, materials,
  numbered steps, body) or interview guide
- ``glossary.glossary_document(terms, options=None, *, titles=None, title="Glossary")`` — alphabetical
- ``markdown_file.markdown_document(path, options=None, *, title=None)`` — any UTF-8 Markdown file;
  ``markdown_file.markdown_text_document(text, title, options=None, *, base_folder=None)``
- ``pack.handout_pack(items, cover: PackCover, options=None, *, titles=None, glossary=())`` — cover,
  contents with page numbers, each item on a new page, PDF bookmarks
- ``output.write_pdf(target, data_or_callable) -> Path`` — atomic save (temp file + ``os.replace``);
  pass a callable (``lambda: item_document(...)``) so that a failed render leaves nothing behind.

``PrintOptions(paper=PaperSize.A4 | PaperSize.LETTER, organisation, region, author, language, date,
keywords)``: organisation and region go into the page header, the date into the footer next to
"Page X of Y", language into the PDF's /Lang. Everything raises ``PrintError`` with a message for
the user. Fonts: DejaVu Sans (embedded, from ``inducci_desktop.resources/fonts``); styles live in
``styles.py``, the page layout in ``templates.py`` (one layout pass: "of Y" and the contents' page
numbers are PDF forms defined after the last page), Markdown conversion in ``markdown.py``. Make
paragraphs with ``paragraph.Paragraph`` (ReportLab's, breaking its lines once per width), not ReportLab's.
"""

from __future__ import annotations

import re
import sys
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: ReportLab's module that compiles, when imported, a URL pattern whose case-insensitive character classes
#: span all of Unicode (~0.1 s, more than the rest of its import) and that it uses only to split a URL too
#: long for its line; that pattern is compiled the first time it is used instead.
_LAZY_IN = "reportlab.platypus.paragraph"


class _LazyPattern:
    """A compiled pattern, compiled when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = _compile(*self._args)
        return getattr(self._compiled, name)


_compile = re.compile


def _costly(pattern: object, flags: int) -> bool:
    return isinstance(pattern, str) and bool(flags & re.IGNORECASE) and "\uffff" in pattern


class _Deferring(Loader):
    """Runs the module of ``_LAZY_IN`` with its costly patterns deferred; everything else as ``inner`` does."""

    def __init__(self, inner: Loader) -> None:
        self.inner = inner

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        def deferring(pattern: Any, flags: int = 0) -> Any:
            return _LazyPattern(pattern, flags) if _costly(pattern, flags) else _compile(pattern, flags)

        re.compile = deferring
        try:
            self.inner.exec_module(module)
        finally:
            re.compile = _compile


class _Finder(MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: ModuleType | None = None) -> ModuleSpec | None:
        if name != _LAZY_IN:
            return None
        sys.meta_path.remove(self)  # one module, once
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Deferring(spec.loader)
                return spec
        return None


if _LAZY_IN not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
    sys.meta_path.insert(0, _Finder())
