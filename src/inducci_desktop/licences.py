"""The licences of everything the app carries: the Python packages it depends on (read from the installed
distributions with importlib.metadata), Python itself and the shipped fonts.

The frozen build writes them once into a ``licences/`` folder of the bundle (``index.json`` plus one text
file per entry); the About box lists that index there, or the live distributions when run from a checkout.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT_DISTRIBUTION = "inducci-desktop"
INDEX = "index.json"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)


@dataclass(frozen=True)
class LicenceEntry:
    """One component: its name, version, licence (SPDX expression or the package's own words) and the
    file names of its licence texts inside the licences folder."""

    name: str
    version: str
    licence: str
    files: tuple[str, ...] = ()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dependency_closure(root: str = ROOT_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions ``root`` needs at run time (extras left out), ``root`` first."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        if _normal(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-specific requirement that is not installed
        seen[_normal(name)] = dist
        for requirement in dist.requires or []:
            if "extra ==" in requirement.replace("extra==", "extra =="):
                continue
            match = _NAME.match(requirement)
            if match:
                pending.append(match.group(1))
    return list(seen.values())


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = str((meta.get_all("License") or [""])[0]).strip().splitlines()
    return text[0][:80] if text else "see the package"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of every licence-like file the distribution installed."""
    found: list[tuple[str, str]] = []
    for entry in dist.files or []:
        path = str(entry)
        if not _LICENCE_FILE.search(path) or path.endswith((".py", ".pyc")):
            continue
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text:
            found.append((path.replace("/", "_"), text))
    return found


def write_licences(target: Path, extra: list[tuple[LicenceEntry, dict[str, str]]] | None = None,
                   fallback: dict[str, dict[str, str]] | None = None) -> list[LicenceEntry]:
    """Write the licence texts of the dependency closure (and ``extra`` entries with their texts) into
    ``target`` and an index of them; returns the entries. A distribution that installed no licence file
    gets the ``fallback`` texts of the first licence id its licence names (e.g. "LGPL-3.0")."""
    target.mkdir(parents=True, exist_ok=True)
    entries: list[LicenceEntry] = []
    for dist in sorted(dependency_closure(), key=lambda d: _normal(d.metadata["Name"])):
        name = str(dist.metadata["Name"])
        names = []
        licence = licence_of(dist)
        own = licence_files(dist) or next(
            (list(found.items()) for key, found in (fallback or {}).items() if key in licence), [])
        for file_name, text in own:
            out = f"{_normal(name)}--{file_name}"
            (target / out).write_text(text, encoding="utf-8")
            names.append(out)
        entries.append(LicenceEntry(name, dist.version, licence, tuple(names)))
    for entry, texts in extra or []:
        for file_name, text in texts.items():
            (target / file_name).write_text(text, encoding="utf-8")
        entries.append(entry)
    index = [asdict(entry) for entry in entries]
    (target / INDEX).write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    return entries


def bundled_folder() -> Path | None:
    """The licences folder of a frozen build, or None when running from an installed package."""
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None
    folder = Path(base) / "licences"
    return folder if (folder / INDEX).is_file() else None


def components() -> list[LicenceEntry]:
    """What About lists: the bundle's index when frozen, otherwise the installed dependency closure plus
    the shipped fonts."""
    folder = bundled_folder()
    if folder is not None:
        raw = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        return [LicenceEntry(r["name"], r["version"], r["licence"], tuple(r["files"])) for r in raw]
    entries = [LicenceEntry(str(d.metadata["Name"]), d.version, licence_of(d)) for d in dependency_closure()]
    entries.sort(key=lambda e: _normal(e.name))
    entries.append(FONT_ENTRY)
    return entries


FONT_ENTRY = LicenceEntry("DejaVu fonts", "2.37", "Bitstream Vera and Arev fonts licence (free)",
                          ("LICENSE-DejaVu.txt",))
