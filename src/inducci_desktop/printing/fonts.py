"""The embedded DejaVu fonts, registered once with ReportLab.

ReportLab's standard 14 fonts have no glyphs for ł ř ő … and print ■ without an error, so every
style in this package names one of the families registered here.

Parsing the five TrueType files is most of the cost of registering them (~0.15 s), so what ReportLab parsed
is kept in the user's cache folder (``~/.cache/inducci-desktop/fonts``, ``INDUCCI_FONT_CACHE`` overrides it),
one file per font, named after a hash of the font file and the ReportLab and Python versions: the next
process reads it back in a few milliseconds. A cache file that is missing, damaged, not the user's own or
from another ReportLab means the font is parsed again (and the cache rewritten); the PDFs are the same
either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import logging
import os
import pickle
import sys
import threading
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Literal
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from inducci_desktop.domain.files import write_pickle
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

#: overrides where parsed fonts are cached (tests; read-only homes)
CACHE_VARIABLE = "INDUCCI_FONT_CACHE"

log = logging.getLogger(__name__)
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
            pdfmetrics.registerFont(_font(name, _font_path(filename)))
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


# --- the cache of parsed fonts -------------------------------------------------------------------------------

def cache_dir() -> Path:
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inducci-desktop" / "fonts"


def _font(name: str, path: Path) -> TTFont:
    """The font ``name`` of the file ``path``: from the cache of parsed fonts, else parsed (and cached)."""
    data = path.read_bytes()
    key = hashlib.sha256(data + f"|{reportlab.Version}|{sys.version}".encode()).hexdigest()[:24]
    cached = cache_dir() / f"{path.stem}-{key}.pickle"
    font = _cached_font(name, path, data, cached)
    if font is None:
        font = TTFont(name, str(path))
        _save(font, cached)
    return font


def _cached_font(name: str, path: Path, data: bytes, cached: Path) -> TTFont | None:
    """The font as ``TTFont(name, path)`` would make it, from the cache file ``cached``; None when it cannot
    be used."""
    try:
        with cached.open("rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # only the user's own cache files are read
            entry = pickle.load(handle)
        face_state, font_attributes = entry["face"], entry["font"]
    except FileNotFoundError:
        return None
    except Exception:  # damaged, or written by another version of a class: parse the font again
        log.info("the cached font %s cannot be read; parsing the font file", cached.name)
        return None
    face: Any = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    face._ttf_data, face.filename = data, str(path)
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else _scale(1000 / units)
    # what TTFont.__init__ sets besides the parsed face (checked against the attributes it had when parsed)
    font: Any = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding, font.state = name, face, TTEncoding(), WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)  # type: ignore[attr-defined]
    if sorted(font.__dict__) != font_attributes:
        return None
    return font  # type: ignore[no-any-return]


def _scale(factor: float) -> Any:
    return lambda x: x * factor


def _save(font: TTFont, cached: Path) -> None:
    """Keep what ReportLab parsed of ``font`` (not the file's bytes, read again each time) in ``cached``."""
    face_state = {k: v for k, v in font.face.__dict__.items() if k not in ("_ttf_data", "_pdfScale", "filename")}
    entry = {"face": face_state, "font": sorted(font.__dict__)}
    try:
        write_pickle(cached, entry)
    except OSError as exc:  # a read-only or full cache folder: the font is parsed again next time
        log.info("the parsed font %s is not cached: %s", cached.name, exc)
