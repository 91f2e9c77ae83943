"""Where content packs are and what version one is, read cheaply (no YAML parser on the start-up path)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DEFAULT_LANGUAGE = "en"
#: The languages of the partner regions; a pack folder of each is looked for beside the English one.
LANGUAGES = ("en", "de", "pl", "cs", "sl", "it", "nl")
_LINE = re.compile(r"^(id|version|language|title)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class PackHeader:
    """id, version, language and title of a pack, as written in its pack.yaml."""

    id: str
    version: str
    language: str
    title: str = ""


def shipped_pack(language: str = DEFAULT_LANGUAGE) -> Path:
    """The folder of the pack shipped for ``language`` (a real folder in a checkout, wheel or bundle)."""
    folder: Traversable = files("inducci_desktop.resources") / "content" / language
    return Path(str(folder))


def _scalar(raw: str) -> str:
    if raw[:1] in "\"'":
        quote = raw[0]
        end = raw.find(quote, 1)
        return raw[1:end] if end > 0 else raw[1:]
    return raw.split(" #", 1)[0].strip()


def read_header(pack_dir: Path) -> PackHeader | None:
    """The top-level id/version/language/title of ``pack_dir``/pack.yaml, or None if it cannot be read.

    Good enough for deciding whether a pack changed; the full loader validates pack.yaml properly.
    """
    from inducci_desktop.domain.inputs import InputFileError, read_regular_file

    try:  # a regular file only: a FIFO named pack.yaml must not hang the start
        text = read_regular_file(pack_dir / "pack.yaml", 1_000_000).decode("utf-8")
    except (InputFileError, UnicodeDecodeError):
        return None
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _LINE.match(line)
        if match and match.group(1) not in found:
            found[match.group(1)] = _scalar(match.group(2))
    if not found.get("id") or not found.get("version"):
        return None
    return PackHeader(found["id"], found["version"], found.get("language", ""), found.get("title", ""))


def translation_folders(base_dir: Path, base_language: str = DEFAULT_LANGUAGE) -> dict[str, Path]:
    """The translated pack folders beside ``base_dir`` (``../de``, ``../pl`` …) that exist."""
    found: dict[str, Path] = {}
    for code in LANGUAGES:
        folder = base_dir.parent / code
        if code != base_language and (folder / "pack.yaml").is_file():
            found[code] = folder
    return found


def pack_versions(folder: Path, base_language: str = DEFAULT_LANGUAGE) -> dict[str, tuple[str, str]]:
    """(id, version) of the pack in ``folder`` and of each translated pack beside it, by language: what the
    store holds once they are loaded (``content_pack``)."""
    versions: dict[str, tuple[str, str]] = {}
    for code, path in {base_language: folder, **translation_folders(folder, base_language)}.items():
        header = read_header(path)
        if header is not None:
            versions[code] = (header.id, header.version)
    return versions
