"""The fonts are parsed once and read back from the cache of what ReportLab parsed in later processes; a
damaged cache file is parsed again and replaced; the PDFs are the same either way."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.printing.conftest import CE_TEXT, page_texts

CHILD = textwrap.dedent("""
    import json, sys
    from reportlab.pdfbase import ttfonts
    parsed = []
    real = ttfonts.TTFontFile.extractInfo
    def counting(self, *args, **kwargs):
        parsed.append(1)
        return real(self, *args, **kwargs)
    ttfonts.TTFontFile.extractInfo = counting
    from inducci_desktop.printing.markdown_file import markdown_text_document
    pdf = markdown_text_document(sys.argv[2], "Łódź", None)
    open(sys.argv[1], "wb").write(pdf)
    print(json.dumps(len(parsed)))
""")


def _print(target: Path, cache: Path) -> int:
    env = {**os.environ, "INDUCCI_FONT_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(target), f"**{CE_TEXT}** *{CE_TEXT}* `{CE_TEXT}`"],
                          capture_output=True, text=True, check=True, env=env)
    parsed: int = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


def _without_dates(pdf: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[[^]]*\]", b"", pdf)


def test_fonts_are_parsed_once_and_read_back_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "fonts"
    assert _print(tmp_path / "first.pdf", cache) == 5  # every face parsed, then cached
    cached = sorted(cache.glob("*.pickle"))
    assert len(cached) == 5 and all(p.stat().st_mode & 0o077 == 0 for p in cached)
    assert _print(tmp_path / "second.pdf", cache) == 0  # nothing parsed
    first, second = (tmp_path / "first.pdf").read_bytes(), (tmp_path / "second.pdf").read_bytes()
    assert _without_dates(first) == _without_dates(second)
    assert "Kroměříž" in page_texts(second)[0]

    cached[0].write_bytes(b"not a pickle")
    assert _print(tmp_path / "third.pdf", cache) == 1  # the damaged one parsed again …
    assert _print(tmp_path / "fourth.pdf", cache) == 0  # … and cached again
    assert _without_dates((tmp_path / "fourth.pdf").read_bytes()) == _without_dates(first)


def test_an_unwritable_cache_folder_only_means_parsing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert _print(tmp_path / "a.pdf", blocked / "fonts") == 5
    assert _print(tmp_path / "b.pdf", blocked / "fonts") == 5
    assert "Łódź" in page_texts((tmp_path / "b.pdf").read_bytes())[0]
