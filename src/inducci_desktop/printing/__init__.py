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
