"""The embedded DejaVu fonts, registered once with ReportLab.

ReportLab's standard 14 fonts have no glyphs for ł ř ő … and print ■ without an error, so every
style in this package names one of the families registered here.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import threading
from pathlib import Path
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.errors import PrintError

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_registered = False
# Keeps extracted copies alive when the package is a zip (frozen bundles); a no-op for real files.
_stack = contextlib.ExitStack()


def _font_path(filename: str) -> Path:
    resource = importlib.resources.files("inducci_desktop.resources") / "fonts" / filename
    if not resource.is_file():
        raise PrintError(_("The font file {filename} is missing from the installation.").format(filename=filename))
    return Path(_stack.enter_context(importlib.resources.as_file(resource)))


def register_fonts() -> None:
    """Register DejaVu Sans (one family: regular, bold, oblique, bold oblique) and DejaVu Sans Mono.

    Safe to call often and from several threads.
    """
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(_font_path(filename))))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
        )
        # Only the regular mono face ships; map its bold/italic to it so <b> inside code cannot
        # make ReportLab look for (or fall back to) another font.
        # The regular mapping goes last: it decides what MONO itself maps back to.
        flags: tuple[tuple[Literal[0, 1], Literal[0, 1]], ...] = ((1, 1), (1, 0), (0, 1), (0, 0))
        for bold, italic in flags:
            addMapping(MONO, bold, italic, MONO)
        _registered = True
