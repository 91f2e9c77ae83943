"""The shipped pack as a reader of one language sees it, kept in the user's cache folder after it was parsed
once, so that a command printing one toolbox item reads it back in milliseconds instead of importing the YAML
parser and the schemas and parsing every file (~0.4 s).

One file per language (``~/.cache/inducci-desktop/content``, ``INDUCCI_CONTENT_CACHE`` overrides it), named
after a hash of every pack file's name, size and modification time (English and the language's folder) and of
the app's and Python's versions: a changed pack, app or Python means a new parse. A cache file that is
missing, damaged or not the user's own is parsed again and rewritten; a pack with problems is never cached.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from pathlib import Path

from inducci_desktop import __version__
from inducci_desktop.content.model import ContentPack
from inducci_desktop.content.packinfo import DEFAULT_LANGUAGE, shipped_pack
from inducci_desktop.domain.files import write_pickle

CACHE_VARIABLE = "INDUCCI_CONTENT_CACHE"
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inducci-desktop" / "content"


def shipped(language: str) -> ContentPack | None:
    """The shipped pack as a reader of ``language`` sees it: the translation resolved against English
    (English items where it lacks one), English when there is no usable translation; None when English has
    problems (then nothing is cached)."""
    base_folder = shipped_pack(DEFAULT_LANGUAGE)
    folder = base_folder.parent / language
    folders = [base_folder] + ([folder] if language != DEFAULT_LANGUAGE and (folder / "pack.yaml").is_file() else [])
    key = _key(folders, language)
    cached = cache_dir() / f"{language}-{key}.pickle" if key else None
    pack = _read(cached) if cached else None
    if pack is None:
        pack = _parse(language)
        if pack is not None and cached is not None:
            _write(cached, pack)
    return pack


def _parse(language: str) -> ContentPack | None:
    from inducci_desktop.content.loader import check_pack_cached
    from inducci_desktop.content.packinfo import translation_folders
    from inducci_desktop.content.translation import resolve

    folder = shipped_pack(DEFAULT_LANGUAGE)
    base, _problems = check_pack_cached(folder, DEFAULT_LANGUAGE)
    if base is None or language == base.language:
        return base
    translated_folder = translation_folders(folder, base.language).get(language)
    if translated_folder is None:
        return base
    translated, _problems = check_pack_cached(translated_folder, language, base=base)
    return base if translated is None else resolve(base, translated)


def _key(folders: list[Path], language: str) -> str | None:
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{language}".encode())
    try:
        for folder in folders:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                stat = path.stat()
                digest.update(f"|{path.relative_to(folder.parent)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    except OSError:
        return None
    return digest.hexdigest()[:24]


def _read(cached: Path) -> ContentPack | None:
    try:
        with cached.open("rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # only the user's own cache files are read
            pack = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # damaged, or written by another version of a class: parse the pack again
        log.info("the cached content %s cannot be read; parsing the pack", cached.name)
        return None
    return pack if isinstance(pack, ContentPack) else None


def _write(cached: Path, pack: ContentPack) -> None:
    try:
        write_pickle(cached, pack)
    except OSError as exc:  # a read-only or full cache folder: the pack is parsed again next time
        log.info("the parsed content %s is not cached: %s", cached.name, exc)
