"""The shipped catalogs: the .pot has every string of the code, each .po is complete and not fuzzy, and every
translation keeps the placeholders of the English string (Babel's checks plus the {name} placeholders)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("de", "pl", "cs", "sl", "it", "nl")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def test_the_pot_has_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, str(ROOT / "tools" / "catalogs.py"), "extract"], check=True, capture_output=True,
                   env={"PATH": "", "INDUCCI_POT": str(fresh)})
    missing = _ids(_catalog(fresh)) - _ids(_catalog(LOCALE / "inducci.pot"))
    assert not missing, f"run tools/catalogs.py extract, then update: {sorted(missing)[:10]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_po_has_every_string_of_the_pot(code: str) -> None:
    assert _ids(_catalog(LOCALE / "inducci.pot")) <= _ids(_catalog(LOCALE / code / "LC_MESSAGES" / "inducci.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder(code: str) -> None:
    catalog = _catalog(LOCALE / code / "LC_MESSAGES" / "inducci.po")
    problems = [f"{m.id!r}: {'; '.join(map(str, errors))}" for m, errors in catalog.check()]
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) - wanted:
                problems.append(f"{ids[0]!r}: {text!r} has placeholders the English string lacks")
            if text and len(ids) == 1 and set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{ids[0]!r}: {text!r} does not keep the placeholders {sorted(wanted)}")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_po_is_complete_and_has_nothing_fuzzy(code: str) -> None:
    catalog = _catalog(LOCALE / code / "LC_MESSAGES" / "inducci.po")
    untranslated = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple)
                                                                         and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy, f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy"
