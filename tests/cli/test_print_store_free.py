"""``print file`` and ``print item`` open only what they need: no SQLAlchemy, no services, no database created
in a fresh data folder; the document settings of an existing one are still followed, and the PDF is the one
the store's route makes (same text, same language notes)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from inducci_desktop.paths import AppPaths
from tests.printing.conftest import CE_TEXT, page_texts

#: modules a Markdown file or a toolbox item must not need
HEAVY = ("sqlalchemy", "alembic", "inducci_desktop.store.database", "inducci_desktop.store.models",
         "inducci_desktop.services.container", "inducci_desktop.services.library.service", "PySide6")

RUN = textwrap.dedent("""
    import json, sys
    from inducci_desktop.app import run
    code = run(sys.argv[1:])
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "PySide6")
                   or m in {heavy!r})
    parsers = sorted(m for m in ("yaml", "pydantic") if m in sys.modules)
    print(json.dumps({{"code": code, "heavy": heavy, "parsers": parsers}}))
""").format(heavy=set(HEAVY))


def run_command(*args: str, fonts: Path) -> dict[str, object]:
    env = {**os.environ, "INDUCCI_FONT_CACHE": str(fonts), "INDUCCI_CONTENT_CACHE": str(fonts.parent / "content")}
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=True, env=env)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    del result["parsers"]
    return result


def test_the_parsed_pack_is_read_back_from_the_cache(tmp_path: Path) -> None:
    data, fonts, content = tmp_path / "data", tmp_path / "fonts", tmp_path / "content"
    args = ("--data-dir", str(data), "--lang", "pl", "print", "item", "format-creative-walk")
    env = {**os.environ, "INDUCCI_FONT_CACHE": str(fonts), "INDUCCI_CONTENT_CACHE": str(content)}
    parsed = []
    for name in ("first", "second"):
        done = subprocess.run([sys.executable, "-c", RUN, *args, "-o", str(tmp_path / f"{name}.pdf")],
                              capture_output=True, text=True, check=True, env=env)
        parsed.append(json.loads(done.stdout.strip().splitlines()[-1])["parsers"])
    assert parsed == [["pydantic", "yaml"], []]  # parsed once, then read back
    assert len(list(content.glob("pl-*.pickle"))) == 1
    first, second = ((tmp_path / f"{name}.pdf").read_bytes() for name in ("first", "second"))
    assert _without_dates(first) == _without_dates(second)
    assert "Spacer kreatywny" in page_texts(second)[0]


HANDOUT = f"""# Plan for Żywiec

Paragraph about {CE_TEXT}.

## Tables

| Region | Town |
| --- | --- |
| Śląsk | Bielsko-Biała |

- Győr
- Třinec
"""


def test_print_file_and_item_in_a_fresh_data_folder_open_no_store(tmp_path: Path) -> None:
    data, fonts = tmp_path / "data", tmp_path / "fonts"
    notes = tmp_path / "notes.md"
    notes.write_text(HANDOUT, encoding="utf-8")
    result = run_command("--data-dir", str(data), "print", "file", str(notes), "-o", str(tmp_path / "n.pdf"),
                         fonts=fonts)
    assert result == {"code": 0, "heavy": []}
    text = "\n".join(page_texts((tmp_path / "n.pdf").read_bytes()))
    assert "Plan for Żywiec" in text and "Bielsko-Biała" in text and "Třinec" in text
    assert "Kroměříž" in text and "Straße" in text
    assert PdfReader(tmp_path / "n.pdf").metadata.title == "Plan for Żywiec"

    result = run_command("--data-dir", str(data), "--lang", "de", "print", "item", "case-industrial-hackathon-silesia",
                         "-o", str(tmp_path / "c.pdf"), fonts=fonts)
    assert result == {"code": 0, "heavy": []}
    first = page_texts((tmp_path / "c.pdf").read_bytes())[0]
    assert "Industrial Hackathon in Silesia" in first and "Nur auf Englisch verfügbar." in first

    result = run_command("--data-dir", str(data), "--lang", "de", "print", "item", "format-art-thinking",
                         "-o", str(tmp_path / "a.pdf"), fonts=fonts)
    assert result == {"code": 0, "heavy": []}
    first = page_texts((tmp_path / "a.pdf").read_bytes())[0]
    assert "Übersetzung noch nicht geprüft" in first

    assert not AppPaths.resolve(data).database.exists()
    assert not any(p.name.startswith("inducci") and p.suffix in (".db", ".sqlite") for p in data.rglob("*"))


def test_an_existing_data_folder_keeps_its_document_settings(tmp_path: Path) -> None:
    from inducci_desktop.bootstrap import open_services
    from inducci_desktop.services.documents import DocumentSettings, PaperSize, save_settings

    data = tmp_path / "data"
    paths = AppPaths.resolve(data)
    paths.ensure()
    with open_services(paths) as services:
        region = services.regions.add("Śląskie")
        save_settings(services, DocumentSettings(PaperSize.LETTER, "pl", region.id))
    notes = tmp_path / "notes.md"
    notes.write_text(HANDOUT, encoding="utf-8")
    result = run_command("--data-dir", str(data), "print", "file", str(notes), "-o", str(tmp_path / "n.pdf"),
                         fonts=tmp_path / "fonts")
    assert result == {"code": 0, "heavy": []}
    reader = PdfReader(tmp_path / "n.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 612  # letter, from the settings
    first = page_texts((tmp_path / "n.pdf").read_bytes())[0]
    assert "Śląskie" in first and "Strona 1 z 1" in first  # the region and the document language (Polish)


def test_a_database_it_cannot_read_is_opened_the_whole_way(tmp_path: Path) -> None:
    """A database of a newer version: the store's message and exit code, as for every command."""
    data = tmp_path / "data"
    paths = AppPaths.resolve(data)
    paths.ensure()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.close()
    notes = tmp_path / "notes.md"
    notes.write_text(HANDOUT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", str(data), "print", "file",
                           str(notes), "-o", str(tmp_path / "n.pdf")], capture_output=True, text=True)
    assert done.returncode == 3 and done.stderr.startswith("error:")
    assert not (tmp_path / "n.pdf").exists()


def _without_dates(pdf: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[[^]]*\]", b"", pdf)


@pytest.mark.parametrize("language", ["en", "de", "pl"])
def test_the_item_read_from_the_pack_is_the_item_read_from_the_store(tmp_path: Path, language: str) -> None:
    from inducci_desktop.bootstrap import open_services
    from inducci_desktop.services.documents import DocumentRequest, build, build_without_store

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    with open_services(paths) as services:
        ids = [i for i, _t in services.printing.printable_items()]
        for item_id in ids[::7]:
            request = DocumentRequest("item", item_id, language=language)
            stored, lean = build(services, request), build_without_store(paths, request)
            assert lean is not None
            assert (lean.file_name, lean.paper) == (stored.file_name, stored.paper)
            assert _without_dates(lean.data) == _without_dates(stored.data), item_id
