"""Any Markdown file of the user's as a PDF (title from its first heading or its file name)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.common import DocContext, body, title_block
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.markdown import first_heading
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.templates import DocumentMeta, render

#: The largest Markdown file ``print file`` takes (README: limits). Layout is linear in the length of the
#: text (bench/printing.py), about 300 pages per megabyte; beyond this a PDF is not the right form.
MAX_MARKDOWN_BYTES = 2_000_000


def read_markdown(path: Path) -> str:
    """The text of ``path``; a clear PrintError when it is missing, unreadable, not a regular file, larger
    than MAX_MARKDOWN_BYTES or not UTF-8."""
    from inducci_desktop.domain.inputs import InputFileError, read_regular_file

    try:
        data = read_regular_file(path, MAX_MARKDOWN_BYTES, "Markdown file")
    except InputFileError as exc:
        raise PrintError(str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PrintError(
            _("The file {name} is not UTF-8 text (byte 0x{data:02x} at position {start}). Save it with UTF-8 "
                "encoding and print it again.")
                .format(name=path.name, data=data[exc.start], start=exc.start)
        ) from exc


def markdown_story(text: str, title: str, ctx: DocContext) -> list[Flowable]:
    return [*title_block(ctx, "", title), *body(ctx, text)]


def markdown_text_document(
    text: str, title: str, options: PrintOptions | None = None, *, base_folder: Path | None = None
) -> bytes:
    """The PDF of Markdown ``text`` under ``title``; relative images are looked up in ``base_folder``."""
    options = options or PrintOptions()
    roots = (base_folder,) if base_folder is not None else ()
    ctx = DocContext(options=options, image_roots=roots)
    return render(lambda: markdown_story(text, title, ctx), DocumentMeta(title=title), options)


def markdown_document(path: Path, options: PrintOptions | None = None, *, title: str | None = None) -> bytes:
    """The PDF of the Markdown file ``path``.

    The title is ``title``, else the file's leading ``#`` heading (then not printed twice), else the
    file name. Images are looked up next to the file and may not leave its folder.

    Raises:
        PrintError: the file is missing, unreadable or not UTF-8, or cannot be laid out.
    """
    path = Path(path)
    text = read_markdown(path)
    heading, rest = first_heading(text)
    if title is None:
        if heading:
            title, text = heading, rest
        else:
            title = path.stem.replace("_", " ").strip() or path.name
    return markdown_text_document(text, title, options, base_folder=path.parent)
