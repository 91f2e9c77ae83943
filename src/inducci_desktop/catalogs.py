"""Where the compiled message catalogs are, and which language to speak.

A wheel and the frozen build carry ``inducci_desktop/resources/locale/<lang>/LC_MESSAGES/inducci.mo``
(compiled by the build, setup.py). A checkout or an editable install has only the ``.po`` files: they are
compiled with Babel into a cache folder the first time a language is used (and again when a ``.po`` changes).
A missing or broken catalog gives English and one logged warning, never an error.
"""

from __future__ import annotations

import gettext
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from inducci_desktop.domain import i18n

log = logging.getLogger(__name__)

#: the environment variables that choose the language, in gettext's order
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
#: overrides where compiled catalogs are cached (tests; read-only homes)
CACHE_VARIABLE = "INDUCCI_CATALOG_CACHE"

_warned: set[str] = set()


def locale_dir() -> Path:
    """The folder with ``<lang>/LC_MESSAGES/inducci.po`` (and ``.mo`` in a built package)."""
    from importlib.resources import files  # here: off the path of a command that speaks English

    return Path(str(files("inducci_desktop.resources") / "locale"))


def _cache_dir() -> Path:
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inducci-desktop" / "catalogs"


def mo_file(code: str) -> Path | None:
    """The compiled catalog of ``code``: the packaged one, else one compiled from the ``.po`` into the cache."""
    folder = locale_dir() / code / "LC_MESSAGES"
    packaged = folder / f"{i18n.DOMAIN}.mo"
    if packaged.is_file():
        return packaged
    po = folder / f"{i18n.DOMAIN}.po"
    if not po.is_file():
        return None
    import hashlib

    data = po.read_bytes()
    target = _cache_dir() / f"{code}-{hashlib.sha256(data).hexdigest()[:16]}.mo"
    if not target.is_file():
        compile_po(po, target)
    return target


def compile_po(po: Path, target: Path) -> None:
    """``.po`` → ``.mo`` with Babel (written atomically; fuzzy entries left out as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name, domain=i18n.DOMAIN)
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(code: str) -> gettext.NullTranslations:
    """The catalog of ``code``; English (the source strings) and one warning when it is missing or broken."""
    try:
        path = mo_file(code)
        if path is None:
            raise FileNotFoundError(f"no catalog for {code}")
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except Exception as exc:  # any fault of a catalog file means English, never a crash
        if code not in _warned:
            _warned.add(code)
            log.warning("the %s catalog cannot be used (%s: %s); showing English", code, type(exc).__name__, exc)
        return gettext.NullTranslations()


def system_language(environ: Mapping[str, str] | None = None, fallback: str | None = None) -> str:
    """The language the environment asks for (LANGUAGE may list several: the first we have wins), else
    ``fallback`` (the desktop's, from Qt) or English."""
    env = os.environ if environ is None else environ
    for variable in LANGUAGE_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            base = candidate.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].casefold()
            if base in i18n.LANGUAGES:
                return base
            if base in {"c", "posix"}:
                return "en"
        if variable != "LANGUAGE":
            break  # LC_ALL/LANG name one locale: a language we lack means English, not the next variable
    return i18n.normalise(fallback) if fallback else "en"


def apply(code: str) -> str:
    """Make ``code`` the interface language (as far as a catalog exists); returns the language in use."""
    base = i18n.normalise(code)
    i18n.use(base)
    return base


def install() -> None:
    """Register the catalogs and the locale data with ``domain.i18n`` (done once, on import of the package)."""
    i18n.set_loader(load)

    def babel_formats() -> i18n.Formats:
        from inducci_desktop.locale_formats import BabelFormats

        return BabelFormats()

    i18n.set_formats(babel_formats)
